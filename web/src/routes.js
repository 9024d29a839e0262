// Client-side routes. The server answers every non-API path with index.html, so these are real URLs.
// `permission`: the screen is offered only to people who have it (the server checks again and answers 403).
// `public`: reachable without signing in. `load`: a screen loaded on first use (administration).
import Home from './routes/Home.svelte';
import PartnerList from './routes/partners/PartnerList.svelte';
import PartnerMapPage from './routes/partners/PartnerMapPage.svelte';
import PartnerPage from './routes/partners/PartnerPage.svelte';
import PartnershipForm from './routes/partners/PartnershipForm.svelte';
import InstitutionForm from './routes/partners/InstitutionForm.svelte';
import AgreementList from './routes/agreements/AgreementList.svelte';
import ExpiringAgreements from './routes/agreements/ExpiringAgreements.svelte';
import AgreementPage from './routes/agreements/AgreementPage.svelte';
import AgreementForm from './routes/agreements/AgreementForm.svelte';
import Login from './routes/account/Login.svelte';
import PasswordChange from './routes/account/PasswordChange.svelte';
import Account from './routes/account/Account.svelte';
import NotFound from './routes/NotFound.svelte';

const READ = 'partners:read';
const WRITE = 'partners:write';

export const routes = [
  { path: '/', component: Home },
  { path: '/login', component: Login, public: true },
  { path: '/account', component: Account },
  { path: '/account/password', component: PasswordChange, passwordChange: true },
  { path: '/account/data', load: () => import('./routes/account/MyData.svelte') },
  { path: '/partners', component: PartnerList, permission: READ },
  { path: '/partners/map', component: PartnerMapPage, permission: READ },
  { path: '/partners/new', component: PartnershipForm, permission: WRITE },
  { path: '/partners/:id', component: PartnerPage, permission: READ },
  { path: '/partners/:id/edit', component: PartnershipForm, permission: WRITE },
  { path: '/institutions/new', component: InstitutionForm, permission: WRITE },
  { path: '/institutions/:id/edit', component: InstitutionForm, permission: WRITE },
  { path: '/agreements', component: AgreementList, permission: READ },
  { path: '/agreements/expiring', component: ExpiringAgreements, permission: READ },
  { path: '/agreements/new', component: AgreementForm, permission: WRITE },
  { path: '/agreements/:id', component: AgreementPage, permission: READ },
  { path: '/agreements/:id/edit', component: AgreementForm, permission: WRITE },
  { path: '/users', load: () => import('./routes/users/UserList.svelte'), permission: 'users:manage' },
  { path: '/users/new', load: () => import('./routes/users/UserForm.svelte'), permission: 'users:manage' },
  { path: '/users/:id', load: () => import('./routes/users/UserForm.svelte'), permission: 'users:manage' },
  { path: '/audit', load: () => import('./routes/audit/AuditLog.svelte'), permission: 'audit:read' },
];

export const notFound = { path: '*', component: NotFound };
