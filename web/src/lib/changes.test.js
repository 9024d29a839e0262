import { describe, it, expect, beforeEach } from 'vitest';
import { describeChanges, recordOf, recordTypeLabel, listChanges, canonical, quotaSummary, RECORD_TYPES } from './changes.js';
import { setLocale } from './i18n/index.svelte.js';

// Records as the API writes them into the audit log (GET /api/v1/audit, before/after).
const quota = (over = {}) => ({
  id: 14,
  direction: 'outgoing',
  category: 'student_studies',
  isced_code: '0912',
  eqf_levels: [7],
  places_per_year: 4,
  months_per_place: 5.0,
  days_per_place: null,
  languages: [{ language: 'en', cefr: 'B2' }],
  ...over,
});
const agreement = (over = {}) => ({
  id: 58,
  version: 3,
  partnership_id: 1,
  institution_name: "King's College London",
  institution_country: 'GB',
  title: 'Medical student exchange',
  type: 'bilateral_exchange',
  status: 'active',
  first_academic_year: '2024/2025',
  last_academic_year: '2028/2029',
  ends_on: '2029-09-30',
  org_unit_id: null,
  partner_institution_ids: [2],
  contacts: [{ id: 3, name: 'Exchange office', email: 'exchange@example.org', phone: null, role: 'coordinator' }],
  quotas: [quota(), quota({ id: 15, direction: 'incoming', places_per_year: 3, languages: [{ language: 'de', cefr: 'B1' }] })],
  created_at: '2026-12-01T10:00:00Z',
  updated_at: '2026-12-01T10:00:00Z',
  ...over,
});
const partnership = (over = {}) => ({
  id: 1,
  version: 1,
  institution_id: 2,
  institution: { id: 2, name: "King's College London", name_local: null, country: 'GB', city: 'London', erasmus_code: null, hei_id: 'kcl.ac.uk', latitude: 51.5, longitude: -0.11 },
  tier: 'transcampus',
  since: '2015-06-01',
  responsible_person: 'Prof. Weber',
  objectives: 'Joint research',
  notes: null,
  active_agreements: 2,
  places_per_year: 16,
  created_at: '2026-12-01T10:00:00Z',
  updated_at: '2026-12-01T10:00:00Z',
  ...over,
});
const isced = [{ code: '0912', label_en: 'Medicine', label_de: 'Medizin' }];

const labels = (d) => d.rows.map((r) => r.label);

