// The shell: home page, languages, real URLs, keyboard use and the narrow layout.
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

test('opens the app on the home page with the school’s numbers', async () => {
  const page = await app.newPage();
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Where we stand' }).waitFor();
  await settled(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Partners' }).waitFor();
  // only areas with screens are shown (the exchange has its students and programmes)
  await nav.getByRole('link', { name: 'Exchange' }).waitFor();
  for (const hidden of ['Teaching', 'Research', 'Campus', 'Evaluation']) {
    assert.equal(await nav.getByRole('link', { name: hidden }).count(), 0, `${hidden} should not be in the navigation yet`);
  }
  const partners = await page.locator('.fact .value').first().textContent();
  assert.ok(Number(partners.replace(/\D/g, '')) >= 3, `partners on the home page: ${partners}`);
  assert.match(await page.locator('main').textContent(), /Active agreements/);
  await screenshot(page, 'home-en');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('switches to German and back, and remembers the choice', async () => {
  const page = await app.newPage();
  await page.goto('/partners');
  await settled(page);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partner' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  assert.equal(await page.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed'), 'true');
  await page.getByLabel('Suche').waitFor();
  await screenshot(page, 'partners-de');
  // the choice is the account's language: the next sign-in and My account open in it
  const accountLanguage = () => page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).preferred_language);
  await page.waitForFunction(async () => (await (await fetch('/api/v1/me')).json()).preferred_language === 'de');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Partner' }).waitFor();
  await page.getByRole('link', { name: 'Überblick' }).click();
  await page.getByRole('heading', { level: 1, name: 'Wo wir stehen' }).waitFor();
  await settled(page);
  assert.match(await page.locator('main').textContent(), /Studienjahr \d{4}\/\d{2}/);
  await screenshot(page, 'home-de');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Where we stand' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('main').textContent(), /Academic year \d{4}–\d{2}/);
  await page.waitForFunction(async () => (await (await fetch('/api/v1/me')).json()).preferred_language === 'en');
  assert.equal(await accountLanguage(), 'en');
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** A signed agreement of this file's own (the demo need not have one), through the API. */
async function signedAgreement() {
  const { items } = await (await app.api('/partnerships?limit=1')).json();
  assert.ok(items[0], 'the demo has a partnership');
  const year = new Date().getUTCFullYear();
  const res = await app.api('/agreements', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      partnership_id: items[0].id,
      title: `Signed for the deep link ${Date.now()}`,
      type: 'bilateral_exchange',
      status: 'signed',
      first_academic_year: `${year}/${year + 1}`,
      last_academic_year: `${year + 2}/${year + 3}`,
      partner_institution_ids: [items[0].institution_id],
      contacts: [],
      quotas: [],
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  return res.json();
}

test('every screen has a real URL: deep links and reloads open the same view', async () => {
  await signedAgreement();
  const page = await app.newPage();
  await page.goto('/agreements?status=active');
  await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
  await settled(page);
  assert.equal(await page.getByLabel('Status').inputValue(), 'active');
  await page.getByLabel('Status').selectOption('signed');
  await page.waitForURL(/status=signed/);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
  assert.equal(await page.getByLabel('Status').inputValue(), 'signed');
  // back from an agreement (at least the one made above is signed) returns to the filtered list
  await settled(page);
  const first = page.locator('main tbody td.primary a').first();
  await first.waitFor();
  const href = await first.getAttribute('href');
  await first.click();
  await page.waitForURL((url) => url.pathname === href);
  assert.match(href, /^\/agreements\/\d+$/);
  await page.goBack();
  await page.waitForURL(/status=signed/);
  await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
  assert.equal(await page.getByLabel('Status').inputValue(), 'signed');

  await page.goto('/no/such/page');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  await screenshot(page, 'not-found');
  // a word where a record's id belongs is no record: not a form with a developer's message
  await page.goto('/agreements/expiring/edit');
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  assert.equal(await page.locator('main form').count(), 0);
  await page.close();
});

test('can be used with the keyboard alone, with a visible focus', async () => {
  const page = await app.newPage();
  await page.goto('/');
  await settled(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  assert.equal(await skip.evaluate((el) => el === document.activeElement), true);
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.notEqual(outline, 'none');
  // Tab to the Partners area and open it with Enter
  let found = false;
  for (let i = 0; i < 10 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Partners' && document.activeElement.closest('header') !== null);
  }
  assert.ok(found, 'the Partners link can be reached with Tab');
  const focusStyle = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focusStyle, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  // focus moved to the new screen's heading
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await screenshot(page, 'keyboard-partners');
  await page.close();
});

test('is usable at 375 px width', async () => {
  const page = await app.newPage({ width: 375, height: 812 });
  for (const path of ['/', '/partners', '/agreements', '/agreements/expiring', '/agreements/new']) {
    await page.goto(path);
    await page.locator('main h1').waitFor();
    await settled(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 375px`);
    await screenshot(page, `mobile-${path === '/' ? 'home' : path.slice(1).replace(/\//g, '-')}`);
  }
  await page.close();
});
