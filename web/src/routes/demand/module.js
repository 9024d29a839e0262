// The demand for exchange places (issue 10, item 7: counts only, exchange:read) and what-ifs on a stored allocation run
// (item 5: they name students, exchange:allocate). Loaded on first use: ECharts stays out of the first page load.
export const routes = [
  { path: '/calls/:id/demand', load: () => import('./CallDemand.svelte'), permission: 'exchange:read' },
  { path: '/exchange/demand', load: () => import('./DemandOverYears.svelte'), permission: 'exchange:read' },
  { path: '/allocation-runs/:id/one-more-place', load: () => import('./OneMorePlace.svelte'), permission: 'exchange:allocate' },
];

export const nav = [{ area: 'exchange', href: '/exchange/demand', label: 'demand.nav', permission: 'exchange:read' }];
