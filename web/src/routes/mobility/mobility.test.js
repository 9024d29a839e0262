import { describe, it, expect } from 'vitest';
import fixture from '../../lib/enumerations.fixture.js';
import { personKind, formParts, mobilityForm, mobilityBody, fittingQuotas, stepNeeds, stepAsks, stepBody, stayTimeline, personName } from './mobility.js';

// the server's staff categories, as the enumerations answer them
const isStaff = (category) => fixture.staff_quota_categories.includes(category);

describe('the person a mobility names', () => {
  it('is an outgoing student by their record, anyone else by name', () => {
    expect(personKind('outgoing', 'student_studies', isStaff)).toBe('student');
    expect(personKind('outgoing', 'final_year_tertial', isStaff)).toBe('student');
    expect(personKind('outgoing', 'staff_teaching', isStaff)).toBe('person');
    expect(personKind('incoming', 'student_studies', isStaff)).toBe('person');
    expect(personKind('incoming', 'staff_training', isStaff)).toBe('person');
  });
});

describe('the form’s parts', () => {
  const parts = (form) => formParts({ direction: 'outgoing', category: 'student_studies', person_mode: 'record', partner_mode: 'register', ...form }, isStaff);
  it('shows the student picker for an outgoing student, or their name when they have no record', () => {
    expect(parts({})).toMatchObject({ personChoice: true, student: true, names: false });
    expect(parts({ person_mode: 'name' })).toMatchObject({ personChoice: true, student: false, names: true });
  });
  it('shows names and e-mail for staff and incoming people, without the choice', () => {
    expect(parts({ category: 'staff_teaching' })).toMatchObject({ personChoice: false, student: false, names: true });
    expect(parts({ direction: 'incoming' })).toMatchObject({ personChoice: false, student: false, names: true });
    // the choice of a record is no longer there once the category is staff's
    expect(parts({ direction: 'incoming', person_mode: 'record' }).student).toBe(false);
  });
  it('shows the partnership or a host outside the register', () => {
    expect(parts({})).toMatchObject({ partnership: true, host: false });
    expect(parts({ partner_mode: 'host' })).toMatchObject({ partnership: false, host: true });
  });
  it('asks for a level except of staff, for the equivalence decision only of a tertial', () => {
    expect(parts({}).eqf).toBe(true);
    expect(parts({ category: 'staff_training' }).eqf).toBe(false);
    expect(parts({}).equivalence).toBe(false);
    expect(parts({ category: 'final_year_tertial' }).equivalence).toBe(true);
  });
});

const student = {
  id: 7,
  version: 3,
  direction: 'outgoing',
  category: 'final_year_tertial',
  student_id: 1,
  family_name: 'Student',
  given_name: 'Stefan',
  email: 's4711001@mailbox.weltcampus.example',
  partnership_id: null,
  agreement_id: null,
  quota_id: null,
  host_name: 'Hospices Civils de Lyon',
  partner_name: 'Hospices Civils de Lyon',
  host_country: 'FR',
  funding_line: 'erasmus_ka131_traineeship',
  isced_code: '0912',
  eqf_level: 7,
  academic_year: '2027/2028',
  planned_start: '2027-11-15',
  planned_end: '2028-03-05',
  fewer_opportunities: true,
  equivalence_decided_on: '2027-06-01',
  stay_state: 'nominated',
  created_at: '2027-05-02T09:00:00Z',
};

describe('the form values and what the form sends', () => {
  it('starts a new mobility as an outgoing student’s studies with a partner of the register', () => {
    const form = mobilityForm(null, { academicYear: '2027–28' });
    expect(form).toMatchObject({ direction: 'outgoing', category: 'student_studies', student: null, person_mode: 'record', partner_mode: 'register', funding_line: 'none', academic_year: '2027–28', fewer_opportunities: false });
  });

  it('reads a student’s tertial at a host outside the register', () => {
    const form = mobilityForm(student);
    expect(form.student).toEqual({ id: 1, family_name: 'Student', given_name: 'Stefan', email: 's4711001@mailbox.weltcampus.example' });
    expect(form).toMatchObject({ family_name: '', person_mode: 'record', partner_mode: 'host', host_name: 'Hospices Civils de Lyon', host_country: 'FR', partnership: null });
  });

  it('sends the student’s record, not their copied names, and the host', () => {
    const body = mobilityBody({ ...mobilityForm(student), academic_year: '2027–28' }, isStaff);
    expect(body).toEqual({
      direction: 'outgoing',
      category: 'final_year_tertial',
      student_id: 1,
      family_name: null,
      given_name: null,
      email: null,
      partnership_id: null,
      agreement_id: null,
      quota_id: null,
      host_name: 'Hospices Civils de Lyon',
      host_country: 'FR',
      funding_line: 'erasmus_ka131_traineeship',
      isced_code: '0912',
      eqf_level: 7,
      academic_year: '2027/2028',
      planned_start: '2027-11-15',
      planned_end: '2028-03-05',
      fewer_opportunities: true,
      equivalence_decided_on: '2027-06-01',
    });
  });

  it('sends a staff member by name with a partnership, and nothing the form does not show', () => {
    const form = {
      ...mobilityForm(student),
      category: 'staff_teaching',
      family_name: ' Lehmann ',
      given_name: 'Lena',
      email: '',
      partner_mode: 'register',
      partnership: { id: 12, name: 'King’s College London', country: 'GB' },
      agreement_id: '4',
      quota_id: 9,
    };
    const body = mobilityBody(form, isStaff);
    expect(body).toMatchObject({ student_id: null, family_name: 'Lehmann', given_name: 'Lena', email: null, partnership_id: 12, agreement_id: 4, quota_id: 9, host_name: null, host_country: null, eqf_level: null, equivalence_decided_on: null });
    // a quota only with its agreement
    expect(mobilityBody({ ...form, agreement_id: '' }, isStaff)).toMatchObject({ agreement_id: null, quota_id: null });
  });

  it('sends an outgoing student without a record by name', () => {
    const body = mobilityBody({ ...mobilityForm(null), person_mode: 'name', student: { id: 1 }, family_name: 'Früher', given_name: 'Frieda' }, isStaff);
    expect(body).toMatchObject({ student_id: null, family_name: 'Früher', given_name: 'Frieda' });
  });

  it('sends an academic year that is none as typed, for the server to say so beside it', () => {
    expect(mobilityBody({ ...mobilityForm(null), academic_year: 'next year' }, isStaff).academic_year).toBe('next year');
    expect(mobilityBody({ ...mobilityForm(null), academic_year: ' ' }, isStaff).academic_year).toBeNull();
  });

  it('offers the agreement’s quotas of the stay’s direction and category', () => {
    const agreement = {
      quotas: [
        { id: 1, direction: 'outgoing', category: 'student_studies' },
        { id: 2, direction: 'incoming', category: 'student_studies' },
        { id: 3, direction: 'outgoing', category: 'staff_teaching' },
      ],
    };
    expect(fittingQuotas(agreement, 'outgoing', 'student_studies').map((q) => q.id)).toEqual([1]);
    expect(fittingQuotas(null, 'outgoing', 'student_studies')).toEqual([]);
  });
});

