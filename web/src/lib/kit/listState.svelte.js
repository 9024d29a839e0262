// The state of a list screen, kept in the URL's query so that a reload or a shared link shows the same list:
// filters by their API names, `sort` (`name` / `-name`), paging (`page`, `cursor`). Typed filters (search
// boxes) follow the URL after a short pause; the URL's values come back into the boxes on back/forward.
import { untrack } from 'svelte';
import { query, setQuery } from '../router.svelte.js';
import { i18n } from '../i18n/index.svelte.js';
import { createPaging } from '../paging.js';
import { apiQuery, activeFilters, clearedFilters, typedChanges, withFirstPage, nextSort, pageOf } from './list.js';

/**
 * @param {{filters: Array<{name: string, type?: string, typed?: boolean, toApi?: Function}>, sort?: string|null,
 *   pageSize?: number, delay?: number}} spec
 *   A typed filter (`type` 'search' or 'text', or `typed: true`) is a box whose value goes to the URL after
 *   `delay` ms of quiet.
 */
export function createListState(spec) {
  const delay = spec.delay ?? 250;
  const typedNames = (spec.filters ?? []).filter((f) => f.typed ?? ['search', 'text'].includes(f.type)).map((f) => f.name);
  const params = $derived(query());
  const paging = createPaging();

  const initial = untrack(() => query());
  // what the URL said last for each typed filter, and what the boxes say now
  const seen = Object.fromEntries(typedNames.map((n) => [n, initial.get(n) ?? '']));
  const text = $state({ ...seen });

  function update(changes) {
    for (const n of typedNames) if (n in changes) seen[n] = changes[n] ?? '';
    paging.reset();
    setQuery(withFirstPage(changes));
  }

  if (typedNames.length) {
    // the boxes → the URL, after a pause
    $effect(() => {
      const changes = typedChanges(text, seen);
      if (!Object.keys(changes).length) return;
      const timer = setTimeout(() => update(changes), delay);
      return () => clearTimeout(timer);
    });
    // the URL → the boxes (back and forward, links, "clear filters")
    $effect(() => {
      const p = params;
      untrack(() => {
        for (const n of typedNames) {
          const v = p.get(n) ?? '';
          if (v !== seen[n]) {
            seen[n] = v;
            text[n] = v;
          }
        }
      });
    });
  }

  return {
    spec,
    text,
    get params() {
      return params;
    },
    get page() {
      return pageOf(params);
    },
    get sort() {
      return params.get('sort') ?? spec.sort ?? '';
    },
    get active() {
      return activeFilters(params, spec);
    },
    /** The value of a filter in the URL ('' when unset). */
    get: (name) => params.get(name) ?? '',
    update,
    set: (name, value) => update({ [name]: value }),
    sortBy: (field) => update({ sort: nextSort(params.get('sort') ?? spec.sort ?? '', field) }),
    setSort: (sort) => update({ sort }),
    clear() {
      for (const n of typedNames) text[n] = '';
      update(clearedFilters(spec));
    },
    /**
     * The API's query for the current page, in the reader's language (the server sorts countries by their name
     * in it); read inside loadable() so that a change of the URL or of the language reloads.
     */
    apiQuery: () => apiQuery(query(), spec, { language: i18n.locale }),
    /** The same filters and sort without paging (for the export). */
    exportQuery: () => apiQuery(params, spec, { paging: false }),
    // Another page starts at the top, as a new page does.
    previous() {
      setQuery(paging.previous(pageOf(params), params.get('cursor')), { replace: false, keepScroll: false });
    },
    next(nextCursor) {
      setQuery(paging.next(pageOf(params), nextCursor), { replace: false, keepScroll: false });
    },
  };
}
