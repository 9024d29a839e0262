// The web kit: list filters in the URL (surviving a reload), the export links, and the editor's unsaved-changes
// guard, conflict notice and delete dialog.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

async function partnershipId(name) {
  const list = await (await app.api(`/partnerships?q=${encodeURIComponent(name)}`)).json();
  return list.items.find((p) => p.institution.name.includes(name)).id;
}

/** A partnership of its own for a test that changes or deletes it. */
async function newPartnership(name) {
  const json = { 'Content-Type': 'application/json' };
  const inst = await app.api('/institutions', { method: 'POST', headers: json, body: JSON.stringify({ name, country: 'FR', type: 'university' }) });
  assert.equal(inst.status, 201, await inst.clone().text());
  const institution = await inst.json();
  const res = await app.api('/partnerships', { method: 'POST', headers: json, body: JSON.stringify({ institution_id: institution.id, tier: 'standard' }) });
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()).id;
}

test('list filters live in the URL and survive a reload; the export links carry them', async () => {
  const page = await app.newPage();
  await page.goto('/partners');
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  await settled(page);
  await page.getByLabel('Tier').selectOption('strategic');
  await page.waitForURL(/tier=strategic/);
  await page.getByLabel('Search').fill('Wroclaw');
  await page.waitForURL(/q=Wroclaw/);
  await page.getByRole('button', { name: /^Name/ }).click();
  await page.waitForURL(/sort=-name/);
  await settled(page);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  await settled(page);
  assert.equal(await page.getByLabel('Tier').inputValue(), 'strategic');
  assert.equal(await page.getByLabel('Search').inputValue(), 'Wroclaw');
  assert.equal(await page.locator('th[aria-sort="descending"]').count(), 1);
  assert.deepEqual(await page.locator('main tbody td.primary a').allTextContents(), ['Wroclaw Medical University']);

  const csv = page.getByRole('link', { name: 'Export CSV' });
  const xlsx = page.getByRole('link', { name: 'Export Excel' });
  assert.equal(await csv.getAttribute('href'), '/api/v1/partnerships?q=Wroclaw&tier=strategic&sort=-name&format=csv&lang=en');
  assert.equal(await xlsx.getAttribute('href'), '/api/v1/partnerships?q=Wroclaw&tier=strategic&sort=-name&format=xlsx&lang=en');
  assert.notEqual(await csv.getAttribute('download'), null);
  // the file itself: the filtered list, one header line and one partner
  const english = await page.evaluate(async (href) => (await fetch(href)).text(), await csv.getAttribute('href'));
  const englishLines = english.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(englishLines[0], /^ID,Partner,Country,City/);
  assert.equal(englishLines.length, 2);
  assert.match(englishLines[1], /Wroclaw Medical University/);
  await screenshot(page, 'kit-list-filters-after-reload');

  // back in the history brings the earlier filters back into the boxes
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL((url) => !url.search.includes('tier='));
  assert.equal(await page.getByLabel('Search').inputValue(), '');

  // the same on the agreements, in German
  await page.goto('/agreements?status=active&sort=title');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vereinbarungen' }).waitFor();
  const de = page.getByRole('link', { name: 'CSV exportieren' });
  assert.equal(await de.getAttribute('href'), '/api/v1/agreements?status=active&sort=title&format=csv&lang=de');
  assert.equal(await page.getByRole('link', { name: 'Excel exportieren' }).getAttribute('href'), '/api/v1/agreements?status=active&sort=title&format=xlsx&lang=de');
  const german = await page.evaluate(async (href) => (await fetch(href)).text(), await de.getAttribute('href'));
  assert.match(german.replace(/^\uFEFF/, ''), /^ID,Partner,Land,Titel,Art,Status/);
  await page.getByRole('button', { name: 'English' }).click();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone the list is a stack of cards with a sort select', async () => {
  const page = await app.newPage({ width: 375, height: 812 });
  await page.goto('/partners');
  await settled(page);
  await page.getByLabel('Sort by').selectOption('-name');
  await page.waitForURL(/sort=-name/);
  await settled(page);
  const display = await page.locator('main tbody tr').first().evaluate((el) => getComputedStyle(el).display);
  assert.equal(display, 'block');
  await screenshot(page, 'kit-list-mobile');
  await page.close();
});

test('the unsaved-changes guard asks before leaving a form, in the app and when the page unloads', async () => {
  const id = await partnershipId('Flinders');
  const page = await app.newPage();
  await page.goto(`/partners/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: 'Edit partnership' }).waitFor();
  await settled(page);

  // nothing changed: leaving needs no question
  await page.locator('nav').getByRole('link', { name: 'Agreements', exact: true }).first().click();
  await page.waitForURL(/\/agreements$/);
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Edit partnership' }).waitFor();
  await settled(page);

  await page.getByLabel('Notes').fill('Not saved yet');
  await page.locator('nav').getByRole('link', { name: 'Agreements', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await dialog.waitFor();
  await screenshot(page, 'kit-unsaved-guard');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.match(page.url(), new RegExp(`/partners/${id}/edit$`));
  assert.equal(await page.getByLabel('Notes').inputValue(), 'Not saved yet');

  // the Cancel link of the form asks as well; leaving drops the change
  await page.getByRole('link', { name: 'Cancel' }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Leave without saving' }).click();
  await page.waitForURL(new RegExp(`/partners/${id}$`));
  const stored = await (await app.api(`/partnerships/${id}`)).json();
  assert.notEqual(stored.notes, 'Not saved yet');

  // closing or reloading the page: the browser's own question (beforeunload)
  await page.goto(`/partners/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: 'Edit partnership' }).waitFor();
  await settled(page);
  await page.getByLabel('Notes').fill('Still not saved');
  const asked = new Promise((resolve) => page.once('dialog', (d) => resolve(d)));
  await page.close({ runBeforeUnload: true });
  const native = await asked;
  assert.equal(native.type(), 'beforeunload');
  await native.accept();
});

