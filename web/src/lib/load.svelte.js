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
