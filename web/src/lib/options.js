// The API's enumerations, in the order in which people think about them.
export const TIERS = ['transcampus', 'strategic', 'standard'];
export const AGREEMENT_TYPES = [
  'erasmus_iia',
  'bilateral_exchange',
  'clinical_electives',
  'joint_degree',
  'cotutelle_framework',
  'research_memorandum',
  'transcampus',
];
export const AGREEMENT_STATUSES = ['draft', 'in_negotiation', 'signed', 'active', 'expired', 'terminated'];
export const NEW_AGREEMENT_STATUSES = ['draft', 'in_negotiation', 'signed'];
/** Allowed next statuses (the API answers 422 for others). */
export const STATUS_TRANSITIONS = {
  draft: ['in_negotiation', 'terminated'],
  in_negotiation: ['draft', 'signed', 'terminated'],
  signed: ['active', 'terminated'],
  active: ['expired', 'terminated'],
  expired: [],
  terminated: [],
};
export const DIRECTIONS = ['outgoing', 'incoming'];
export const QUOTA_CATEGORIES = [
  'student_studies',
  'student_traineeship',
  'clinical_elective',
  'final_year_tertial',
  'staff_teaching',
  'staff_training',
];
export const STAFF_CATEGORIES = ['staff_teaching', 'staff_training'];
export const EQF_LEVELS = [6, 7, 8];
export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
export const INSTITUTION_TYPES = [
  'university',
  'university_of_applied_sciences',
  'research_institute',
  'hospital',
  'other',
];
export const JOINT_STRUCTURE_KINDS = [
  'joint_programme',
  'joint_appointment',
  'joint_institute',
  'shared_administrative_unit',
];
export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pl', 'cs', 'pt', 'nl', 'sv', 'fi', 'da', 'no', 'hu', 'el', 'tr', 'ru', 'zh', 'ja', 'ko', 'ar'];

/** Statuses that an agreement in `status` may be saved with: its own and the allowed next ones. */
export function statusChoices(status) {
  if (!status) return NEW_AGREEMENT_STATUSES;
  return [status, ...(STATUS_TRANSITIONS[status] ?? [])];
}
