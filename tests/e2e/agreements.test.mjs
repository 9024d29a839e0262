// Agreements: creating one with a quota, the API's validation shown beside the field, renewals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled } from './harness.mjs';

let app;
let kcl;
before(async () => {
  app = await startApp();
  const res = await app.api(`/partnerships?q=${encodeURIComponent('College London')}`);
  const body = await res.json();
  kcl = body.items.find((p) => /King.s College London/.test(p.institution?.name ?? ''));
  assert.ok(kcl, 'the demo database has the partnership with King’s College London');
});
after(async () => {
  await app?.close();
});

test('creates an agreement with a quota through the form and sees it on the partner page', async () => {
  const page = await app.newPage();
  await page.goto(`/partners/${kcl.id}`);
  await page.getByRole('heading', { level: 1, name: /King.s College London/ }).waitFor();
  await settled(page);
  await page.getByRole('link', { name: 'New agreement' }).click();
  await page.getByRole('heading', { level: 1, name: 'New agreement' }).waitFor();
  await settled(page);

  const title = `Clinical electives in London ${Date.now()}`;
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption('clinical_electives');
  // the form shows years as the app does (2027–28) and takes what people write
  assert.match(await page.getByLabel('First academic year').inputValue(), /^\d{4}–\d{2}$/);
  await page.getByLabel('First academic year').fill('2027-28');
  await page.getByLabel('Last academic year').fill('2030–31');
  await page.getByText('Period: 2027–28 to 2030–31.').waitFor();
  // keep one quota: outgoing clinical electives, 3 places of 2 months
  await page.getByRole('button', { name: 'Remove quota 2' }).click();
  await page.locator('#f-quotas-0-direction').selectOption('outgoing');
  await page.locator('#f-quotas-0-category').selectOption('clinical_elective');
  await page.locator('#f-quotas-0-places_per_year').fill('3');
  await page.locator('#f-quotas-0-months_per_place').fill('2');
  await screenshot(page, 'agreement-form-filled');
  await page.getByRole('button', { name: 'Save agreement' }).click();

  await page.waitForURL(new RegExp(`/partners/${kcl.id}$`));
  await page.getByRole('heading', { level: 1, name: /King.s College London/ }).waitFor();
  await settled(page);
  const row = page.locator('tr', { has: page.getByRole('link', { name: title }) });
  await row.waitFor();
  assert.match(await row.textContent(), /Clinical electives agreement/);
  assert.match(await row.textContent(), /Draft/);
  assert.match(await row.textContent(), /3/);
  await screenshot(page, 'agreement-on-partner-page');

  // and it was stored with its quota
  const id = Number((await row.getByRole('link', { name: title }).getAttribute('href')).split('/').pop());
  const stored = await (await app.api(`/agreements/${id}`)).json();
  assert.equal(stored.title, title);
  assert.equal(stored.quotas.length, 1);
  assert.equal(stored.quotas[0].places_per_year, 3);
  assert.equal(stored.quotas[0].category, 'clinical_elective');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('shows the API’s validation error beside an invalid academic year', async () => {
  const page = await app.newPage();
  await page.goto(`/agreements/new?partnership=${kcl.id}`);
  await page.getByRole('heading', { level: 1, name: 'New agreement' }).waitFor();
  await settled(page);
  await page.getByLabel('First academic year').fill('2027/2029');
  await page.getByRole('button', { name: 'Save agreement' }).click();
  const field = page.getByLabel('First academic year');
  await page.locator('#f-first_academic_year-error').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await field.getAttribute('aria-describedby'), /f-first_academic_year-error/);
  assert.match(await page.locator('#f-first_academic_year-error').textContent(), /academic year/i);
  // focus went to the field that needs attention
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-first_academic_year');
  await screenshot(page, 'agreement-invalid-year');

  // the same in German
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.locator('#f-first_academic_year-error', { hasText: 'Studienjahr' }).waitFor();
  await screenshot(page, 'agreement-invalid-year-de');
  await page.getByRole('button', { name: 'English' }).click();
  await page.close();
});

test('lists agreements that expire soon, for renewal', async () => {
  const page = await app.newPage();
  await page.goto('/agreements/expiring?months=36');
  await page.getByRole('heading', { level: 1, name: 'Renewals due' }).waitFor();
  await settled(page);
  assert.equal(await page.getByLabel('Ending within').inputValue(), '36');
  await screenshot(page, 'agreements-expiring');
  await page.goto('/agreements');
  await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
  await settled(page);
  await page.getByLabel('Type').selectOption('erasmus_iia');
  await page.waitForURL(/type=erasmus_iia/);
  await settled(page);
  const types = await page.locator('main tbody td[data-label="Type"]').allTextContents();
  const { total } = await (await app.api('/agreements?type=erasmus_iia&limit=1')).json();
  assert.ok(total > 0, 'the demo has Erasmus+ inter-institutional agreements');
  assert.equal(types.length, Math.min(50, total), 'a row for each of them, up to a page');
  for (const type of types) assert.equal(type, 'Erasmus+ inter-institutional agreement');
  await screenshot(page, 'agreements-list');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Renewing drafts a successor (partner-records.test.mjs); extending the period in place stays an edit.
test('extends an agreement: edits its last academic year through the form', async () => {
  const page = await app.newPage();
  const expiring = await (await app.api('/agreements/expiring?months=24')).json();
  const agreement = expiring.items[0];
  assert.ok(agreement, 'the demo has an agreement that expires within two years');
  await page.goto(`/agreements/${agreement.id}`);
  await settled(page);
  await page.locator(`a[href="/agreements/${agreement.id}/edit"]`).click();
  await page.getByRole('heading', { level: 1, name: 'Edit agreement' }).waitFor();
  await settled(page);
  const [first] = agreement.last_academic_year.split('/').map(Number);
  const renewed = `${first + 3}/${first + 4}`;
  await page.getByLabel('Last academic year').fill(renewed);
  await page.getByRole('button', { name: 'Save agreement' }).click();
  await page.waitForURL(new RegExp(`/partners/${agreement.partnership_id}$`));
  await settled(page);
  const stored = await (await app.api(`/agreements/${agreement.id}`)).json();
  assert.equal(stored.last_academic_year, renewed);
  assert.equal(stored.quotas.length, agreement.quotas.length, 'the quotas are kept');
  assert.equal(stored.version, agreement.version + 1);
  await screenshot(page, 'agreement-renewed');
  assert.deepEqual(page.errors, []);
  await page.close();
});
