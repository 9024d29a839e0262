// Imports of reference lists as jobs, and the person's jobs (modules `imports` and `jobs`), loaded on first use.
const IMPORT = 'imports:run';

export const routes = [
  { path: '/imports', load: () => import('./Imports.svelte'), permission: IMPORT },
  { path: '/jobs', load: () => import('./JobList.svelte') },
];

export const nav = [
  { area: 'admin', href: '/imports', label: 'nav.imports', permission: IMPORT },
  { area: 'admin', href: '/jobs', label: 'nav.jobs', permission: IMPORT },
];
