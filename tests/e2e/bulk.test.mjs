// Bulk actions on the lists (issue 9, offices ask 7): the office selects rows of the partner list and the agreement
// list, confirms once, and reads how many changed; each changed record has one entry in the audit log. In English on a
// desktop and in German on a phone (375 px). A refused action names the records at fault and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled, login } from './harness.mjs';

let app;
let admin;
before(async () => {
  app = await startApp();
  admin = await app.apiAs('admin');
});
after(async () => {
  await app?.close();
});

const TEXT = {
  en: {
    setTier: 'Set tier',
    extend: 'Extend',
    setStatus: 'Set status',
    partners: '2 partners',
    agreements: '2 agreements',
    done: '2 changed, 0 already so.',
    changed: 'Changed',
    nothing: 'Nothing was changed.',
  },
  de: {
    setTier: 'Stufe setzen',
    extend: 'Verlängern',
    setStatus: 'Status setzen',
    partners: '2 Partnern',
    agreements: '2 Vereinbarungen',
    done: '2 geändert, 0 waren schon so.',
    changed: 'Geändert',
    nothing: 'Es wurde nichts geändert.',
  },
};

async function openAs(locale, path, width) {
  const page = await app.newPage({ width, height: 900 });
  await login(page, 'international_office');
  await page.evaluate((l) => localStorage.setItem('weltcampus.lang', l), locale);
  await page.goto(path);
  await page.locator('main h1').waitFor();
  await settled(page);
  return page;
}

/** Ticks the rows at these positions by keyboard and answers their record ids (from the checkboxes' ids). */
async function selectRows(page, prefix, positions) {
  const boxes = page.locator(`main tbody input[type="checkbox"][id^="${prefix}-select-"]`);
  const ids = [];
  for (const n of positions) {
    const box = boxes.nth(n);
    await box.focus();
    await page.keyboard.press('Space');
    assert.ok(await box.isChecked());
    ids.push(Number((await box.getAttribute('id')).slice(`${prefix}-select-`.length)));
  }
  return ids;
}

async function confirm(page, label, mentions) {
  const bar = page.getByRole('group', { name: /Actions on the selected records|Aktionen für die ausgewählten Einträge/ });
  await bar.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.match(await dialog.textContent(), new RegExp(mentions));
  await dialog.getByRole('button', { name: label, exact: true }).click();
  await page.locator('.bulk-outcome .alert').waitFor();
  await settled(page);
  return (await page.locator('.bulk-outcome .alert').textContent()).replace(/\s+/g, ' ').trim();
}

/** The audit log's rows for one record, as the administrator reads them. */
async function auditRows(page, type, id) {
  const api = await (await admin(`/audit?entity_type=${type}&entity_id=${id}`)).json();
  await page.goto(`/audit?entity_type=${type}&entity_id=${id}`);
  await page.locator('main h1').waitFor();
  await settled(page);
  const rows = page.locator('main table.audit > tbody > tr');
  return { count: await rows.count(), text: await rows.allTextContents(), api: api.items };
}

for (const [locale, width] of [
  ['en', 1280],
  ['de', 375],
]) {
  test(`the office sets the tier of two partners and extends two agreements at once (${locale}, ${width} px)`, async () => {
    const text = TEXT[locale];
    const tier = locale === 'en' ? 'strategic' : 'transcampus';
    const page = await openAs(locale, '/partners?tier=standard', width);
    const partnerIds = await selectRows(page, 'pf', [0, 1]);
    // each checkbox is named after its row
    const first = await (await app.api(`/partnerships/${partnerIds[0]}`)).json();
    const name = locale === 'en' ? `Select ${first.institution.name}` : `${first.institution.name} auswählen`;
    assert.equal(await page.getByRole('checkbox', { name, exact: true }).getAttribute('id'), `pf-select-${partnerIds[0]}`);
    assert.match(await page.getByRole('status').filter({ hasText: /2 (selected|ausgewählt)/ }).textContent(), /2/);
    await page.locator('#pf-bulk-tier').selectOption(tier);
    assert.equal(await confirm(page, text.setTier, text.partners), text.done);
    assert.equal(await page.locator('main tbody input[type="checkbox"]:checked').count(), 0, 'the selection is cleared');
    if (width <= 375) {
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no sideways scrolling on a phone');
    }
    await screenshot(page, `bulk-partners-${locale}`);
    for (const id of partnerIds) {
      assert.equal((await (await app.api(`/partnerships/${id}`)).json()).tier, tier);
    }

    // agreements by title (an order the change does not move); English takes the first two, German the next two
    await page.goto('/agreements?status=active&sort=title');
    await page.locator('main h1').waitFor();
    await settled(page);
    const positions = locale === 'en' ? [0, 1] : [2, 3];
    const agreementIds = await selectRows(page, 'af', positions);
    const before = await Promise.all(agreementIds.map(async (id) => (await app.api(`/agreements/${id}`)).json()));
    const start = (y) => Number(y.slice(0, 4));
    const target = Math.max(...before.map((a) => start(a.last_academic_year))) + 1;
    assert.ok(target - Math.min(...before.map((a) => start(a.first_academic_year))) <= 15, 'within the 16 years an agreement may run');
    const year = `${target}/${target + 1}`;
    await page.locator('#af-bulk-year').selectOption(year);
    assert.equal(await confirm(page, text.extend, text.agreements), text.done);
    await screenshot(page, `bulk-agreements-${locale}`);
    for (const id of agreementIds) {
      assert.equal((await (await app.api(`/agreements/${id}`)).json()).last_academic_year, year);
    }

    // one audit entry per changed record
    await login(page, 'admin');
    await page.evaluate((l) => localStorage.setItem('weltcampus.lang', l), locale);
    for (const [type, ids] of [
      ['partnership', partnerIds],
      ['agreement', agreementIds],
    ]) {
      for (const id of ids) {
        const rows = await auditRows(page, type, id);
        assert.equal(rows.api.length, 1, `${type} ${id}: one audit entry`);
        assert.equal(rows.api[0].action, 'update');
        assert.equal(rows.count, 1, `${type} ${id}: one row in the audit log`);
        assert.match(rows.text[0], new RegExp(text.changed));
      }
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('a status change the rules forbid names the agreements at fault and changes nothing', async () => {
  const page = await openAs('en', '/agreements?status=active&sort=title', 1280);
  const ids = await selectRows(page, 'af', [4, 5]);
  const before = await Promise.all(ids.map(async (id) => (await app.api(`/agreements/${id}`)).json()));
  await page.locator('#af-bulk-status').selectOption('draft');
  const answer = await confirm(page, TEXT.en.setStatus, TEXT.en.agreements);
  assert.match(answer, new RegExp(TEXT.en.nothing));
  assert.match(answer, /active to draft/);
  for (const agreement of before) {
    const name = agreement.title || agreement.institution_name;
    assert.ok(answer.includes(name), `names ${name}: ${answer}`);
    const now = await (await app.api(`/agreements/${agreement.id}`)).json();
    assert.equal(now.status, 'active');
    assert.equal(now.version, agreement.version);
  }
  await screenshot(page, 'bulk-refused-en');
  await page.close();
});
