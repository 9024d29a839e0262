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
    await page.waitForLoadState('networkidle'); // reference data (departments, ISCED fields) has arrived
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
  const current = await (await app.api(`/partnerships/${id}`)).json();
  await changeBehindTheForm(id, { notes: 'A colleague was faster' });

  await page.getByLabel('Objectives', { exact: true }).fill('Mine');
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
  // their change and mine are in different fields: nothing to choose; the person may still drop theirs
  assert.match(await notice.textContent(), /Your changes and theirs are in different fields/);
  assert.match(await notice.textContent(), /Their changes to Notes are taken over/);
  assert.equal(await notice.locator('fieldset').count(), 0);
  await page.getByRole('button', { name: 'Discard mine and load the current version' }).click();
  await page.waitForFunction(() => document.getElementById('f-notes')?.value === 'A colleague was faster');
  assert.equal(await page.getByLabel('Objectives', { exact: true }).inputValue(), current.objectives ?? '');
  assert.deepEqual(page.errors.filter((e) => !/status of 412/.test(e)), []);
  await page.close();
});

/** Someone else saves the partnership through the API while the browser has it open. */
async function changeBehindTheForm(id, changes) {
  const read = await app.api(`/partnerships/${id}`);
  const current = await read.json();
  const body = { institution_id: current.institution_id, tier: current.tier, since: current.since, responsible_person: current.responsible_person, objectives: current.objectives, notes: current.notes, nomination_deadline_winter: current.nomination_deadline_winter, nomination_deadline_summer: current.nomination_deadline_summer, ...changes };
  const put = await app.api(`/partnerships/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': read.headers.get('ETag') },
    body: JSON.stringify(body),
  });
  assert.equal(put.status, 200, await put.clone().text());
}

/** The display name of the account that changes records behind the form (app.api), as the server names it. */
async function apiPersonName() {
  const me = await (await app.api('/me')).json();
  assert.ok(me.display_name, 'the API account has a display name');
  return me.display_name;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function conflictNoticeInView(page, title) {
  const notice = page.locator('form [role="alert"]', { hasText: title });
  await notice.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
  const box = await notice.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: window.innerHeight };
  });
  assert.ok(box.top >= 0 && box.bottom <= box.height, `the conflict notice is in view: ${JSON.stringify(box)}`);
  return notice;
}

test('a conflict names who changed what and when; keeping mine saves my value and keeps their other change', async () => {
  const id = await newPartnership(`Université Conflit ${Date.now()}`);
  await changeBehindTheForm(id, { objectives: 'Exchange of students' });
  const page = await app.newPage({ width: 1280, height: 700 });
  await page.goto(`/partners/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: 'Edit partnership' }).waitFor();
  await settled(page);
  await changeBehindTheForm(id, { objectives: 'Their objectives', notes: 'A colleague was faster', tier: 'strategic' });

  await page.getByLabel('Objectives', { exact: true }).fill('My objectives');
  await page.getByRole('button', { name: 'Save' }).click();
  const notice = await conflictNoticeInView(page, 'Someone else has changed this record.');
  const text = await notice.textContent();
  // the server names the last change from the audit log: the API's account, today
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  assert.match(text, new RegExp(`Changed by ${escapeRegExp(await apiPersonName())} on ${today}, \\d{1,2}:\\d{2}`));
  const choice = notice.getByRole('group', { name: 'Objectives' });
  assert.match(await choice.locator('[data-value="mine"]').textContent(), /^My objectives$/);
  assert.match(await choice.locator('[data-value="theirs"]').textContent(), /^Their objectives$/);
  assert.equal(await choice.getByRole('radio', { name: /Keep mine/ }).isChecked(), true);
  // their changes to fields I did not touch are taken over: named, not asked about
  assert.match(text, /Their changes to Tier and Notes are taken over/);
  assert.equal(await notice.locator('fieldset').count(), 1);
  await screenshot(page, 'kit-conflict-merge');

  await notice.getByRole('button', { name: 'Use these values' }).click();
  await notice.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.matches('form button[type="submit"]'));
  assert.equal(await page.getByLabel('Objectives', { exact: true }).inputValue(), 'My objectives');
  assert.equal(await page.getByLabel('Notes').inputValue(), 'A colleague was faster');
  assert.equal(await page.locator('#f-tier').inputValue(), 'strategic');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(new RegExp(`/partners/${id}$`));
  const stored = await (await app.api(`/partnerships/${id}`)).json();
  assert.equal(stored.objectives, 'My objectives');
  assert.equal(stored.notes, 'A colleague was faster');
  assert.equal(stored.tier, 'strategic');
  assert.deepEqual(page.errors.filter((e) => !/status of 412/.test(e)), []);
  await page.close();
});

