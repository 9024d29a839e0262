// Every screen checked by axe-core against WCAG 2.1 A and AA (labels, contrast, landmarks, names).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled, login, axeViolations } from './harness.mjs';

let app;
let kcl;
let agreementId;
let studentId;
let callId;
before(async () => {
  // the administrator sees every screen, the administration's included
  app = await startApp({ signIn: 'admin' });
  const list = await (await app.api('/partnerships?q=College%20London')).json();
  kcl = list.items.find((p) => /King.s College London/.test(p.institution?.name ?? ''));
  const agreements = await (await app.api(`/agreements?partnership_id=${kcl.id}`)).json();
  agreementId = agreements.items[0]?.id;
  studentId = (await (await app.api('/students?q=4711001')).json()).items[0]?.id;
  callId = (await (await app.api('/calls?kind=places')).json()).items[0]?.id;
});
after(async () => {
  await app?.close();
});

async function audit(page, label) {
  const result = await axeViolations(page);
  assert.deepEqual(result, [], `${label}: ${JSON.stringify(result, null, 1)}`);
}

const screens = () => [
  ['/', 'home'],
  ['/partners', 'partners'],
  ['/partners/map', 'map'],
  [`/partners/${kcl.id}`, 'partner'],
  [`/partners/${kcl.id}/edit`, 'partnership-form'],
  [`/partners/${kcl.id}/contacts/new`, 'partner-contact-form'],
  [`/partners/${kcl.id}/notes/new`, 'partner-note-form'],
  ['/institutions/new', 'institution-form'],
  ['/agreements', 'agreements'],
  ['/agreements/expiring?months=36', 'expiring'],
  ['/agreements/expiring?view=ended', 'ended-not-renewed'],
  [`/agreements/new?partnership=${kcl.id}`, 'agreement-form'],
  ...(agreementId ? [[`/agreements/${agreementId}`, 'agreement']] : []),
  ['/account', 'account'],
  ['/account/password', 'password-change'],
  ['/account/data', 'my-data'],
  ['/users', 'users'],
  ['/users/new', 'user-new'],
  ['/users/3', 'user-edit'],
  ['/audit', 'audit'],
  ['/imports', 'imports'],
  ['/students', 'students'],
  ['/students/new', 'student-new'],
  ...(studentId ? [[`/students/${studentId}/edit`, 'student-edit']] : []),
  ['/programmes', 'programmes'],
  ['/programmes/new', 'programme-new'],
  ['/jobs', 'jobs'],
  ['/calls', 'calls'],
  ['/calls/new', 'call-new'],
  ...(callId ? [[`/calls/${callId}`, 'call']] : []),
  ...(callId ? [[`/calls/${callId}/allocation`, 'allocation']] : []),
  // the dean's home: the partnerships over the years (charts)
  ['/', 'dean-home', 'management'],
  ['/users', 'no-permission', 'student'],
  // a student's own record
  ['/me/student', 'my-student-record', 'student'],
];

// Some screens are checked in an opened state as well.
const OPEN = {
  // the map zoomed in through a group, with the partners in view listed and the filters folded
  '/partners/map': async (page) => {
    await page.locator('.map-wrap button.cluster').first().click();
    await page.getByText(/partners? in view: list|Partner im Ausschnitt: Liste/).click();
    await page.locator('.in-view a').first().waitFor();
    await page.getByRole('button', { name: /^(Filters|Filter)$/ }).click();
  },
  // the renewal's confirmation
  '/agreements/expiring?months=36': async (page) => {
    await page.getByRole('button', { name: /^(Renew|Verlängern)$/ }).first().click();
    await page.getByRole('dialog').waitFor();
  },
  // a bulk action: two rows selected, the bar with its actions and the confirmation open
  '/partners': async (page) => {
    await page.locator('main tbody input[type="checkbox"]').nth(0).check();
    await page.locator('main tbody input[type="checkbox"]').nth(1).check();
    await page.getByRole('button', { name: /^(Set tier|Stufe setzen)$/ }).click();
    await page.getByRole('dialog').waitFor();
  },
  '/agreements': async (page) => {
    await page.locator('#af-select-page').check();
    await page.getByRole('button', { name: /^(Extend|Verlängern)$/ }).click();
    await page.getByRole('dialog').waitFor();
  },
  '/audit': async (page) => page.getByRole('button', { name: /Show changes of entry|Änderungen von Eintrag/ }).first().click(),
  '/users/3': async (page) => {
    await page.getByRole('button', { name: /Erase personal data|Personenbezogene Daten löschen/ }).click();
    await page.getByRole('dialog').waitFor();
  },
};

// an agreement's page with the form to add a document open
const openAgreement = async (page) => {
  await page.getByRole('button', { name: /^(Add document|Dokument hinzufügen)$/ }).click();
  await page.locator('#du-file').waitFor();
};
const opener = (path) => OPEN[path] ?? (/^\/agreements\/\d+$/.test(path) ? openAgreement : null);
// Screens of another role, opened: the dean's home with every chart's table shown.
const OPEN_AS = {
  'dean-home': async (page) => {
    for (const summary of await page.locator('details.figures summary').all()) await summary.click();
    await page.locator('details.figures[open] table').first().waitFor();
  },
};

for (const locale of ['en', 'de']) {
  test(`every screen meets WCAG 2.1 AA (${locale})`, async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.evaluate((l) => localStorage.setItem('weltcampus.lang', l), locale);
    for (const [path, label, role] of screens()) {
      if (role) {
        await login(page, role);
        await page.evaluate((l) => localStorage.setItem('weltcampus.lang', l), locale);
      }
      await page.goto(path);
      await page.locator('main h1').waitFor();
      await settled(page);
      await audit(page, `${locale} ${path}`);
      const open = role ? OPEN_AS[label] : opener(path);
      if (open) {
        await open(page);
        await audit(page, `${locale} ${path}${role ? ` as ${role}` : ''} (opened)`);
      }
    }
    await screenshot(page, `a11y-last-${locale}`);

    // signed out: the login page, also with its error message
    await page.context().clearCookies();
    await page.goto('/login');
    await page.locator('main h1').waitFor();
    await audit(page, `${locale} /login`);
    await page.locator('#login-email').fill('nobody@weltcampus.example');
    await page.locator('#login-password').fill('wrong-password');
    await page.locator('#login-form button[type="submit"]').click();
    await page.getByRole('alert').waitFor();
    await audit(page, `${locale} /login (wrong password)`);
    await screenshot(page, `a11y-login-${locale}`);
    await login(page, 'admin');
    await page.close();
  });
}
