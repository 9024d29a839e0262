// Funding-only calls (issue 10, item 6) on the demo's traineeship call: the student describes the stay they
// organise themselves, sees the months as they type and why a half tertial cannot be funded, saves a whole
// tertial and submits; the office checks the application, runs the call from its allocation page, reads the
// months granted and the budget used and left; the dean signs off, the office publishes; the student reads the
// months granted and accepts them. The student's form and the run's page pass axe-core in English and German.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled, axeViolations, backToEnglish } from './harness.mjs';
import { daysFromNow, markComplete, moveCall as moveCallOf, ok, pageTo, publishRun } from './calls-api.mjs';

// a number of days as the English screens write it ("1,180")
const daysText = (days) => new Intl.NumberFormat('en-GB').format(days);

let app;
let call;
let year; // the calendar year the stay falls in: the second of the call's academic year
let runId;

async function moveCall(dates) {
  call = await moveCallOf(app, call.id, dates);
}

async function inBothLanguages(page, label, heading) {
  assert.deepEqual(await axeViolations(page), [], label);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  try {
    await page.getByRole('heading', { name: heading }).first().waitFor();
    await settled(page);
    assert.deepEqual(await axeViolations(page), [], `${label} (de)`);
  } finally {
    await backToEnglish(page);
  }
}

before(async () => {
  app = await startApp();
  const calls = await ok(await app.api('/calls?limit=100'));
  call = calls.items.find((c) => c.kind === 'funding');
  assert.ok(call, 'the demo has a traineeship call');
  year = Number(call.academic_year.slice(0, 4)) + 1;
  await moveCall({
    applications_open: daysFromNow(-30),
    applications_close: daysFromNow(1),
    selection_by: daysFromNow(2),
    publication_on: daysFromNow(3),
    accept_by: daysFromNow(5),
    nomination_by: daysFromNow(10),
  });
});
after(async () => {
  await app?.close();
});

test('a student plans a tertial abroad: a half tertial is too short, a whole one is submitted', async () => {
  const page = await app.signedInPage('student');
  await page.goto(`/calls/${call.id}/apply`);
  await page.getByRole('heading', { level: 2, name: 'The stay you plan' }).waitFor();
  await settled(page);
  await page.getByLabel('Kind of stay').selectOption('final_year_tertial');
  await page.getByLabel('Host organisation').fill('Hospices Civils de Lyon');
  await page.getByLabel('City').fill('Lyon');
  await page.getByLabel('Country (two-letter code, e.g. FR)').fill('fr');
  await page.getByLabel('First day').fill(`${year}-03-06`);
  await page.getByLabel('Last day').fill(`${year}-04-30`);
  // the months as Erasmus counts them, before anything is saved
  assert.match(await page.getByTestId('stay-months').textContent(), /55 days, 1\.83 months/);
  await page.getByRole('button', { name: 'Save the stay' }).click();
  await page.getByText('Your stay is saved.').waitFor();
  const verdict = page.getByTestId('stay-eligibility');
  assert.match(await verdict.textContent(), /cannot fund this stay/);
  assert.match(await verdict.textContent(), /a half tertial of 8 weeks is shorter than the 60 days/);
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByText(/Erasmus\+ cannot fund this stay/).first().waitFor();

  await page.getByLabel('Last day').fill(`${year}-06-25`);
  assert.match(await page.getByTestId('stay-months').textContent(), /110 days, 3\.67 months/);
  await page.getByRole('button', { name: 'Save the stay' }).focus();
  await page.keyboard.press('Enter');
  await verdict.getByText('Erasmus+ can fund this stay (3.67 months).').waitFor();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByTestId('application-status').getByText('Submitted').waitFor();
  await screenshot(page, 'funding-stay');
  await inBothLanguages(page, 'the stay form', 'Ihr geplanter Aufenthalt');
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});

test('the office runs the call within its budget, the dean signs off, the office publishes', async () => {
  // the office checks every submitted application of the call (the demo's and Stefan's)
  const applications = await ok(await app.api(`/calls/${call.id}/applications?status=submitted&limit=100`));
  const stefansApplication = applications.items.find((a) => a.given_name === 'Stefan' && a.family_name === 'Student');
  assert.ok(stefansApplication, 'the student’s application is not submitted');
  assert.equal(stefansApplication.stay.days, 110);
  for (const item of applications.items) await markComplete(app, item.id);
  await moveCall({ applications_close: daysFromNow(-1), selection_by: daysFromNow(0), publication_on: daysFromNow(0) });

  const page = await app.signedInPage('international_office');
  await page.goto(`/calls/${call.id}/allocation`);
  await page.getByRole('heading', { level: 1, name: 'Allocation' }).waitFor();
  await settled(page);
  await page.getByRole('button', { name: 'Start a run' }).click();
  await page.locator('dialog[open]').getByRole('button', { name: 'Start a run' }).click();
  await page.getByText(/Run of round 1 computed: \d+ of \d+ applicants placed/).waitFor();
  const runs = await ok(await app.api(`/calls/${call.id}/allocation-runs`));
  runId = runs.items[0].id;
  const budget = runs.items[0].funding.budget_days;
  assert.equal(budget, call.funded_months * 30);
  await page.goto(`/allocation-runs/${runId}`);
  await page.getByRole('heading', { level: 1, name: 'Allocation run' }).waitFor();
  await settled(page);
  const granted = runs.items[0].funding.days_granted;
  assert.ok(granted >= 110 && granted <= budget, `${granted} days granted of ${budget}`);
  assert.match(await page.getByTestId('run-granted').textContent(), new RegExp(`\\(${daysText(granted)} days\\)`));
  assert.match(await page.getByTestId('run-left').textContent(), new RegExp(`\\(${daysText(budget - granted)} days\\)`));
  // Stefan's row (the demo's applications score below or above him: his rank is not fixed)
  const stefan = page.locator(`#results tbody tr[data-application="${stefansApplication.id}"]`);
  await pageTo(page, stefan, 'the row of Stefan’s application', { pages: 5 });
  assert.match(await stefan.getByTestId('funding-cell').textContent(), /3\.67 of 3\.67 months · rank \d+/);
  await screenshot(page, 'funding-run');
  await inBothLanguages(page, 'the funding run', 'Vergabelauf');
  assert.deepEqual(page.errors, []);
  await page.close();

  const dean = await app.signedInPage('management');
  await dean.goto(`/allocation-runs/${runId}`);
  await dean.getByRole('button', { name: 'English' }).click();
  await dean.getByRole('heading', { level: 1, name: 'Allocation run' }).waitFor();
  await settled(dean);
  await dean.getByRole('button', { name: 'Sign off' }).click();
  await dean.locator('dialog[open]').getByRole('button', { name: 'Sign off' }).click();
  await dean.getByText('Run signed off.').waitFor();
  await dean.close();

  await publishRun(app, runId);
});

test('the student reads the months granted and accepts them', async () => {
  assert.ok(runId, 'no run');
  const page = await app.signedInPage('student');
  await page.goto(`/calls/${call.id}/apply`);
  const result = page.getByTestId('my-result');
  await result.waitFor();
  await settled(page);
  assert.match(await page.getByTestId('placement').textContent(), /You are granted 3\.67 months of Erasmus\+ funding/);
  await page.getByRole('button', { name: 'Accept the funding' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('dialog[open]').getByRole('button', { name: 'Accept the funding' }).click();
  await page.getByTestId('result-response').getByText(/You accepted Erasmus\+ funding of 3\.67 months/).waitFor();
  await screenshot(page, 'funding-result');
  await inBothLanguages(page, 'the funding result', 'Mein Ergebnis');
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});
