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

// The map's markers are drawn on a canvas: it is done when it has drawn a frame of every placed partner.
async function openMap(page) {
  await page.goto('/partners/map');
  await page.getByRole('heading', { level: 1, name: 'World map of partners' }).waitFor();
  const canvas = page.locator('.map-wrap canvas');
  await page.waitForFunction(() => {
    const c = document.querySelector('.map-wrap canvas');
    return c && Number(c.dataset.markers) > 3 && c.dataset.drawnOf === c.dataset.markers;
  });
  return canvas;
}

// Where the tooltip points (a marker's centre), in page pixels, and the canvas's colour there.
async function markerUnderTooltip(page) {
  return page.evaluate(() => {
    const stage = document.querySelector('.map-wrap .stage');
    const tip = stage.querySelector('.tooltip');
    const box = stage.getBoundingClientRect();
    const x = box.left + (parseFloat(tip.style.left) / 100) * box.width;
    const y = box.top + (parseFloat(tip.style.top) / 100) * box.height;
    const canvas = stage.querySelector('canvas');
    const ratio = canvas.width / box.width;
    const [r, g, b, a] = canvas.getContext('2d').getImageData(Math.round((x - box.left) * ratio), Math.round((y - box.top) * ratio), 1, 1).data;
    const expected = getComputedStyle(stage).getPropertyValue('--tier-transcampus').trim();
    return { fx: (x - box.left) / box.width, fy: (y - box.top) / box.height, pixel: { r, g, b, a }, expected, partner: tip.dataset.partner };
  });
}

function hexToRgb(hex) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? { r: parseInt(m[1], 16), g: parseInt(m[2], 16), b: parseInt(m[3], 16) } : null;
}

