import { describe, expect, it } from 'vitest';
import { erasmusDays, fundingCell, fundingSentence, monthsOfDays } from './funding.js';

describe('the months rule (30/360, as the server counts)', () => {
  it('counts whole months and days over thirty', () => {
    expect(erasmusDays('2027-03-01', '2027-04-30')).toBe(60);
    expect(erasmusDays('2027-03-15', '2027-05-14')).toBe(60);
    expect(erasmusDays('2027-03-01', '2027-03-31')).toBe(30);
    expect(erasmusDays('2027-02-01', '2027-02-28')).toBe(30);
    expect(erasmusDays('2028-02-01', '2028-02-29')).toBe(30);
    expect(erasmusDays('2027-02-01', '2027-03-31')).toBe(60);
    expect(erasmusDays('2027-10-01', '2028-09-30')).toBe(360);
    expect(erasmusDays('2027-03-01', '2027-06-20')).toBe(110); // a tertial of 16 weeks
    expect(erasmusDays('2027-03-01', '2027-04-25')).toBe(55); // a half tertial
    expect(monthsOfDays(110)).toBe(3.67);
  });
  it('knows no months for missing or impossible dates, none for a stay that ends first', () => {
    expect(erasmusDays('', '2027-04-30')).toBeNull();
    expect(erasmusDays('2027-02-30', '2027-04-30')).toBeNull();
    expect(erasmusDays('2027-04-30', '2027-04-01')).toBe(0);
  });
});

describe('a funding result in words', () => {
  const funded = { status: 'funded', rank: 1, months_granted: 3.67, months_asked: 3.67, cutoff: null, lost_on_lottery: false };
  it('says what was granted, and why not', () => {
    expect(fundingSentence(funded, 80)).toContain('3.67 months');
    const spent = { ...funded, status: 'budget_spent', rank: 4, months_granted: 0, cutoff: 71.5 };
    expect(fundingSentence(spent, 60)).toContain('71.50');
    expect(fundingSentence({ ...spent, lost_on_lottery: true }, 71.5)).toContain('lottery');
    expect(fundingCell(funded)).toBe('3.67 of 3.67 months · rank 1');
    expect(fundingCell(spent)).toBe('rank 4 · budget spent at 71.50');
    expect(fundingCell({ ...funded, status: 'not_eligible' })).toBe('not eligible');
  });
});
