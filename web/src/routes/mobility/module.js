// Mobilities (issue 11, first slice): the international office's list, form and page of every stay abroad and of
// the partners' people in Dresden, with the stay's steps; a student's own stays. Loaded on first use.
const READ = 'mobility:read';
const WRITE = 'mobility:write';
const OWN = 'mobility:own';

export const routes = [
  { path: '/mobilities', load: () => import('./MobilityList.svelte'), permission: READ },
  { path: '/mobilities/new', load: () => import('./MobilityForm.svelte'), permission: WRITE },
  { path: '/mobilities/:id', load: () => import('./MobilityPage.svelte'), permission: READ },
  { path: '/mobilities/:id/edit', load: () => import('./MobilityForm.svelte'), permission: WRITE },
  { path: '/me/mobilities', load: () => import('./MyMobilities.svelte'), permission: OWN },
];

export const nav = [
  { area: 'exchange', href: '/mobilities', label: 'mobility.nav', permission: READ },
  { area: 'exchange', href: '/me/mobilities', label: 'myMobilities.nav', permission: OWN },
];
