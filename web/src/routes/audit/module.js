// The audit log, loaded on first use.
export const routes = [{ path: '/audit', load: () => import('./AuditLog.svelte'), permission: 'audit:read' }];

export const nav = [{ area: 'admin', href: '/audit', label: 'nav.audit', permission: 'audit:read' }];
