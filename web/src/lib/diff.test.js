import { describe, it, expect } from 'vitest';
import { diffRecords, flattenRecord, formatValue } from './diff.js';

describe('the audit diff', () => {
  it('lists only the fields that changed, sorted', () => {
    const before = { active: true, preferred_language: 'en', roles: ['student'] };
    const after = { active: true, preferred_language: 'de', roles: ['student'] };
    expect(diffRecords(before, after)).toEqual([{ field: 'preferred_language', before: 'en', after: 'de', change: 'changed' }]);
  });

  it('shows every field when asked, marking the unchanged ones', () => {
    const rows = diffRecords({ a: 1, b: 2 }, { a: 1, b: 3 }, { changedOnly: false });
    expect(rows.map((r) => [r.field, r.change])).toEqual([
      ['a', 'unchanged'],
      ['b', 'changed'],
    ]);
  });

  it('marks added and removed fields', () => {
    expect(diffRecords({ a: 1, gone: 'x' }, { a: 1, added: 'y' })).toEqual([
      { field: 'added', before: undefined, after: 'y', change: 'added' },
      { field: 'gone', before: 'x', after: undefined, change: 'removed' },
    ]);
  });

  it('treats a created record as all added and a deleted one as all removed', () => {
    expect(diffRecords(null, { name: 'KCL', tier: 'strategic' }).map((r) => r.change)).toEqual(['added', 'added']);
    expect(diffRecords({ name: 'KCL' }, null)).toEqual([{ field: 'name', before: 'KCL', after: undefined, change: 'removed' }]);
    expect(diffRecords(null, null)).toEqual([]);
  });

  it('compares nested objects field by field and lists as a whole', () => {
    const before = { institution: { name: 'A', city: 'X' }, roles: [{ role: 'coordinator', org_unit_id: 3 }] };
    const after = { institution: { name: 'A', city: 'Y' }, roles: [{ role: 'coordinator', org_unit_id: 4 }] };
    expect(diffRecords(before, after).map((r) => r.field)).toEqual(['institution.city', 'roles']);
    expect(flattenRecord({ a: { b: { c: 1 } }, d: {} })).toEqual({ 'a.b.c': 1, d: {} });
  });

  it('does not count an absent field and null as a change', () => {
    expect(diffRecords({ a: null }, {})).toEqual([]);
    expect(diffRecords({}, { a: null })).toEqual([]);
  });

  it('writes values briefly', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue(['student', 'admin'])).toBe('student, admin');
    expect(formatValue(false)).toBe('false');
    expect(formatValue({ role: 'coordinator' })).toBe('{"role":"coordinator"}');
  });
});

import { dayStart, dayEnd, AUDIT_ACTIONS } from './audit.js';

describe('audit date filters', () => {
  it('turn calendar days into the first and last second of the day, in UTC', () => {
    const start = dayStart('2026-11-28');
    const end = dayEnd('2026-11-28');
    expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(new Date(end) - new Date(start)).toBe(24 * 3600 * 1000 - 1000);
    expect(dayStart('')).toBeNull();
    expect(dayEnd('28.11.2026')).toBeNull();
  });
  it('know the thirteen actions of the API', () => {
    expect(AUDIT_ACTIONS).toHaveLength(13);
  });
});
