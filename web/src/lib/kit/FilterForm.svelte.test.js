import { describe, it, expect, afterEach } from 'vitest';
import { mount, unmount, flushSync } from 'svelte';
import FilterForm from './FilterForm.svelte';
import { createListState } from './listState.svelte.js';
import { navigate, route } from '../router.svelte.js';
import { setLocale } from '../i18n/index.svelte.js';

let component;
let cleanup;
afterEach(() => {
  if (component) unmount(component);
  cleanup?.();
  document.body.innerHTML = '';
});

describe('the filter form', () => {
  it('shows no control for a hidden filter, which the query keeps and "clear filters" clears', () => {
    setLocale('en');
    navigate('/mobilities?partnership_id=12', { replace: true });
    const filters = [
      { name: 'q', type: 'search', label: 'mobility.search' },
      { name: 'direction', type: 'select', label: 'mobility.direction', options: () => [{ value: 'outgoing', label: 'Outgoing' }] },
      { name: 'partnership_id', hidden: true },
    ];
    let list;
    cleanup = $effect.root(() => {
      list = createListState({ filters });
    });
    component = mount(FilterForm, { target: document.body, props: { list, filters, idPrefix: 'mf', label: 'Search mobilities' } });
    flushSync();
    const form = document.querySelector('form[role="search"]');
    expect([...form.querySelectorAll('input, select')].map((c) => c.id)).toEqual(['mf-q', 'mf-direction']);
    // the grid's columns: the search and the one other shown filter
    expect(form.getAttribute('style')).toContain('--rest: 1');
    expect(list.apiQuery()).toMatchObject({ partnership_id: '12' });
    const clear = [...form.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Clear filters');
    expect(clear).toBeTruthy();
    clear.click();
    flushSync();
    expect(route.search).toBe('');
  });
});