test('in German: the conflict notice, a choice per field, and the merged form still asks before leaving', async () => {
  const id = await newPartnership(`Universität Konflikt ${Date.now()}`);
  const page = await app.newPage({ width: 1280, height: 800 });
  await page.goto(`/partners/${id}/edit`);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partnerschaft bearbeiten' }).waitFor();
  try {
    await settled(page);
    await changeBehindTheForm(id, { objectives: 'Ihre Ziele', responsible_person: 'Frau Andere', notes: 'Von jemand anderem' });

    await page.getByLabel('Ziele', { exact: true }).fill('Meine Ziele');
    await page.getByLabel('Verantwortliche Person').fill('Herr Ich');
    await page.getByRole('button', { name: 'Speichern' }).click();
    const notice = await conflictNoticeInView(page, 'Jemand anderes hat diesen Datensatz geändert.');
    const text = await notice.textContent();
    const heute = new Date().toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
    assert.match(text, new RegExp(`Geändert von ${escapeRegExp(await apiPersonName())} am ${escapeRegExp(heute)} um \\d{2}:\\d{2} Uhr\\.`));
    const goals = notice.getByRole('group', { name: 'Ziele' });
    assert.equal(await goals.locator('[data-value="mine"]').textContent(), 'Meine Ziele');
    assert.equal(await goals.locator('[data-value="theirs"]').textContent(), 'Ihre Ziele');
    const person = notice.getByRole('group', { name: 'Verantwortliche Person' });
    assert.equal(await person.locator('[data-value="mine"]').textContent(), 'Herr Ich');
    assert.equal(await person.locator('[data-value="theirs"]').textContent(), 'Frau Andere');
    assert.match(text, /Die Änderungen der anderen Person an Notizen werden übernommen/);
    await person.getByRole('radio', { name: /Neuen Wert übernehmen/ }).check();
    await screenshot(page, 'kit-conflict-merge-de');
    await notice.getByRole('button', { name: 'Diese Werte übernehmen' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.matches('form button[type="submit"]'));
    assert.equal(await page.getByLabel('Ziele', { exact: true }).inputValue(), 'Meine Ziele');
    assert.equal(await page.getByLabel('Verantwortliche Person').inputValue(), 'Frau Andere');
    assert.equal(await page.getByLabel('Notizen').inputValue(), 'Von jemand anderem');

    // my value is not saved yet: leaving asks first
    await page.locator('nav').getByRole('link', { name: 'Vereinbarungen', exact: true }).first().click();
    const leave = page.getByRole('dialog', { name: 'Ohne Speichern verlassen?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Abbrechen' }).click();
    await leave.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.waitForURL(new RegExp(`/partners/${id}$`));
    const stored = await (await app.api(`/partnerships/${id}`)).json();
    assert.equal(stored.objectives, 'Meine Ziele');
    assert.equal(stored.responsible_person, 'Frau Andere');
    assert.equal(stored.notes, 'Von jemand anderem');
    assert.deepEqual(page.errors.filter((e) => !/status of 412/.test(e)), []);
  } finally {
    await page.getByRole('button', { name: 'English' }).click();
    await page.close();
  }
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
