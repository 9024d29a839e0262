// Loads data for a component and reloads it when the state that the loader reads changes.
// Superseded loads are aborted, so typing into a search box never shows an older answer last.

/**
 * @param {(signal: AbortSignal) => Promise<any>} fn reads its reactive inputs before its first await
 */
export function loadable(fn, { keepData = true } = {}) {
  const state = $state({ data: undefined, error: null, loading: true, reload: () => {} });
  let generation = $state(0);
  state.reload = () => {
    generation += 1;
  };
  $effect(() => {
    generation; // reload() re-runs this effect
    const controller = new AbortController();
    state.loading = true;
    if (!keepData) state.data = undefined;
    let promise;
    try {
      promise = Promise.resolve(fn(controller.signal));
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise.then(
      (data) => {
        if (controller.signal.aborted) return;
        state.data = data;
        state.error = null;
        state.loading = false;
      },
      (error) => {
        if (controller.signal.aborted || error?.name === 'AbortError') return;
        state.error = error;
        state.loading = false;
      },
    );
    return () => controller.abort();
  });
  return state;
}

/** Debounces a value: returns a getter that follows `get()` after `ms` of quiet. */
export function debounced(get, ms = 250) {
  let value = $state(get());
  $effect(() => {
    const next = get();
    const timer = setTimeout(() => {
      value = next;
    }, ms);
    return () => clearTimeout(timer);
  });
  return () => value;
}

/**
 * A list read a page at a time on demand ("show older"): `more()` reads the first page, `more(cursor)` the next and
 * appends it. `load({limit, cursor})` answers a page {items, next_cursor, total}.
 */
export function pagedOnDemand(load, limit = 10) {
  const state = $state({ items: [], cursor: null, total: null, loading: false, loaded: false, error: null });
  state.more = async (after = null) => {
    state.loading = true;
    state.error = null;
    try {
      const page = await load({ limit, cursor: after ?? undefined });
      state.items = after ? [...state.items, ...(page?.items ?? [])] : (page?.items ?? []);
      state.cursor = page?.next_cursor ?? null;
      state.total = page?.total ?? null;
      state.loaded = true;
    } catch (e) {
      state.error = e;
    } finally {
      state.loading = false;
    }
  };
  return state;
}
