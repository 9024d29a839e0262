// An audit entry as people read it: the record named (and linked) as its screens name it, and what changed,
// with the screens' own labels and values. Lists of child records (an agreement's quotas, contacts, partner
// institutions; an account's roles) are compared by content, without their ids and order, so that a save
// which re-created them unchanged shows nothing. Technical fields (ids, versions, timestamps, kept counts and
// copies) never show. Pure apart from t() and the formats, so it is tested without a browser.
import { inLanguage } from './prose.js';
import { t, has, i18n } from './i18n/index.svelte.js';
import { formatDate, formatAcademicYear, formatNumber, countryName, languageName } from './format.js';

const EMPTY = '–';

// Fields no person reads: keys, versions, timestamps, search texts and what the server keeps for its lists.
const TECHNICAL = new Set(['id', 'version', 'position', 'created_at', 'updated_at', 'search_text', 'children_json']);

const isEmpty = (v) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A value at a dotted path ('institution.name'). */
function at(record, path) {
  let v = record;
  for (const part of path.split('.')) v = isObject(v) ? v[part] : undefined;
  return v;
}

/** A label of an enumeration's value ('tier.strategic'), the value itself where none exists. */
function labelOf(group, value) {
  const key = `${group}.${value}`;
  return has(key) ? t(key) : String(value);
}

/** The name of a unit in the reader's language. */
function unitName(unit) {
  return (i18n.locale === 'de' && unit?.name_de) || unit?.name || '';
}

// --- values as the screens show them ---------------------------------------------------------------------

const text = (v) => String(v);
const date = (v) => formatDate(v);
const year = (v) => formatAcademicYear(v);
const yesNo = (v) => (v ? t('common.yes') : t('common.no'));
const number = (v) => formatNumber(v, { maximumFractionDigits: 6 });
const country = (v) => countryName(v);
const uiLanguage = (v) => labelOf('langName', v);
const enumOf = (group) => (v) => labelOf(group, v);

/** An ISCED-F field by its name where the list is loaded: "Medicine (0912)"; else the code. */
function iscedName(code, ctx) {
  const f = (ctx.isced ?? []).find((x) => x.code === code);
  const label = f && (i18n.locale === 'de' ? f.label_de || f.label_en : f.label_en);
  return label ? `${label} (${code})` : String(code);
}
const isced = (v, ctx) => iscedName(v, ctx);

/** One of the school's units by its name where the units are loaded; else its number. */
function unit(v, ctx) {
  const u = (ctx.units ?? []).find((x) => x.id === v);
  return u ? unitName(u) : `#${v}`;
}

const eqf = (l) => (has(`eqf.${l}`) ? t(`eqf.${l}`) : `EQF ${l}`);

/** "Outgoing · Study period · Medicine (0912) · Master (EQF 7) · 4 places · 5 months · English B2" */
export function quotaSummary(q, ctx = {}) {
  const parts = [labelOf('direction', q.direction), labelOf('category', q.category)];
  if (q.isced_code) parts.push(iscedName(q.isced_code, ctx));
  if (q.eqf_levels?.length) parts.push([...q.eqf_levels].sort().map(eqf).join(', '));
  if (q.places_per_year !== null && q.places_per_year !== undefined) parts.push(t('changes.places', { count: Number(q.places_per_year) }));
  if (!isEmpty(q.days_per_place)) parts.push(t('quota.days', { count: Number(q.days_per_place) }));
  else if (!isEmpty(q.months_per_place)) parts.push(t('quota.months', { count: Number(q.months_per_place) }));
  const langs = (q.languages ?? []).map((l) => [languageName(l.language), l.cefr].filter(Boolean).join(' '));
  if (langs.length) parts.push(langs.join(', '));
  return parts.join(' · ');
}

const contactSummary = (c) => [c.name, c.role, c.email, c.phone].filter((x) => !isEmpty(x)).join(' · ');
const institutionRef = (id, ctx) => ctx.institutionName?.(id) ?? t('changes.institutionNo', { id });

/** A role of an account with its scope: "Exchange coordinator · Department of Surgery · Medicine (0912)". */
function roleSummary(r, ctx) {
  const role = typeof r === 'string' ? r : r?.role;
  const parts = [labelOf('role', role)];
  if (r?.org_unit_id) parts.push(unit(r.org_unit_id, ctx));
  if (r?.isced_code) parts.push(iscedName(r.isced_code, ctx));
  return parts.join(' · ');
}

