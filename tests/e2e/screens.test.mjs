// The screens as an international office uses them every day (issue 9): printed on A4, on a phone, in German.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { startApp, screenshot, settled, login } from './harness.mjs';

// axe-core, evaluated through the DevTools protocol (the server's Content-Security-Policy forbids inline scripts).
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function audit(page, label) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(result, [], `${label}: ${JSON.stringify(result, null, 1)}`);
}

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

test('a partner prints on A4 without the app around it, and has a Print button', async () => {
  const page = await app.newPage();
  await page.goto(`/partners/${kcl.id}`);
  await page.getByRole('heading', { level: 1, name: /King.s College London/ }).waitFor();
  await settled(page);
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => (window.printed += 1);
  });
  await page.getByRole('button', { name: 'Print' }).click();
  assert.equal(await page.evaluate(() => window.printed), 1);
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

/** Switches the interface to German (and the account with it: set back with `english`). */
async function german(page) {
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'de');
}
async function english(page) {
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** How a screen fits a phone: the header's height, the page's width, and boxes whose text runs out of them. */
async function fit(page) {
  return page.evaluate(() => ({
    header: document.querySelector('header').getBoundingClientRect().height,
    scrollWidth: document.documentElement.scrollWidth,
    overflowing: [...document.querySelectorAll('main .card, main .fact, main h1, main h2, main label, main legend')]
      .filter((el) => el.getClientRects().length && !el.closest('.visually-hidden') && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.className || el.tagName}: ${el.textContent.trim().slice(0, 40)}`),
  }));
}

test('on a phone in German: a compact header with a menu, the sub-navigation reaches Renewals, nothing wider than the screen', async () => {
  const page = await app.newPage({ width: 375, height: 812 });
  await page.goto('/partners');
  await german(page);
  await page.getByRole('heading', { level: 1, name: 'Partner' }).waitFor();
  try {
    await settled(page);
    const paths = ['/', '/partners', '/partners/map', '/agreements', '/agreements/expiring', `/agreements/${agreement.id}`, `/partners/${kcl.id}`, '/imports', '/jobs', '/users', '/account', `/partners/${kcl.id}/edit`, `/agreements/${agreement.id}/edit`];
    for (const path of paths) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      await settled(page);
      const f = await fit(page);
      assert.ok(f.header <= 72, `${path}: the header is ${f.header}px high`);
      assert.ok(f.scrollWidth <= 375, `${path} is ${f.scrollWidth}px wide`);
      assert.deepEqual(f.overflowing, [], `${path}: text runs out of its box`);
    }

    // the home page's figures: "Partneruniversitäten" stays inside its card
    await page.goto('/');
    const figure = page.locator('.fact', { hasText: /Partner.?universitäten/ });
    await figure.waitFor();
    assert.equal(await figure.evaluate((el) => el.scrollWidth <= el.clientWidth), true);
    await screenshot(page, 'phone-home-de');

    // the navigation is behind the menu button, and the menu closes when a screen is chosen
    const mainNav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    assert.equal(await mainNav.isVisible(), false);
    const menu = page.getByRole('button', { name: 'Menü' });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await mainNav.getByRole('link', { name: 'Partner' }).waitFor();
    await screenshot(page, 'phone-menu-de');
    await audit(page, 'the open menu on a phone');
    await mainNav.getByRole('link', { name: 'Partner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Partner' }).waitFor();
    assert.equal(await mainNav.isVisible(), false);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    // Escape closes it and gives the focus back to the button
    await menu.click();
    await mainNav.waitFor();
    await page.keyboard.press('Escape');
    await mainNav.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('menu-toggle')), true);

    // the sub-navigation scrolls sideways: Renewals can be reached, and shown once it is the current screen
    await settled(page);
    const renewals = page.locator('.subnav').getByRole('link', { name: 'Verlängerungen' });
    await renewals.scrollIntoViewIfNeeded();
    const box = await renewals.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `the renewals tab is on screen: ${JSON.stringify(box)}`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
    await renewals.click();
    await page.getByRole('heading', { level: 1, name: 'Verlängerungen' }).waitFor();
    await page.goto('/agreements/expiring'); // a fresh page: the current tab is scrolled into view by itself
    await page.getByRole('heading', { level: 1, name: 'Verlängerungen' }).waitFor();
    const current = page.locator('.subnav [aria-current]');
    await page.waitForFunction(() => {
      const r = document.querySelector('.subnav [aria-current]')?.getBoundingClientRect();
      return r && r.left >= 0 && r.right <= 375;
    });
    assert.equal((await current.textContent()).trim(), 'Verlängerungen');
    await screenshot(page, 'phone-renewals-de');
    await audit(page, 'renewals on a phone');
    assert.deepEqual(page.errors, []);
  } finally {
    await english(page);
    await page.close();
  }
});

test('the agreements list gives titles room at 1280 px; an agreement’s contacts read “name · role”', async () => {
  const page = await app.newPage({ width: 1280, height: 900 });
  await page.goto('/agreements');
  await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
  await settled(page);
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll('main tbody td.primary a')].map((a) => {
      const height = a.getBoundingClientRect().height;
      return Math.round(height / parseFloat(getComputedStyle(a.closest('td')).lineHeight));
    }),
  );
  assert.ok(lines.length >= 10, `titles on the page: ${lines.length}`);
  assert.ok(Math.max(...lines) <= 2, `titles take up to ${Math.max(...lines)} lines`);

  await page.goto(`/agreements/${agreement.id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await settled(page);
  const contact = agreement.contacts.find((c) => c.role);
  assert.ok(contact, 'a contact with a role');
  const item = page.locator('main li', { hasText: contact.name });
  assert.ok((await item.innerText()).includes(`${contact.name} · ${contact.role}`), await item.innerText());
  await page.close();
});

// English that German screens used to show (issue 9, defect 5), and words of the English interface that would
// show a missing translation. Data (partners' names, agreements' titles) may be English; these words are not in it
// (the school's English name is, as a partner's: "Jikei University School of Medicine"; the header is checked for it).
const ENGLISH = ['Outgoing', 'Incoming', 'out / in', 'Partners', 'Agreements', 'Renewals', 'World map', 'Save', 'Cancel', 'Print', 'Search', 'Edit', 'Quotas', 'Contacts', 'Places', 'Period', 'Direction', 'Loading', 'Sign out', 'My account', 'Users', 'Roles', 'Last sign-in', 'Imports', 'My jobs'];

/** The screen's text in German, without what is English on purpose (a detail marked lang="en", the switch to English). */
async function germanText(page) {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    for (const el of copy.querySelectorAll('[lang="en"], .lang, noscript, script, style')) el.remove();
    const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title], [data-label]')]
      .filter((el) => !el.closest('[lang="en"], .lang'))
      .flatMap((el) => ['aria-label', 'placeholder', 'title', 'data-label'].map((a) => el.getAttribute(a) ?? ''));
    const texts = [];
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode.textContent);
    return `${texts.join('\n')}\n${attributes.join('\n')}`;
  });
}

