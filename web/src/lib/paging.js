// Cursor paging whose position lives in the URL (`page`, `cursor`) so a reload opens the same page.
// The cursors of earlier pages are remembered in memory; after a reload, "previous" goes to the start.

export function createPaging() {
  const cursors = new Map(); // page index -> cursor
  return {
    next(page, nextCursor) {
      cursors.set(page + 1, nextCursor);
      return { page: page + 1, cursor: nextCursor };
    },
    previous(page, currentCursor) {
      cursors.set(page, currentCursor);
      const target = page - 1;
      if (target <= 0) return { page: null, cursor: null };
      const cursor = cursors.get(target);
      return cursor ? { page: target, cursor } : { page: null, cursor: null };
    },
    reset() {
      cursors.clear();
    },
  };
}
