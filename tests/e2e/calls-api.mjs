// What the allocation's browser tests (allocation, funding) share around their screens: read an API answer, move
// a call's dates so that its applications, selection and answers fall on the days a step needs, publish a run.
import assert from 'node:assert/strict';
import { settled } from './harness.mjs';

const iso = (date) => date.toISOString().slice(0, 10);
export const daysFromNow = (days) => iso(new Date(Date.now() + days * 86400000));
export const json = { 'Content-Type': 'application/json' };
export const etag = (res) => res.headers.get('ETag');
export const pick = (record, fields) => Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f]]));

const CALL_FIELDS = ['academic_year', 'org_unit_id', 'kind', 'title', 'title_de', 'applications_open', 'applications_close', 'selection_by',
  'publication_on', 'accept_by', 'nomination_by', 'max_preferences', 'objection_days', 'weight_grade',
  'weight_language', 'weight_committee', 'committee_points_max', 'criteria', 'tie_rules', 'funded_months'];

/** The answer's JSON (null when empty), after asserting its status. */
export async function ok(res, status = 200) {
  const text = await res.text();
  assert.equal(res.status, status, text);
  return text ? JSON.parse(text) : null;
}

/** Changes the dates of call `id` (as the office, through `app.api`); answers the call. */
/** The office marks application `id` formally complete (checked), at its current version. */
export async function markComplete(app, id) {
  const res = await app.api(`/applications/${id}`);
  await res.text();
  return ok(
    await app.api(`/applications/${id}/completeness`, {
      method: 'PUT',
      headers: { ...json, 'If-Match': etag(res) },
      body: JSON.stringify({ complete: true }),
    }),
  );
}

export async function moveCall(app, id, dates) {
  const res = await app.api(`/calls/${id}`);
  const current = await ok(res);
  return ok(
    await app.api(`/calls/${id}`, {
      method: 'PUT',
      headers: { ...json, 'If-Match': etag(res) },
      body: JSON.stringify({ ...pick(current, CALL_FIELDS), ...dates }),
    }),
  );
}

/** The office publishes run `runId` from its page (signed off before), without errors on the page. */
export async function publishRun(app, runId) {
  const office = await app.signedInPage('international_office');
  await office.goto(`/allocation-runs/${runId}`);
  await office.getByRole('heading', { level: 1, name: 'Allocation run' }).waitFor();
  await settled(office);
  await office.getByRole('button', { name: 'Publish to the students' }).click();
  await office.locator('dialog[open]').getByRole('button', { name: 'Publish to the students' }).click();
  await office.getByText('Run published: the students see their results.').waitFor();
  assert.match(await office.getByTestId('run-status').textContent(), /Published/);
  assert.deepEqual(office.errors, []);
  await office.close();
}

/**
 * Pages through a run's results with the Next button until `row` is among them, each page waited for by its range
 * ("51–100 of 120"); fails naming `what` when the last page has been read without it.
 */
export async function pageTo(page, row, what, { pages = 20 } = {}) {
  const range = page.locator('.pager .range').first();
  for (let read = 1; (await row.count()) === 0; read += 1) {
    const next = page.getByRole('button', { name: 'Next' });
    assert.ok(read < pages && (await next.isEnabled()), `${what} is on none of the ${read} pages of results read`);
    const shown = await range.textContent();
    await next.click();
    await page.waitForFunction((before) => document.querySelector('.pager .range')?.textContent !== before, shown);
    await settled(page);
  }
  assert.equal(await row.count(), 1, `${what}: one row`);
}
