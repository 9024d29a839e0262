// Who may see what. The server decides (it answers 403); these helpers only keep the screens from offering
// what the person cannot do. Pure functions, so they are tested without a browser.

// The roles and which of them may be scoped come from the server (enumerations.svelte.js: values('role'),
// enumerations.scoped_roles); the helpers take them as arguments.

/** Whether the signed-in user has a permission (`partners:write`); no user has none. */
export function hasPermission(user, permission) {
  if (!permission) return true;
  return !!user && Array.isArray(user.permissions) && user.permissions.includes(permission);
}

/** A role as a name: the session lists strings ("admin"), user records objects ({role, org_unit_id, ...}). */
export function roleName(role) {
  return typeof role === 'string' ? role : role?.role ?? '';
}

/** The roles of a user as names, in the order of `order` (the server's list of roles); others after them. */
export function roleNames(user, order = []) {
  const names = new Set((user?.roles ?? []).map(roleName).filter(Boolean));
  return order.filter((r) => names.has(r)).concat([...names].filter((r) => !order.includes(r)));
}

/** Only the navigation items and areas the user may open. An area without items disappears. */
export function allowedAreas(areas, user) {
  return areas
    .map((a) => ({ ...a, items: a.items.filter((i) => hasPermission(user, i.permission)) }))
    .filter((a) => a.items.length > 0 && hasPermission(user, a.permission));
}

/**
 * Roles for the API: plain names, or {role, org_unit_id, isced_code} where a scope is set and the role may be
 * scoped (`scoped`: the server's scoped_roles).
 */
export function rolesForApi(roles, scoped = []) {
  return roles.map((r) => {
    const role = roleName(r);
    const org = r?.org_unit_id === '' || r?.org_unit_id === undefined ? null : r?.org_unit_id;
    const isced = r?.isced_code === '' || r?.isced_code === undefined ? null : r?.isced_code;
    if (!scoped.includes(role) || (org === null && isced === null)) return role;
    return { role, org_unit_id: org === null ? null : Number(org), isced_code: isced };
  });
}

/** A safe place to return to after signing in: a path of this app, never another site or the login page. */
export function safeNext(next) {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/api/')) return '/';
  return next;
}
