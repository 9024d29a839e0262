// The retention schedule of applications (issue 10, item 9): the international office sets when a call's
// applications without an accepted place are deleted, and may run the retention now (exchange:retention).
export const routes = [
  { path: '/exchange/application-retention', load: () => import('./RetentionSettings.svelte'), permission: 'exchange:retention' },
];

export const nav = [{ area: 'exchange', href: '/exchange/application-retention', label: 'retention.nav', permission: 'exchange:retention' }];
