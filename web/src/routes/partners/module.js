// The partners module's screens (partners and institutions) and its items in the navigation.
import PartnerList from './PartnerList.svelte';
import PartnerMapPage from './PartnerMapPage.svelte';
import PartnerPage from './PartnerPage.svelte';
import PartnershipForm from './PartnershipForm.svelte';
import InstitutionForm from './InstitutionForm.svelte';
import PartnerContactForm from './PartnerContactForm.svelte';
import PartnerNoteForm from './PartnerNoteForm.svelte';

const READ = 'partners:read';
const WRITE = 'partners:write';

export const routes = [
  { path: '/partners', component: PartnerList, permission: READ },
  { path: '/partners/map', component: PartnerMapPage, permission: READ },
  { path: '/partners/new', component: PartnershipForm, permission: WRITE },
  { path: '/partners/:id', component: PartnerPage, permission: READ },
  { path: '/partners/:id/edit', component: PartnershipForm, permission: WRITE },
  { path: '/partners/:partnershipId/contacts/new', component: PartnerContactForm, permission: WRITE },
  { path: '/partner-contacts/:id/edit', component: PartnerContactForm, permission: WRITE },
  { path: '/partners/:partnershipId/notes/new', component: PartnerNoteForm, permission: WRITE },
  { path: '/partner-notes/:id/edit', component: PartnerNoteForm, permission: WRITE },
  { path: '/institutions/new', component: InstitutionForm, permission: WRITE },
  { path: '/institutions/:id/edit', component: InstitutionForm, permission: WRITE },
];

export const nav = [
  { area: 'partners', href: '/partners', label: 'nav.partnerList', match: ['/partners', '/institutions'], permission: READ },
  { area: 'partners', href: '/partners/map', label: 'nav.map', permission: READ },
];
