import { describe, it, expect, afterEach } from 'vitest';
import { mount, unmount, flushSync } from 'svelte';
import ResultsTable from './ResultsTable.svelte';
import { setLocale } from '../../lib/i18n/index.svelte.js';

let component;
afterEach(() => {
  if (component) unmount(component);
  document.body.innerHTML = '';
});

const items = [
  {
    application_id: 5,
    student: { matriculation_number: '1234567', family_name: 'Muster', given_name: 'Anna' },
    score: 78.25,
    offer: { id: 12, partner_name: 'Université de Lyon', term: 'winter' },
    preference_rank: 2,
    explanation: [{ rank: 1, offer_id: 10, partner_name: 'Karolinska Institutet', term: 'full_year', reason: 'offer_full', cutoff: 80, own: 80, lost_on_lottery: true }],
    response: null,
  },
  {
    application_id: 6,
    student: { matriculation_number: '7654321', family_name: 'Beispiel', given_name: 'Ben' },
    score: 60,
    offer: null,
    preference_rank: null,
    explanation: [{ rank: 1, offer_id: 10, partner_name: 'Karolinska Institutet', term: 'full_year', reason: 'partner_full', cutoff: 80, own: 60, lost_on_lottery: false }],
    response: null,
  },
];
const list = { sort: 'score', setSort: () => {} };

describe('a run’s results', () => {
  it('shows place and rank, and opens a row’s explanation in place', () => {
    setLocale('en');
    component = mount(ResultsTable, { target: document.body, props: { items, list } });
    flushSync();
    const rows = [...document.querySelectorAll('tr[data-application]')];
    expect(rows[0].textContent).toContain('Université de Lyon, winter semester (preference 2)');
    expect(rows[0].textContent).toContain('78.25');
    expect(rows[0].textContent).toContain('No answer yet');
    expect(rows[1].textContent).toContain('no place');
    const button = rows[0].querySelector('button');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-label')).toBe('Show why for Muster, Anna');
    const why = document.getElementById(button.getAttribute('aria-controls'));
    expect(why.hidden).toBe(true);
    button.click();
    flushSync();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(why.hidden).toBe(false);
    expect(why.textContent.trim()).toBe('Karolinska Institutet, full year: tied at the last place (80.00); the published lottery decided.');
  });
});
