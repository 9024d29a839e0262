// Client-side routes. The server answers every non-API path with index.html, so these are real URLs.
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
import NotFound from './routes/NotFound.svelte';

export const routes = [
  { path: '/', component: Home },
  { path: '/partners', component: PartnerList },
  { path: '/partners/map', component: PartnerMapPage },
  { path: '/partners/new', component: PartnershipForm },
  { path: '/partners/:id', component: PartnerPage },
  { path: '/partners/:id/edit', component: PartnershipForm },
  { path: '/institutions/new', component: InstitutionForm },
  { path: '/institutions/:id/edit', component: InstitutionForm },
  { path: '/agreements', component: AgreementList },
  { path: '/agreements/expiring', component: ExpiringAgreements },
  { path: '/agreements/new', component: AgreementForm },
  { path: '/agreements/:id', component: AgreementPage },
  { path: '/agreements/:id/edit', component: AgreementForm },
];

export const notFound = { path: '*', component: NotFound };
