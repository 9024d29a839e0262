// The audit log for people (issue 9, defect 3): a change says the record's name as a link and its fields with the
// screens' labels and values (no `ends_on`, no JSON), the person who did it is found by name, German is German
// in every cell; the partner and agreement pages show their own history to staff, not to students.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { startApp, screenshot, settled, login } from './harness.mjs';

// axe-core, evaluated through the DevTools protocol (the server's Content-Security-Policy forbids inline scripts)
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function axe(page, label) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(result, [], `${label}: ${JSON.stringify(result, null, 1)}`);
}

const json = (body) => ({ method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const AGREEMENT_FIELDS = ['partnership_id', 'title', 'type', 'status', 'first_academic_year', 'last_academic_year', 'org_unit_id', 'partner_institution_ids', 'contacts', 'quotas'];
const PARTNERSHIP_FIELDS = ['institution_id', 'tier', 'since', 'responsible_person', 'objectives', 'notes'];
const nextYear = (y) => y.replace(/^(\d{4})\/(\d{4})$/, (_, a, b) => `${Number(a) + 1}/${Number(b) + 1}`);

let app;
let kcl;
let agreement; // as it was before the office changed it
let changed; // as it is after
before(async () => {
  app = await startApp({ signIn: null });
  const list = await (await app.api(`/partnerships?q=${encodeURIComponent('College London')}`)).json();
  kcl = list.items.find((p) => /King.s College London/.test(p.institution.name));
  assert.ok(kcl, 'the demo has King’s College London');
  // the office renews an agreement of King's by a year and gives one of its quotas another place, through the API
  const { items } = await (await app.api(`/agreements?partnership_id=${kcl.id}&limit=50`)).json();
  const withQuota = items.find((a) => a.quotas?.some((q) => q.direction === 'outgoing' && q.category === 'clinical_elective' && q.isced_code === '0912'));
  assert.ok(withQuota, 'an agreement of King’s with outgoing clinical electives in 0912');
  const read = await app.api(`/agreements/${withQuota.id}`);
  agreement = await read.json();
  const body = Object.fromEntries(AGREEMENT_FIELDS.map((k) => [k, agreement[k]]));
  body.last_academic_year = nextYear(agreement.last_academic_year);
  const q = body.quotas.find((x) => x.direction === 'outgoing' && x.category === 'clinical_elective');
  body.quotas = body.quotas.map((x) => (x === q ? { ...x, places_per_year: x.places_per_year + 1 } : x));
  const put = await app.api(`/agreements/${agreement.id}`, { ...json(body), headers: { 'Content-Type': 'application/json', 'If-Match': read.headers.get('ETag') } });
  assert.equal(put.status, 200, await put.clone().text());
  changed = await put.json();
  assert.notEqual(changed.ends_on, agreement.ends_on);
});
after(async () => {
  await app?.close();
});

/** A day as the browser writes it for the language ('30 Sept 2030', '30.09.2030'). */
const dateIn = (page, iso, tag) =>
  page.evaluate(([d, l]) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), [iso, tag]);

test('the audit log names the agreement with a link and says the end date and the quota as the screens do', async () => {
  const page = await app.newPage();
  await login(page, 'admin');
  await page.goto(`/audit?entity_type=agreement&entity_id=${agreement.id}`);
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await settled(page);
  // the record type is a choice named in the reader's language
  assert.equal(await page.getByLabel('Record type').evaluate((s) => s.options[s.selectedIndex].text), 'Agreement');
  const rows = page.locator('main table.audit > tbody > tr');
  assert.equal(await rows.count(), 1, 'the one change of this agreement');
  const row = rows.first();
  const title = agreement.title;
  const link = row.getByRole('link', { name: title });
  assert.equal(await link.getAttribute('href'), `/agreements/${agreement.id}`);
  const record = (await row.locator('td').nth(3).textContent()).replace(/\s+/g, ' ').trim();
  assert.equal(record, `Agreement: ${title}`);
  assert.match(await row.textContent(), /Changed/);
  assert.match(await row.textContent(), /Irene Office/);

  await row.getByRole('button', { name: /Show changes of entry/ }).click();
  const diff = page.locator('table.diff');
  await diff.waitFor();
  const endsOn = diff.locator('tbody tr', { has: page.locator('th', { hasText: /^Ends on$/ }) });
  assert.equal(await endsOn.count(), 1, 'the end date by the label of the agreement page');
  const cells = (await endsOn.locator('td').allTextContents()).map((c) => c.trim());
  assert.deepEqual(cells, [await dateIn(page, agreement.ends_on, 'en-GB'), await dateIn(page, changed.ends_on, 'en-GB')]);
  const text = await diff.textContent();
  for (const raw of ['ends_on', 'last_academic_year', 'places_per_year', 'quotas', 'version', 'updated_at', '{', '"']) {
    assert.ok(!text.includes(raw), `no raw "${raw}" in: ${text}`);
  }
  // the quota: the old and the new place count, each said readably; the other quotas did not change
  const quotas = diff.locator('tbody tr', { has: page.locator('th', { hasText: /^Quotas$/ }) });
  const q = agreement.quotas.find((x) => x.direction === 'outgoing' && x.category === 'clinical_elective');
  const before = (await quotas.locator('td.before li').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
  const after = (await quotas.locator('td.after li').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
  assert.equal(before.length, 1, before.join(' | '));
  assert.equal(after.length, 1, after.join(' | '));
  assert.match(before[0], new RegExp(`^removed: Outgoing · Clinical elective · Medicine \\(0912\\) · Master \\(EQF 7\\) · ${q.places_per_year} places`));
  assert.match(after[0], new RegExp(`^added: Outgoing · Clinical elective · Medicine \\(0912\\) · Master \\(EQF 7\\) · ${q.places_per_year + 1} places`));
  await screenshot(page, 'audit-readable-agreement');
  await axe(page, 'the audit log with an open change');

  // in German, every cell of the same row
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Protokoll' }).waitFor();
  assert.equal(await page.getByLabel('Art des Datensatzes').evaluate((s) => s.options[s.selectedIndex].text), 'Vereinbarung');
  const recordDe = (await row.locator('td').nth(3).textContent()).replace(/\s+/g, ' ').trim();
  assert.equal(recordDe, `Vereinbarung: ${title}`);
  assert.match(await row.locator('td').nth(1).textContent(), /Geändert/);
  const endsOnDe = diff.locator('tbody tr', { has: page.locator('th', { hasText: /^Endet am$/ }) });
  assert.deepEqual(
    (await endsOnDe.locator('td').allTextContents()).map((c) => c.trim()),
    [await dateIn(page, agreement.ends_on, 'de-DE'), await dateIn(page, changed.ends_on, 'de-DE')],
  );
  const quotasDe = diff.locator('tbody tr', { has: page.locator('th', { hasText: /^Kontingente$/ }) });
  assert.match(await quotasDe.locator('td.after').textContent(), /Ins Ausland · Famulatur · Medizin \(0912\) · Master \(EQR 7\) · \d+ Plätze/);
  const tableDe = await page.locator('main table.audit').textContent();
  for (const english of ['Agreement', 'Changed', 'Ends on', 'Quotas', 'Outgoing', 'places', 'Show changes']) {
    assert.ok(!tableDe.includes(english), `no "${english}" on the German screen`);
  }
  await screenshot(page, 'audit-readable-agreement-de');
  await axe(page, 'the audit log in German');
  await page.getByRole('button', { name: 'English' }).click();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the person who did it is found by part of their name, and the filter survives a reload', async () => {
  const page = await app.newPage();
  await login(page, 'admin');
  await page.goto('/audit');
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await settled(page);
  const picker = page.getByLabel('Done by');
  await picker.fill('ren');
  const choice = page.getByRole('button', { name: /Irene Office/ });
  await choice.waitFor();
  await choice.click();
  const officeId = app.api.user.id;
  await page.waitForURL(new RegExp(`actor_user_id=${officeId}(&|$)`));
  await settled(page);
  const filter = page.getByRole('group', { name: 'Done by' });
  assert.match(await filter.textContent(), /Irene Office/);
  // focus stays in the filter: on the button that removes it
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'alf-actor_user_id-clear');
  const actors = await page.locator('main table.audit > tbody > tr > td:nth-child(3)').allTextContents();
  assert.ok(actors.length >= 2, `the office's sign-in and its change: ${actors.length}`);
  for (const a of actors) assert.match(a, /Irene Office/);
  assert.ok(await page.locator('main table.audit').getByRole('link', { name: agreement.title }).count() >= 1, 'the agreement change is among them');

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await settled(page);
  await page.getByRole('group', { name: 'Done by' }).getByText('Irene Office', { exact: true }).waitFor();
  assert.ok(page.url().includes(`actor_user_id=${officeId}`));
  await screenshot(page, 'audit-readable-actor-filter');
  await axe(page, 'the audit log filtered by a person');

  await page.getByRole('button', { name: /^Remove/ }).click();
  await page.waitForURL((url) => !url.search.includes('actor_user_id'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'alf-actor_user_id');

  // a person without entries is named from the accounts, not by a number
  const admin = await app.apiAs('admin');
  const { items: guests } = await (await admin('/users?role=incoming_guest')).json();
  assert.equal(guests.length, 1);
  await page.goto(`/audit?actor_user_id=${guests[0].id}`);
  await page.getByText('No entry matches these filters.').waitFor();
  await page.getByRole('group', { name: 'Done by' }).getByText(guests[0].display_name, { exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the partner page and the agreement page show their own change history to the office, ten at a time', async () => {
  // twelve changes of the partnership's responsible person, by the office
  for (let i = 1; i <= 12; i++) {
    const read = await app.api(`/partnerships/${kcl.id}`);
    const p = await read.json();
    const body = Object.fromEntries(PARTNERSHIP_FIELDS.map((k) => [k, p[k]]));
    body.responsible_person = `Prof. Dr. Christiane Weber (round ${i})`;
    const put = await app.api(`/partnerships/${kcl.id}`, { ...json(body), headers: { 'Content-Type': 'application/json', 'If-Match': read.headers.get('ETag') } });
    assert.equal(put.status, 200);
  }
  const page = await app.newPage();
  await login(page, 'international_office');
  await page.goto(`/partners/${kcl.id}`);
  await page.locator('main h1').waitFor();
  await settled(page);
  const history = page.getByRole('region', { name: 'Change history' });
  const toggle = history.getByRole('button', { name: 'Change history' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'closed at first');
  assert.equal(await history.locator('ol li').count(), 0, 'nothing read before it is opened');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const items = history.locator('ol > li');
  await items.first().waitFor();
  assert.equal(await items.count(), 10);
  const newest = items.first();
  assert.match(await newest.locator('.when').textContent(), /Irene Office · Changed/);
  const row = newest.locator('tbody tr');
  assert.equal(await row.count(), 1);
  assert.deepEqual((await row.locator('th, td').allTextContents()).map((c) => c.trim()), [
    'Responsible person',
    'Prof. Dr. Christiane Weber (round 11)',
    'Prof. Dr. Christiane Weber (round 12)',
  ]);
  assert.match(await history.textContent(), /12 changes recorded\./);
  await history.getByRole('button', { name: 'Show older changes' }).click();
  await items.nth(11).waitFor();
  assert.equal(await items.count(), 12);
  assert.equal(await history.getByRole('button', { name: 'Show older changes' }).count(), 0);
  assert.match(await items.nth(11).textContent(), /Prof\. Dr\. Christiane Weber \(Vice-Dean International Affairs\)/);
  await screenshot(page, 'partner-change-history');
  await axe(page, 'the partner page with its history open');

  // the agreement's own history: the change of the end date
  await page.goto(`/agreements/${agreement.id}`);
  await page.locator('main h1').waitFor();
  await settled(page);
  const own = page.getByRole('region', { name: 'Change history' });
  await own.getByRole('button', { name: 'Change history' }).click();
  await own.locator('ol > li').first().waitFor();
  assert.equal(await own.locator('ol > li').count(), 1);
  assert.match(await own.textContent(), /Irene Office · Changed/);
  assert.match(await own.textContent(), /Ends on/);
  // in German
  await page.getByRole('button', { name: 'Deutsch' }).click();
  const ownDe = page.getByRole('region', { name: 'Änderungsverlauf' });
  await ownDe.getByRole('button', { name: 'Änderungsverlauf' }).waitFor();
  assert.match(await ownDe.textContent(), /Irene Office · Geändert/);
  assert.match(await ownDe.textContent(), /Endet am/);
  await axe(page, 'the agreement page with its history open, in German');
  await page.getByRole('button', { name: 'English' }).click();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a student sees no change history on the partner or agreement page, and asks for none', async () => {
  const page = await app.newPage();
  const asked = [];
  page.on('request', (r) => {
    if (r.url().includes('/history')) asked.push(r.url());
  });
  await login(page, 'student');
  await page.goto(`/partners/${kcl.id}`);
  await page.getByRole('heading', { level: 2, name: 'Places per academic year' }).waitFor();
  await settled(page);
  assert.equal(await page.getByRole('heading', { name: 'Change history' }).count(), 0);
  await page.goto(`/agreements/${agreement.id}`);
  await page.getByRole('heading', { level: 1, name: agreement.title }).waitFor();
  await settled(page);
  assert.equal(await page.getByRole('heading', { name: 'Change history' }).count(), 0);
  assert.deepEqual(asked, []);
  // the server refuses it anyway
  const student = await app.apiAs('student');
  assert.equal((await student(`/partnerships/${kcl.id}/history`)).status, 403);
  await page.close();
});
