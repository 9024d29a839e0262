// Allocation (issue 10, items 5 and 10) on the demo data: the student submits, the office checks the call's
// applications (a run is refused, and says why, while some are unchecked), starts a run from the keyboard, reads
// the results and their explanations and repeats the run identically; the dean signs it off; the office
// publishes; the student reads why the first preference was not given and accepts the place from the keyboard;
// the student objects to the result, the dean answers in the run's page, the student reads the answer.
// The run's page and the student's result pass axe-core in English and German.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startApp, screenshot, settled, SCREENSHOTS, axeViolations, backToEnglish } from './harness.mjs';
import { daysFromNow, etag, json, markComplete, moveCall as moveCallOf, ok, pageTo, pick, publishRun } from './calls-api.mjs';

let app;
let student;
let call;
let first; // the student's first preference, made one they are not eligible for
let second; // the student's second preference, with places enough for everyone
let runId;

const OFFER_FIELDS = ['quota_id', 'term', 'places', 'extra_places', 'months_per_place', 'eqf_levels', 'isced_code', 'language', 'cefr_level',
  'requires_first_state_exam'];

async function moveCall(dates) {
  call = await moveCallOf(app, call.id, dates);
}

async function changeOffer(id, changes) {
  const res = await app.api(`/offers/${id}`);
  const offer = await ok(res);
  return app.api(`/offers/${id}`, {
    method: 'PUT',
    headers: { ...json, 'If-Match': etag(res) },
    body: JSON.stringify({ ...pick(offer, OFFER_FIELDS), ...changes(offer) }),
  });
}

const mine = async () => ok(await student(`/calls/${call.id}/my-application`));
const eligibleIds = async () => (await mine()).offers.filter((o) => o.eligible).map((o) => o.offer.id);

async function axe(page, label) {
  const result = await axeViolations(page);
  assert.deepEqual(result, [], `${label}: ${JSON.stringify(result)}`);
}

async function inBothLanguages(page, label, check) {
  await axe(page, label);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  try {
    await check();
    await settled(page);
    await axe(page, `${label} (de)`);
  } finally {
    await backToEnglish(page);
  }
}

before(async () => {
  app = await startApp();
  student = await app.apiAs('student');
  // the demo's call for places (the student has a draft in it), its application period running today
  const calls = await ok(await app.api('/calls?kind=places&limit=100'));
  // the newest call for places: the one the demo's applications are in
  call = calls.items.filter((c) => c.kind === 'places').sort((a, b) => b.id - a.id)[0];
  assert.ok(call, 'the demo has a call for places');
  await moveCall({
    applications_open: daysFromNow(-30),
    applications_close: daysFromNow(1),
    selection_by: daysFromNow(2),
    publication_on: daysFromNow(3),
    accept_by: daysFromNow(5),
    nomination_by: daysFromNow(10),
  });
  const open = await eligibleIds();
  assert.ok(open.length >= 2, `the student has ${open.length} offers open`);
  // the second preference: places enough for every applicant (the partner's agreed places do not count on the quota)
  second = open[open.length - 1];
  await ok(await changeOffer(second, (o) => ({ places: o.places + 200, extra_places: o.extra_places + 200 })));
  first = open[0];
  const res = await student(`/calls/${call.id}/my-application`);
  const draft = await ok(res);
  let version = etag(res);
  assert.equal(draft.application?.status, 'draft', 'the demo student has a draft in the call');
  const saved = await student(`/calls/${call.id}/my-application`, {
    method: 'PUT',
    headers: { ...json, 'If-Match': version },
    body: JSON.stringify({ preferences: [first, second] }),
  });
  await ok(saved);
  version = etag(saved);
  await ok(await student(`/calls/${call.id}/my-application/submit`, { method: 'POST', headers: { 'If-Match': version } }));
  // after the deadline the office narrows the first preference (a certificate he does not have, or a doctoral
  // level): the student is no longer eligible for it
  for (const narrow of [
    (o) => (o.language ? { cefr_level: 'C2' } : { language: 'is', cefr_level: 'C2' }),
    () => ({ eqf_levels: [8] }),
  ]) {
    await changeOffer(first, narrow);
    if (!(await eligibleIds()).includes(first)) break;
  }
  assert.ok(!(await eligibleIds()).includes(first), 'the first preference could not be narrowed');
  await moveCall({ applications_close: daysFromNow(-1), selection_by: daysFromNow(0), publication_on: daysFromNow(0) });
});
after(async () => {
  await app?.close();
});

async function checkAll() {
  let cursor;
  let checked = 0;
  do {
    const page = await ok(await app.api(`/calls/${call.id}/applications?status=submitted&limit=200${cursor ? `&cursor=${cursor}` : ''}`));
    for (const a of page.items) {
      await markComplete(app, a.id);
      checked += 1;
    }
    cursor = page.next_cursor;
  } while (cursor);
  return checked;
}