test('draws King’s College London on the canvas where it is, and a click there opens it', async () => {
  const page = await app.newPage();
  await openMap(page);
  // the finder shows the partner's place on the map
  await page.getByLabel('Find a partner on the map').fill('College London');
  const link = page.getByRole('link', { name: /King.s College London/ });
  let at;
  // where a group of partners covers it, a click on the group zooms in until it stands alone
  for (let i = 0; ; i++) {
    await link.hover();
    await page.locator('.tooltip').getByText(/King.s College London/).waitFor();
    at = await markerUnderTooltip(page);
    const group = await page.evaluate(({ fx, fy }) => {
      const box = document.querySelector('.map-wrap .stage').getBoundingClientRect();
      return [...document.querySelectorAll('.map-wrap button.cluster')].some((b) => {
        const r = b.getBoundingClientRect();
        const x = box.left + fx * box.width;
        const y = box.top + fy * box.height;
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      });
    }, at);
    if (!group) break;
    assert.ok(i < 6, 'the group around King’s College London parts when zoomed in');
    await page.mouse.move(1, 1);
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('.map-wrap .stage').boundingBox();
    const zoom = await page.locator('.map-wrap canvas').getAttribute('data-zoom');
    await page.mouse.click(box.x + at.fx * box.width, box.y + at.fy * box.height);
    await page.waitForFunction((z) => document.querySelector('.map-wrap canvas').dataset.zoom !== z, zoom);
  }
  // the canvas has drawn a transCampus-coloured marker right there (fill at 88 % over the light map)
  const want = hexToRgb(at.expected);
  assert.ok(want, `tier colour ${at.expected}`);
  assert.equal(at.pixel.a, 255, `nothing drawn at ${at.fx},${at.fy} of the map`);
  for (const c of ['r', 'g', 'b']) assert.ok(Math.abs(at.pixel[c] - want[c]) < 40, `colour ${JSON.stringify(at.pixel)} is not ${at.expected}`);

  // pointing at that place shows the same partner, and a click there opens it
  await page.mouse.move(1, 1);
  await page.locator('.tooltip').waitFor({ state: 'detached' });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await page.locator('.map-wrap .stage').boundingBox();
  const x = box.x + at.fx * box.width;
  const y = box.y + at.fy * box.height;
  await page.mouse.move(x, y);
  await page.locator('.tooltip').getByText(/King.s College London/).waitFor();
  assert.equal(await page.locator('.tooltip').getAttribute('data-partner'), at.partner);
  await screenshot(page, 'map-kcl-tooltip');
  await page.mouse.click(x, y);
  await page.waitForURL(new RegExp(`/partners/${at.partner}$`));
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

test('the map works with the keyboard: the finder’s partners are links', async () => {
  const page = await app.newPage();
  await openMap(page);
  await page.getByLabel('Find a partner on the map').fill('Wroclaw');
  await page.getByRole('status').getByText(/partners? found/).waitFor();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  assert.match(focused, /^Wroclaw Medical University, Poland, Strategic/);
  await page.locator('.tooltip').getByText('Wroclaw Medical University').waitFor();
  await screenshot(page, 'map-keyboard-focus');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Wroclaw Medical University' }).waitFor();
  assert.match(await page.locator('main').textContent(), /PL WROCLAW05/);
  await screenshot(page, 'partner-wroclaw');
  await page.close();
});

test('the map is asked for again with its ETag: unchanged, the server answers 304 and the browser uses its copy', async () => {
  const page = await app.newPage();
  await openMap(page);
  const seen = await page.evaluate(async () => {
    const url = '/api/v1/partnerships/map';
    const first = await fetch(url);
    const etag = first.headers.get('ETag');
    const body = await first.text();
    // the browser's own revalidation: the same body, without sending it again
    performance.clearResourceTimings();
    const again = await fetch(url);
    const againBody = await again.text();
    const timing = performance.getEntriesByType('resource').find((e) => e.name.endsWith(url));
    // asked by hand, the server's answer itself
    const asked = await fetch(url, { headers: { 'If-None-Match': etag }, cache: 'no-store' });
    return {
      etag,
      same: againBody === body,
      againStatus: again.status,
      transfer: timing?.transferSize,
      encoded: timing?.encodedBodySize,
      asked: asked.status,
      askedBody: (await asked.text()).length,
    };
  });
  assert.match(seen.etag, /^W\/"map1-/);
  assert.equal(seen.againStatus, 200);
  assert.ok(seen.same);
  assert.ok(seen.encoded > 0 && seen.transfer < seen.encoded, `revalidated, not sent again: ${JSON.stringify(seen)}`);
  assert.equal(seen.asked, 304);
  assert.equal(seen.askedBody, 0);
  assert.deepEqual(page.errors, []);
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
  // the country filter offers the countries with partners, with their number, not all 250
  const { items: withPartners } = await (await app.api('/partnerships/countries')).json();
  await page.waitForFunction((n) => document.querySelectorAll('#pf-country option:not([value=""])').length === n, withPartners.length);
  const gb = withPartners.find((c) => c.country === 'GB');
  assert.ok(gb, 'there are partners in the United Kingdom');
  assert.equal((await page.locator('#pf-country option[value="GB"]').textContent()).trim(), `United Kingdom (${gb.partners})`);
  assert.equal(await page.locator('#pf-country option[value="AQ"]').count(), 0);
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

  // more partners than a page holds (the demo's are asserted): the second page and back
  const { total } = await (await app.api('/partnerships?limit=1')).json();
  assert.ok(total > 50, `the demo has more than one page of partners: ${total}`);
  const next = page.getByRole('button', { name: /Next/ });
  assert.equal(await next.isEnabled(), true, 'the pager offers the next page');
  await next.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => window.scrollY > 0), 'the pager is below the first screen');
  await next.click();
  await page.waitForURL(/page=1/);
  await settled(page);
  assert.match(await page.locator('.pager .range').textContent(), /^51–/);
  // the next page starts at its top
  await page.waitForFunction(() => window.scrollY === 0);
  await page.getByRole('button', { name: /Previous/ }).click();
  await page.waitForURL((url) => !url.search.includes('page='));
  await settled(page);
  assert.match(await page.locator('.pager .range').textContent(), /^1–50/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('edits a partnership and an institution through their forms', async () => {
  const page = await app.newPage();
  const list = await (await app.api(`/partnerships?q=${encodeURIComponent('Flinders')}`)).json();
  const flinders = list.items.find((p) => p.institution?.name === 'Flinders University');
  assert.ok(flinders, 'the demo has the partnership with Flinders University');
  const id = flinders.id;
  await page.goto(`/partners/${id}/edit`);
  await page.getByRole('heading', { level: 1, name: 'Edit partnership' }).waitFor();
  await settled(page);
  await page.getByLabel('Responsible person').fill('Prof. E2E Tester');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(new RegExp(`/partners/${id}$`));
  await page.getByText('Prof. E2E Tester').waitFor();
  const partnership = await (await app.api(`/partnerships/${id}`)).json();
  assert.equal(partnership.responsible_person, 'Prof. E2E Tester');
  await screenshot(page, 'partner-flinders-edited');

  // the institution, from the partner page: its city changed and stored
  const before = await (await app.api(`/institutions/${partnership.institution_id}`)).json();
  const city = `Bedford Park ${Date.now() % 100000}`;
  assert.notEqual(before.city, city);
  await page.getByRole('link', { name: 'Edit institution' }).click();
  await page.waitForURL(new RegExp(`/institutions/${partnership.institution_id}/edit$`));
  await page.getByRole('heading', { level: 1, name: 'Edit institution' }).waitFor();
  await settled(page);
  assert.equal(await page.locator('#f-name').inputValue(), 'Flinders University');
  await page.locator('#f-city').fill(city);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL((url) => url.pathname === '/partners');
  const after = await (await app.api(`/institutions/${partnership.institution_id}`)).json();
  assert.equal(after.city, city);
  assert.equal(after.name, before.name, 'the other fields are kept');
  assert.equal(after.version, before.version + 1);
  await page.goto(`/partners/${id}`);
  await page.locator('main').getByText(city).first().waitFor();
  assert.deepEqual(page.errors, []);
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
