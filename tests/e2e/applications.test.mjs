// Applications (issue 10, item 4): the student ranks offers of an open call by keyboard (Alt+arrow keys, each
// move announced) and submits; the office finds the application in the call's list and gives committee points.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled } from './harness.mjs';

let app;
let callId;

const iso = (date) => date.toISOString().slice(0, 10);
const daysFromNow = (days) => iso(new Date(Date.now() + days * 86400000));

before(async () => {
  app = await startApp();
  // A call whose application period runs today, for the School of Medicine's next academic year, with offers
  // carved from quotas that still have places.
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
      title: `Browser test call ${Date.now()}`,
      applications_open: daysFromNow(-1),
      applications_close: daysFromNow(30),
      selection_by: daysFromNow(40),
      publication_on: daysFromNow(45),
      accept_by: daysFromNow(50),
      nomination_by: daysFromNow(55),
      max_preferences: 3,
      weight_grade: 50,
      weight_language: 25,
      weight_committee: 25,
      committee_points_max: 10,
      tie_rules: ['first_stay_first'],
    }),
  });
  const createdText = await created.text();
  assert.equal(created.status, 201, createdText);
  callId = JSON.parse(createdText).id;
  const quotas = await (await app.api(`/calls/${callId}/quotas`)).json();
  let carved = 0;
  for (const quota of quotas.items) {
    if (carved >= 6) break;
    if (quota.category !== 'student_studies' || quota.withheld < 1) continue;
    const offer = await app.api(`/calls/${callId}/offers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ quota_id: quota.quota_id, term: 'winter', places: 1, months_per_place: 5 }),
    });
    if (offer.status === 201) carved += 1;
  }
  assert.ok(carved >= 2, `only ${carved} offers could be carved`);
});
after(async () => {
  await app?.close();
});

test('a student orders preferences with the keyboard and submits', async () => {
  const page = await app.signedInPage('student');
  await page.goto(`/calls/${callId}/apply`);
  await page.getByRole('heading', { level: 2, name: 'Offers open to you' }).waitFor();
  await settled(page);
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
  assert.equal(stored.status, 'checked');
  await screenshot(page, 'application-review');
  // the one 422 is the points out of range
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});
