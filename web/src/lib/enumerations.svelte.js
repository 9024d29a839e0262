// The server's enumerations (GET /api/v1/enumerations, no sign-in needed), loaded once at start by the shell:
// every choice a screen offers comes from here, in the order the server gives (the order people think in).
import { api } from './api.js';
import { t } from './i18n/index.svelte.js';

/** The i18n group that labels each enumeration's values (`tier.strategic`). */
export const LABELS = {
  institution_type: 'institutionType',
  tier: 'tier',
  agreement_type: 'agreementType',
  agreement_status: 'status',
  direction: 'direction',
  quota_category: 'category',
  joint_structure_kind: 'jointKind',
  org_unit_kind: 'unitKind',
  partner_contact_role: 'contactRole',
  partner_note_kind: 'noteKind',
  agreement_document_kind: 'documentKind',
  role: 'role',
  eqf_level: 'eqf',
  world_region: 'region',
  cefr_level: 'cefr',
  study_cycle: 'studyCycle',
  application_status: 'applicationStatus',
  application_document_kind: 'applicationDocument',
  ineligibility_reason: 'ineligibility',
  call_kind: 'callKind',
  offer_term: 'offerTerm',
  tie_rule: 'tieRule',
  allocation_run_status: 'runStatus',
  place_response: 'allocation.response',
  stay_category: 'stayCategory',
  funding_status: 'fundingStatus',
  objection_status: 'objections.status',
  objection_decision: 'objections.decision',
  funding_line: 'fundingLine',
  stay_state: 'stayState',
  stay_step: 'stayStep',
};

export const enumerations = $state({
  loaded: false,
  error: null,
  values: {},
  agreement_status_transitions: {},
  initial_agreement_statuses: [],
  scoped_roles: [],
  staff_quota_categories: [],
});

/** Takes the server's answer (also for tests, with a fixture). */
export function adoptEnumerations(answer) {
  enumerations.values = answer?.enumerations ?? {};
  enumerations.agreement_status_transitions = answer?.agreement_status_transitions ?? {};
  enumerations.initial_agreement_statuses = answer?.initial_agreement_statuses ?? [];
  enumerations.scoped_roles = answer?.scoped_roles ?? [];
  enumerations.staff_quota_categories = answer?.staff_quota_categories ?? [];
  enumerations.error = null;
  enumerations.loaded = true;
}

export async function loadEnumerations() {
  try {
    adoptEnumerations(await api.enumerations());
  } catch (e) {
    enumerations.error = e;
  }
}

/** The values of one enumeration ('tier' → ['transcampus', 'strategic', 'standard']). */
export function values(name) {
  return enumerations.values[name] ?? [];
}

/** The values of one enumeration as choices for a select, labelled in the current language. */
export function choices(name) {
  return values(name).map((v) => ({ value: v, label: t(`${LABELS[name]}.${v}`) }));
}

/** Whether a quota category is for staff (counted in days, no levels). */
export function isStaffCategory(category) {
  return enumerations.staff_quota_categories.includes(category);
}