const agreementRef = (v, ctx) => (isEmpty(v) ? t('partnerNotes.wholePartnership') : (ctx.agreementTitle?.(v) ?? t('changes.agreementNo', { id: v })));

/** Why the server refused a request (the guard's reasons; otherwise the permission that was missing). */
function denyReason(v) {
  const known = { origin: 'origin', csrf: 'csrf', 'not signed in': 'notSignedIn', 'password change required': 'passwordChange' };
  return known[v] ? t(`changes.denied.${known[v]}`) : t('changes.denied.permission', { permission: v });
}

// --- the record types --------------------------------------------------------------------------------------
// Per type: its label, how it is named and where it is shown, and its fields in the order of its screen, each
// with the screen's label and how the value is shown (`show`), or as a list compared by content (`item`).
// `hidden`: fields of the record that are copies or counts kept by the server, or ids named by another field.

// Records of a partnership (contacts, notes, joint structures) link to the partner's page.
const OF_PARTNERSHIP = {
  href: (id, r) => (r.partnership_id ? `/partners/${r.partnership_id}` : null),
  permission: 'partners:read',
  hidden: ['partnership_id'],
};

const TYPES = {
  partnership: {
    label: 'auditEntity.partnership',
    name: (r) => r.institution?.name,
    href: (id) => `/partners/${id}`,
    permission: 'partners:read',
    hidden: ['institution_id', 'institution', 'active_agreements', 'places_per_year'],
    fields: [
      { key: 'institution.name', label: 'fields.institution', show: text },
      { key: 'tier', label: 'fields.tier', show: enumOf('tier') },
      { key: 'since', label: 'fields.since', show: date },
      { key: 'responsible_person', label: 'fields.responsiblePerson', show: text },
      { key: 'objectives', label: 'fields.objectives', show: text },
      { key: 'objectives_de', label: 'fields.objectivesDe', show: text },
      { key: 'notes', label: 'fields.notes', show: text },
    ],
  },
  agreement: {
    label: 'auditEntity.agreement',
    name: (r) => inLanguage(r, 'title') || (r.type ? labelOf('agreementType', r.type) : null),
    href: (id) => `/agreements/${id}`,
    permission: 'partners:read',
    hidden: ['partnership_id', 'institution_country'],
    fields: [
      { key: 'institution_name', label: 'fields.partner', show: text },
      { key: 'title', label: 'fields.title', show: text },
      { key: 'title_de', label: 'fields.titleDe', show: text },
      { key: 'type', label: 'fields.type', show: enumOf('agreementType') },
      { key: 'status', label: 'fields.status', show: enumOf('status') },
      { key: 'first_academic_year', label: 'fields.firstAcademicYear', show: year },
      { key: 'last_academic_year', label: 'fields.lastAcademicYear', show: year },
      { key: 'ends_on', label: 'fields.endsOn', show: date },
      { key: 'org_unit_id', label: 'fields.orgUnit', show: unit, none: 'agreement.wholeSchool' },
      { key: 'partner_institution_ids', label: 'agreement.partnerInstitutions', item: institutionRef },
      { key: 'quotas', label: 'agreement.quotas', item: quotaSummary },
      { key: 'contacts', label: 'agreement.contacts', item: contactSummary },
    ],
  },
  institution: {
    label: 'auditEntity.institution',
    name: (r) => r.name,
    href: (id) => `/institutions/${id}/edit`,
    permission: 'partners:write',
    hidden: ['source'],
    fields: [
      { key: 'name', label: 'fields.name', show: text },
      { key: 'name_local', label: 'fields.nameLocal', show: text },
      { key: 'type', label: 'fields.institutionType', show: enumOf('institutionType') },
      { key: 'country', label: 'fields.country', show: country },
      { key: 'city', label: 'fields.city', show: text },
      { key: 'website', label: 'fields.website', show: text },
      { key: 'erasmus_code', label: 'fields.erasmusCode', show: text },
      { key: 'hei_id', label: 'fields.heiId', show: text },
      { key: 'pic', label: 'changes.field.pic', show: text },
      { key: 'oid', label: 'changes.field.oid', show: text },
      { key: 'ror_id', label: 'changes.field.ror', show: text },
      { key: 'latitude', label: 'fields.latitude', show: number },
      { key: 'longitude', label: 'fields.longitude', show: number },
    ],
  },
  partner_contact: {
    label: 'auditEntity.partner_contact',
    name: (r) => r.name,
    ...OF_PARTNERSHIP,
    fields: [
      { key: 'role', label: 'partnerContacts.role', show: enumOf('contactRole') },
      { key: 'name', label: 'partnerContacts.name', show: text },
      { key: 'unit', label: 'partnerContacts.unit', show: text },
      { key: 'email', label: 'partnerContacts.email', show: text },
      { key: 'phone', label: 'partnerContacts.phone', show: text },
      { key: 'address', label: 'partnerContacts.address', show: text },
    ],
  },
  partner_note: {
    label: 'auditEntity.partner_note',
    name: (r) => [r.kind ? labelOf('noteKind', r.kind) : null, r.noted_on ? formatDate(r.noted_on) : null].filter(Boolean).join(', '),
    ...OF_PARTNERSHIP,
    fields: [
      { key: 'noted_on', label: 'partnerNotes.date', show: date },
      { key: 'kind', label: 'partnerNotes.kind', show: enumOf('noteKind') },
      { key: 'agreement_id', label: 'partnerNotes.agreement', show: agreementRef, none: 'partnerNotes.wholePartnership' },
      { key: 'text', label: 'partnerNotes.text', show: text },
    ],
  },
  agreement_document: {
    label: 'auditEntity.agreement_document',
    name: (r) => r.title,
    href: (id, r) => (r.agreement_id ? `/agreements/${r.agreement_id}` : null),
    permission: 'partners:internal',
    hidden: ['agreement_id', 'latest_file_id', 'latest_size_bytes', 'latest_uploaded_at'],
    fields: [
      { key: 'title', label: 'documents.docTitle', show: text },
      { key: 'kind', label: 'documents.kind', show: enumOf('documentKind') },
      { key: 'latest_file_name', label: 'changes.field.latestFile', show: text },
      { key: 'file_count', label: 'changes.field.fileCount', show: number },
    ],
  },
  joint_structure: {
    label: 'auditEntity.joint_structure',
    name: (r) => r.name,
    ...OF_PARTNERSHIP,
    fields: [
      { key: 'kind', label: 'changes.field.kind', show: enumOf('jointKind') },
      { key: 'name', label: 'fields.name', show: text },
      { key: 'description', label: 'changes.field.description', show: text },
      { key: 'description_de', label: 'changes.field.descriptionDe', show: text },
      { key: 'since', label: 'changes.field.since', show: date },
    ],
  },
  programme: {
    label: 'auditEntity.programme',
    name: (r) => inLanguage(r, 'name') || r.code,
    href: (id) => `/programmes/${id}/edit`,
    permission: 'exchange:write',
    fields: [
      { key: 'code', label: 'programmes.code', show: text },
      { key: 'name', label: 'programmes.name', show: text },
      { key: 'name_de', label: 'programmes.nameDe', show: text },
      { key: 'org_unit_id', label: 'programmes.unit', show: unit },
      { key: 'isced_code', label: 'programmes.isced', show: text },
      { key: 'eqf_level', label: 'programmes.eqf', show: enumOf('eqf') },
      { key: 'single_cycle', label: 'programmes.singleCycle', show: yesNo },
    ],
  },
  student: {
    label: 'auditEntity.student',
    name: (r) => [r.given_name, r.family_name].filter(Boolean).join(' ') || r.matriculation_number,
    href: (id) => `/students/${id}/edit`,
    permission: 'exchange:write',
    hidden: ['programme_id', 'user_id'],
    fields: [
      { key: 'matriculation_number', label: 'students.matriculationNumber', show: text },
      { key: 'family_name', label: 'students.familyName', show: text },
      { key: 'given_name', label: 'students.givenName', show: text },
      { key: 'email', label: 'students.email', show: text },
      { key: 'study_semester', label: 'students.semester', show: number },
      { key: 'grade_average', label: 'students.grade', show: number },
      { key: 'first_state_exam_passed', label: 'students.firstStateExam', show: yesNo },
    ],
  },
  student_language_certificate: {
    label: 'auditEntity.student_language_certificate',
    name: (r) => [r.language, r.cefr_level].filter(Boolean).join(' '),
    href: (id, r) => (r.student_id ? `/students/${r.student_id}/edit` : null),
    permission: 'exchange:write',
    hidden: ['student_id'],
    fields: [
      { key: 'language', label: 'students.language', show: text },
      { key: 'cefr_level', label: 'students.cefr', show: text },
      { key: 'name', label: 'students.certificateName', show: text },
      { key: 'issued_on', label: 'students.issuedOn', show: date },
    ],
  },
  student_stay_abroad: {
    label: 'auditEntity.student_stay_abroad',
    name: (r) => r.country,
    href: (id, r) => (r.student_id ? `/students/${r.student_id}/edit` : null),
    permission: 'exchange:write',
    hidden: ['student_id'],
    fields: [
      { key: 'country', label: 'students.country', show: country },
      { key: 'months', label: 'students.monthsLabel', show: number },
      { key: 'study_cycle', label: 'students.studyCycle', show: enumOf('studyCycle') },
      { key: 'erasmus_funded', label: 'students.erasmusFunded', show: yesNo },
    ],
  },
  call: {
    label: 'auditEntity.call',
    name: (r) => inLanguage(r, 'title'),
    href: (id) => `/calls/${id}`,
    permission: 'exchange:calls',
    hidden: ['lottery_seed'],
    fields: [
      { key: 'title', label: 'calls.callTitle', show: text },
      { key: 'title_de', label: 'calls.titleDe', show: text },
      { key: 'academic_year', label: 'calls.academicYear', show: year },
      { key: 'org_unit_id', label: 'calls.unit', show: unit },
      { key: 'kind', label: 'calls.kind', show: enumOf('callKind') },
      { key: 'applications_open', label: 'calls.applicationsOpen', show: date },
      { key: 'applications_close', label: 'calls.applicationsClose', show: date },
      { key: 'selection_by', label: 'calls.selectionBy', show: date },
      { key: 'publication_on', label: 'calls.publicationOn', show: date },
      { key: 'accept_by', label: 'calls.acceptBy', show: date },
      { key: 'nomination_by', label: 'calls.nominationBy', show: date },
      { key: 'max_preferences', label: 'calls.maxPreferences', show: number },
      { key: 'objection_days', label: 'calls.objectionDays', show: number },
      { key: 'weight_grade', label: 'calls.weightGrade', show: number },
      { key: 'weight_language', label: 'calls.weightLanguage', show: number },
      { key: 'weight_committee', label: 'calls.weightCommittee', show: number },
      { key: 'committee_points_max', label: 'calls.committeePointsMax', show: number },
      { key: 'tie_rules', label: 'calls.tieRules', show: (v) => (v ?? []).map((r) => labelOf('tieRule', r)).join('; ') },
      { key: 'funded_months', label: 'calls.fundedMonths', show: number },
    ],
  },
  call_offer: {
    label: 'auditEntity.call_offer',
    name: (r) => r.partner_name,
    href: (id, r) => (r.call_id ? `/calls/${r.call_id}` : null),
    permission: 'exchange:calls',
    hidden: ['call_id', 'quota_id', 'agreement_id', 'partnership_id'],
    fields: [
      { key: 'partner_name', label: 'offers.partner', show: text },
      { key: 'term', label: 'offers.term', show: enumOf('offerTerm') },
      { key: 'places', label: 'offers.places', show: number },
      { key: 'extra_places', label: 'offers.extraPlaces', show: number },
      { key: 'months_per_place', label: 'offers.monthsPerPlace', show: number },
      { key: 'eqf_levels', label: 'offers.eqfLevels', show: (v) => (v ?? []).map(eqf).join(', ') },
      { key: 'isced_code', label: 'offers.isced', show: text },
      { key: 'language', label: 'offers.language', show: text },
      { key: 'cefr_level', label: 'offers.cefr', show: text },
      { key: 'requires_first_state_exam', label: 'offers.firstStateExam', show: yesNo },
    ],
  },
  org_unit: {
    label: 'auditEntity.org_unit',
    name: (r) => unitName(r),
    fields: [
      { key: 'name', label: 'fields.name', show: text },
      { key: 'name_de', label: 'changes.field.nameDe', show: text },
      { key: 'kind', label: 'changes.field.kind', show: enumOf('unitKind') },
      { key: 'code', label: 'changes.field.code', show: text },
      { key: 'parent_id', label: 'changes.field.parentUnit', show: unit },
    ],
  },
  user: {
    label: 'auditEntity.user',
    name: (r) => r.display_name,
    href: (id) => `/users/${id}`,
    permission: 'users:manage',
    hidden: ['erased', 'last_login_at'],
    fields: [
      { key: 'display_name', label: 'account.displayName', show: text },
      { key: 'email', label: 'account.email', show: text },
      { key: 'preferred_language', label: 'account.language', show: uiLanguage },
      { key: 'active', label: 'users.active', show: yesNo },
      { key: 'must_change_password', label: 'users.mustChange', show: yesNo },
      { key: 'roles', label: 'account.roles', item: roleSummary },
      { key: 'reason', label: 'changes.field.reason', show: (v) => labelOf('changes.reasons', v) },
    ],
  },
  settings: {
    label: 'auditEntity.settings',
    name: (r, id) => (id === 'home' ? t('changes.homeSettings') : id),
    fields: [
      { key: 'institution_name', label: 'changes.field.institutionName', show: text },
      { key: 'institution_name_de', label: 'changes.field.institutionNameDe', show: text },
      { key: 'school_name', label: 'changes.field.schoolName', show: text },
      { key: 'school_name_de', label: 'changes.field.schoolNameDe', show: text },
      { key: 'country', label: 'fields.country', show: country },
      { key: 'erasmus_code', label: 'fields.erasmusCode', show: text },
      { key: 'hei_id', label: 'fields.heiId', show: text },
    ],
  },
  login: { label: 'auditEntity.login', name: () => null, fields: [] },
  route: {
    label: 'auditEntity.route',
    name: (r, id) => id,
    fields: [{ key: 'reason', label: 'changes.field.reason', show: denyReason }],
  },
  reference_data: {
    label: 'auditEntity.reference_data',
    name: (r, id) => (has(`imports.kinds.${id}`) ? t(`imports.kinds.${id}`) : id),
    fields: [
      { key: 'file', label: 'imports.file', show: text },
      { key: 'added', label: 'imports.added', show: number },
      { key: 'updated', label: 'imports.updated', show: number },
      { key: 'unchanged', label: 'imports.unchanged', show: number },
      { key: 'rejected', label: 'imports.rejected', show: number },
    ],
  },
  // the nightly retention run (an entry of no record)
  retention: {
    fields: [
      { key: 'expired_sessions', label: 'changes.field.expiredSessions', show: number },
      { key: 'pseudonymised_accounts', label: 'changes.field.pseudonymisedAccounts', show: number },
    ],
  },
};

