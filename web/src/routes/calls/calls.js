// Pure helpers of the calls' screens (tested in calls.test.js).

/** The timeline's steps in their order: [field, i18n key]. */
export const TIMELINE = [
  ['applications_open', 'calls.applicationsOpen'],
  ['applications_close', 'calls.applicationsClose'],
  ['selection_by', 'calls.selectionBy'],
  ['publication_on', 'calls.publicationOn'],
  ['accept_by', 'calls.acceptBy'],
  ['nomination_by', 'calls.nominationBy'],
];

/** The sum of a call's weights, its optional criteria's included (the server wants 100). */
export function weightsSum(call) {
  const main = ['weight_grade', 'weight_language', 'weight_committee'].reduce((sum, k) => sum + (Number(call?.[k]) || 0), 0);
  return main + (call?.criteria ?? []).reduce((sum, c) => sum + (Number(c?.weight) || 0), 0);
}

/** The most optional criteria a call may have (the server's limit). */
export const MAX_CRITERIA = 5;

/**
 * A code for an optional criterion from its English name ("Social engagement" → "social_engagement"):
 * small letters, digits and _, beginning with a letter, at most 40 characters, not one of `taken`.
 */
export function criterionCode(name, taken = []) {
  const plain = String(name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  let code = (/^[a-z]/.test(plain) ? plain : `c_${plain}`).replace(/_+$/, '').slice(0, 36) || 'c';
  const base = code;
  for (let n = 2; taken.includes(code); n += 1) code = `${base}_${n}`;
  return code;
}

/**
 * The optional criteria as the API takes them: numbers as numbers, a blank German name as null,
 * and a code for each new criterion (kept for those the call has, as applications' points use it).
 */
export function criteriaBody(rows) {
  const taken = rows.map((r) => r.code).filter(Boolean);
  return rows.map((r) => {
    const code = r.code || criterionCode(r.name, taken);
    if (!r.code) taken.push(code);
    const number = (v) => (v === '' || v == null ? null : Number(v));
    return { code, name: String(r.name ?? '').trim(), name_de: String(r.name_de ?? '').trim() || null, weight: number(r.weight), points_max: number(r.points_max) };
  });
}

/** A criterion's name in the reader's language. */
export function criterionName(criterion, locale) {
  return locale === 'de' && criterion?.name_de ? criterion.name_de : (criterion?.name ?? '');
}

/** Where a day (ISO) stands to the call's application period: 'before', 'open' or 'after'. */
export function applicationPeriod(call, today) {
  if (today < call.applications_open) return 'before';
  return today > call.applications_close ? 'after' : 'open';
}

/** The timeline's step a day is in: the index of the last step on or before it, -1 before the first. */
export function currentStep(call, today) {
  let step = -1;
  TIMELINE.forEach(([field], i) => {
    if (call?.[field] && call[field] <= today) step = i;
  });
  return step;
}

/** EQF levels from checkboxes ({5: true, 7: true}) as the API's list, in order. */
export function levelsOf(checked) {
  return [5, 6, 7, 8].filter((level) => checked[level]);
}

/** A quota's months as "used of available" figures; available is null for a quota without months. */
export function monthsLeft(quota) {
  if (quota?.months_available == null) return null;
  return Math.max(0, quota.months_available - (quota.months_used ?? 0));
}
