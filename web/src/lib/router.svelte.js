// A small History-API router: the current location as state, navigate() to change it, and a document-wide
// click handler that turns same-origin <a href> clicks into navigations without a page load.

function current() {
  const loc = globalThis.location;
  return { path: loc?.pathname ?? '/', search: loc?.search ?? '' };
}

export const route = $state(current());

/** Query parameters of the current location (a fresh object each time; read inside $derived). */
export function query() {
  return new URLSearchParams(route.search);
}

function sync() {
  const { path, search } = current();
  route.path = path;
  route.search = search;
}

// A screen with unsaved changes asks before the path changes (a form: its editor); see setLeaveGuard().
let leaveGuard = null;

/**
 * Installs `guard(href)`, asked before every navigation that leaves the current path (links, navigate(),
 * back and forward). It returns false to stay; it may navigate later with `{ force: true }`. Returns the
 * function that removes it.
 */
export function setLeaveGuard(guard) {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

export function navigate(href, { replace = false, keepScroll = false, force = false } = {}) {
  const url = new URL(href, globalThis.location.href);
  const target = url.pathname + url.search + url.hash;
  const here = globalThis.location.pathname + globalThis.location.search + globalThis.location.hash;
  if (!force && leaveGuard && url.pathname !== globalThis.location.pathname && leaveGuard(target) === false) return;
  if (target !== here) {
    if (replace) history.replaceState({}, '', target);
    else history.pushState({}, '', target);
  }
  sync();
  if (!keepScroll && !replace) globalThis.scrollTo?.(0, 0);
}

/**
 * Replaces the query of the current path (filters, sorting, paging live in the URL so links can be
 * shared). The view stays where it is, unless `keepScroll: false` (another page of a list) takes it
 * to the top.
 */
export function setQuery(params, { replace = true, keepScroll = true } = {}) {
  const q = new URLSearchParams(route.search);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || value === false) q.delete(key);
    else q.set(key, String(value));
  }
  const s = q.toString();
  navigate(route.path + (s ? `?${s}` : ''), { replace, keepScroll });
}

// A record's id in a path: a positive whole number, so that /agreements/expiring/edit is no
// agreement's form but a page that does not exist.
const ID = /^[1-9]\d{0,17}$/;

/** Matches '/partners/:id' against a path; returns the params or null. `:id` and `:…Id` (`:partnershipId`) take ids only. */
export function match(pattern, path) {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      const name = p[i].slice(1);
      let value;
      try {
        value = decodeURIComponent(s[i]);
      } catch {
        return null; // a broken %-escape
      }
      if ((name === 'id' || name.endsWith('Id')) && !ID.test(value)) return null;
      params[name] = value;
    } else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** The first route whose pattern matches, with its params. */
export function resolve(routes, path) {
  for (const r of routes) {
    const params = match(r.path, path);
    if (params) return { ...r, params };
  }
  return null;
}

function onClick(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = event.target?.closest?.('a');
  if (!a) return;
  const href = a.getAttribute('href');
  if (!href || href.startsWith('#') || a.hasAttribute('download') || (a.getAttribute('target') ?? '_self') !== '_self') return;
  const url = new URL(href, globalThis.location.href);
  if (url.origin !== globalThis.location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

// Back and forward: the browser has moved already; a guarded screen puts its own address back while it asks.
function onPopState() {
  const loc = globalThis.location;
  if (leaveGuard && loc.pathname !== route.path) {
    const target = loc.pathname + loc.search + loc.hash;
    if (leaveGuard(target) === false) {
      history.pushState({}, '', route.path + route.search);
      return;
    }
  }
  sync();
}

export function startRouter() {
  globalThis.addEventListener('popstate', onPopState);
  document.addEventListener('click', onClick);
  return () => {
    globalThis.removeEventListener('popstate', onPopState);
    document.removeEventListener('click', onClick);
  };
}