function leaks(text) {
  return ENGLISH.filter((word) => new RegExp(`(^|[^A-Za-zÄÖÜäöüß])${word.replace(/[/]/g, '\\/')}($|[^A-Za-zÄÖÜäöüß])`).test(text));
}

test('German screens show no English: the school’s German name, directions, places, roles', async () => {
  const page = await app.newPage();
  await page.goto('/');
  await german(page);
  await page.getByRole('heading', { level: 1, name: 'Wo wir stehen' }).waitFor();
  try {
    await settled(page);
    const germanName = 'Medizinische Fakultät Carl Gustav Carus'; // the demo's home settings in German
    assert.equal((await page.locator('header .school').textContent()).trim(), germanName);
    assert.match(await page.locator('main .lead').first().textContent(), new RegExp(`^\\s*${germanName}, Technische Universität Dresden`));

    const paths = ['/', '/partners', '/partners/map', '/agreements', `/agreements/${agreement.id}`, `/partners/${kcl.id}`, '/agreements/expiring', '/imports', '/jobs', '/account', `/agreements/${agreement.id}/edit`];
    for (const path of paths) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      await settled(page);
      assert.deepEqual(leaks(await germanText(page)), [], `${path} shows English`);
      assert.equal((await page.locator('header .school').textContent()).trim(), germanName, `${path}: the school's name`);
    }
    // the words that leaked, in German now
    await page.goto(`/partners/${kcl.id}`);
    await settled(page);
    const heads = await page.locator('main thead th').allTextContents();
    assert.ok(heads.includes('Ins Ausland') && heads.includes('Aus dem Ausland'), heads.join(', '));
    await page.goto('/agreements');
    await settled(page);
    assert.ok((await page.locator('main thead th').allTextContents()).includes('Plätze ins / aus dem Ausland'));
    await page.goto(`/agreements/${agreement.id}/edit`);
    await settled(page);
    assert.deepEqual(await page.locator('#f-quotas-0-direction option').allTextContents(), ['Ins Ausland', 'Aus dem Ausland']);
    await screenshot(page, 'german-agreement-form');

    // the users and their roles, as the administrator sees them
    await login(page, 'admin');
    await page.goto('/users');
    await page.locator('main h1').waitFor();
    await german(page);
    await page.getByRole('heading', { level: 1, name: 'Benutzer' }).waitFor();
    await settled(page);
    const users = await germanText(page);
    assert.match(users, /Gast aus dem Ausland/);
    assert.deepEqual(leaks(users), [], '/users shows English');
    await english(page);
    // in English, the name as kept
    assert.equal((await page.locator('header .school').textContent()).trim(), (await (await fetch(`${app.baseURL}/api/v1/settings/home`)).json()).school_name);
    assert.deepEqual(page.errors, []);
  } finally {
    if ((await page.evaluate(() => document.documentElement.lang)) === 'de') await english(page);
    await login(page, 'international_office');
    if ((await page.evaluate(() => document.documentElement.lang)) === 'de') await english(page);
    await page.close();
  }
});
