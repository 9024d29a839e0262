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

/** The sum of a call's three weights (the server wants 100). */
export function weightsSum(call) {
  return ['weight_grade', 'weight_language', 'weight_committee'].reduce((sum, k) => sum + (Number(call?.[k]) || 0), 0);
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