test('a form just opened has no unsaved changes: leaving it asks nothing', async () => {
  const kcl = await partnershipId('College London');
  const agreements = await (await app.api(`/agreements?partnership_id=${kcl}`)).json();
  const page = await app.newPage();
  for (const path of [`/partners/${kcl}/edit`, '/partners/new', '/institutions/new', `/agreements/new?partnership=${kcl}`, `/agreements/${agreements.items[0].id}/edit`]) {
    await page.goto(path);
    await page.locator('main form').waitFor();
    await settled(page);
    await page.waitForTimeout(300); // reference data (departments, ISCED fields) arrives
    await page.locator('nav').getByRole('link', { name: 'World map', exact: true }).first().click();
    await page.waitForURL(/\/partners\/map$/, { timeout: 5000 }).catch(() => assert.fail(`${path} asked before leaving without changes`));
  }
  // back and forward within the app are asked about too
  await page.evaluate((href) => {
    const a = Object.assign(document.createElement('a'), { href });
    document.querySelector('main').append(a);
    a.click();
  }, `/partners/${kcl}/edit`);
  await page.locator('main form').waitFor();
  await settled(page);
  await page.getByLabel('Notes').fill('unsaved');
  await page.evaluate(() => history.back());
  await page.getByRole('dialog', { name: 'Leave without saving?' }).waitFor();
  assert.match(page.url(), new RegExp(`/partners/${kcl}/edit$`));
  await page.getByRole('dialog').getByRole('button', { name: 'Leave without saving' }).click();
  await page.waitForURL(/\/partners\/map$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the choices come from the server’s enumerations', async () => {
  const page = await app.newPage();
  const real = await (await fetch(`${app.baseURL}/api/v1/enumerations`)).json();
  assert.deepEqual(real.enumerations.tier, ['transcampus', 'strategic', 'standard']);
  // the server says otherwise: the screens follow
  await page.route('**/api/v1/enumerations', (route) =>
    route.fulfill({ json: { ...real, enumerations: { ...real.enumerations, tier: ['standard', 'strategic'] } } }),
  );
  await page.goto('/partners');
  await settled(page);
  assert.deepEqual(await page.getByLabel('Tier').locator('option').allTextContents(), ['All', 'Standard', 'Strategic']);
  await page.goto('/partners/new');
  await settled(page);
  assert.deepEqual(await page.locator('#f-tier option').allTextContents(), ['Standard', 'Strategic']);
  await page.close();
});

test('a 412 conflict notice appears beside the save button, in view, takes the focus and is an alert', async () => {
  const id = await partnershipId('Flinders');
  const page = await app.newPage({ width: 1280, height: 600 });
  await page.goto(`/partners/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: 'Edit partnership' }).waitFor();
  await settled(page);
  const read = await app.api(`/partnerships/${id}`);
  const current = await read.json();
  const put = await app.api(`/partnerships/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': read.headers.get('ETag') },
    body: JSON.stringify({ institution_id: current.institution_id, tier: current.tier, notes: 'A colleague was faster' }),
  });
  assert.equal(put.status, 200);

  await page.getByLabel('Objectives').fill('Mine');
  await page.getByRole('button', { name: 'Save' }).click();
  const notice = page.locator('form [role="alert"]', { hasText: 'Someone else has changed this record.' });
  await notice.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
  const inView = await notice.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'the conflict notice is in view');
  // it stands right before the buttons
  const next = await notice.evaluate((el) => el.nextElementSibling?.querySelector('button[type="submit"]') !== null);
  assert.ok(next, 'the notice is next to the save button');
  await screenshot(page, 'kit-conflict-notice');
  await page.getByRole('button', { name: 'Load the current version' }).click();
  await page.waitForFunction(() => document.getElementById('f-notes')?.value === 'A colleague was faster');
  assert.deepEqual(page.errors.filter((e) => !/status of 412/.test(e)), []);
  await page.close();
});

test('delete asks through the app’s confirm dialog, never window.confirm', async () => {
  const id = await newPartnership(`Université E2E ${Date.now()}`);
  const page = await app.newPage();
  const native = [];
  page.on('dialog', (d) => {
    native.push(d.type());
    d.dismiss();
  });
  await page.goto(`/partners/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: 'Edit partnership' }).waitFor();
  await settled(page);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete partnership' });
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Université E2E/);
  await screenshot(page, 'kit-delete-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal((await app.api(`/partnerships/${id}`)).status, 200, 'cancel keeps it');

  await page.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await page.waitForURL(/\/partners$/);
  assert.equal((await app.api(`/partnerships/${id}`)).status, 404);
  assert.deepEqual(native, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});
