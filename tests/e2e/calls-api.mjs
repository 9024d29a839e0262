// What the allocation's browser tests (allocation, funding) do through the API around their screens: read an
// answer, and move a call's dates so that its applications, selection and answers fall on the days a step needs.
import assert from 'node:assert/strict';

const iso = (date) => date.toISOString().slice(0, 10);
export const daysFromNow = (days) => iso(new Date(Date.now() + days * 86400000));
export const json = { 'Content-Type': 'application/json' };
export const etag = (res) => res.headers.get('ETag');
export const pick = (record, fields) => Object.fromEntries(fields.filter((f) => f in record).map((f) => [f, record[f]]));

const CALL_FIELDS = ['academic_year', 'org_unit_id', 'kind', 'title', 'title_de', 'applications_open', 'applications_close', 'selection_by',
  'publication_on', 'accept_by', 'nomination_by', 'max_preferences', 'objection_days', 'weight_grade',
  'weight_language', 'weight_committee', 'committee_points_max', 'tie_rules', 'funded_months'];

/** The answer's JSON (null when empty), after asserting its status. */
export async function ok(res, status = 200) {
  const text = await res.text();
  assert.equal(res.status, status, text);
  return text ? JSON.parse(text) : null;
}

/** Changes the dates of call `id` (as the office, through `app.api`); answers the call. */
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
