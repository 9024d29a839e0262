// Partners: the world map, the list and the partner page.
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

test('finds King’s College London on the map and opens it', async () => {
  const page = await app.newPage();
  await page.goto('/partners/map');
  await page.getByRole('heading', { level: 1, name: 'World map of partners' }).waitFor();
  const marker = page.locator('svg').getByRole('link', { name: /King.s College London/ });
  await marker.waitFor();
  assert.equal(await page.locator('svg a.marker').count() >= 3, true);
  await marker.hover();
  await page.locator('.tooltip').getByText(/King.s College London/).waitFor();
  await screenshot(page, 'map-kcl-tooltip');
  await marker.click();
  await page.waitForURL(/\/partners\/\d+$/);
  await page.getByRole('heading', { level: 1, name: /King.s College London/ }).waitFor();
  await settled(page);
  const main = await page.locator('main').textContent();
  assert.match(main, /transCampus/);
  assert.match(main, /United Kingdom/);
  // the transCampus has joint structures
  const structures = page.locator('section', { has: page.getByRole('heading', { name: 'Joint structures' }) });
  assert.ok((await structures.locator('li').count()) >= 1, 'joint structures are listed');
  await screenshot(page, 'partner-kcl');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the map works with the keyboard: a marker is a link', async () => {
  const page = await app.newPage();
  await page.goto('/partners/map');
  const marker = page.locator('svg').getByRole('link', { name: /Wroclaw Medical University/ });
  await marker.waitFor();
  await marker.focus();
  await page.locator('.tooltip').getByText('Wroclaw Medical University').waitFor();
  await screenshot(page, 'map-keyboard-focus');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Wroclaw Medical University' }).waitFor();
  assert.match(await page.locator('main').textContent(), /PL WROCLAW05/);
  await screenshot(page, 'partner-wroclaw');
  await page.close();
});

test('the partner list searches, filters, sorts and pages', async () => {
  const page = await app.newPage();
  await page.goto('/partners');
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  await settled(page);
  const rows = page.locator('main tbody tr');
  assert.ok((await rows.count()) > 3);

  await page.getByLabel('Search').fill('Flinders');
  await page.waitForURL(/q=Flinders/);
  await page.getByRole('link', { name: 'Flinders University' }).waitFor();
  await settled(page);
  assert.equal(await rows.count(), 1);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Tier').selectOption('strategic');
  await page.waitForURL(/tier=strategic/);
  await settled(page);
  const names = await page.locator('main tbody td.primary a').allTextContents();
  assert.ok(names.includes('Wroclaw Medical University'), names.join(', '));

  await page.getByLabel('Tier').selectOption('');
  await page.getByLabel('Country').selectOption('GB');
  await page.waitForURL(/country=GB/);
  await settled(page);
  assert.ok((await page.locator('main tbody td.primary a').allTextContents()).some((n) => /King.s College London/.test(n)));

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL((url) => !url.search.includes('country'));
  await settled(page);
  await page.getByRole('button', { name: /^Name/ }).click();
  await page.waitForURL(/sort=-name/);
  await settled(page);
  const sorted = await page.locator('main tbody td.primary a').allTextContents();
  assert.ok(sorted.length > 1);
  assert.ok(sorted[0].localeCompare(sorted[sorted.length - 1]) >= 0, `descending: ${sorted[0]} … ${sorted.at(-1)}`);
  assert.equal(await page.locator('th[aria-sort="descending"]').count(), 1);
  await screenshot(page, 'partner-list');

  const next = page.getByRole('button', { name: /Next/ });
  if (await next.isEnabled()) {
    await next.click();
    await page.waitForURL(/page=1/);
    await settled(page);
    assert.match(await page.locator('.pager .range').textContent(), /^51–/);
    await page.getByRole('button', { name: /Previous/ }).click();
    await page.waitForURL((url) => !url.search.includes('page='));
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('edits a partnership and an institution through their forms', async () => {
  const page = await app.newPage();
  const list = await (await app.api(`/partnerships?q=${encodeURIComponent('Flinders')}`)).json();
  const id = list.items[0].id;
  await page.goto(`/partners/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: 'Edit partnership' }).waitFor();
  await settled(page);
  await page.getByLabel('Responsible person').fill('Prof. E2E Tester');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(new RegExp(`/partners/${id}$`));
  await page.getByText('Prof. E2E Tester').waitFor();
  await screenshot(page, 'partner-flinders-edited');
  await page.close();
});

test('tells the user when someone else changed the record meanwhile, and reloads it', async () => {
  const page = await app.newPage();
  const list = await (await app.api(`/partnerships?q=${encodeURIComponent('Wroclaw')}`)).json();
  const id = list.items.find((p) => p.institution.name === 'Wroclaw Medical University').id;
  await page.goto(`/partners/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: 'Edit partnership' }).waitFor();
  await settled(page);

  // someone else saves the same partnership
  const read = await app.api(`/partnerships/${id}`);
  const current = await read.json();
  const put = await app.api(`/partnerships/${id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': read.headers.get('ETag') },
    body: JSON.stringify({ ...current, notes: 'Changed by a colleague' }),
  });
  assert.equal(put.status, 200);

  await page.getByLabel('Notes').fill('My change');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Someone else has changed this record.').waitFor();
  await screenshot(page, 'partnership-conflict');
  await page.getByRole('button', { name: 'Load the current version' }).click();
  await page.waitForFunction(() => document.getElementById('f-notes')?.value === 'Changed by a colleague');
  await page.getByLabel('Notes').fill('My change, after reading theirs');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(new RegExp(`/partners/${id}$`));
  await page.getByText('My change, after reading theirs').waitFor();
  await page.close();
});
