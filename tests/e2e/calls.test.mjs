// Calls and offers (issue 10, item 2): the office opens a call with its timeline and criteria, carves an offer
// from a quota the call's overview lists, sees it among the call's offers (also in German); a student reads
// the calls and their offers and changes nothing.
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

const nextYear = () => {
  const now = new Date();
  return (now.getUTCMonth() >= 9 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) + 1;
};

test('the office opens a call and carves an offer from a quota', async () => {
  const page = await app.signedInPage('international_office');
  await page.goto('/calls');
  await page.getByRole('heading', { level: 1, name: 'Calls for exchange places' }).waitFor();
  await settled(page);
  await page.getByRole('link', { name: 'New call' }).click();
  await page.getByRole('heading', { level: 1, name: 'New call' }).waitFor();
  await settled(page);
  const title = `E2E remaining places ${Date.now() % 100000}`;
  await page.locator('#f-title').fill(title);
  await page.locator('#f-org_unit_id').selectOption({ label: 'School of Medicine Carl Gustav Carus' });
  const y = nextYear();
  const dates = {
    applications_open: `${y}-01-11`,
    applications_close: `${y}-02-26`,
    selection_by: `${y}-03-12`,
    publication_on: `${y}-03-15`,
    // out of order first: refused beside its field
    accept_by: `${y}-03-01`,
    nomination_by: `${y}-04-02`,
  };
  for (const [field, value] of Object.entries(dates)) await page.locator(`#f-${field}`).fill(value);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#f-accept_by-error').waitFor();
  await page.locator('#f-accept_by').fill(`${y}-03-25`);
  // an optional criterion: its weight counts in the sum, refused until the others make room for it
  await page.locator('#f-add-criterion').click();
  await page.locator('#f-criterion-0-name').fill('Social engagement');
  await page.locator('#f-criterion-0-name_de').fill('Soziales Engagement');
  await page.locator('#f-criterion-0-weight').fill('10');
  await page.locator('#f-criterion-0-points_max').fill('5');
  await page.locator('.sum', { hasText: '110' }).waitFor();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#f-weight_grade-error').waitFor();
  await page.locator('#f-weight_grade').fill('40');
  await page.locator('.sum', { hasText: '100' }).waitFor();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/calls\/\d+$/);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Quotas to offer from' }).waitFor();
  await settled(page);
  assert.match(await page.locator('main').textContent(), /No offers yet/);
  assert.match(await page.locator('.criteria').textContent(), /Social engagement: 10 %, up to 5 points/);
  await screenshot(page, 'call-page');
  // the office reaches the call's applications from the call; applying is the students'
  assert.equal(await page.getByRole('link', { name: 'Applications', exact: true }).getAttribute('href'), page.url().replace(/^https?:\/\/[^/]+/, '') + '/applications');
  assert.equal(await page.getByRole('link', { name: 'My application', exact: true }).count(), 0);

  // the first quota with places withheld
  const offer = page.locator('#usable-quotas a', { hasText: 'Offer places' }).first();
  const partner = (await offer.getAttribute('aria-label')).replace(/^Offer places of /, '');
  await offer.click();
  await page.getByRole('heading', { level: 1, name: 'New offer' }).waitFor();
  await settled(page);
  await page.locator('#f-places').fill('1');
  await page.locator('#f-term').selectOption('summer');
  // the partner selects by interview: its own weights, refused until all three sum to the 90 the call's
  // optional criterion leaves
  await page.locator('#f-weight_committee').fill('100');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#f-weight_grade[aria-invalid="true"]').waitFor();
  await page.locator('#f-weight_grade').fill('0');
  await page.locator('#f-weight_language').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#f-weight_grade-error').getByText(/sum to 90 .*not 100/).waitFor();
  await page.locator('#f-weight_committee').fill('90');
  await screenshot(page, 'offer-form');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/calls\/\d+$/);
  await page.locator('#offers').getByText(partner, { exact: true }).waitFor();
  assert.match(await page.locator('#offers').textContent(), /Summer semester/);
  // stored: the call with its timeline, and its one offer
  const callId = Number(page.url().split('/').pop());
  const call = await (await app.api(`/calls/${callId}`)).json();
  assert.equal(call.title, title);
  assert.equal(call.accept_by, `${y}-03-25`);
  assert.deepEqual(call.criteria, [{ code: 'social_engagement', name: 'Social engagement', name_de: 'Soziales Engagement', weight: 10, points_max: 5 }]);
  assert.equal(call.weight_grade, 40);
  const { items: offers } = await (await app.api(`/calls/${callId}/offers`)).json();
  assert.deepEqual(offers.map((o) => [o.term, o.places, o.weight_grade, o.weight_language, o.weight_committee]), [['summer', 1, 0, 0, 90]]);

  // the same page in German
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 2, name: 'Zeitplan' }).waitFor();
  await page.locator('#offers').getByText('Sommersemester').waitFor();
  assert.match(await page.locator('.criteria').textContent(), /Soziales Engagement: 10 %, bis zu 5 Punkte/);
  await screenshot(page, 'call-page-de');
  await page.getByRole('button', { name: 'English' }).click();
  // the 422s are the timeline, the weights of the call and the partial weights refused above
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});

test('a student reads the calls and their offers and changes nothing', async () => {
  const page = await app.signedInPage('student');
  await page.goto('/calls');
  await page.getByRole('heading', { level: 1, name: 'Calls for exchange places' }).waitFor();
  await settled(page);
  assert.equal(await page.getByRole('link', { name: 'New call' }).count(), 0);
  await page.getByRole('link', { name: /^Erasmus\+ and exchange places/ }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Offers' }).waitFor();
  await settled(page);
  assert.ok((await page.locator('#offers tbody tr').count()) > 0);
  assert.equal(await page.getByRole('link', { name: 'Edit call' }).count(), 0);
  assert.equal(await page.locator('#usable-quotas').count(), 0);
  await screenshot(page, 'call-page-student');
  // the student goes from the call to their own application, and sees no one else's
  assert.equal(await page.getByRole('link', { name: 'Applications', exact: true }).count(), 0);
  await page.getByRole('link', { name: 'My application', exact: true }).click();
  await page.waitForURL(/\/calls\/\d+\/apply$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
