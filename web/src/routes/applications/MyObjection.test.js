import { describe, it, expect, afterEach } from 'vitest';
import { mount, unmount, flushSync } from 'svelte';
import MyObjection from './MyObjection.svelte';
import { setLocale } from '../../lib/i18n/index.svelte.js';

let component;
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  setLocale('en');
});

const show = (objections) => {
  component = mount(MyObjection, { target: document.body, props: { callId: 1, adopt: () => {}, objections } });
  flushSync();
};
const open = {
  id: 4,
  text: 'My certificate was not counted.',
  created_at: '2027-03-21T09:00:00Z',
  status: 'open',
  decision: null,
  answer: null,
  answered_at: null,
};

describe('the student’s objection', () => {
  it('offers a labelled form with the last day while the period runs', () => {
    show({ until: '2027-03-27', can_object: true, items: [] });
    const text = document.querySelector('textarea#objection-text');
    expect(text).not.toBeNull();
    expect(document.querySelector('label[for="objection-text"]').textContent).toContain('What do you object to?');
    expect(document.body.textContent).toContain('You may object to this result until');
    expect(document.querySelector('button[type="submit"]').disabled).toBe(true);
  });

  it('shows an open objection as waiting, without a form', () => {
    show({ until: '2027-03-27', can_object: false, items: [open] });
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.querySelector('[data-testid="objection-status"]').textContent).toBe('Open');
    expect(document.body.textContent).toContain('Your objection is with the committee');
  });

  it('shows the committee’s answer, and the end of the period', () => {
    const answered = { ...open, status: 'answered', decision: 'rejected', answer: 'The certificate came after the deadline.', answered_at: '2027-03-25T10:00:00Z' };
    show({ until: '2027-03-27', can_object: false, items: [answered] });
    expect(document.querySelector('[data-testid="objection-decision"]').textContent).toBe('The committee rejected your objection.');
    expect(document.querySelector('[data-testid="objection-answer"]').textContent).toBe('The certificate came after the deadline.');
    expect(document.body.textContent).toContain('The period to object to this result ended on');
  });
});
