// Allocation runs of a call (issue 10, items 5 and 10): the office starts runs and publishes them, a committee
// member signs them off; staff who work with the selection read the runs and their results. Loaded on first use.
const RUNS = 'exchange:runs';

export const routes = [
  { path: '/calls/:id/allocation', load: () => import('./AllocationPage.svelte'), permission: RUNS },
  { path: '/allocation-runs/:id', load: () => import('./RunPage.svelte'), permission: RUNS },
];

// Reached from a call's page (the calls' screens link to it).
export const nav = [];
