import { describe, it, expect, beforeEach } from 'vitest';
import { hasPermission, roleNames, allowedAreas, rolesForApi, safeNext } from './permissions.js';
import fixture from './enumerations.fixture.js';

const ROLES = fixture.enumerations.role;
const SCOPED = fixture.scoped_roles;
import { areas, visibleAreas } from './nav.js';
import { request, setFetch, auth, setAuthHandlers } from './api.js';
import { session, loadSession, login, logout, can } from './session.svelte.js';
import { i18n, setLocale } from './i18n/index.svelte.js';

const student = { roles: ['student'], permissions: ['reference:read', 'partners:read'] };
const guest = { roles: ['incoming_guest'], permissions: ['reference:read'] };
const office = { roles: ['international_office'], permissions: ['reference:read', 'partners:read', 'partners:write', 'partners:internal', 'indicators:read'] };
const admin = { roles: ['admin'], permissions: ['reference:read', 'partners:read', 'partners:write', 'partners:internal', 'indicators:read', 'users:manage', 'audit:read'] };

function respond(status, body, headers = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('permissions', () => {
  it('knows the nine roles (the server’s enumeration, here its fixture)', () => {
    expect(ROLES).toHaveLength(9);
  });

  it('checks a permission of the signed-in user; nobody signed in has none', () => {
    expect(hasPermission(office, 'partners:write')).toBe(true);
    expect(hasPermission(student, 'partners:write')).toBe(false);
    expect(hasPermission(null, 'partners:read')).toBe(false);
    expect(hasPermission(null, undefined)).toBe(true);
  });

  it('shows a student the partners but not the renewals or the administration, a guest neither', () => {
    const visible = (u) => allowedAreas(visibleAreas(areas), u).map((a) => `${a.id}:${a.items.map((i) => i.href).join(',')}`);
    expect(visible(student)).toEqual(['partners:/partners,/partners/map,/agreements']);
    expect(visible(guest)).toEqual([]);
    expect(visible(admin)).toEqual(['partners:/partners,/partners/map,/agreements,/agreements/expiring', 'admin:/users,/audit']);
  });

  it('reads roles as names from the session and from user records', () => {
    expect(roleNames({ roles: ['student', 'admin'] }, ROLES)).toEqual(['admin', 'student']);
    expect(roleNames({ roles: [{ role: 'coordinator', org_unit_id: 3 }] }, ROLES)).toEqual(['coordinator']);
    expect(roleNames(null, ROLES)).toEqual([]);
    expect(roleNames({ roles: ['new_role', 'admin'] }, ROLES)).toEqual(['admin', 'new_role']);
  });

  it('sends scoped coordinators as objects and other roles as names', () => {
    expect(rolesForApi([{ role: 'admin' }, { role: 'coordinator', org_unit_id: '3', isced_code: '0912' }], SCOPED)).toEqual([
      'admin',
      { role: 'coordinator', org_unit_id: 3, isced_code: '0912' },
    ]);
    expect(rolesForApi([{ role: 'coordinator', org_unit_id: '', isced_code: '' }], SCOPED)).toEqual(['coordinator']);
    expect(rolesForApi([{ role: 'student', org_unit_id: 4 }], SCOPED)).toEqual(['student']);
  });

  it('returns after sign-in only to a path of this app', () => {
    expect(safeNext('/users?role=admin')).toBe('/users?role=admin');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('the session store', () => {
  beforeEach(() => {
    setFetch((...a) => globalThis.fetch(...a));
    setLocale('en');
  });

  it('loads the session at start and keeps the CSRF token in memory only', async () => {
    setFetch(async () => respond(200, { user: student, csrf_token: 'tok-1' }));
    await loadSession();
    expect(session.loaded).toBe(true);
    expect(session.user.roles).toEqual(['student']);
    expect(auth.csrfToken).toBe('tok-1');
    expect(can('partners:read')).toBe(true);
    expect(can('users:manage')).toBe(false);
    expect(JSON.stringify({ ...localStorage })).not.toContain('tok-1');
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    auth.csrfToken = 'tok-2';
    const seen = [];
    setFetch(async (url, init) => {
      seen.push(init);
      return respond(200, {});
    });
    await request('GET', '/partnerships');
    await request('PUT', '/me', { body: {} });
    await request('POST', '/users', { body: {} });
    await request('DELETE', '/agreements/1', { version: 1 });
    expect(seen.map((i) => i.headers['X-CSRF-Token'] ?? null)).toEqual([null, 'tok-2', 'tok-2', 'tok-2']);
  });

  it('takes the account language at login and forgets everything at logout', async () => {
    setFetch(async (url) =>
      url.endsWith('/auth/login') ? respond(200, { user: { ...admin, preferred_language: 'de' }, csrf_token: 'tok-3' }) : respond(204),
    );
    await login('admin@weltcampus.example', 'pw');
    expect(i18n.locale).toBe('de');
    expect(auth.csrfToken).toBe('tok-3');
    await logout();
    expect(session.user).toBeNull();
    expect(auth.csrfToken).toBeNull();
  });

  it('tells the shell about 401 and about a required password change, but not for the login itself', async () => {
    const events = [];
    setAuthHandlers({ unauthorized: () => events.push('401'), passwordChangeRequired: () => events.push('pw') });
    setFetch(async (url) => {
      if (url.includes('/auth/login')) return respond(401, { error: { code: 'unauthorized', message: 'wrong' } });
      if (url.includes('/partnerships')) return respond(401, { error: { code: 'unauthorized' } });
      if (url.includes('/users')) return respond(403, { error: { code: 'forbidden', message: 'no' } });
      return respond(403, { error: { code: 'forbidden', reason: 'password_change_required' } });
    });
    const loginErr = await request('POST', '/auth/login', { body: {} }).catch((e) => e);
    expect(loginErr.status).toBe(401);
    expect(events).toEqual([]);
    const unauthorized = await request('GET', '/partnerships').catch((e) => e);
    expect(unauthorized.status).toBe(401);
    const forbidden = await request('GET', '/users').catch((e) => e);
    const pw = await request('GET', '/agreements').catch((e) => e);
    expect(events).toEqual(['401', 'pw']);
    expect(forbidden.isForbidden).toBe(true);
    expect(pw.isForbidden).toBe(false);
    expect(pw.reason).toBe('password_change_required');
  });
});
