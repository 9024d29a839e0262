// The one place where the application talks to the server. Authentication (session cookie, CSRF header)
// will be added here, in request().

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, { code, message, field, current_version } = {}) {
    super(message || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code ?? (status === 0 ? 'network' : 'internal');
    this.field = field ?? null;
    this.currentVersion = current_version ?? null;
  }
  get isConflict() {
    return this.status === 412 || this.code === 'precondition_failed';
  }
}

/** ETag: "7" or W/"7" → 7 */
export function parseEtag(value) {
  if (!value) return null;
  const m = /^(?:W\/)?"?([^"]*)"?$/.exec(value.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) && m[1] !== '' ? n : m[1];
}

/** Builds a query string, leaving out empty values. */
export function queryString(params = {}) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

let fetchImpl = (...args) => globalThis.fetch(...args);
/** For tests. */
export function setFetch(fn) {
  fetchImpl = fn;
}

/**
 * @returns {Promise<{data: any, version: any, status: number, headers: Headers}>}
 */
export async function request(method, path, { body, version, signal, query } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (version !== undefined && version !== null) headers['If-Match'] = `"${version}"`;
  let response;
  try {
    response = await fetchImpl(`${API_BASE}${path}${queryString(query)}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      credentials: 'same-origin',
    });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new ApiError(0, { code: 'network', message: e?.message });
  }
  const type = response.headers.get('Content-Type') ?? '';
  let data = null;
  if (response.status !== 204) {
    const text = await response.text();
    if (text && type.includes('json')) {
      try {
        data = JSON.parse(text);
      } catch {
        data = null;
      }
    } else if (text) {
      data = { message: text };
    }
  }
  if (!response.ok) {
    const err = data?.error ?? { message: data?.message };
    throw new ApiError(response.status, { ...err, current_version: err?.current_version ?? data?.current_version });
  }
  const etagVersion = parseEtag(response.headers.get('ETag')) ?? data?.version ?? null;
  return { data, version: etagVersion, status: response.status, headers: response.headers };
}

const get = async (path, query, signal) => (await request('GET', path, { query, signal })).data;

/** Creates, reads and replaces one kind of record; reads return {data, version}. */
function resource(base) {
  return {
    list: (query, signal) => get(base, query, signal),
    get: (id, signal) => request('GET', `${base}/${id}`, { signal }),
    create: async (body) => (await request('POST', base, { body })),
    update: (id, body, version) => request('PUT', `${base}/${id}`, { body, version }),
    remove: (id, version) => request('DELETE', `${base}/${id}`, { version }),
  };
}

/** Reads every page of a list (for the map and for pickers). */
export async function listAll(fetchPage, query = {}, { signal, max = 5000 } = {}) {
  const items = [];
  let cursor;
  do {
    const page = await fetchPage({ ...query, limit: 200, cursor }, signal);
    items.push(...(page?.items ?? []));
    cursor = page?.next_cursor;
  } while (cursor && items.length < max);
  return items;
}

export const api = {
  health: (signal) => get('/health', undefined, signal),
  summary: (signal) => get('/summary', undefined, signal),
  homeSettings: (signal) => get('/settings/home', undefined, signal),
  isced: (query, signal) => get('/isced', query, signal),
  orgUnits: resource('/org-units'),
  institutions: resource('/institutions'),
  partnerships: {
    ...resource('/partnerships'),
    overview: (id, signal) => get(`/partnerships/${id}/overview`, undefined, signal),
    jointStructures: (id, signal) => get(`/partnerships/${id}/joint-structures`, undefined, signal),
  },
  agreements: {
    ...resource('/agreements'),
    expiring: (months, query, signal) => get('/agreements/expiring', { months, ...query }, signal),
  },
};
