// Applications in a call (issue 10, item 4): the student's own, the office's review and scoring.
import MyApplication from './MyApplication.svelte';
import ApplicationList from './ApplicationList.svelte';
import ApplicationReview from './ApplicationReview.svelte';
import MyCalls from './MyCalls.svelte';

const APPLY = 'exchange:apply';
const READ = 'exchange:applications';

export const routes = [
  { path: '/my-applications', component: MyCalls, permission: APPLY },
  { path: '/calls/:id/apply', component: MyApplication, permission: APPLY },
  { path: '/calls/:id/applications', component: ApplicationList, permission: READ },
  { path: '/applications/:id', component: ApplicationReview, permission: READ },
];

// The office reaches a call's applications from the call (the calls' screens link to them).
export const nav = [{ area: 'exchange', href: '/my-applications', label: 'nav.myApplications', permission: APPLY }];
