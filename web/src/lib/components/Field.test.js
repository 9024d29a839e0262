import { describe, it, expect, afterEach } from 'vitest';
import { mount, unmount, flushSync } from 'svelte';
import Field from './Field.svelte';
import { ApiError } from '../api.js';
import { setLocale } from '../i18n/index.svelte.js';

let component;
afterEach(() => {
  if (component) unmount(component);
  document.body.innerHTML = '';
});

describe('a form field', () => {
  it('is labelled and shows the API message beside the control', () => {
    setLocale('en');
    const error = new ApiError(422, { code: 'validation_failed', field: 'first_academic_year', message: 'not consecutive' });
    component = mount(Field, {
      target: document.body,
      props: { id: 'f-first_academic_year', label: 'First academic year', value: '2027/2029', hint: 'As 2027/2028', error },
    });
    flushSync();
    const input = document.getElementById('f-first_academic_year');
    expect(document.querySelector('label[for="f-first_academic_year"]').textContent).toContain('First academic year');
    expect(input.value).toBe('2027/2029');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('f-first_academic_year-hint f-first_academic_year-error');
    const message = document.getElementById('f-first_academic_year-error').textContent;
    expect(message).toContain('not consecutive');
  });

  it('renders a select with its options', () => {
    component = mount(Field, {
      target: document.body,
      props: { id: 'f-tier', label: 'Tier', type: 'select', value: 'strategic', options: [{ value: 'standard', label: 'Standard' }, { value: 'strategic', label: 'Strategic' }] },
    });
    flushSync();
    const select = document.getElementById('f-tier');
    expect(select.tagName).toBe('SELECT');
    expect(select.value).toBe('strategic');
    expect(select.hasAttribute('aria-invalid')).toBe(false);
  });
});
