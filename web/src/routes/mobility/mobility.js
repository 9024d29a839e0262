// Pure helpers of the mobility screens (tested in mobility.test.js): which fields a mobility's form shows for its
// direction and category, what the form sends, what a step of the stay asks for, and the stay's timeline. Which
// steps a stay may take is never decided here: the server answers them (`allowed_steps` of the events).
import { parseAcademicYear } from '../../lib/format.js';

/**
 * Who the mobility is about: an outgoing student by their student record ('student'), anyone else — staff going
 * out, incoming students and staff — by name and e-mail ('person'). `isStaff(category)` is the server's list of
 * staff categories (enumerations.svelte.js: isStaffCategory).
 */
export function personKind(direction, category, isStaff) {
  return direction === 'outgoing' && !isStaff(category) ? 'student' : 'person';
}

/**
 * The form's parts that fit a direction, category and partner: for an outgoing student the choice between their
 * student record and a name (a former student whose record is gone), the student picker or names and e-mail, the
 * partnership (with agreement and quota) or a host outside the register, the level (not for staff), the
 * equivalence decision (only a final-year tertial has one).
 */
export function formParts({ direction, category, person_mode: personMode, partner_mode: partnerMode }, isStaff) {
  const outgoingStudent = personKind(direction, category, isStaff) === 'student';
  const student = outgoingStudent && personMode !== 'name';
  const register = partnerMode !== 'host';
  return {
    personChoice: outgoingStudent,
    student,
    names: !student,
    partnership: register,
    host: !register,
    eqf: !isStaff(category),
    equivalence: category === 'final_year_tertial',
  };
}

/** The form values of a mobility as read (or of a new one: `record` null). */
export function mobilityForm(record, { academicYear = '' } = {}) {
  const r = record ?? {};
  return {
    direction: r.direction ?? 'outgoing',
    category: r.category ?? 'student_studies',
    // the student as chosen (their names are the record's copies), or null
    student: r.student_id ? { id: r.student_id, family_name: r.family_name ?? '', given_name: r.given_name ?? '', email: r.email ?? '' } : null,
    family_name: r.student_id ? '' : (r.family_name ?? ''),
    given_name: r.student_id ? '' : (r.given_name ?? ''),
    email: r.student_id ? '' : (r.email ?? ''),
    person_mode: r.id && !r.student_id ? 'name' : 'record',
    partner_mode: r.id && !r.partnership_id ? 'host' : 'register',
    partnership: r.partnership_id ? { id: r.partnership_id, name: r.partner_name ?? '', country: r.host_country ?? '' } : null,
    agreement_id: r.agreement_id ?? '',
    quota_id: r.quota_id ?? '',
    host_name: r.partnership_id ? '' : (r.host_name ?? ''),
    host_country: r.partnership_id ? '' : (r.host_country ?? ''),
    funding_line: r.funding_line ?? 'none',
    isced_code: r.isced_code ?? '',
    eqf_level: r.eqf_level ?? '',
    academic_year: r.academic_year ?? academicYear,
    planned_start: r.planned_start ?? '',
    planned_end: r.planned_end ?? '',
    fewer_opportunities: !!r.fewer_opportunities,
    equivalence_decided_on: r.equivalence_decided_on ?? '',
  };
}

const text = (v) => {
  const s = String(v ?? '').trim();
  return s === '' ? null : s;
};
const id = (v) => {
  if (v === '' || v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

/**
 * The body of POST/PUT /mobilities from the form: only the mobility's own fields, those the form does not show
 * for this direction, category and partner sent as null (a student's names are copied by the server, a
 * partnership's country too). An academic year in any form people write goes as 2027/2028; what is none goes as
 * typed, for the server to say so beside its field.
 */
export function mobilityBody(form, isStaff) {
  const parts = formParts(form, isStaff);
  const year = text(form.academic_year);
  return {
    direction: form.direction,
    category: form.category,
    student_id: parts.student ? (form.student?.id ?? null) : null,
    family_name: parts.names ? text(form.family_name) : null,
    given_name: parts.names ? text(form.given_name) : null,
    email: parts.names ? text(form.email) : null,
    partnership_id: parts.partnership ? (form.partnership?.id ?? null) : null,
    agreement_id: parts.partnership ? id(form.agreement_id) : null,
    quota_id: parts.partnership && id(form.agreement_id) ? id(form.quota_id) : null,
    host_name: parts.host ? text(form.host_name) : null,
    host_country: parts.host ? text(form.host_country) : null,
    funding_line: form.funding_line || 'none',
    isced_code: text(form.isced_code),
    eqf_level: parts.eqf ? id(form.eqf_level) : null,
    academic_year: year === null ? null : (parseAcademicYear(year) ?? year),
    planned_start: text(form.planned_start),
    planned_end: text(form.planned_end),
    fewer_opportunities: !!form.fewer_opportunities,
    equivalence_decided_on: parts.equivalence ? text(form.equivalence_decided_on) : null,
  };
}

/** The quotas of an agreement a mobility may use: those of its direction and category. */
export function fittingQuotas(agreement, direction, category) {
  return (agreement?.quotas ?? []).filter((q) => q.id != null && q.direction === direction && q.category === category);
}

// What a step of the stay asks for besides itself: the day it happened, the new planned end, the reason.
const DAY = new Set(['start', 'complete', 'end_early']);
const UNTIL = new Set(['extend']);
const REASON = new Set(['reject', 'interrupt', 'end_early', 'cancel']);

/** {on, until, reason}: whether the step asks for each (a reason it asks for is required). */
export function stepNeeds(step) {
  return { on: DAY.has(step), until: UNTIL.has(step), reason: REASON.has(step) };
}

/** Whether the step opens a small form (a day, a date or a reason) rather than being taken at once. */
export function stepAsks(step) {
  const needs = stepNeeds(step);
  return needs.on || needs.until || needs.reason;
}

/** The body of POST /mobilities/{id}/stay: the step and what it asks for, empty values left out. */
export function stepBody(step, values = {}) {
  const needs = stepNeeds(step);
  const body = { step };
  for (const key of ['on', 'until', 'reason']) {
    const value = text(values[key]);
    if (needs[key] && value !== null) body[key] = value;
  }
  return body;
}

/**
 * The stay's timeline, oldest first: the record's creation (nominated, at created_at), then each step of the stay
 * track as the events answer it (other tracks' events are not the stay's).
 */
export function stayTimeline(mobility, events = []) {
  const entries = [];
  if (mobility) {
    entries.push({ key: `created-${mobility.id}`, step: null, from: null, to: 'nominated', on: null, reason: null, at: mobility.created_at });
  }
  const steps = events
    .filter((e) => e.mobility_id === mobility?.id && (e.track ?? 'stay') === 'stay')
    .sort((a, b) => a.id - b.id);
  for (const e of steps) {
    entries.push({ key: `event-${e.id}`, step: e.step, from: e.from_state, to: e.to_state, on: e.on ?? null, reason: e.reason ?? null, by: e.by ?? null, at: e.at });
  }
  return entries;
}

/** A person's name as lists show it: "Family, Given". */
export function personName(m) {
  return [m?.family_name, m?.given_name].filter(Boolean).join(', ');
}
