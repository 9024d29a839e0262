// The dean's home (issue 9, "offices ask 8"): the partnerships over the years as charts, each with its figures
// as a table, in English and German, on a phone and on paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled } from './harness.mjs';

let app;
let trends;
before(async () => {
  app = await startApp({ signIn: 'management' });
  const dean = await app.apiAs('management');
  const answer = await dean('/partnerships/trends');
  assert.equal(answer.status, 200);
  trends = await answer.json();
});
after(async () => {
  await app?.close();
});

/** The rows of a chart's table (opened), as arrays of cell texts. */
async function tableOf(page, chartHeading) {
  const figure = page.locator('figure').filter({ has: page.getByRole('heading', { level: 3, name: chartHeading }) });
  await figure.locator('summary').click();
  return figure.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
}

const digits = (text) => Number(String(text).replace(/\D/g, ''));

test('the dean sees the partnerships over the years as charts with tables, in English and German', async () => {
  const page = await app.newPage();
  await page.goto('/');
  // the demo dean reads German
  await page.getByRole('heading', { level: 1, name: 'Wo wir stehen' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Partnerschaften im Lauf der Jahre' }).waitFor();
  await settled(page);
  await page.getByRole('img', { name: /^Aktive Partnerschaften je Studienjahr/ }).waitFor();
  await page.getByRole('img', { name: /^Neue und ausgelaufene Partnerschaften je Studienjahr/ }).waitFor();
  await page.getByRole('img', { name: /^Aktive Partnerschaften nach Weltregion/ }).waitFor();
  await page.getByRole('heading', { level: 3, name: 'Aktive Partnerschaften nach Art der Vereinbarung' }).waitFor();
  assert.match(await page.locator('main').textContent(), /Europa/);
  const german = await tableOf(page, 'Aktive Partnerschaften je Studienjahr');
  assert.equal(german.length, 10);
  assert.match(german.at(-1)[0], /^\d{4}\/\d{2}$/, 'German academic years: 2026/27');
  await screenshot(page, 'dean-home-de');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Where we stand' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Partnerships over the years' }).waitFor();
  await settled(page);
  // not the office's worklist
  assert.equal(await page.getByRole('heading', { name: 'Agreements to renew' }).count(), 0);
  for (const name of ['Active partnerships per year', 'New and ended partnerships per year', 'Active partnerships by world region']) {
    await page.getByRole('img', { name: new RegExp(`^${name}`) }).waitFor();
  }
  await page.getByRole('heading', { level: 3, name: 'Active partnerships by type of agreement' }).waitFor();
  assert.ok((await page.locator('svg rect.bar').count()) > 10, 'bars are drawn');

  // the tables say what the server counted: ten years up to this one
  const active = await tableOf(page, 'Active partnerships per year');
  assert.equal(active.length, 10);
  assert.equal(trends.years.length, 10);
  trends.years.forEach((year, i) => assert.equal(digits(active[i][1]), year.active, `active in ${year.academic_year}`));
  const changes = await tableOf(page, 'New and ended partnerships per year');
  trends.years.forEach((year, i) => {
    assert.equal(digits(changes[i][1]), year.new, `new in ${year.academic_year}`);
    assert.equal(digits(changes[i][2]), year.ended, `ended in ${year.academic_year}`);
  });
  const regions = await tableOf(page, 'Active partnerships by world region');
  const last = trends.years.at(-1);
  const regionSum = regions.at(-1).slice(1).reduce((n, cell) => n + digits(cell), 0);
  assert.equal(regionSum, last.active, 'the regions add up to the active partnerships');
  assert.ok(last.by_region.europe.active > 0);
  assert.match(await page.locator('main').textContent(), /Europe/);
  await screenshot(page, 'dean-home-en');
  // the account now reads English, for the next test too
  await page.waitForFunction(async () => (await (await fetch('/api/v1/me')).json()).preferred_language === 'en');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a phone the charts fit the screen, and they print', async () => {
  const page = await app.newPage({ width: 375, height: 800 });
  await page.goto('/');
  await page.getByRole('heading', { level: 2, name: 'Partnerships over the years' }).waitFor();
  await settled(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  const charts = await page.locator('figure svg').all();
  assert.ok(charts.length >= 3, `the charts on the phone: ${charts.length}`);
  for (const svg of charts) {
    const box = await svg.boundingBox();
    assert.ok(box.width <= 375 && box.x >= 0, `a chart ${box.width}px wide at ${box.x}`);
  }
  await screenshot(page, 'dean-home-375');
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.getByRole('img', { name: /^Active partnerships per year/ }).waitFor();
  // the app's header is there, and not printed
  assert.equal(await page.locator('header.site-header').count(), 1);
  assert.equal(await page.locator('header.site-header').isVisible(), false);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, 'a PDF with the charts');
  assert.deepEqual(page.errors, []);
  await page.close();
});
