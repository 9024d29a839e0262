import { describe, it, expect } from 'vitest';
import { TIMELINE, weightsSum, currentStep, levelsOf, monthsLeft, criterionCode, criteriaBody, criterionName, applicationPeriod } from './calls.js';

describe('calls', () => {
  const call = {
    applications_open: '2027-01-04',
    applications_close: '2027-02-28',
    selection_by: '2027-03-13',
    publication_on: '2027-03-16',
    accept_by: '2027-03-26',
    nomination_by: '2027-04-03',
    weight_grade: 50,
    weight_language: 25,
    weight_committee: '25',
  };
  it('sums the weights, strings too', () => {
    expect(weightsSum(call)).toBe(100);
    expect(weightsSum({ weight_grade: 60 })).toBe(60);
    expect(weightsSum({ ...call, weight_grade: 40, criteria: [{ weight: '10' }, { weight: '' }] })).toBe(100);
  });
  it('makes a criterion code from its name, unique in the call', () => {
    expect(criterionCode('Social engagement')).toBe('social_engagement');
    expect(criterionCode('Soziales Engagement – Ehrenamt')).toBe('soziales_engagement_ehrenamt');
    expect(criterionCode('Größe')).toBe('grosse');
    expect(criterionCode('2nd interview')).toBe('c_2nd_interview');
    expect(criterionCode('  ')).toBe('c');
    expect(criterionCode('Interview', ['interview', 'interview_2'])).toBe('interview_3');
    expect(criterionCode('x'.repeat(60))).toHaveLength(36);
  });
  it('writes the optional criteria as the API takes them, keeping stored codes', () => {
    const rows = [
      { code: 'interview', name: ' Interview ', name_de: '', weight: '10', points_max: '5' },
      { code: '', name: 'Interview', name_de: 'Gespräch', weight: 5, points_max: '' },
    ];
    expect(criteriaBody(rows)).toEqual([
      { code: 'interview', name: 'Interview', name_de: null, weight: 10, points_max: 5 },
      { code: 'interview_2', name: 'Interview', name_de: 'Gespräch', weight: 5, points_max: null },
    ]);
    expect(criterionName({ name: 'Interview', name_de: 'Gespräch' }, 'de')).toBe('Gespräch');
    expect(criterionName({ name: 'Interview', name_de: null }, 'de')).toBe('Interview');
  });
  it('tells a day before, in and after the application period', () => {
    expect(applicationPeriod(call, '2027-01-03')).toBe('before');
    expect(applicationPeriod(call, '2027-01-04')).toBe('open');
    expect(applicationPeriod(call, '2027-02-28')).toBe('open');
    expect(applicationPeriod(call, '2027-03-01')).toBe('after');
  });
  it('finds the step of a day in the timeline', () => {
    expect(TIMELINE).toHaveLength(6);
    expect(currentStep(call, '2026-12-31')).toBe(-1);
    expect(currentStep(call, '2027-01-04')).toBe(0);
    expect(currentStep(call, '2027-03-01')).toBe(1);
    expect(currentStep(call, '2027-04-03')).toBe(5);
  });
  it('reads the checked levels in order', () => {
    expect(levelsOf({ 8: true, 6: true, 7: false })).toEqual([6, 8]);
    expect(levelsOf({})).toEqual([]);
  });
  it('says how many months a quota has left', () => {
    expect(monthsLeft({ months_available: 30, months_used: 24 })).toBe(6);
    expect(monthsLeft({ months_available: 20, months_used: 25 })).toBe(0);
    expect(monthsLeft({ months_available: null })).toBeNull();
  });
});
