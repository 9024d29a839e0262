// Applications in a call (issue 10, item 4): the student's own, the office's review and scoring.
import MyApplication from './MyApplication.svelte';
import ApplicationList from './ApplicationList.svelte';
import ApplicationReview from './ApplicationReview.svelte';

const APPLY = 'exchange:apply';
const READ = 'exchange:applications';

export const routes = [
  { path: '/calls/:id/apply', component: MyApplication, permission: APPLY },
  { path: '/calls/:id/applications', component: ApplicationList, permission: READ },
  { path: '/applications/:id', component: ApplicationReview, permission: READ },
];

// Reached from a call (the calls' screens link to a call's applications and to applying).
export const nav = [];
