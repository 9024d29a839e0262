// The screens as an international office uses them every day (issue 9): printed on A4, on a phone, in German.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled } from './harness.mjs';

let app;
let kcl; // the partnership with King's College London
let agreement; // one of its agreements, with quotas and contacts
before(async () => {
  app = await startApp();
  const partners = await (await app.api(`/partnerships?q=${encodeURIComponent('College London')}`)).json();
  kcl = partners.items.find((p) => /King.s College London/.test(p.institution?.name ?? ''));
  assert.ok(kcl, 'the demo has King’s College London');
  const agreements = await (await app.api(`/agreements?partnership_id=${kcl.id}`)).json();
  const full = await Promise.all(agreements.items.map(async (a) => (await app.api(`/agreements/${a.id}`)).json()));
  agreement = full.find((a) => a.quotas?.length && a.contacts?.length);
  assert.ok(agreement, 'the demo has an agreement of King’s College London with quotas and contacts');
});
after(async () => {
  await app?.close();
});

/** What print media shows of the app around the content, and whether the content is there. */
async function printedScreen(page) {
  return page.evaluate(() => {
    const shown = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const visible = (selector) => [...document.querySelectorAll(selector)].filter(shown).map((el) => el.outerHTML.slice(0, 80));
    return {
      chrome: visible('.skip-link, header, .site-header, .subnav, .site-footer, nav, button, .btn, .lang, .user, main a[href$="/edit"]'),
      heading: shown(document.querySelector('main h1')) ? document.querySelector('main h1').textContent.trim() : null,
      tables: [...document.querySelectorAll('main table')].filter(shown).length,
      shadows: [...document.querySelectorAll('main .card')].map((el) => getComputedStyle(el).boxShadow).filter((s) => s !== 'none'),
      cards: document.querySelectorAll('main .card').length,
      rows: [...document.querySelectorAll('main tbody tr')].map((el) => getComputedStyle(el).breakInside),
    };
  });
}

/** The page size of a PDF printed with the page's own @page rule, in points. */
async function pdfPageSize(page) {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: false })).toString('latin1');
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  assert.ok(box, 'the PDF has a page size');
  return { width: Number(box[1]), height: Number(box[2]) };
}

test('an agreement prints on A4 without the app around it, and has a Print button', async () => {
  const page = await app.newPage();
  await page.goto(`/agreements/${agreement.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await settled(page);
  const heading = (await page.getByRole('heading', { level: 1 }).textContent()).trim();

  // the button opens the browser's print dialog
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => (window.printed += 1);
  });
  await page.getByRole('button', { name: 'Print' }).click();
  assert.equal(await page.evaluate(() => window.printed), 1);

  const screen = await printedScreen(page);
  assert.ok(screen.chrome.length > 5, 'on screen the header, navigation and buttons are there');
  await page.emulateMedia({ media: 'print' });
  const printed = await printedScreen(page);
  assert.deepEqual(printed.chrome, []);
  assert.equal(printed.heading, heading);
  assert.ok(printed.tables >= 1, 'the quotas are printed');
  assert.ok(printed.cards >= 3);
  assert.deepEqual(printed.shadows, []);
  assert.ok(printed.rows.length >= 1);
  assert.ok(printed.rows.every((b) => b === 'avoid'), `rows are not cut: ${printed.rows}`);
  const main = await page.locator('main').textContent();
  assert.match(main, new RegExp(agreement.contacts[0].name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // links are readable: ink, not the screen's blue
  const link = await page.locator('main a').first().evaluate((el) => getComputedStyle(el).color);
  assert.equal(link, 'rgb(27, 31, 36)');
  await screenshot(page, 'print-agreement');
  const size = await pdfPageSize(page);
  assert.ok(Math.abs(size.width - 595.3) < 2 && Math.abs(size.height - 841.9) < 2, `A4, not ${JSON.stringify(size)}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a partner prints on A4 without the app around it', async () => {
  const page = await app.newPage();
  await page.goto(`/partners/${kcl.id}`);
  await page.getByRole('heading', { level: 1, name: /King.s College London/ }).waitFor();
  await settled(page);
  await page.emulateMedia({ media: 'print' });
  const printed = await printedScreen(page);
  assert.deepEqual(printed.chrome, []);
  assert.match(printed.heading, /King.s College London/);
  assert.ok(printed.tables >= 2, 'agreements and places are printed');
  assert.deepEqual(printed.shadows, []);
  assert.ok(printed.rows.length >= 2 && printed.rows.every((b) => b === 'avoid'));
  assert.match(await page.locator('main').textContent(), /transCampus/);
  await screenshot(page, 'print-partner');
  const size = await pdfPageSize(page);
  assert.ok(Math.abs(size.width - 595.3) < 2 && Math.abs(size.height - 841.9) < 2, `A4, not ${JSON.stringify(size)}`);
  await page.emulateMedia({ media: 'screen' });
  assert.ok((await printedScreen(page)).chrome.length > 5, 'on screen again, the app is around it');
  assert.deepEqual(page.errors, []);
  await page.close();
});
