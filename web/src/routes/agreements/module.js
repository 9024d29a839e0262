// The agreements' screens (module `partners`) and their items in the navigation.
import AgreementList from './AgreementList.svelte';
import ExpiringAgreements from './ExpiringAgreements.svelte';
import AgreementPage from './AgreementPage.svelte';
import AgreementForm from './AgreementForm.svelte';

const READ = 'partners:read';
const WRITE = 'partners:write';
// The renewals worklist is the office's (partners/visibility.h on the server).
const INTERNAL = 'partners:internal';

export const routes = [
  { path: '/agreements', component: AgreementList, permission: READ },
  { path: '/agreements/expiring', component: ExpiringAgreements, permission: INTERNAL },
  { path: '/agreements/new', component: AgreementForm, permission: WRITE },
  { path: '/agreements/:id', component: AgreementPage, permission: READ },
  { path: '/agreements/:id/edit', component: AgreementForm, permission: WRITE },
];

export const nav = [
  { area: 'partners', href: '/agreements', label: 'nav.agreements', match: ['/agreements'], permission: READ },
  { area: 'partners', href: '/agreements/expiring', label: 'nav.expiring', permission: INTERNAL },
];
