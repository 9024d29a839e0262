// Calls for exchange places and their offers (issue 10, item 2): the international office keeps them;
// the staff who work with exchanges and the students read them.
import CallList from './CallList.svelte';
import CallForm from './CallForm.svelte';
import CallPage from './CallPage.svelte';
import OfferForm from './OfferForm.svelte';

const READ = 'exchange:calls';
const WRITE = 'exchange:write';

export const routes = [
  { path: '/calls', component: CallList, permission: READ },
  { path: '/calls/new', component: CallForm, permission: WRITE },
  { path: '/calls/:id', component: CallPage, permission: READ },
  { path: '/calls/:id/edit', component: CallForm, permission: WRITE },
  { path: '/calls/:id/offers/new', component: OfferForm, permission: WRITE },
  { path: '/offers/:offerId/edit', component: OfferForm, permission: WRITE },
];

export const nav = [{ area: 'exchange', href: '/calls', label: 'nav.calls', permission: READ }];
