// The answer of GET /api/v1/enumerations as the contract gives it, for unit tests.
export default {
  enumerations: {
    institution_type: ['university', 'university_of_applied_sciences', 'research_institute', 'hospital', 'other'],
    org_unit_kind: ['school', 'department', 'clinic', 'institute', 'office'],
    tier: ['transcampus', 'strategic', 'standard'],
    agreement_type: ['erasmus_iia', 'bilateral_exchange', 'clinical_electives', 'joint_degree', 'cotutelle_framework', 'research_memorandum', 'transcampus'],
    agreement_status: ['draft', 'in_negotiation', 'signed', 'active', 'expired', 'terminated'],
    direction: ['outgoing', 'incoming'],
    quota_category: ['student_studies', 'student_traineeship', 'clinical_elective', 'final_year_tertial', 'staff_teaching', 'staff_training'],
    joint_structure_kind: ['joint_programme', 'joint_appointment', 'joint_institute', 'shared_administrative_unit'],
    partner_contact_role: ['international_office', 'exchange_coordinator', 'faculty_coordinator', 'incoming_officer', 'outgoing_officer', 'other'],
    partner_note_kind: ['note', 'visit', 'call', 'meeting', 'correspondence', 'decision'],
    role: ['admin', 'international_office', 'coordinator', 'researcher', 'research_office', 'welcome_officer', 'management', 'student', 'incoming_guest'],
    eqf_level: [5, 6, 7, 8],
    cefr_level: ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'],
  },
  agreement_status_transitions: {
    draft: ['in_negotiation', 'terminated'],
    in_negotiation: ['draft', 'signed', 'terminated'],
    signed: ['active', 'terminated'],
    active: ['expired', 'terminated'],
    expired: [],
    terminated: [],
  },
  initial_agreement_statuses: ['draft', 'in_negotiation', 'signed'],
  scoped_roles: ['coordinator'],
  staff_quota_categories: ['staff_teaching', 'staff_training'],
};
