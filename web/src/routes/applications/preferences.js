// A student's ranked preferences as a list of offer ids, changed by keyboard, buttons or drag and
// drop. Pure: every change answers a new list (and where the moved offer is now, for the screen
// reader's announcement).

/** The list with the offer at `from` moved to `to` (both kept inside the list). */
export function moveTo(list, from, to) {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || target === from) return { list, index: from };
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved);
  return { list: next, index: target };
}

/** One place up (delta -1) or down (+1). */
export function moveBy(list, index, delta) {
  return moveTo(list, index, index + delta);
}

/** The offer added last, unless it is there already or the call's limit is reached. */
export function add(list, offerId, max) {
  if (list.includes(offerId) || list.length >= max) return list;
  return [...list, offerId];
}

export function remove(list, offerId) {
  return list.filter((id) => id !== offerId);
}

/** Whether the list differs from the one saved. */
export function changed(list, saved) {
  return list.length !== saved.length || list.some((id, i) => id !== saved[i]);
}