describe('what changed, as the screens say it', () => {
  beforeEach(() => setLocale('en'));

  it('names a changed end date with the screen’s label and both dates formatted', () => {
    const d = describeChanges('agreement', agreement(), agreement({ last_academic_year: '2029/2030', ends_on: '2030-09-30', version: 4, updated_at: '2026-12-02T10:00:00Z' }));
    expect(d.mode).toBe('update');
    expect(d.rows).toEqual([
      { key: 'last_academic_year', label: 'Last academic year', before: '2028–29', after: '2029–30' },
      { key: 'ends_on', label: 'Ends on', before: '30 Sept 2029', after: '30 Sept 2030' },
    ]);
  });

  it('says it in German, with German enumerations', () => {
    setLocale('de');
    const d = describeChanges('agreement', agreement(), agreement({ status: 'expired', ends_on: '2030-09-30' }));
    expect(d.rows).toEqual([
      { key: 'status', label: 'Status', before: 'Aktiv', after: 'Abgelaufen' },
      { key: 'ends_on', label: 'Endet am', before: '30.09.2029', after: '30.09.2030' },
    ]);
  });

  it('shows enumerations by their labels: tier, contact role, note kind, institution type', () => {
    expect(describeChanges('partnership', partnership(), partnership({ tier: 'strategic' })).rows).toEqual([
      { key: 'tier', label: 'Tier', before: 'transCampus', after: 'Strategic' },
    ]);
    const contact = { id: 1, partnership_id: 1, role: 'international_office', name: 'Global Engagement Office', unit: null, email: 'g@example.org', phone: null, address: null, version: 1 };
    expect(describeChanges('partner_contact', contact, { ...contact, role: 'exchange_coordinator', version: 2 }).rows).toEqual([
      { key: 'role', label: 'Role', before: 'International office', after: 'Exchange coordinator' },
    ]);
    const note = { id: 4, partnership_id: 1, agreement_id: null, noted_on: '2026-12-01', kind: 'call', text: 'Phoned', version: 1 };
    expect(describeChanges('partner_note', note, { ...note, kind: 'visit', agreement_id: 58 }).rows).toEqual([
      { key: 'kind', label: 'Kind', before: 'Call', after: 'Visit' },
      { key: 'agreement_id', label: 'About an agreement', before: 'The partnership as a whole', after: 'Agreement #58' },
    ]);
    const inst = { id: 2, name: 'KCL', type: 'university', country: 'GB', city: 'London', source: 'manual', latitude: 51.5 };
    expect(describeChanges('institution', inst, { ...inst, type: 'hospital', country: 'IE', source: 'eche' }).rows).toEqual([
      { key: 'type', label: 'Type of institution', before: 'University', after: 'Hospital' },
      { key: 'country', label: 'Country', before: 'United Kingdom', after: 'Ireland' },
    ]);
  });

  it('shows an account’s yes/no, language and roles as the user screen does', () => {
    const before = { active: true, preferred_language: 'en', roles: [{ role: 'coordinator' }] };
    const after = { active: false, preferred_language: 'de', roles: [{ role: 'coordinator' }, { role: 'researcher' }] };
    expect(describeChanges('user', before, after).rows).toEqual([
      { key: 'preferred_language', label: 'Language', before: 'English', after: 'Deutsch' },
      { key: 'active', label: 'Can sign in', before: 'Yes', after: 'No' },
      { key: 'roles', label: 'Roles', list: true, removed: [], added: ['Researcher'] },
    ]);
  });

  it('never shows technical fields, kept counts or copies', () => {
    const d = describeChanges('partnership', partnership(), partnership({ version: 9, updated_at: '2027-01-01T00:00:00Z', active_agreements: 5, places_per_year: 30, institution_id: 2 }));
    expect(d.rows).toEqual([]);
    const a = describeChanges('agreement', agreement(), agreement({ version: 9, children_json: '[]', search_text: 'kcl', created_at: 'x' }));
    expect(a.rows).toEqual([]);
  });

  it('shows a field it does not know by its name rather than hide a change', () => {
    expect(describeChanges('partnership', partnership(), partnership({ rating: 3 })).rows).toEqual([
      { key: 'rating', label: 'rating', before: '–', after: '3' },
    ]);
  });

  it('knows every field of the records the API writes (none falls back to its raw name)', () => {
    const samples = {
      agreement: agreement(),
      partnership: partnership(),
      institution: { id: 2, version: 1, name: 'KCL', name_local: null, country: 'GB', city: 'London', website: 'https://kcl.ac.uk', erasmus_code: null, pic: '1', oid: 'E1', ror_id: 'r', hei_id: 'kcl.ac.uk', type: 'university', latitude: 1, longitude: 2, source: 'manual', created_at: 'x', updated_at: 'x' },
      partner_contact: { id: 1, version: 1, partnership_id: 1, role: 'other', name: 'N', unit: 'U', email: 'e@x.org', phone: '1', address: 'A', created_at: 'x', updated_at: 'x' },
      partner_note: { id: 1, version: 1, partnership_id: 1, agreement_id: 3, noted_on: '2026-01-01', kind: 'note', text: 'T', created_at: 'x', updated_at: 'x' },
      agreement_document: { id: 2, version: 2, agreement_id: 5, title: 'Signed', kind: 'signed_agreement', file_count: 1, latest_file_id: 9, latest_file_name: 'a.pdf', latest_size_bytes: 10, latest_uploaded_at: 'x', created_at: 'x', updated_at: 'x' },
      joint_structure: { id: 3, version: 1, partnership_id: 1, kind: 'joint_appointment', name: 'N', description: 'D', since: '2015-06-01' },
      org_unit: { id: 13, version: 1, parent_id: 1, name: 'Centre', name_de: 'Zentrum', kind: 'department', code: 'MED-ZMK' },
      user: { active: true, preferred_language: 'en', roles: [{ role: 'coordinator', org_unit_id: 3, isced_code: '0912' }] },
      settings: { country: 'DE', erasmus_code: 'D  DRESDEN02', hei_id: 'tu-dresden.de', institution_name: 'TU', institution_name_de: 'TU', school_name: 'S', school_name_de: 'S' },
    };
    for (const [type, record] of Object.entries(samples)) {
      const created = describeChanges(type, null, record, { isced });
      expect(created.mode).toBe('create');
      const raw = created.rows.filter((r) => r.label === r.key);
      expect(raw, type).toEqual([]);
      expect(created.rows.length, type).toBeGreaterThan(0);
    }
  });
});

