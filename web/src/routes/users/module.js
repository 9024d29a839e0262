// User administration, loaded on first use.
const MANAGE = 'users:manage';

export const routes = [
  { path: '/users', load: () => import('./UserList.svelte'), permission: MANAGE },
  { path: '/users/new', load: () => import('./UserForm.svelte'), permission: MANAGE },
  { path: '/users/:id', load: () => import('./UserForm.svelte'), permission: MANAGE },
];

export const nav = [{ area: 'admin', href: '/users', label: 'nav.users', match: ['/users'], permission: MANAGE }];
