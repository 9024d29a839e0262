import { describe, it, expect, afterEach } from 'vitest';
import { api, request, setFetch, parseEtag, queryString, ApiError, listAll } from './api.js';

function respond(status, body, headers = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

afterEach(() => setFetch((...a) => globalThis.fetch(...a)));

describe('the API client', () => {
  it('reads the version from the ETag', async () => {
    setFetch(async () => respond(200, { id: 1, version: 3 }, { ETag: '"4"' }));
    const { data, version } = await api.agreements.get(1);
    expect(data.id).toBe(1);
    expect(version).toBe(4);
    expect(parseEtag('W/"12"')).toBe(12);
    expect(parseEtag(null)).toBeNull();
  });

  it('reads all map points in one request, one array a field, as one object a partner', async () => {
    let seen;
    setFetch(async (url, init) => {
      seen = { url, init };
      return respond(200, {
        total: 2,
        id: [1, 7],
        tier: ['transcampus', 'standard'],
        name: ["King's College London", 'Uniwersytet Wrocławski'],
        country: ['GB', 'PL'],
        city: ['London', null],
        latitude: [51.5115, null],
        longitude: [-0.116, null],
        active_agreements: [2, 0],
      });
    });
    const points = await api.partnerships.map({});
    expect(seen.url).toBe('/api/v1/partnerships/map');
    // the browser's own cache revalidates it (ETag + no-cache): the client must not opt out of it
    expect(seen.init.cache).toBeUndefined();
    expect(points).toEqual([
      { id: 1, tier: 'transcampus', name: "King's College London", country: 'GB', city: 'London', latitude: 51.5115, longitude: -0.116, active_agreements: 2 },
      { id: 7, tier: 'standard', name: 'Uniwersytet Wrocławski', country: 'PL', city: null, latitude: null, longitude: null, active_agreements: 0 },
    ]);
  });

  it('reads a partnership’s and an agreement’s change history page by page', async () => {
    const seen = [];
    setFetch(async (url) => {
      seen.push(url);
      return respond(200, { items: [], next_cursor: null, total: 0 });
    });
    await api.partnerships.history(1, { limit: 10 });
    await api.agreements.history(58, { limit: 10, cursor: 'abc' });
    expect(seen).toEqual(['/api/v1/partnerships/1/history?limit=10', '/api/v1/agreements/58/history?limit=10&cursor=abc']);
  });

  it('sends If-Match with updates', async () => {
    let seen;
    setFetch(async (url, init) => {
      seen = { url, init };
      return respond(200, { id: 5, version: 8 }, { ETag: '"8"' });
    });
    await api.partnerships.update(5, { tier: 'strategic' }, 7);
    expect(seen.url).toBe('/api/v1/partnerships/5');
    expect(seen.init.method).toBe('PUT');
    expect(seen.init.headers['If-Match']).toBe('"7"');
    expect(JSON.parse(seen.init.body)).toEqual({ tier: 'strategic' });
  });

  it('turns the error shape into an ApiError with the field', async () => {
    setFetch(async () => respond(422, { error: { code: 'validation_failed', message: 'bad year', field: 'first_academic_year' } }));
    const err = await api.agreements.create({}).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(422);
    expect(err.code).toBe('validation_failed');
    expect(err.field).toBe('first_academic_year');
    expect(err.message).toBe('bad year');
  });

  it('recognises a stale version', async () => {
    setFetch(async () => respond(412, { error: { code: 'precondition_failed', message: 'stale' }, current_version: 9 }));
    const err = await api.agreements.update(1, {}, 2).catch((e) => e);
    expect(err.isConflict).toBe(true);
    expect(err.currentVersion).toBe(9);
    expect(err.changedBy).toBe(null);
    expect(err.changedFields).toBe(null);
  });

  it('keeps who changed the record, when and which fields (412)', async () => {
    const error = { code: 'precondition_failed', message: 'stale', current_version: 4, changed_by: 'Irene Office', changed_at: '2026-12-03 10:15:02', changed_fields: ['notes', 'tier'] };
    setFetch(async () => respond(412, { error }));
    const err = await api.partnerships.update(1, {}, 3).catch((e) => e);
    expect(err.isConflict).toBe(true);
    expect(err.currentVersion).toBe(4);
    expect(err.changedBy).toBe('Irene Office');
    expect(err.changedAt).toBe('2026-12-03 10:15:02');
    expect(err.changedFields).toEqual(['notes', 'tier']);
  });

  it('reports a server that cannot be reached', async () => {
    setFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await api.summary().catch((e) => e);
    expect(err.code).toBe('network');
  });

  it('leaves out empty query parameters', () => {
    expect(queryString({ q: '', tier: 'strategic', cursor: null, limit: 50 })).toBe('?tier=strategic&limit=50');
    expect(queryString({})).toBe('');
  });

  it('reads every page of a list', async () => {
    const pages = { undefined: { items: [1, 2], next_cursor: 'b' }, b: { items: [3], next_cursor: null } };
    const items = await listAll(async (q) => pages[q.cursor]);
    expect(items).toEqual([1, 2, 3]);
  });

  it('accepts 204 without a body', async () => {
    setFetch(async () => new Response(null, { status: 204 }));
    const res = await request('DELETE', '/agreements/1', { version: 1 });
    expect(res.status).toBe(204);
    expect(res.data).toBeNull();
  });
});
