// The world map as the international office uses it: the home institution, groups of partners at the world's zoom
// and single partners zoomed in, the list's filters in the URL, and the map on a phone in German.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled, SCREENSHOTS } from './harness.mjs';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

const canvasData = (page) => page.evaluate(() => ({ ...document.querySelector('.map-wrap canvas').dataset }));

// Open when a frame with every placed partner of the answer has been drawn (`expected` of them, if given).
async function openMap(page, path = '/partners/map', heading = 'World map of partners', expected = null) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction((n) => {
    const c = document.querySelector('.map-wrap canvas');
    return c && Number(c.dataset.markers) > 0 && c.dataset.drawnOf === c.dataset.markers && (n === null || Number(c.dataset.markers) === n);
  }, expected);
  await settled(page);
}

async function mapTotal(query = '') {
  return (await (await app.api(`/partnerships/map${query}`)).json()).id.length;
}

test('marks the home institution where the register places it, with its own legend entry', async () => {
  const page = await app.newPage();
  await openMap(page);
  const home = page.getByRole('img', { name: 'Home institution: Technische Universität Dresden' });
  await home.waitFor();
  await page.getByRole('list', { name: 'Legend' }).getByText('Technische Universität Dresden (home institution)').waitFor();
  // where Dresden is on the world map (13.7° E, 51.0° N)
  const box = await page.locator('.map-wrap .stage').boundingBox();
  const at = await home.boundingBox();
  const fx = (at.x + at.width / 2 - box.x) / box.width;
  const fy = (at.y + at.height / 2 - box.y) / box.height;
  assert.ok(fx > 0.52 && fx < 0.545, `Dresden's x at ${fx}`);
  assert.ok(fy > 0.16 && fy < 0.22, `Dresden's y at ${fy}`);
  // it is not one of the partners
  const { items } = await (await app.api('/partnerships?q=Dresden')).json();
  assert.ok(!items.some((p) => p.institution?.erasmus_code === 'D  DRESDEN02'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('groups partners at the world’s zoom and shows them one by one zoomed in', async () => {
  const page = await app.newPage();
  await openMap(page);
  const world = await canvasData(page);
  const groups = page.locator('.map-wrap button.cluster');
  assert.ok(Number(world.clusters) > 0, `groups at the world's zoom: ${JSON.stringify(world)}`);
  assert.ok((await groups.count()) > 0);
  // every partner once: alone or in a group
  const grouped = (await groups.evaluateAll((bs) => bs.map((b) => Number(b.dataset.count)))).reduce((a, b) => a + b, 0);
  assert.equal(grouped + Number(world.singles), Number(world.markers));
  await screenshot(page, 'map-world-groups');

  // by keyboard: the groups are one stop after the zoom buttons, the arrow keys move between them, Enter zooms in
  await page.getByRole('button', { name: 'Europe', exact: true }).focus();
  await page.keyboard.press('Tab');
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.className);
  const first = await focused();
  assert.match(first, /^\d+ partners, most in .+\. Zoom in$/);
  await page.keyboard.press('ArrowRight');
  assert.notEqual(await focused(), first);
  assert.match(await focused(), /^\d+ partners, most in /);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => Number(document.querySelector('.map-wrap canvas').dataset.zoom) > 1);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('stage')), true, 'the focus stays on the map');
  await page.getByRole('button', { name: 'World', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.map-wrap canvas').dataset.zoom === '1');

  // the largest group: its name says how many and where, a click zooms in
  const largest = await groups.evaluateAll((bs) => bs.map((b, i) => [Number(b.dataset.count), i]).sort((a, b) => b[0] - a[0])[0][1]);
  const button = groups.nth(largest);
  const count = Number(await button.getAttribute('data-count'));
  assert.match(await button.getAttribute('aria-label'), new RegExp(`^${count} partners, most in .+\\. Zoom in$`));
  await button.hover();
  await page.locator('.tooltip').getByText(`${count} partners, most in`, { exact: false }).waitFor();
  await button.click();
  await page.waitForFunction(() => Number(document.querySelector('.map-wrap canvas').dataset.zoom) > 1);
  // zoomed in as far as it goes, by keyboard: the groups part into single partners
  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
  const zoom = async () => Number((await canvasData(page)).zoom);
  const zooms = [await zoom()];
  assert.ok(zooms[0] < 12, `the group's click left room to zoom in: ${zooms[0]}`);
  while (await zoomIn.isEnabled()) {
    assert.ok(zooms.length <= 12, `zoom in stays enabled: ${zooms.join(' → ')}`);
    await zoomIn.focus();
    await page.keyboard.press('Enter');
    // each press zooms in further
    await page.waitForFunction((z) => Number(document.querySelector('.map-wrap canvas').dataset.zoom) > z, zooms.at(-1));
    zooms.push(await zoom());
  }
  assert.ok(zooms.length >= 2, 'zoomed in by keyboard at least once');
  await page.waitForFunction(() => {
    const c = document.querySelector('.map-wrap canvas');
    return c.dataset.zoom === '12' && Number(c.dataset.drawn) > 0;
  });
  const close = await canvasData(page);
  assert.ok(Number(close.singles) > Number(world.singles), `more single partners zoomed in: ${world.singles} → ${close.singles}`);
  assert.ok(Number(close.clusters) < Number(world.clusters), `fewer groups zoomed in: ${world.clusters} → ${close.clusters}`);
  // the list of the partners in view has those of this part of the map
  await page.getByText(/partners? in view: list/).click();
  const links = page.locator('.in-view a');
  await links.first().waitFor();
  assert.ok((await links.count()) < Number(world.markers));
  await screenshot(page, 'map-zoomed-in');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the list’s filters narrow the map and stay in the URL, also on the way to the list and back', async () => {
  const page = await app.newPage();
  const all = await mapTotal();
  const strategic = await mapTotal('?tier=strategic');
  assert.ok(strategic > 0 && strategic < all);
  await openMap(page, '/partners/map', 'World map of partners', all);

  await page.getByLabel('Tier').selectOption('strategic');
  await page.waitForURL(/tier=strategic/);
  await page.waitForFunction((n) => document.querySelector('.map-wrap canvas').dataset.markers === String(n), strategic);
  await page.getByRole('status').getByText(`${strategic} partners match`).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Filters (1 set)' }).count(), 1);

  // a reload keeps the filter; the countries offered are those with partners
  const pl = await mapTotal('?tier=strategic&country=PL');
  await page.getByLabel('Country').selectOption('PL');
  await page.waitForURL(/country=PL/);
  await page.reload();
  await openMap(page, '/partners/map?tier=strategic&country=PL', 'World map of partners', pl);
  assert.equal(await page.getByLabel('Tier').inputValue(), 'strategic');
  assert.equal(await page.getByLabel('Country').inputValue(), 'PL');

  // the list shows the same partners, and its link to the map keeps them
  await page.getByRole('link', { name: 'Show as a list' }).click();
  await page.waitForURL(/\/partners\?/);
  assert.match(page.url(), /tier=strategic/);
  assert.match(page.url(), /country=PL/);
  await settled(page);
  await page.getByRole('link', { name: 'Show on the map' }).click();
  await page.waitForURL(/\/partners\/map\?/);
  await page.waitForFunction((n) => document.querySelector('.map-wrap canvas')?.dataset.markers === String(n), pl);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction((n) => document.querySelector('.map-wrap canvas').dataset.markers === String(n), all);
  assert.doesNotMatch(page.url(), /tier=/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('fits a phone 375 pixels wide, in German: finger-sized zoom, folded filters, the partners as a list', async () => {
  const page = await app.newPage({ width: 375, height: 812 });
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('weltcampus.lang', 'de'));
  await openMap(page, '/partners/map', 'Weltkarte der Partner');

  // nothing wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  const stage = await page.locator('.map-wrap .stage').boundingBox();
  assert.ok(stage.x >= 0 && stage.x + stage.width <= 375, JSON.stringify(stage));
  // a square map: the world fills its height, part of its width in view
  assert.ok(Math.abs(stage.height - stage.width) < 2, JSON.stringify(stage));
  assert.ok(Number((await canvasData(page)).zoom) > 1.5);

  // zoom buttons a finger can hit
  for (const name of ['Vergrößern', 'Verkleinern', 'Welt', 'Europa']) {
    const box = await page.locator('.map-wrap .controls').getByRole('button', { name, exact: true }).boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `${name}: ${box.width}×${box.height}`);
  }

  // the filters start folded and open with their button
  const toggle = page.getByRole('button', { name: 'Filter', exact: true });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByLabel('Stufe').isVisible(), false);
  const toggleBox = await toggle.boundingBox();
  assert.ok(toggleBox.height >= 44);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.getByLabel('Stufe').waitFor();
  await screenshot(page, 'map-phone-de-filters');
  await page.locator('.map-wrap').screenshot({ path: `${SCREENSHOTS}/map-phone-de-map.png` });
  await toggle.click();

  // the home institution and the groups, named in German
  await page.getByRole('img', { name: 'Heimathochschule: Technische Universität Dresden' }).waitFor();
  assert.match(await page.locator('.map-wrap button.cluster').first().getAttribute('aria-label'), /^\d+ Partner, die meisten in .+\. Vergrößern$/);

  // the partners in view as a list of links
  const summary = page.getByText(/Partner im Ausschnitt: Liste/);
  const inView = Number((await summary.textContent()).match(/^\d+/)[0]);
  assert.ok(inView > 0 && inView < Number((await canvasData(page)).markers), `${inView} of the partners in view`);
  await summary.click();
  const links = page.locator('.in-view a');
  await links.first().waitFor();
  // the first fifty, and the next ones on request (the world's view holds more than fifty of the demo's partners)
  assert.ok(inView > 50, `more partners in view than one list shows: ${inView}`);
  assert.equal(await links.count(), 50);
  await page.getByRole('button', { name: /weitere zeigen/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.in-view a').length === n, Math.min(100, inView));
  const first = await links.first().boundingBox();
  assert.ok(first.x + first.width <= 375);
  await screenshot(page, 'map-phone-de');
  assert.deepEqual(page.errors, []);
  await page.evaluate(() => localStorage.setItem('weltcampus.lang', 'en'));
  await page.close();
});
