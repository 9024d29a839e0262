import { describe, it, expect } from 'vitest';
import { TIMELINE, weightsSum, currentStep, levelsOf, monthsLeft } from './calls.js';

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