/** The record types the log names, for its filter. */
export const RECORD_TYPES = Object.keys(TYPES).filter((k) => TYPES[k].label);

/** A record type in the reader's language ('agreement' → 'Agreement'). */
export function recordTypeLabel(type) {
  const spec = TYPES[type];
  return spec?.label ? t(spec.label) : (type ?? '');
}

// --- comparing -----------------------------------------------------------------------------------------------

/** A value as text that is the same for the same content: ids, positions and order left out. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => k !== 'id' && k !== 'position' && !isEmpty(value[k]))
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return isEmpty(value) ? 'null' : JSON.stringify(value);
}

/** The items of `after` that `before` lacks and the other way round, compared by content (a multiset). */
export function listChanges(before, after) {
  const pool = new Map();
  for (const item of Array.isArray(before) ? before : []) {
    const k = canonical(item);
    pool.set(k, (pool.get(k) ?? 0) + 1);
  }
  const added = [];
  for (const item of Array.isArray(after) ? after : []) {
    const k = canonical(item);
    if (pool.get(k)) pool.set(k, pool.get(k) - 1);
    else added.push(item);
  }
  const removed = [];
  for (const item of Array.isArray(before) ? before : []) {
    const k = canonical(item);
    if (pool.get(k)) {
      pool.set(k, pool.get(k) - 1);
      removed.push(item);
    }
  }
  return { removed, added };
}

