// Applications (issue 10, item 4): the student ranks offers of an open call by keyboard (Alt+arrow keys, each
// move announced) and submits; the office finds the application in the call's list and gives committee points;
// in another call the student orders by drag and drop, uploads a motivation letter (and is refused a file that is
// not a PDF) and reads why an offer asking for French at C2 is not open to them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startApp, screenshot, settled } from './harness.mjs';

let app;
let callId;

const iso = (date) => date.toISOString().slice(0, 10);
const daysFromNow = (days) => iso(new Date(Date.now() + days * 86400000));

// A call whose application period runs today, for the School of Medicine's next academic year, with offers carved
// from quotas that still have places: its id and the quotas it can still carve from.
async function openCall(title) {
  const programmes = await (await app.api('/programmes?q=MED-STEX')).json();
  const unit = programmes.items[0].org_unit_id;
  const now = new Date();
  const year = now.getUTCMonth() >= 9 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const created = await app.api('/calls', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      academic_year: `${year}/${year + 1}`,
      org_unit_id: unit,
      title: `${title} ${Date.now()}`,
      applications_open: daysFromNow(-1),
      applications_close: daysFromNow(30),
      selection_by: daysFromNow(40),
      publication_on: daysFromNow(45),
      accept_by: daysFromNow(50),
      nomination_by: daysFromNow(55),
      max_preferences: 3,
      weight_grade: 45,
      weight_language: 25,
      weight_committee: 20,
      committee_points_max: 10,
      criteria: [{ code: 'engagement', name: 'Social engagement', name_de: 'Soziales Engagement', weight: 10, points_max: 5 }],
      tie_rules: ['first_stay_first'],
    }),
  });
  const createdText = await created.text();
  assert.equal(created.status, 201, createdText);
  const id = JSON.parse(createdText).id;
  const quotas = (await (await app.api(`/calls/${id}/quotas`)).json()).items.filter((q) => q.category === 'student_studies' && q.withheld >= 1);
  let carved = 0;
  for (const quota of quotas) {
    if (carved >= 6) break;
    const offer = await app.api(`/calls/${id}/offers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ quota_id: quota.quota_id, term: 'winter', places: 1, months_per_place: 5 }),
    });
    if (offer.status === 201) carved += 1;
  }
  assert.ok(carved >= 2, `only ${carved} offers could be carved`);
  return { id, quotas };
}

before(async () => {
  app = await startApp();
  callId = (await openCall('Browser test call')).id;
});
after(async () => {
  await app?.close();
});

test('a student orders preferences with the keyboard and submits', async () => {
  const page = await app.signedInPage('student');
  await page.goto(`/calls/${callId}/apply`);
  await page.getByRole('heading', { level: 2, name: 'Offers open to you' }).waitFor();
  await settled(page);
  // the published criteria, the call's optional one among them
  await page.getByTestId('call-criteria').locator('summary').click();
  assert.match(await page.getByTestId('call-criteria').textContent(), /Social engagement: 10 %, up to 5 points/);
  const adds = page.locator('section[aria-labelledby="offers-h"] button', { hasText: 'Add ' });
  assert.ok((await adds.count()) >= 2, 'the student has fewer than two offers open');
  // add two offers by keyboard
  for (let i = 0; i < 2; i += 1) {
    await adds.nth(i).focus();
    await page.keyboard.press('Enter');
  }
  const items = page.locator('ol.prefs > li');
  assert.equal(await items.count(), 2);
  const first = (await items.nth(0).locator('.name').textContent()).trim();
  const second = (await items.nth(1).locator('.name').textContent()).trim();
  // Alt+Up on the second moves it to the top, and says so
  await items.nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  assert.equal((await items.nth(0).locator('.name').textContent()).trim(), second);
  assert.equal((await items.nth(1).locator('.name').textContent()).trim(), first);
  assert.match(await page.getByTestId('announcement').textContent(), /moved to place 1 of 2/);
  // the moved preference keeps the focus
  assert.equal(await page.evaluate(() => document.activeElement?.querySelector('.name')?.textContent.trim()), second);
  await page.getByRole('button', { name: 'Save preferences' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Preferences saved.').waitFor();
  await page.getByRole('button', { name: 'Submit application' }).click();
  await page.getByText('Application submitted.').waitFor();
  assert.match(await page.getByTestId('application-status').textContent(), /Submitted/);
  await screenshot(page, 'my-application');
  // the saved order is the one chosen
  const mine = await page.evaluate(async (id) => (await fetch(`/api/v1/calls/${id}/my-application`)).json(), callId);
  assert.equal(mine.application.status, 'submitted');
  assert.equal(mine.application.preferences.length, 2);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the office opens the application from the call’s list and gives committee points', async () => {
  const page = await app.signedInPage('international_office');
  await page.goto(`/calls/${callId}/applications`);
  await page.locator('main h1').waitFor();
  await settled(page);
  await page.getByRole('link', { name: 'Student, Stefan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Student, Stefan' }).waitFor();
  await settled(page);
  const before = await page.getByTestId('review-score').textContent();
  await page.getByLabel('Committee points').fill('11');
  await page.getByRole('button', { name: 'Save points' }).click();
  await page.locator('#r-points-error').waitFor();
  await page.getByLabel('Committee points').fill('9');
  // the call's optional criterion, scored within its own maximum
  await page.getByLabel('Social engagement (0 to 5 points)').fill('6');
  await page.getByRole('button', { name: 'Save points' }).click();
  await page.locator('#r-criterion-engagement-error').waitFor();
  await page.getByLabel('Social engagement (0 to 5 points)').fill('4');
  await page.getByRole('button', { name: 'Save points' }).click();
  await page.getByText('Points saved.').waitFor();
  assert.notEqual(await page.getByTestId('review-score').textContent(), before);
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  await page.getByText('Check recorded.').waitFor();
  assert.match(await page.getByTestId('review-status').textContent(), /Checked/);
  // stored: the points and the check
  const id = page.url().match(/\/applications\/(\d+)$/)?.[1];
  assert.ok(id, page.url());
  const stored = await (await app.api(`/applications/${id}`)).json();
  assert.equal(stored.committee_points, 9, JSON.stringify(stored));
  assert.deepEqual(stored.criteria_points, { engagement: 4 });
  assert.equal(stored.status, 'checked');
  await screenshot(page, 'application-review');
  // the two 422s are the points out of range
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});

test('a student orders by drag and drop, uploads a letter and reads why an offer is not open', async () => {
  const { id, quotas } = await openCall('Drag and drop call');
  // an offer asking for its quota's language at C2, which the demo student has no certificate for
  let c2 = null;
  for (const quota of quotas.filter((q) => q.language).reverse()) {
    const res = await app.api(`/calls/${id}/offers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ quota_id: quota.quota_id, term: 'summer', places: 1, months_per_place: 5, language: quota.language, cefr_level: 'C2' }),
    });
    if (res.status === 201) {
      c2 = await res.json();
      break;
    }
  }
  assert.ok(c2, 'no quota with a language had a place left for a C2 offer');
  const page = await app.signedInPage('student');
  await page.goto(`/calls/${id}/apply`);
  await page.getByRole('heading', { level: 2, name: 'Offers open to you' }).waitFor();
  await settled(page);
  const adds = page.locator('section[aria-labelledby="offers-h"] ul.offers:not(.closed) button', { hasText: 'Add ' });
  assert.ok((await adds.count()) >= 2, 'the student has fewer than two offers open');
  await adds.nth(0).click();
  await adds.nth(1).click();
  const items = page.locator('ol.prefs > li');
  assert.equal(await items.count(), 2);
  const first = (await items.nth(0).locator('.name').textContent()).trim();
  const second = (await items.nth(1).locator('.name').textContent()).trim();
  // the second dragged onto the first takes its place
  await items.nth(1).dragTo(items.nth(0));
  assert.equal((await items.nth(0).locator('.name').textContent()).trim(), second);
  assert.equal((await items.nth(1).locator('.name').textContent()).trim(), first);
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await page.getByText('Preferences saved.').waitFor();
  const student = await app.apiAs('student');
  const mine = async () => (await student(`/calls/${id}/my-application`)).json();
  const saved = await mine();
  const offerIdOf = (p) => (typeof p === 'object' ? p.offer_id : p);
  const names = saved.application.preferences.map((p) => saved.offers.find((o) => o.offer.id === offerIdOf(p))?.offer.partner_name);
  assert.equal(saved.application.preferences.length, 2);
  assert.ok(second.includes(names[0]) && first.includes(names[1]), `saved order ${names} is not ${second}, ${first}`);

  // why the C2 offer is not open: the server's reasons, in the student's language
  const closed = saved.offers.find((o) => o.offer.id === c2.id);
  assert.ok(closed && !closed.eligible, 'the C2 offer is open to the student');
  const reasons = page.locator('ul.offers.closed > li', { hasText: closed.offer.partner_name });
  await reasons.first().waitFor();
  const shown = await reasons.first().locator('ul > li').allTextContents();
  assert.deepEqual(shown.map((x) => x.trim()), closed.reasons.map((r) => r.message));
  assert.ok(closed.reasons.some((r) => r.code === 'language'), JSON.stringify(closed.reasons));

  // a motivation letter as a PDF is kept byte for byte; a file that only claims to be one is refused
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await page.locator('#doc-motivation_letter').setInputFiles({ name: 'Motivation.pdf', mimeType: 'application/pdf', buffer: pdf });
  const link = page.locator('section[aria-labelledby="docs-h"]').getByRole('link', { name: 'Motivation.pdf' });
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.deepEqual(await readFile(await download.path()), pdf);
  await page.locator('#doc-language_certificate').setInputFiles({ name: 'Certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
  await page.getByRole('alert').waitFor();
  const after = await mine();
  assert.deepEqual(after.application.documents.map((d) => d.kind), ['motivation_letter']);
  await screenshot(page, 'my-application-documents');
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});