test('the office cannot run while applications are unchecked, then runs from the keyboard and reads the results', async () => {
  const page = await app.signedInPage('international_office');
  await page.goto(`/calls/${call.id}`);
  await page.locator('main h1').waitFor();
  await settled(page);
  await page.getByRole('link', { name: 'Allocation', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Allocation' }).waitFor();
  await settled(page);
  assert.match(await page.locator('main').textContent(), /No run yet/);

  // refused while applications are still submitted, not checked: the screen says so, with the server's count
  await page.getByRole('button', { name: 'Start a run' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('dialog[open]').getByRole('button', { name: 'Start a run' }).focus();
  await page.keyboard.press('Enter');
  const refusal = page.getByTestId('start-error');
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /Not every application has been checked yet/);
  assert.equal(await page.getByRole('alert').filter({ has: refusal }).count(), 1);
  await screenshot(page, 'allocation-refused');

  assert.ok((await checkAll()) >= 1, 'the demo call had no submitted application');
  await page.getByRole('button', { name: 'Start a run' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('dialog[open]').getByRole('button', { name: 'Start a run' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText(/Run of round 1 computed: \d+ of \d+ applicants placed/).waitFor();
  const runs = await ok(await app.api(`/calls/${call.id}/allocation-runs`));
  assert.equal(runs.items.length, 1);
  runId = runs.items[0].id;
  const row = page.locator('#runs tbody tr').first();
  await row.getByText('Computed').waitFor();
  assert.ok(runs.items[0].created_by);
  assert.match(await row.textContent(), new RegExp(runs.items[0].created_by));
  assert.match(await row.textContent(), new RegExp(`${runs.items[0].placed} of ${runs.items[0].applicants}`));
  assert.match(await row.textContent(), new RegExp(runs.items[0].seed));
  await screenshot(page, 'allocation-runs');
  // the runs as a file, from the section's own export link
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('section[aria-labelledby="runs-h"]').getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^allocation-runs-.*\.csv$/);
  const runsCsv = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
  assert.match(runsCsv[0], /^Run ID,Round,Status,Applicants,Placed/);
  assert.match(runsCsv[1], new RegExp(`^${runId},1,computed,${runs.items[0].applicants},${runs.items[0].placed},`));

  await row.getByRole('link', { name: `Results of round 1, run ${runId}` }).click();
  await page.getByRole('heading', { level: 1, name: 'Allocation run' }).waitFor();
  await settled(page);
  // the office runs and publishes; signing off is the committee's
  assert.equal(await page.getByRole('button', { name: 'Sign off' }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Publish to the students' }).count(), 0);
  // the student's row: the second preference, and why not the first
  await page.locator('#arf-placed').selectOption('true');
  await settled(page);
  const placedRows = page.locator('#results tbody tr[data-application]');
  assert.ok((await placedRows.count()) >= 1);
  for (const text of await placedRows.allTextContents()) assert.match(text, /preference \d/);
  // the student's row, a page at a time
  const stefan = page.locator('#results tbody tr[data-application]', { hasText: 'Student, Stefan' });
  await pageTo(page, stefan, 'the row of Student, Stefan');
  assert.match(await stefan.textContent(), /preference 2/);
  const why = stefan.locator('button[aria-controls]');
  assert.equal(await why.getAttribute('aria-label'), 'Show why for Student, Stefan');
  await why.focus();
  await page.keyboard.press('Enter');
  assert.equal(await why.getAttribute('aria-expanded'), 'true');
  assert.equal(await why.getAttribute('aria-label'), 'Hide why for Student, Stefan');
  const explanation = page.locator(`#${await why.getAttribute('aria-controls')}`);
  assert.match(await explanation.textContent(), /: the applicant was not eligible for it\./);
  // the unplaced: every preference explained (the demo's call has more applicants than places)
  const { applicants, placed } = runs.items[0];
  assert.ok(applicants > placed, `the run left nobody without a place: ${placed} of ${applicants} placed`);
  await page.locator('#arf-placed').selectOption('false');
  await page.waitForURL(/placed=false/);
  await settled(page);
  const unplaced = page.locator('#results tbody tr[data-application]');
  await unplaced.first().waitFor();
  const unplacedRows = await unplaced.allTextContents();
  assert.equal(unplacedRows.length, Math.min(50, applicants - placed), 'a row for each applicant without a place');
  for (const text of unplacedRows) assert.match(text, /no place/);

  await page.getByRole('button', { name: 'Repeat the run' }).click();
  assert.match(await page.getByTestId('repeat-result').textContent(), /the results are identical/);
  const input = page.getByRole('link', { name: 'Download the input (JSON)' });
  const solve = await ok(await app.api((await input.getAttribute('href')).replace(/^\/api\/v1/, '')));
  assert.ok(solve.offers.some((o) => o.id === `o${second}`));
  assert.ok(solve.applicants.length >= 1 && solve.applicants.every((a) => /^a\d+$/.test(a.id)));
  await screenshot(page, 'allocation-run');
  await inBothLanguages(page, 'allocation run', () => page.getByRole('heading', { level: 1, name: 'Vergabelauf' }).waitFor());
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});

test('the office sees where one more place helps most, exports that list and asks a what-if in the form', async () => {
  const ranked = await ok(await app.api(`/allocation-runs/${runId}/one-more-place?limit=20`));
  assert.ok(ranked.items.length > 0, 'one more place would change nothing in this run');
  const top = ranked.items[0];
  const page = await app.signedInPage('international_office');
  await page.goto(`/calls/${call.id}/demand`);
  await settled(page);
  await page.locator('main').getByRole('link', { name: 'One more place', exact: true }).click();
  await page.waitForURL(new RegExp(`/allocation-runs/${runId}/one-more-place`));
  await page.getByRole('heading', { level: 1, name: 'One more place' }).waitFor();
  await settled(page);
  const items = page.locator('#one-more-place > li');
  assert.equal(await items.count(), ranked.items.length);
  const summary = await items.first().locator('summary').textContent();
  assert.ok(summary.includes(top.partner_name), summary);
  assert.ok(summary.includes(`${top.newly_placed} newly placed, ${top.improved} improved`), summary);
  // who would move, as the API names them
  await items.first().locator('summary').click();
  assert.equal(await items.first().locator('tbody tr').count(), top.moves.length);
  await screenshot(page, 'one-more-place');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('section[aria-labelledby="om-h"]').getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^one-more-place-.*\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  assert.equal(lines[0], 'Offer ID,Partner,Term,Newly placed,Improved,Students who move');
  assert.equal(lines.length, ranked.items.length + 1);
  assert.ok(lines[1].startsWith(`${top.offer_id},`), lines[1]);
  assert.ok(lines[1].endsWith(`,${top.newly_placed},${top.improved},${top.moves.length}`), lines[1]);

  // a what-if asked in the form: two more places at the top offer, answered as the API answers it
  const expected = await ok(await app.api(`/allocation-runs/${runId}/what-if`, { method: 'POST', headers: json, body: JSON.stringify({ offer_id: top.offer_id, places: 2 }) }));
  await page.locator('#wi-target').selectOption('offer');
  await page.locator('#wi-id').selectOption(String(top.offer_id));
  await page.locator('#wi-places').fill('2');
  await page.getByRole('button', { name: 'Show the effect' }).click();
  await page.getByRole('status').getByText(`${expected.newly_placed} newly placed, ${expected.improved} improved, ${expected.worse} worse off`).waitFor();
  assert.equal(await page.locator('section[aria-labelledby="wi-h"] tbody tr').count(), expected.moves.length);
  // a bad number of places is refused at its field, nothing asked
  await page.locator('#wi-places').fill('0');
  await page.getByRole('button', { name: 'Show the effect' }).click();
  await page.locator('#wi-places[aria-invalid="true"]').waitFor();
  await page.close();
});

test('the dean signs the run off, the office publishes it', async () => {
  assert.ok(runId, 'no run');
  const dean = await app.signedInPage('management');
  await dean.goto(`/allocation-runs/${runId}`);
  // the dean reads German: this test reads English
  await dean.getByRole('button', { name: 'English' }).click();
  await dean.getByRole('heading', { level: 1, name: 'Allocation run' }).waitFor();
  await settled(dean);
  assert.equal(await dean.getByRole('link', { name: 'Download the input (JSON)' }).count(), 0);
  await dean.getByRole('button', { name: 'Sign off' }).click();
  await dean.locator('dialog[open]').getByRole('button', { name: 'Sign off' }).click();
  await dean.getByText('Run signed off.').waitFor();
  assert.match(await dean.getByTestId('run-status').textContent(), /Signed off/);
  assert.equal(await dean.getByRole('button', { name: 'Publish to the students' }).count(), 0);
  assert.deepEqual(dean.errors, []);
  await dean.close();

  await publishRun(app, runId);
});

test('the student reads why and accepts the place with the keyboard', async () => {
  const page = await app.signedInPage('student');
  await page.goto(`/calls/${call.id}/apply`);
  await page.getByRole('heading', { level: 2, name: 'My result' }).waitFor();
  await settled(page);
  const result = (await mine()).result;
  const offerOf = (id) => result.explanation.find((e) => e.offer_id === id);
  assert.equal(result.preference_rank, 2);
  assert.equal(result.offer.id, second);
  assert.match(await page.getByTestId('placement').textContent(), /^You received a place at .+, your preference 2\.$/);
  const reasons = await page.getByTestId('result-reasons').locator('li').allTextContents();
  assert.equal(reasons.length, 1);
  assert.equal(reasons[0], `${offerOf(first).partner_name}, ${{ full_year: 'full year', winter: 'winter semester', summer: 'summer semester' }[offerOf(first).term]}: you were not eligible for it.`);
  await inBothLanguages(page, 'my result', () => page.getByRole('heading', { level: 2, name: 'Mein Ergebnis' }).waitFor());

  await page.getByRole('button', { name: 'Accept the place' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog[open]');
  assert.match(await dialog.textContent(), /cannot be changed afterwards/);
  await dialog.getByRole('button', { name: 'Accept the place' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('result-response').waitFor();
  assert.match(await page.getByTestId('result-response').textContent(), /^You accepted the place at /);
  assert.equal(await page.getByRole('button', { name: 'Accept the place' }).count(), 0);
  assert.equal((await mine()).result.response, 'accepted');
  await screenshot(page, 'my-result');
  await page.getByTestId('my-result').screenshot({ path: join(SCREENSHOTS, 'my-result-section.png') });
  // a second answer is refused by the server
  const again = await student(`/calls/${call.id}/my-application/decline`, { method: 'POST' });
  assert.equal(again.status, 422);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the student objects to the result, the dean answers from the run’s page, the student reads the answer', async () => {
  assert.ok(runId, 'no run');
  const words = 'My C1 certificate was not counted for my first preference.';
  const page = await app.signedInPage('student');
  await page.goto(`/calls/${call.id}/apply`);
  await page.getByRole('heading', { level: 2, name: 'My result' }).waitFor();
  await settled(page);
  const state = (await mine()).objections;
  assert.equal(state.can_object, true);
  assert.deepEqual(state.items, []);
  const section = page.getByTestId('my-objection');
  assert.match(await section.textContent(), /You may object to this result until /);
  await page.getByLabel('What do you object to?').focus();
  await page.keyboard.type(words);
  await page.getByRole('button', { name: 'Send the objection' }).focus();
  await page.keyboard.press('Enter');
  await page.getByText('Your objection has been sent.').waitFor();
  assert.equal(await section.getByTestId('objection-status').textContent(), 'Open');
  assert.match(await section.textContent(), /Your objection is with the committee/);
  assert.equal(await page.getByRole('button', { name: 'Send the objection' }).count(), 0);
  await inBothLanguages(page, 'my objection', () => page.getByRole('heading', { level: 3, name: 'Widerspruch' }).waitFor());
  await screenshot(page, 'my-objection');
  assert.deepEqual(page.errors, []);
  await page.close();

  const dean = await app.signedInPage('management');
  await dean.goto(`/allocation-runs/${runId}`);
  await dean.getByRole('button', { name: 'English' }).click();
  await dean.getByRole('heading', { level: 1, name: 'Allocation run' }).waitFor();
  await settled(dean);
  assert.equal(await dean.getByTestId('objections-open').textContent(), '1 open');
  const row = dean.locator('#objections tbody tr', { hasText: words });
  assert.match(await row.textContent(), /Student, Stefan/);
  await row.getByRole('button', { name: 'Answer the objection of Student, Stefan' }).focus();
  await dean.keyboard.press('Enter');
  const dialog = dean.locator('dialog[open]');
  assert.match(await dialog.textContent(), new RegExp(words));
  await dialog.getByLabel('Decision').selectOption('upheld');
  await dialog.getByLabel('Reasons').fill('Your certificate counts; the office rescores and runs a new round.');
  await axe(dean, 'answer dialog');
  await dialog.getByRole('button', { name: 'Send the answer' }).click();
  await dean.getByText('Answer recorded.').waitFor();
  assert.equal(await dean.locator('dialog[open]').count(), 0);
  assert.equal(await dean.getByTestId('objections-open').count(), 0);
  assert.match(await row.textContent(), /Upheld/);
  await inBothLanguages(dean, 'run objections', () => dean.getByRole('heading', { level: 2, name: 'Widersprüche' }).waitFor());
  await screenshot(dean, 'run-objections');
  assert.deepEqual(dean.errors, []);
  await dean.close();

  const again = await app.signedInPage('student');
  await again.goto(`/calls/${call.id}/apply`);
  await again.getByTestId('objection-decision').waitFor();
  assert.equal(await again.getByTestId('objection-decision').textContent(), 'The committee upheld your objection.');
  assert.equal(await again.getByTestId('objection-answer').textContent(), 'Your certificate counts; the office rescores and runs a new round.');
  assert.equal((await mine()).objections.items[0].decision, 'upheld');
  assert.deepEqual(again.errors, []);
  await again.close();
});
