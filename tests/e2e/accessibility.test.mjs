// Every screen checked by axe-core against WCAG 2.1 A and AA (labels, contrast, landmarks, names).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled, login, axeViolations } from './harness.mjs';

let app;
let kcl;
let agreementId;
let studentId;
let callId;
let userId;
// Every screen below is scanned: the records they show are the demo's, each asserted here, so that a missing one
// fails the test instead of dropping its screen.
before(async () => {
  // the administrator sees every screen, the administration's included
  app = await startApp({ signIn: 'admin' });
  const list = await (await app.api('/partnerships?q=College%20London')).json();
  kcl = list.items.find((p) => /King.s College London/.test(p.institution?.name ?? ''));
  assert.ok(kcl, 'the demo has King’s College London');
  const agreements = await (await app.api(`/agreements?partnership_id=${kcl.id}`)).json();
  agreementId = agreements.items[0]?.id;
  assert.ok(agreementId, 'the demo has an agreement of King’s College London');
  studentId = (await (await app.api('/students?q=4711001')).json()).items[0]?.id;
  assert.ok(studentId, 'the demo has the student 4711001');
  callId = (await (await app.api('/calls?kind=places')).json()).items[0]?.id;
  assert.ok(callId, 'the demo has a call for places');
  // an account of this file's own: its page, and its creation an audit entry whose changes are opened
  const admin = await app.apiAs('admin');
  const created = await admin('/users', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `alex.axe.${Date.now()}@weltcampus.example`, display_name: 'Alex Axe', preferred_language: 'en', roles: ['coordinator'] }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  userId = (await created.json()).id;
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
  [`/agreements/${agreementId}`, 'agreement'],
  ['/account', 'account'],
  ['/account/password', 'password-change'],
  ['/account/data', 'my-data'],
  ['/users', 'users'],
  ['/users/new', 'user-new'],
  [`/users/${userId}`, 'user-edit'],
  ['/audit', 'audit'],
  ['/imports', 'imports'],
  ['/students', 'students'],
  ['/students/new', 'student-new'],
  [`/students/${studentId}/edit`, 'student-edit'],
  ['/programmes', 'programmes'],
  ['/programmes/new', 'programme-new'],
  ['/jobs', 'jobs'],
  ['/calls', 'calls'],
  ['/calls/new', 'call-new'],
  [`/calls/${callId}`, 'call'],
  [`/calls/${callId}/allocation`, 'allocation'],
  // the dean's home: the partnerships over the years (charts)
  ['/', 'dean-home', 'management'],
  ['/users', 'no-permission', 'student'],
  // a student's own record
  ['/me/student', 'my-student-record', 'student'],
];

// Some screens are checked in an opened state as well (by their label above).
const OPEN = {
  // the map zoomed in through a group, with the partners in view listed and the filters folded
  map: async (page) => {
    await page.locator('.map-wrap button.cluster').first().click();
    await page.getByText(/partners? in view: list|Partner im Ausschnitt: Liste/).click();
    await page.locator('.in-view a').first().waitFor();
    await page.getByRole('button', { name: /^(Filters|Filter)$/ }).click();
  },
  // the renewal's confirmation
  expiring: async (page) => {
    await page.getByRole('button', { name: /^(Renew|Verlängern)$/ }).first().click();
    await page.getByRole('dialog').waitFor();
  },
  // a bulk action: two rows selected, the bar with its actions and the confirmation open
  partners: async (page) => {
    await page.locator('main tbody input[type="checkbox"]').nth(0).check();
    await page.locator('main tbody input[type="checkbox"]').nth(1).check();
    await page.getByRole('button', { name: /^(Set tier|Stufe setzen)$/ }).click();
    await page.getByRole('dialog').waitFor();
  },
  agreements: async (page) => {
    await page.locator('#af-select-page').check();
    await page.getByRole('button', { name: /^(Extend|Verlängern)$/ }).click();
    await page.getByRole('dialog').waitFor();
  },
  audit: async (page) => {
    await page.getByRole('button', { name: /Show changes of entry|Änderungen von Eintrag/ }).first().click();
    await page.locator('table.diff').waitFor();
  },
  'user-edit': async (page) => {
    await page.getByRole('button', { name: /Erase personal data|Personenbezogene Daten löschen/ }).click();
    await page.getByRole('dialog').waitFor();
  },
  // an agreement's page with the form to add a document open
  agreement: async (page) => {
    await page.getByRole('button', { name: /^(Add document|Dokument hinzufügen)$/ }).click();
    await page.locator('#du-file').waitFor();
  },
  // the dean's home with every chart's table shown
  'dean-home': async (page) => {
    const summaries = await page.locator('details.figures summary').all();
    assert.ok(summaries.length >= 4, `the dean's charts with their tables: ${summaries.length}`);
    for (const summary of summaries) await summary.click();
    assert.equal(await page.locator('details.figures:not([open])').count(), 0, 'every chart’s table is open');
    await page.locator('details.figures[open] table').first().waitFor();
  },
};

// What a screen shows instead of itself when its record or the permission is missing.
const NOT_THE_SCREEN = /^(Page not found|Seite nicht gefunden|No permission|Keine Berechtigung)$/;

for (const locale of ['en', 'de']) {
  test(`every screen meets WCAG 2.1 AA (${locale})`, async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.evaluate((l) => localStorage.setItem('weltcampus.lang', l), locale);
    const opened = [];
    for (const [path, label, role] of screens()) {
      if (role) {
        await login(page, role);
        await page.evaluate((l) => localStorage.setItem('weltcampus.lang', l), locale);
      }
      await page.goto(path);
      await page.locator('main h1').waitFor();
      await settled(page);
      const heading = (await page.locator('main h1').textContent()).trim();
      if (label === 'no-permission') {
        assert.match(heading, NOT_THE_SCREEN, `${locale} ${path} as ${role}`);
      } else {
        assert.doesNotMatch(heading, NOT_THE_SCREEN, `${locale} ${path}${role ? ` as ${role}` : ''} shows “${heading}”`);
        // nor an error in place of its record (a record that could not be read is announced as an alert)
        const alerts = await page.locator('main [role="alert"]').allTextContents();
        assert.deepEqual(alerts, [], `${locale} ${path}: the screen shows an error instead of its data`);
      }
      await audit(page, `${locale} ${path}`);
      if (OPEN[label]) {
        await OPEN[label](page);
        await audit(page, `${locale} ${path}${role ? ` as ${role}` : ''} (opened)`);
        opened.push(label);
      }
    }
    // every opened state was scanned (a key that names no screen of the list would never be opened)
    assert.deepEqual([...opened].sort(), Object.keys(OPEN).sort());
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
