import { describe, it, expect } from 'vitest';
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
  it('know the fourteen actions of the API', () => {
    expect(AUDIT_ACTIONS).toHaveLength(14);
  });
});
