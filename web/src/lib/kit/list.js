// The pure part of a list screen's state: what the URL's query says, what goes to the API, how sorting
// toggles. The reactive wrapper is listState.svelte.js; these functions are tested without a browser.

/** Sorting by a column: ascending first, a second click descending (the API's `name` / `-name`). */
export function nextSort(current, field) {
  return current === field ? `-${field}` : field;
}

/** 'ascending', 'descending' or 'none' for a column (aria-sort's words). */
export function sortDirection(current, field) {
  if (current === field) return 'ascending';
  if (current === `-${field}`) return 'descending';
  return 'none';
}

/** The page index the URL names (0 for the first page). */
export function pageOf(search) {
  return Number(search.get('page') ?? 0) || 0;
}

/**
 * The filters of a list as the API wants them, read from the query: each filter by its name (through its
 * `toApi` where it has one), the sort (or the default), and with `paging` the cursor and page size.
 * @param {URLSearchParams} search
 * @param {{filters: Array<{name: string, toApi?: (v: string|null) => any}>, sort?: string|null, pageSize?: number}} spec
 */
export function apiQuery(search, spec, { paging = true, language = null } = {}) {
  const out = {};
  for (const f of spec.filters ?? []) {
    const value = search.get(f.name);
    out[f.name] = f.toApi ? f.toApi(value) : value;
  }
  const sort = search.get('sort') ?? spec.sort ?? null;
  if (sort) out.sort = sort;
  if (paging) {
    out.cursor = search.get('cursor');
    out.limit = spec.pageSize ?? 50;
  }
  // The reader's language: the server sorts by names in it (a country's).
  if (language) out.lang = language;
  return out;
}

/** How many filters are set (for "clear filters"). */
export function activeFilters(search, spec) {
  return (spec.filters ?? []).filter((f) => search.get(f.name)).length;
}

/** Every filter set to null, to clear them all at once. */
export function clearedFilters(spec) {
  return Object.fromEntries((spec.filters ?? []).map((f) => [f.name, null]));
}

/**
 * The typed filters whose box differs from the URL: {q: 'Flinders'}. Values are trimmed; '' removes the
 * parameter. `seen` holds what the URL said last, so that a value the URL already has is not sent again.
 */
export function typedChanges(text, seen) {
  const changes = {};
  for (const [name, raw] of Object.entries(text)) {
    const value = String(raw ?? '').trim();
    if (value !== (seen[name] ?? '')) changes[name] = value;
  }
  return changes;
}

/** The changes to the query that a change of filters makes: the list starts again at its first page. */
export function withFirstPage(changes) {
  return { ...changes, cursor: null, page: null };
}
