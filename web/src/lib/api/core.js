// The core of the API client: the one place where the application talks to the server. The session is a cookie (HttpOnly, the browser
// sends it); every state-changing request carries the session's CSRF token, which lives only in memory.

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(status, { code, message, field, current_version, changed_by, changed_at, changed_fields, record_ids, failures } = {}) {
    super(message || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code ?? (status === 0 ? 'network' : 'internal');
    this.field = field ?? null;
    this.currentVersion = current_version ?? null;
    // A 412 says who changed the record last (their name; null for the system or an erased account), when,
    // and which of its fields.
    this.changedBy = changed_by ?? null;
    this.changedAt = changed_at ?? null;
    this.changedFields = Array.isArray(changed_fields) ? changed_fields : null;
    // A change of several records (…/bulk) names the records at fault, and each broken rule: [{id, field, message}].
    this.recordIds = Array.isArray(record_ids) ? record_ids : null;
    this.failures = Array.isArray(failures) ? failures : null;
  }
  get isConflict() {
    return this.status === 412 || this.code === 'precondition_failed';
  }
  /** 403 for lack of a permission (not for a missing CSRF token or a pending password change). */
  get isForbidden() {
    return this.status === 403 && this.reason !== 'password_change_required';
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Answers about the session itself never trigger the sign-in redirect.
const AUTH_PATHS = ['/auth/login', '/auth/session', '/auth/logout'];

/** The CSRF token of the current session (from the login answer or GET /auth/session). Never stored on disk. */
export const auth = { csrfToken: null };
export function setCsrfToken(token) {
  auth.csrfToken = token ?? null;
}

// What the shell does when the server says "sign in" (401) or "change your password first" (403 with reason).
let handlers = { unauthorized: () => {}, passwordChangeRequired: () => {} };
export function setAuthHandlers(h) {
  handlers = { ...handlers, ...h };
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
export async function request(method, path, { body, version, signal, query, file, fileType } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  // A file as the whole body (an import's list), sent as it is.
  if (file !== undefined) headers['Content-Type'] = fileType ?? 'application/octet-stream';
  if (version !== undefined && version !== null) headers['If-Match'] = `"${version}"`;
  if (STATE_CHANGING.has(method) && auth.csrfToken) headers['X-CSRF-Token'] = auth.csrfToken;
  let response;
  try {
    response = await fetchImpl(`${API_BASE}${path}${queryString(query)}`, {
      method,
      headers,
      body: file !== undefined ? file : body === undefined ? undefined : JSON.stringify(body),
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
    const error = new ApiError(response.status, { ...err, current_version: err?.current_version ?? data?.current_version });
    error.reason = err?.reason ?? data?.reason ?? null;
    if (!AUTH_PATHS.includes(path)) {
      if (response.status === 401) handlers.unauthorized(error);
      else if (response.status === 403 && error.reason === 'password_change_required') handlers.passwordChangeRequired(error);
    }
    throw error;
  }
  const etagVersion = parseEtag(response.headers.get('ETag')) ?? data?.version ?? null;
  return { data, version: etagVersion, status: response.status, headers: response.headers };
}

export const get = async (path, query, signal) => (await request('GET', path, { query, signal })).data;

/** Creates, reads and replaces one kind of record; reads return {data, version}. */
export function resource(base) {
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

/** What every module shares: the server's health, its enumerations, the home page's settings. */
export const coreApi = {
  enumerations: (signal) => get('/enumerations', undefined, signal),
  health: (signal) => get('/health', undefined, signal),
  homeSettings: (signal) => get('/settings/home', undefined, signal),
};