/** A value of a field nobody described: short text (only for fields a newer server adds). */
function plain(value) {
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return number(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The fields of a type: the described ones, then any other field that is neither technical nor hidden. */
function fieldsOf(spec, records) {
  const fields = [...(spec?.fields ?? [])];
  const known = new Set([...fields.map((f) => f.key.split('.')[0]), ...(spec?.hidden ?? []), ...TECHNICAL]);
  for (const r of records) {
    if (!isObject(r)) continue;
    for (const key of Object.keys(r)) {
      if (known.has(key)) continue;
      known.add(key);
      fields.push({ key, label: null, show: plain, raw: true });
    }
  }
  return fields;
}

function shown(field, value, ctx) {
  if (isEmpty(value)) return field.none ? t(field.none) : EMPTY;
  return field.show(value, ctx);
}

/**
 * What an audit entry of `type` records, readably.
 * @param {{isced?: object[], units?: object[], institutionName?: Function, agreementTitle?: Function}} ctx
 *   reference lists where loaded (ISCED-F fields, the school's units), to name codes and ids
 * @returns {{mode: 'create'|'delete'|'update', rows: Array<{key: string, label: string, before?: string,
 *   after?: string, value?: string, list?: boolean, removed?: string[], added?: string[], items?: string[]}>}}
 *   create and delete: the record's fields with a value (`value`, or `items` for a list); update: the changed
 *   fields (`before`/`after`, or for a list the `removed` and `added` items).
 */
export function describeChanges(type, before, after, ctx = {}) {
  const spec = TYPES[type];
  const b = isObject(before) ? before : before == null ? null : { value: before };
  const a = isObject(after) ? after : after == null ? null : { value: after };
  const mode = b && a ? 'update' : a ? 'create' : 'delete';
  const rows = [];
  for (const f of fieldsOf(spec, [b, a])) {
    const label = f.label ? t(f.label) : f.key;
    if (mode !== 'update') {
      const value = at(a ?? b, f.key);
      if (isEmpty(value) && !f.none) continue;
      if (f.item) rows.push({ key: f.key, label, list: true, items: (Array.isArray(value) ? value : [value]).map((x) => f.item(x, ctx)) });
      else rows.push({ key: f.key, label, value: shown(f, value, ctx) });
      continue;
    }
    const was = at(b, f.key);
    const is = at(a, f.key);
    if (f.item) {
      const { removed, added } = listChanges(was, is);
      if (removed.length || added.length) {
        rows.push({ key: f.key, label, list: true, removed: removed.map((x) => f.item(x, ctx)), added: added.map((x) => f.item(x, ctx)) });
      }
    } else if (canonical(was) !== canonical(is)) {
      rows.push({ key: f.key, label, before: shown(f, was, ctx), after: shown(f, is, ctx) });
    }
  }
  return { mode, rows };
}

/**
 * The record an audit entry is about, named as its screens name it, with the address of its page where it has
 * one (not for a deleted record) and the permission that page needs.
 * @returns {{type: string|null, typeLabel: string, name: string|null, href: string|null, permission: string|null}}
 */
export function recordOf(entry, ctx = {}) {
  const type = entry?.entity_type ?? null;
  const spec = TYPES[type];
  const id = entry?.entity_id ?? null;
  const record = (isObject(entry?.after) ? entry.after : null) ?? (isObject(entry?.before) ? entry.before : null) ?? {};
  let name = spec?.name ? spec.name(record, id) : null;
  if (!name && type === 'user') {
    // the log keeps no names of accounts (they could not be erased from a hash chain): the reader's own list
    // of names, or the person's own entries
    name = ctx.userName?.(Number(id)) ?? (entry.subject_user_id != null && entry.subject_user_id === entry.actor_user_id ? entry.actor_name : null);
  }
  if (!name && spec?.href && id !== null && id !== '') name = `#${id}`;
  const gone = entry?.action === 'delete' || (entry?.after == null && entry?.before != null);
  const href = spec?.href && id !== null && id !== '' && !gone ? spec.href(id, record) : null;
  return {
    type,
    typeLabel: spec?.label ? t(spec.label) : (type ?? ''),
    name: name || null,
    href,
    permission: href ? (spec.permission ?? null) : null,
  };
}
