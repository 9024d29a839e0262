import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { flushSync } from 'svelte';
import { createListState } from './listState.svelte.js';
import { navigate, route } from '../router.svelte.js';
import { i18n } from '../i18n/index.svelte.js';

const filters = [{ name: 'q', type: 'search' }, { name: 'tier', type: 'select' }];

function withState(spec) {
  let state;
  const cleanup = $effect.root(() => {
    state = createListState(spec);
  });
  flushSync();
  return { state, cleanup };
}

describe('the list state', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    navigate('/partners?tier=strategic&page=2&cursor=abc', { replace: true });
  });
  afterEach(() => vi.useRealTimers());

  it('reads its filters, sort and page from the URL', () => {
    const { state, cleanup } = withState({ filters, sort: 'name' });
    expect(state.get('tier')).toBe('strategic');
    expect(state.sort).toBe('name');
    expect(state.page).toBe(2);
    expect(state.active).toBe(1);
    expect(state.apiQuery()).toEqual({ q: null, tier: 'strategic', sort: 'name', cursor: 'abc', limit: 50, lang: i18n.locale });
    cleanup();
  });

  it('puts a changed filter in the URL and starts at the first page', () => {
    const { state, cleanup } = withState({ filters });
    state.set('tier', 'standard');
    expect(route.search).toBe('?tier=standard');
    cleanup();
  });

  it('debounces the search box: the URL follows after a pause, once', () => {
    const { state, cleanup } = withState({ filters, delay: 250 });
    state.text.q = 'Fli';
    flushSync();
    vi.advanceTimersByTime(100);
    state.text.q = 'Flinders';
    flushSync();
    vi.advanceTimersByTime(200);
    expect(route.search).not.toContain('q=');
    vi.advanceTimersByTime(60);
    flushSync();
    expect(new URLSearchParams(route.search).get('q')).toBe('Flinders');
    expect(route.search).not.toContain('page=');
    cleanup();
  });

  it('toggles the sort of a column', () => {
    const { state, cleanup } = withState({ filters, sort: 'name' });
    state.sortBy('name');
    flushSync();
    expect(state.sort).toBe('-name');
    state.sortBy('name');
    flushSync();
    expect(state.sort).toBe('name');
    state.sortBy('tier');
    flushSync();
    expect(new URLSearchParams(route.search).get('sort')).toBe('tier');
    cleanup();
  });

  it('takes the URL back into the search box (back, forward, links) and clears everything', () => {
    const { state, cleanup } = withState({ filters });
    navigate('/partners?q=Wroclaw', { keepScroll: true });
    flushSync();
    expect(state.text.q).toBe('Wroclaw');
    state.clear();
    flushSync();
    expect(state.text.q).toBe('');
    expect(route.search).toBe('');
    vi.advanceTimersByTime(500);
    expect(route.search).toBe('');
    cleanup();
  });
});