describe('a step of the stay', () => {
  it('asks for the day it happened, the new end or the reason', () => {
    expect(stepNeeds('accept')).toEqual({ on: false, until: false, reason: false });
    expect(stepNeeds('start')).toEqual({ on: true, until: false, reason: false });
    expect(stepNeeds('complete')).toEqual({ on: true, until: false, reason: false });
    expect(stepNeeds('end_early')).toEqual({ on: true, until: false, reason: true });
    expect(stepNeeds('extend')).toEqual({ on: false, until: true, reason: false });
    for (const s of ['reject', 'interrupt', 'cancel']) expect(stepNeeds(s).reason).toBe(true);
    expect(['accept', 'prepare', 'resume'].filter(stepAsks)).toEqual([]);
    expect(fixture.enumerations.stay_step.filter(stepAsks)).toEqual(['reject', 'start', 'extend', 'interrupt', 'complete', 'end_early', 'cancel']);
  });

  it('sends only what the step asks for, empty values left out (the server takes today)', () => {
    expect(stepBody('accept', { on: '2027-09-01', reason: 'x' })).toEqual({ step: 'accept' });
    expect(stepBody('start', { on: '2027-09-01', until: '2028-01-01' })).toEqual({ step: 'start', on: '2027-09-01' });
    expect(stepBody('start', { on: '' })).toEqual({ step: 'start' });
    expect(stepBody('extend', { until: '2028-02-28' })).toEqual({ step: 'extend', until: '2028-02-28' });
    expect(stepBody('cancel', { reason: '  illness  ' })).toEqual({ step: 'cancel', reason: 'illness' });
    expect(stepBody('cancel', { reason: '   ' })).toEqual({ step: 'cancel' });
  });
});

describe('the stay’s timeline', () => {
  const event = (id, step, from, to, more = {}) => ({ id, mobility_id: 7, track: 'stay', step, from_state: from, to_state: to, on: null, reason: null, user_id: 2, at: `2027-0${id}-01T10:00:00Z`, ...more });

  it('begins with the record, nominated when it was created, and follows the steps oldest first', () => {
    const entries = stayTimeline(student, [
      event(3, 'start', 'preparing', 'ongoing', { on: '2027-11-15' }),
      event(1, 'accept', 'nominated', 'accepted', { by: 'Ines Office' }),
      event(2, 'prepare', 'accepted', 'preparing'),
    ]);
    expect(entries.map((e) => [e.step, e.from, e.to])).toEqual([
      [null, null, 'nominated'],
      ['accept', 'nominated', 'accepted'],
      ['prepare', 'accepted', 'preparing'],
      ['start', 'preparing', 'ongoing'],
    ]);
    expect(entries[0].at).toBe('2027-05-02T09:00:00Z');
    expect(entries[3].on).toBe('2027-11-15');
    expect(entries.map((e) => e.by ?? null)).toEqual([null, 'Ines Office', null, null]);
    expect(new Set(entries.map((e) => e.key)).size).toBe(4);
  });

  it('takes only this mobility’s stay (a student’s answer holds the events of all their mobilities)', () => {
    const entries = stayTimeline(student, [event(1, 'accept', 'nominated', 'accepted'), event(2, 'cancel', 'nominated', 'cancelled', { mobility_id: 8, reason: 'x' }), event(4, 'signed', null, 'signed', { track: 'learning_agreement' })]);
    expect(entries.map((e) => e.step)).toEqual([null, 'accept']);
  });

  it('is the record alone before any step, and nothing without a record', () => {
    expect(stayTimeline(student, [])).toHaveLength(1);
    expect(stayTimeline(null, [event(1, 'accept', 'nominated', 'accepted')])).toEqual([]);
  });
});

describe('names', () => {
  it('writes a person as lists do', () => {
    expect(personName(student)).toBe('Student, Stefan');
    expect(personName({ family_name: 'Erased' })).toBe('Erased');
    expect(personName(null)).toBe('');
  });
});