describe('child lists compared by content', () => {
  beforeEach(() => setLocale('en'));

  it('a renewal that re-created the quotas and contacts with new ids and in another order shows no change', () => {
    const before = agreement();
    const after = agreement({
      quotas: [
        { ...before.quotas[1], id: 91, position: 0 },
        { ...before.quotas[0], id: 92, position: 1, eqf_levels: [7], months_per_place: 5 },
      ],
      contacts: [{ ...before.contacts[0], id: 77 }],
      version: 4,
    });
    expect(describeChanges('agreement', before, after).rows).toEqual([]);
  });

  it('a changed place count is one quota removed and one added, each said readably', () => {
    const before = agreement();
    const after = agreement({ quotas: [{ ...before.quotas[0], places_per_year: 6 }, before.quotas[1]] });
    const rows = describeChanges('agreement', before, after, { isced }).rows;
    expect(rows).toEqual([
      {
        key: 'quotas',
        label: 'Quotas',
        list: true,
        removed: ['Outgoing · Study period · Medicine (0912) · Master (EQF 7) · 4 places · 5 months · English B2'],
        added: ['Outgoing · Study period · Medicine (0912) · Master (EQF 7) · 6 places · 5 months · English B2'],
      },
    ]);
  });

  it('names the field by its code while the ISCED list is not loaded, and staff places in days', () => {
    expect(quotaSummary(quota({ category: 'staff_teaching', eqf_levels: [], months_per_place: null, days_per_place: 5, places_per_year: 1 }))).toBe(
      'Outgoing · Staff teaching · 0912 · 1 place · 5 days · English B2',
    );
    setLocale('de');
    expect(quotaSummary(quota(), { isced })).toBe('Ins Ausland · Studienaufenthalt · Medizin (0912) · Master (EQR 7) · 4 Plätze · 5 Monate · Englisch B2');
  });

  it('lists added and removed partner institutions, not the order of the ids', () => {
    const before = agreement({ partner_institution_ids: [2, 5] });
    expect(describeChanges('agreement', before, agreement({ partner_institution_ids: [5, 2] })).rows).toEqual([]);
    expect(describeChanges('agreement', before, agreement({ partner_institution_ids: [5, 9] })).rows).toEqual([
      { key: 'partner_institution_ids', label: 'Partner institutions', list: true, removed: ['Institution #2'], added: ['Institution #9'] },
    ]);
  });

  it('compares as a multiset: one of two equal items removed is one removal', () => {
    const q = { direction: 'outgoing', places_per_year: 2 };
    expect(listChanges([q, { ...q, id: 2 }], [{ ...q, id: 3 }])).toEqual({ removed: [q], added: [] });
    expect(canonical({ id: 1, a: [2, 1], b: null })).toBe(canonical({ a: [1, 2], position: 4 }));
  });
});

describe('a created or deleted record', () => {
  beforeEach(() => setLocale('en'));

  it('shows the record’s main fields, not a diff', () => {
    const d = describeChanges('agreement', null, agreement(), { isced });
    expect(d.mode).toBe('create');
    expect(labels(d)).toEqual(['Partner', 'Title', 'Type', 'Status', 'First academic year', 'Last academic year', 'Ends on', 'Department or clinic', 'Partner institutions', 'Quotas', 'Contacts']);
    expect(d.rows.find((r) => r.key === 'org_unit_id').value).toBe('The whole school');
    expect(d.rows.find((r) => r.key === 'quotas').items).toHaveLength(2);
    const gone = describeChanges('partner_note', { id: 1, partnership_id: 1, noted_on: '2026-05-10', kind: 'decision', text: 'Agreed', agreement_id: null }, null);
    expect(gone.mode).toBe('delete');
    expect(gone.rows.map((r) => [r.label, r.value])).toEqual([
      ['Date', '10 May 2026'],
      ['Kind', 'Decision'],
      ['About an agreement', 'The partnership as a whole'],
      ['Note', 'Agreed'],
    ]);
  });

  it('words a refused request and an import', () => {
    expect(describeChanges('route', null, { reason: 'partners:internal' }).rows).toEqual([{ key: 'reason', label: 'Reason', value: 'Missing permission: partners:internal' }]);
    expect(describeChanges('route', null, { reason: 'csrf' }).rows[0].value).toBe('Security token missing or wrong');
    expect(describeChanges('reference_data', null, { file: 'eche.csv', added: 1200, updated: 0, unchanged: 3, rejected: 1 }).rows.map((r) => r.value)).toEqual(['eche.csv', '1,200', '0', '3', '1']);
  });
});

