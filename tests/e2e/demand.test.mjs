// The demand for exchange places (issue 10, item 7): the office opens a call's demand from the call page on the demo
// data and sees the table (its totals the offers' sums) and the chart (ECharts, as SVG), in English and German, with
// no WCAG 2.1 AA violation; the demand over the years of the call's unit ranks its partners.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { startApp, screenshot, settled } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let app;
let call;
let demand;
before(async () => {
  app = await startApp();
  const calls = (await (await app.api('/calls?kind=places&limit=100')).json()).items;
  for (const c of calls) {
    const d = await (await app.api(`/calls/${c.id}/demand`)).json();
    if (d.totals.any_preference > 0) [call, demand] = [c, d];
  }
});
after(async () => {
  await app?.close();
});

async function audit(page, label) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(result, [], `${label}: ${JSON.stringify(result, null, 1)}`);
}

test("a call's demand: the table and the chart", async () => {
  assert.ok(call, 'the demo has a places call with applications');
  const page = await app.signedInPage('international_office');
  await page.goto(`/calls/${call.id}`);
  await settled(page);
  // the call page's link (the navigation's item of the same name leads to the demand over the years)
  await page.locator('main').getByRole('link', { name: 'Demand for places', exact: true }).click();
  await page.waitForURL(new RegExp(`/calls/${call.id}/demand$`));
  await page.getByRole('heading', { level: 1, name: 'Demand for places' }).waitFor();
  await settled(page);
  const rows = page.locator('#demand tbody tr');
  assert.equal(await rows.count(), demand.offers.length);
  assert.ok(demand.offers.length > 0);
  // the first row as the API counts it, the totals in the footer
  const first = demand.offers[0];
  const cells = await rows.first().locator('td').allTextContents();
  assert.equal(cells[0].trim(), first.partner_name);
  assert.equal(cells[3].trim(), String(first.first_preference));
  assert.equal(cells[4].trim(), String(first.any_preference));
  const sum = demand.offers.reduce((n, o) => n + o.first_preference, 0);
  assert.equal(demand.totals.first_preference, sum);
  assert.match(await page.locator('#demand tfoot').textContent(), new RegExp(`Total.*${sum}`));
  // the chart: an SVG drawn by ECharts with a bar per offer and series
  const chart = page.getByRole('img', { name: /Bar chart of places/ });
  await chart.locator('svg').waitFor();
  assert.ok((await chart.locator('svg path').count()) >= demand.offers.length);
  await screenshot(page, 'call-demand');
  await audit(page, 'call demand (en)');
  // the table as CSV and Excel from the server: a header and a line per offer
  const csv = page.getByRole('link', { name: 'Export CSV' });
  assert.equal(await csv.getAttribute('href'), `/api/v1/calls/${call.id}/demand?format=csv&lang=en`);
  assert.equal(await page.getByRole('link', { name: 'Export Excel' }).getAttribute('href'), `/api/v1/calls/${call.id}/demand?format=xlsx&lang=en`);
  const file = await page.evaluate(async (href) => (await fetch(href)).text(), await csv.getAttribute('href'));
  const lines = file.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(lines[0], /^Offer ID,Partner,Term,Places,First preferences,Any preference/);
  assert.equal(lines.length, demand.offers.length + 1);
  assert.match(lines[1], new RegExp(`^${first.offer_id},`));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('in German, and the demand over the years of the unit', async () => {
  assert.ok(call, 'the demo has a places call with applications');
  const page = await app.signedInPage('international_office');
  await page.goto(`/calls/${call.id}/demand`);
  await settled(page);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nachfrage nach Plätzen' }).waitFor();
  await settled(page);
  await page.getByRole('img', { name: /Balkendiagramm/ }).locator('svg').waitFor();
  await audit(page, 'call demand (de)');
  await page.getByRole('link', { name: 'Nachfrage über die Jahre' }).click();
  await page.waitForURL(/\/exchange\/demand\?org_unit_id=\d+/);
  await page.getByRole('heading', { level: 1, name: 'Nachfrage über die Jahre' }).waitFor();
  await settled(page);
  assert.ok((await page.locator('#demand-years tbody tr').count()) > 0);
  await page.getByRole('img', { name: /Diagramm der Plätze/ }).locator('svg').waitFor();
  await screenshot(page, 'demand-over-years');
  // a row per partner and year as CSV, the columns named in German
  const csv = page.getByRole('link', { name: 'CSV exportieren' });
  const href = await csv.getAttribute('href');
  assert.match(href, /^\/api\/v1\/exchange\/demand\?org_unit_id=\d+&from_year=\d{4}%2F\d{4}&to_year=\d{4}%2F\d{4}&format=csv&lang=de$/);
  const years = await (await app.api(href.replace(/^\/api\/v1/, '').replace(/&format=csv&lang=de$/, ''))).json();
  const yearRows = years.partners.reduce((n, p) => n + p.years.length, 0);
  const file = await page.evaluate(async (h) => (await fetch(h)).text(), href);
  const lines = file.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(lines[0], /^Partnerschafts-ID,Partner,Studienjahr,Plätze,Erstwünsche/);
  assert.ok(yearRows > 0);
  assert.equal(lines.length, yearRows + 1);
  await audit(page, 'demand over the years (de)');
  await page.getByRole('button', { name: 'English' }).click();
  assert.deepEqual(page.errors, []);
  await page.close();
});
