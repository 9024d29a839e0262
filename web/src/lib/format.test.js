import { describe, it, expect } from 'vitest';
import {
  formatNumber,
  formatDate,
  formatAcademicYear,
  formatAcademicYearRange,
  isAcademicYear,
  parseAcademicYear,
  academicYearOf,
  shiftAcademicYear,
  academicYearEnd,
  countryName,
  monthsBetween,
  formatRelativeMonths,
  parseIsoDate,
  parseTimestamp,
  formatMoment,
} from './format.js';

describe('numbers', () => {
  it('group digits as the language does', () => {
    expect(formatNumber(1234567, undefined, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, undefined, 'de')).toBe('1.234.567');
    expect(formatNumber(0.25, { style: 'percent' }, 'de')).toMatch(/^25\s?%$/);
  });
  it('show a dash for no value', () => {
    expect(formatNumber(null, undefined, 'en')).toBe('–');
    expect(formatNumber(undefined, undefined, 'de')).toBe('–');
  });
});

describe('dates', () => {
  it('format an ISO date without shifting the day', () => {
    expect(formatDate('2027-09-30', 'medium', 'en')).toBe('30 Sept 2027');
    expect(formatDate('2027-09-30', 'medium', 'de')).toBe('30.09.2027');
    expect(formatDate('2027-01-01', 'long', 'de')).toBe('1. Januar 2027');
  });
  it('show a dash for no date', () => {
    expect(formatDate(null, 'medium', 'en')).toBe('–');
    expect(formatDate('not a date', 'medium', 'en')).toBe('–');
  });
  it('parse dates as UTC days', () => {
    expect(parseIsoDate('2026-10-01').toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });
});

describe('moments', () => {
  it('read the server’s timestamps, with or without a zone (the database writes UTC without one)', () => {
    expect(parseTimestamp('2026-12-03T10:15:02Z').toISOString()).toBe('2026-12-03T10:15:02.000Z');
    expect(parseTimestamp('2026-12-03 10:15:02').toISOString()).toBe('2026-12-03T10:15:02.000Z');
    expect(parseTimestamp('2026-12-03T11:15:02+01:00').toISOString()).toBe('2026-12-03T10:15:02.000Z');
    expect(parseTimestamp('yesterday')).toBe(null);
    expect(parseTimestamp(null)).toBe(null);
  });
  it('give day and time of day in the reader’s language and time zone', () => {
    const d = parseTimestamp('2026-12-03 10:15:02');
    const expected = {
      date: new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' }).format(d),
      time: new Intl.DateTimeFormat('de-DE', { timeStyle: 'short' }).format(d),
    };
    expect(formatMoment('2026-12-03 10:15:02', 'de')).toEqual(expected);
    expect(expected.date).toMatch(/^\d{2}\.12\.2026$/);
    expect(formatMoment('2026-12-03T10:15:02Z', 'en').date).toMatch(/Dec 2026$/);
    expect(formatMoment('', 'en')).toBe(null);
  });
});

describe('academic years', () => {
  it('are written the way each language writes them', () => {
    expect(formatAcademicYear('2026/2027', 'en')).toBe('2026–27');
    expect(formatAcademicYear('2026/2027', 'de')).toBe('2026/27');
    expect(formatAcademicYear('2099/2100', 'de')).toBe('2099/00');
    expect(formatAcademicYearRange('2026/2027', '2030/2031', 'en')).toBe('2026–27 to 2030–31');
    expect(formatAcademicYearRange('2026/2027', '2030/2031', 'de')).toBe('2026/27 bis 2030/31');
    expect(formatAcademicYearRange('2026/2027', '2026/2027', 'de')).toBe('2026/27');
  });
  it('need two consecutive years', () => {
    expect(isAcademicYear('2027/2028')).toBe(true);
    expect(isAcademicYear('2027/2029')).toBe(false);
    expect(isAcademicYear('2027-2028')).toBe(true); // as people write it (issue 9)
    expect(isAcademicYear('27/28')).toBe(false);
    expect(isAcademicYear('')).toBe(false);
  });
  it('start on 1 October', () => {
    expect(academicYearOf('2026-09-30')).toBe('2025/2026');
    expect(academicYearOf('2026-10-01')).toBe('2026/2027');
    expect(academicYearOf('2027-03-15')).toBe('2026/2027');
  });
  it('end on 30 September and can be shifted', () => {
    expect(academicYearEnd('2026/2027')).toBe('2027-09-30');
    expect(shiftAcademicYear('2026/2027', 4)).toBe('2030/2031');
    expect(shiftAcademicYear('2026/2027', -1)).toBe('2025/2026');
  });
});

describe('countries', () => {
  it('are named in the chosen language', () => {
    expect(countryName('GB', 'en')).toBe('United Kingdom');
    expect(countryName('GB', 'de')).toBe('Vereinigtes Königreich');
    expect(countryName('PL', 'de')).toBe('Polen');
    expect(countryName('AU', 'en')).toBe('Australia');
  });
});

describe('time until a date', () => {
  it('counts whole months', () => {
    expect(monthsBetween('2026-11-28', '2027-09-30')).toBe(10);
    expect(monthsBetween('2026-11-28', '2026-12-27')).toBe(0);
    expect(monthsBetween('2026-11-28', '2026-10-30')).toBe(-1);
  });
  it('is said in words', () => {
    expect(formatRelativeMonths(10, 'en')).toBe('in 10 months');
    expect(formatRelativeMonths(10, 'de')).toBe('in 10 Monaten');
    expect(formatRelativeMonths(-1, 'de')).toBe('letzten Monat');
  });
});

describe('parseAcademicYear', () => {
  it('reads the forms people write and the app shows, as the API writes them', () => {
    for (const text of ['2027/2028', '2027/28', '2027-28', '2027–28', '2027 – 2028', ' 2027-2028 ', '2027—28']) {
      expect(parseAcademicYear(text), text).toBe('2027/2028');
    }
    expect(parseAcademicYear('2099/00')).toBe('2099/2100');
    expect(parseAcademicYear(formatAcademicYear('2026/2027', 'en'))).toBe('2026/2027');
    expect(parseAcademicYear(formatAcademicYear('2026/2027', 'de'))).toBe('2026/2027');
  });

  it('refuses what is no academic year', () => {
    for (const text of ['2027/2029', '2027-29', '2027', '27/28', '2027/2028x', '', null, 'abcd/efgh']) {
      expect(parseAcademicYear(text), String(text)).toBeNull();
      expect(isAcademicYear(text), String(text)).toBe(false);
    }
  });
});
