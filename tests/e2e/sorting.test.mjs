// Sorting and search as people expect (issue 9, defect 6): the partner list sorted by country in German puts
// "Österreich" among the O's and "Vereinigtes Königreich" under V (the server sorts by the country's name in the
// reader's language), and a search for "wroclaw" finds "Wrocław" and "Wroclaw" alike.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled } from './harness.mjs';

let app;
// Names of this file's own partners: a search for the prefix shows them alone.
const prefix = `Sortierprobe ${Date.now().toString(36)}`;

async function createPartner(name, country, city) {
  const post = (path, body) =>
    app.api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const institution = await post('/institutions', { name, country, city, type: 'university' });
  assert.equal(institution.status, 201, await institution.clone().text());
  const { id } = await institution.json();
  const partnership = await post('/partnerships', { institution_id: id, tier: 'standard' });
  assert.equal(partnership.status, 201, await partnership.clone().text());
}

before(async () => {
  app = await startApp();
  for (const [country, city] of [['GB', 'London'], ['AT', 'Graz'], ['DE', 'Jena'], ['NL', 'Delft'], ['CH', 'Basel'], ['ES', 'Vigo']]) {
    await createPartner(`${prefix} ${country}`, country, city);
  }
  await createPartner('Uniwersytet Wrocławski', 'PL', 'Wrocław');
});
after(async () => {
  await app?.close();
});

/** The countries of the list's rows as shown (the cell is "country, city"). */
async function shownCountries(page, label) {
  const cells = await page.locator(`main tbody td[data-label="${label}"]`).allTextContents();
  return cells.map((c) => c.split(',')[0].trim());
}

test('sorts the partner list by country in German: Österreich among the O’s, Vereinigtes Königreich under V', async () => {
  const page = await app.newPage();
  await page.goto(`/partners?q=${encodeURIComponent(prefix)}`);
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partner', exact: true }).waitFor();
  await page.getByRole('button', { name: /^Land/ }).click();
  await page.waitForURL(/sort=country/);
  await settled(page);
  const german = ['Deutschland', 'Niederlande', 'Österreich', 'Schweiz', 'Spanien', 'Vereinigtes Königreich'];
  await page.waitForFunction(
    (n) => document.querySelectorAll('main tbody td[data-label="Land"]').length === n,
    german.length,
  );
  assert.deepEqual(await shownCountries(page, 'Land'), german);
  await screenshot(page, 'partners-by-country-de');

  await page.getByRole('button', { name: /^Land/ }).click();
  await page.waitForURL(/sort=-country/);
  await settled(page);
  assert.deepEqual(await shownCountries(page, 'Land'), [...german].reverse());

  // Back in English the list sorts again, by the English names.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partners', exact: true }).waitFor();
  const english = ['Austria', 'Germany', 'Netherlands', 'Spain', 'Switzerland', 'United Kingdom'].reverse();
  await page.waitForFunction(
    (first) => document.querySelector('main tbody td[data-label="Country"]')?.textContent.startsWith(first),
    english[0],
  );
  await settled(page);
  assert.deepEqual(await shownCountries(page, 'Country'), english);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the search by “wroclaw” finds Wrocław and Wroclaw alike, in any case', async () => {
  const page = await app.newPage();
  await page.goto('/partners');
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  await settled(page);
  const names = () => page.locator('main tbody td.primary a').allTextContents();
  const found = {};
  for (const q of ['wroclaw', 'Wrocław', 'WROCŁAW']) {
    await page.getByLabel('Search').fill(q);
    await page.waitForURL((url) => url.searchParams.get('q') === q);
    await settled(page);
    await page.getByRole('link', { name: 'Uniwersytet Wrocławski' }).waitFor();
    found[q] = (await names()).sort();
  }
  assert.ok(found.wroclaw.includes('Wroclaw Medical University'), found.wroclaw.join(', '));
  assert.ok(found.wroclaw.includes('Uniwersytet Wrocławski'), found.wroclaw.join(', '));
  assert.deepEqual(found['Wrocław'], found.wroclaw);
  assert.deepEqual(found['WROCŁAW'], found.wroclaw);
  await screenshot(page, 'partners-search-wroclaw');
  assert.deepEqual(page.errors, []);
  await page.close();
});
