import { describe, it, expect, afterEach } from 'vitest';
import { mount, unmount, flushSync } from 'svelte';
import MyResult from './MyResult.svelte';
import { setLocale } from '../../lib/i18n/index.svelte.js';

let component;
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  setLocale('en');
});

const future = new Date(Date.now() + 5 * 86400000).toISOString().slice(0, 10);
const past = new Date(Date.now() - 2 * 86400000).toISOString().slice(0, 10);
const result = {
  run_id: 3,
  round: 1,
  published_at: '2027-03-20T10:00:00Z',
  score: 78.25,
  offer: { id: 12, partner_name: 'Université de Lyon', term: 'winter' },
  preference_rank: 3,
  explanation: [
    { rank: 2, offer_id: 11, partner_name: 'Universidad de Sevilla', term: 'summer', reason: 'not_eligible', cutoff: null, own: 78.25, lost_on_lottery: false },
    { rank: 1, offer_id: 10, partner_name: 'Karolinska Institutet', term: 'full_year', reason: 'offer_full', cutoff: 81.5, own: 78.25, lost_on_lottery: false },
  ],
  response: null,
  accept_by: future,
  can_respond: true,
};
const show = (props) => {
  component = mount(MyResult, { target: document.body, props: { callId: 1, adopt: () => {}, ...props } });
  flushSync();
};
const buttons = () => [...document.querySelectorAll('section button')].map((b) => b.textContent.trim());

describe('the student’s result', () => {
  it('says which place, why each preference ranked higher was not given, and offers an answer until accept_by', () => {
    show({ result });
    expect(document.querySelector('[data-testid="placement"]').textContent).toBe(
      'You received a place at Université de Lyon, winter semester, your preference 3.',
    );
    const reasons = [...document.querySelectorAll('[data-testid="result-reasons"] li')].map((li) => li.textContent);
    expect(reasons).toEqual([
      'Karolinska Institutet, full year: the place went to applicants with a higher score; the last place went at 81.50, your score there was 78.25.',
      'Universidad de Sevilla, summer semester: you were not eligible for it.',
    ]);
    expect(buttons()).toEqual(['Accept the place', 'Decline the place']);
  });

  it('shows the answer given, and no buttons', () => {
    show({ result: { ...result, response: 'accepted', can_respond: false } });
    expect(document.querySelector('[data-testid="result-response"]').textContent).toBe('You accepted the place at Université de Lyon, winter semester.');
    expect(buttons()).toEqual([]);
  });

  it('says when the partner did not accept the nomination and the student takes part in the next round', () => {
    show({ result: { ...result, response: 'released', can_respond: false } });
    expect(document.querySelector('[data-testid="result-response"]').textContent).toBe(
      'The partner did not accept your nomination for Université de Lyon, winter semester. The place is given back, and you take part in the next round with your other preferences.',
    );
    expect(buttons()).toEqual([]);
  });

  it('after accept_by says the deadline has passed', () => {
    show({ result: { ...result, accept_by: past, can_respond: false } });
    expect(buttons()).toEqual([]);
    expect(document.body.textContent).toContain('The deadline to answer was');
  });

  it('without a place explains every preference, in German too', () => {
    setLocale('de');
    show({ result: { ...result, offer: null, preference_rank: null } });
    expect(document.querySelector('[data-testid="placement"]').textContent).toBe('In dieser Runde konnte Ihnen kein Platz vergeben werden.');
    expect(document.querySelector('h3').textContent).toBe('Warum Ihre Präferenzen nicht vergeben wurden');
    expect(buttons()).toEqual([]);
  });

  it('tells a funding call’s student the months granted, offers the answer, and says why none were', () => {
    const funding = { rank: 2, status: 'partly_funded', days_asked: 110, months_asked: 3.67, days_granted: 60, months_granted: 2, cutoff: null, lost_on_lottery: false, reasons: [] };
    show({ result: { ...result, offer: null, preference_rank: null, explanation: [], funding } });
    expect(document.querySelector('[data-testid="placement"]').textContent).toContain('You are granted 2 of the 3.67 months you asked for');
    expect(buttons()).toEqual(['Accept the funding', 'Decline the funding']);
    unmount(component);
    const reasons = [{ code: 'stay_length', details: {}, message: 'Too short.', message_de: 'Zu kurz.' }];
    show({ result: { ...result, offer: null, explanation: [], funding: { ...funding, status: 'not_eligible', rank: null, days_granted: 0, months_granted: 0, reasons } } });
    expect(document.querySelector('[data-testid="placement"]').textContent).toBe('Erasmus+ cannot fund your stay:');
    expect([...document.querySelectorAll('[data-testid="result-reasons"] li')].map((li) => li.textContent)).toEqual(['Too short.']);
    expect(buttons()).toEqual([]);
  });
});
