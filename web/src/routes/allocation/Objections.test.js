import { describe, it, expect, afterEach } from 'vitest';
import { mount, unmount, flushSync, tick } from 'svelte';
import Objections from './Objections.svelte';
import { setFetch } from '../../lib/api.js';
import { session } from '../../lib/session.svelte.js';
import { setLocale } from '../../lib/i18n/index.svelte.js';

let component;
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
  session.user = null;
  setLocale('en');
});

const objection = (id, status, extra = {}) => ({
  id,
  run_id: 7,
  call_id: 2,
  round: 1,
  application_id: 40 + id,
  student: { matriculation_number: `450000${id}`, family_name: `Family${id}`, given_name: 'Ann' },
  score: 71.5,
  partner_name: id === 1 ? 'Université de Lyon' : null,
  preference_rank: id === 1 ? 2 : null,
  text: `Objection ${id}`,
  created_at: '2027-03-21T09:00:00Z',
  status,
  decision: null,
  answer: null,
  answered_by: null,
  answered_at: null,
  version: 1,
  ...extra,
});
const page = {
  items: [objection(1, 'open'), objection(2, 'answered', { decision: 'rejected', answer: 'Too late.', answered_by: 'Dean', answered_at: '2027-03-25T10:00:00Z', version: 2 })],
  next_cursor: null,
  total: 2,
};

async function show(permissions) {
  session.user = { roles: ['management'], permissions };
  const asked = [];
  setFetch(async (url) => {
    asked.push(url);
    const body = url.includes('status=open') ? { items: [page.items[0]], next_cursor: null, total: 1 } : page;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  component = mount(Objections, { target: document.body, props: { runId: 7 } });
  for (let i = 0; i < 5; i += 1) {
    await tick();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  flushSync();
  return asked;
}

describe('a run’s objections', () => {
  it('lists them with the open count, the answer and who gave it, and offers the committee an answer', async () => {
    const asked = await show(['exchange:runs', 'exchange:sign-off']);
    expect(asked[0]).toContain('/api/v1/allocation-runs/7/objections');
    expect(document.querySelector('[data-testid="objections-open"]').textContent).toBe('1 open');
    const rows = [...document.querySelectorAll('#objections tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Objection 1');
    expect(rows[0].textContent).toContain('Université de Lyon');
    expect(rows[1].textContent).toContain('no place');
    expect(rows[1].textContent).toContain('Rejected');
    expect(rows[1].textContent).toContain('by Dean');
    const buttons = [...document.querySelectorAll('#objections button')].map((b) => b.getAttribute('aria-label'));
    expect(buttons).toEqual(['Answer the objection of Family1, Ann']);
  });

  it('offers no answer to whoever may only read them', async () => {
    await show(['exchange:runs']);
    expect(document.querySelectorAll('#objections tbody tr')).toHaveLength(2);
    expect(document.querySelectorAll('#objections button')).toHaveLength(0);
  });
});