describe('the record, named and linked', () => {
  beforeEach(() => setLocale('en'));
  const entry = (over) => ({ id: 9, action: 'update', actor_user_id: 2, actor_name: 'Irene Office', subject_user_id: null, before: null, after: null, ...over });

  it('names a partnership by its institution and links its page', () => {
    expect(recordOf(entry({ entity_type: 'partnership', entity_id: '1', before: partnership(), after: partnership() }))).toEqual({
      type: 'partnership',
      typeLabel: 'Partnership',
      name: "King's College London",
      href: '/partners/1',
      permission: 'partners:read',
    });
  });

  it('names an agreement by its title, else its type', () => {
    const r = recordOf(entry({ entity_type: 'agreement', entity_id: '58', before: agreement(), after: agreement() }));
    expect([r.typeLabel, r.name, r.href]).toEqual(['Agreement', 'Medical student exchange', '/agreements/58']);
    expect(recordOf(entry({ entity_type: 'agreement', entity_id: '58', after: agreement({ title: null }) })).name).toBe('Bilateral exchange agreement');
  });

  it('links an institution to its form, a contact and a note to their partner’s page', () => {
    expect(recordOf(entry({ entity_type: 'institution', entity_id: '2', after: { id: 2, name: 'KCL' } })).href).toBe('/institutions/2/edit');
    const c = recordOf(entry({ entity_type: 'partner_contact', entity_id: '1', after: { id: 1, partnership_id: 7, name: 'Global Engagement Office' } }));
    expect([c.typeLabel, c.name, c.href]).toEqual(['Contact at a partner', 'Global Engagement Office', '/partners/7']);
    const n = recordOf(entry({ entity_type: 'partner_note', entity_id: '4', action: 'create', after: { partnership_id: 7, kind: 'call', noted_on: '2026-12-01' } }));
    expect([n.name, n.href]).toEqual(['Call, 1 Dec 2026', '/partners/7']);
  });

  it('names a deleted record from before, without a link', () => {
    const r = recordOf(entry({ entity_type: 'agreement', entity_id: '58', action: 'delete', before: agreement(), after: null }));
    expect([r.name, r.href, r.permission]).toEqual(['Medical student exchange', null, null]);
  });

  it('names an account from the reader’s list of names or the person’s own entry, else by number', () => {
    const e = entry({ entity_type: 'user', entity_id: '3', subject_user_id: 3, before: { active: true }, after: { active: false } });
    expect(recordOf(e, { userName: (id) => (id === 3 ? 'Carl Coordinator' : null) })).toMatchObject({ name: 'Carl Coordinator', href: '/users/3', permission: 'users:manage' });
    expect(recordOf(e).name).toBe('#3');
    expect(recordOf({ ...e, actor_user_id: 3, actor_name: 'Carl Coordinator', action: 'password_changed' }).name).toBe('Carl Coordinator');
  });

  it('names an org unit in the reader’s language, without a link; types in German', () => {
    const u = entry({ entity_type: 'org_unit', entity_id: '13', after: { name: 'Centre for Dental Medicine', name_de: 'Zentrum für Zahnmedizin' } });
    expect(recordOf(u)).toMatchObject({ name: 'Centre for Dental Medicine', href: null });
    setLocale('de');
    expect(recordOf(u)).toMatchObject({ typeLabel: 'Einheit der Fakultät', name: 'Zentrum für Zahnmedizin' });
    expect(recordTypeLabel('agreement')).toBe('Vereinbarung');
    expect(RECORD_TYPES).toContain('partner_contact');
    expect(RECORD_TYPES).not.toContain('retention');
  });
});
