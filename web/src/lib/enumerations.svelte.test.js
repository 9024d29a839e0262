import { describe, it, expect, beforeEach } from 'vitest';
import fixture from './enumerations.fixture.js';
import { adoptEnumerations, enumerations, values, choices, isStaffCategory, loadEnumerations } from './enumerations.svelte.js';
import { statusChoices } from './options.js';
import { setFetch } from './api.js';
import { setLocale } from './i18n/index.svelte.js';

describe('the server’s enumerations', () => {
  beforeEach(() => {
    setLocale('en');
    adoptEnumerations(fixture);
  });

  it('keeps the server’s order and labels the values in the current language', () => {
    expect(values('tier')).toEqual(['transcampus', 'strategic', 'standard']);
    expect(choices('tier').map((c) => c.label)).toEqual(['transCampus', 'Strategic', 'Standard']);
    expect(choices('eqf_level').map((c) => c.value)).toEqual([5, 6, 7, 8]);
    expect(values('no_such_thing')).toEqual([]);
  });

  it('offers an agreement its own status and the allowed next ones; a new one the initial statuses', () => {
    expect(statusChoices(null, enumerations)).toEqual(['draft', 'in_negotiation', 'signed']);
    expect(statusChoices('signed', enumerations)).toEqual(['signed', 'active', 'terminated']);
    expect(statusChoices('expired', enumerations)).toEqual(['expired']);
  });

  it('knows the staff categories', () => {
    expect(isStaffCategory('staff_teaching')).toBe(true);
    expect(isStaffCategory('clinical_elective')).toBe(false);
  });

  it('is loaded from GET /api/v1/enumerations', async () => {
    let asked;
    setFetch(async (url) => {
      asked = url;
      return new Response(JSON.stringify({ ...fixture, enumerations: { ...fixture.enumerations, tier: ['standard'] } }), { headers: { 'Content-Type': 'application/json' } });
    });
    await loadEnumerations();
    expect(asked).toBe('/api/v1/enumerations');
    expect(enumerations.loaded).toBe(true);
    expect(values('tier')).toEqual(['standard']);
    setFetch((...a) => globalThis.fetch(...a));
  });
});
