// Signing in and one's own account. Not in the navigation: the user menu links to them.
import Login from './Login.svelte';
import PasswordChange from './PasswordChange.svelte';
import Account from './Account.svelte';

export const routes = [
  { path: '/login', component: Login, public: true },
  { path: '/account', component: Account },
  { path: '/account/password', component: PasswordChange, passwordChange: true },
  { path: '/account/data', load: () => import('./MyData.svelte') },
];
