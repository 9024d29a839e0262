// The signed-in person: loaded once at start from GET /auth/session, replaced at login, cleared at logout
// or when the server answers 401. The CSRF token goes to api.js (memory only).
import { api, setCsrfToken, setAuthHandlers } from './api.js';
import { hasPermission } from './permissions.js';
import { setLocale, locales } from './i18n/index.svelte.js';

export const session = $state({ user: null, loaded: false, error: null, expired: false });

function apply(answer) {
  session.user = answer?.user ?? null;
  setCsrfToken(answer?.csrf_token ?? null);
}

export async function loadSession() {
  try {
    apply(await api.auth.session());
    session.error = null;
  } catch (e) {
    session.error = e;
    apply(null);
  } finally {
    session.loaded = true;
  }
}

/** Signs in and takes the account's language for the interface. Throws ApiError (401, 429). */
export async function login(email, password) {
  const answer = await api.auth.login(email, password);
  apply(answer);
  session.loaded = true;
  session.expired = false;
  const lang = answer?.user?.preferred_language;
  if (locales.includes(lang)) setLocale(lang);
  return answer.user;
}

export async function logout() {
  try {
    await api.auth.logout();
  } catch {
    // the session may have ended already; either way it is gone here
  }
  session.expired = false;
  apply(null);
}

/** After a change of the own account (name, language, password), keep the session's copy in step. */
export function updateUser(changes) {
  if (session.user) session.user = { ...session.user, ...changes };
}

export function can(permission) {
  return hasPermission(session.user, permission);
}

/** Wires the 401 and password-change answers of any request to the shell's navigation. */
export function handleAuthErrors({ onUnauthorized, onPasswordChangeRequired }) {
  setAuthHandlers({
    unauthorized: () => {
      apply(null);
      onUnauthorized?.();
    },
    passwordChangeRequired: () => {
      if (session.user) session.user = { ...session.user, must_change_password: true };
      onPasswordChangeRequired?.();
    },
  });
}
