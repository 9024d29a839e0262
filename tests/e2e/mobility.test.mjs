// Mobilities (issue 11, first slice): the office records a staff member's stay at a host outside the register
// through the form (a last day before the first is refused beside its field), takes it from nominated to completed
// through the page's step buttons (a cancellation without a reason refused in its dialog), finds it in the list, and
// reads the page in German (axe-core); a student reads their own stay and its timeline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled, login, axeViolations, backToEnglish } from './harness.mjs';

let app;
let studentId; // the demo student, 4711001 (Stefan Student)
let kcl; // the partnership with King's College London
before(async () => {
  app = await startApp();
  studentId = (await (await app.api('/students?q=4711001')).json()).items[0]?.id;
  assert.ok(studentId, 'the demo has the student 4711001');
  const partners = await (await app.api(`/partnerships?q=${encodeURIComponent('College London')}`)).json();
  kcl = partners.items.find((p) => /King.s College London/.test(p.institution?.name ?? ''));
  assert.ok(kcl, 'the demo has King’s College London');
});
after(async () => {
  await app?.close();
});

async function axe(page, label) {
  const result = await axeViolations(page);
  assert.deepEqual(result, [], `${label}: ${JSON.stringify(result)}`);
}

const timeline = (page) => page.locator('#stay-timeline > li');
async function stepThroughButton(page, name, entries) {
  await page.getByRole('group', { name: 'Steps the stay may take now' }).getByRole('button', { name, exact: true }).click();
  if (entries) await timeline(page).nth(entries - 1).waitFor();
}
async function stepThroughDialog(page, name, fill, entries) {
  await stepThroughButton(page, name);
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Record the step' }).click();
  if (entries) {
    await timeline(page).nth(entries - 1).waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }
  return dialog;
}

test('the office records a staff stay through the form and takes it from nominated to completed', async () => {
  const page = await app.newPage();
  await page.goto('/mobilities/new');
  await page.getByRole('heading', { level: 1, name: 'New mobility' }).waitFor();
  await settled(page);
  await page.locator('#f-category').selectOption('staff_teaching');
  // a staff member is named, not picked from the students
  assert.equal(await page.locator('#f-person_mode-record').count(), 0);
  const family = `Lehrkraft${Date.now() % 100000}`;
  await page.locator('#f-family_name').fill(family);
  await page.locator('#f-given_name').fill('Lena');
  await page.locator('#f-email').fill(`${family.toLowerCase()}@weltcampus.example`);
  await page.locator('#f-partner_mode-host').check();
  await page.locator('#f-host_name').fill('Karolinska University Hospital');
  await page.locator('#f-host_country').selectOption('SE');
  await page.locator('#f-planned_start').fill('2027-03-08');
  await page.locator('#f-planned_end').fill('2027-03-01');
  await axe(page, '/mobilities/new');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#f-planned_end-error').waitFor();
  await page.locator('#f-planned_end').fill('2027-03-12');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/mobilities\/\d+$/);
  const id = Number(page.url().match(/\/mobilities\/(\d+)$/)[1]);
  await page.getByRole('heading', { level: 1, name: `${family}, Lena` }).waitFor();
  await settled(page);
  const stored = await (await app.api(`/mobilities/${id}`)).json();
  assert.deepEqual(
    [stored.direction, stored.category, stored.student_id, stored.partner_name, stored.host_country, stored.planned_end, stored.stay_state],
    ['outgoing', 'staff_teaching', null, 'Karolinska University Hospital', 'SE', '2027-03-12', 'nominated'],
  );
  assert.equal(await timeline(page).count(), 1, 'the timeline begins with the record, nominated');
  await page.getByRole('button', { name: 'Delete' }).waitFor();

  // the steps the server allows, one by one
  await stepThroughButton(page, 'Partner accepted', 2);
  await page.getByText('Recorded: Acceptance by the partner.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Delete' }).count(), 0, 'only a nominated mobility is deleted');
  await stepThroughButton(page, 'Start preparation', 3);
  // a cancellation needs a reason: refused beside the field, the dialog stays open
  const cancel = await stepThroughDialog(page, 'Cancel the stay', async () => {});
  await cancel.locator('#step-reason-error').getByText(/Say why/).waitFor();
  assert.equal(await cancel.locator('#step-reason').getAttribute('aria-invalid'), 'true');
  await cancel.getByRole('button', { name: 'Cancel', exact: true }).click();
  await cancel.waitFor({ state: 'hidden' });
  await stepThroughDialog(page, 'Stay started', (d) => d.getByLabel('First day abroad').fill('2027-03-08'), 4);
  await stepThroughDialog(page, 'Complete', (d) => d.getByLabel('Last day abroad').fill('2027-03-12'), 5);
  await settled(page);
  assert.equal((await page.getByTestId('stay-state').textContent()).trim(), 'Completed');
  const steps = (await timeline(page).locator('.what strong').allTextContents()).map((s) => s.trim());
  assert.deepEqual(steps, ['Recorded', 'Acceptance by the partner', 'Preparation', 'Start', 'Completion']);
  await timeline(page).nth(3).getByText('First day: 8 Mar 2027').waitFor();
  await page.getByText('No further step: this state is final.').waitFor();
  const events = await (await app.api(`/mobilities/${id}/events`)).json();
  assert.deepEqual(events.allowed_steps, []);
  assert.deepEqual(events.items.map((e) => [e.step, e.on]), [['accept', null], ['prepare', null], ['start', '2027-03-08'], ['complete', '2027-03-12']]);
  await screenshot(page, 'mobility-page');

  // the same page in German
  await page.getByRole('button', { name: 'Deutsch' }).click();
  try {
    await page.getByRole('heading', { level: 3, name: 'Verlauf' }).waitFor();
    await settled(page);
    assert.equal((await page.getByTestId('stay-state').textContent()).trim(), 'abgeschlossen');
    await timeline(page).getByText('Annahme durch den Partner').waitFor();
    await axe(page, `/mobilities/${id} (de)`);
    await screenshot(page, 'mobility-page-de');
  } finally {
    await backToEnglish(page);
  }

  // the list finds it, its export with the list's filter
  await page.goto(`/mobilities?q=${family}`);
  await page.getByRole('heading', { level: 1, name: 'Mobilities' }).waitFor();
  await settled(page);
  await page.getByRole('link', { name: `${family}, Lena` }).waitFor();
  assert.equal(await page.locator('main tbody tr').count(), 1);
  assert.match(await page.locator('main tbody tr').textContent(), /Karolinska University Hospital[\s\S]*Completed/);
  await axe(page, '/mobilities');
  assert.match(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href'), new RegExp(`^/api/v1/mobilities\\?.*q=${family}.*format=csv`));
  // the one 422 is the last day refused above, the other the cancellation without a reason
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});

test('a student reads their own stay abroad and its timeline', async () => {
  const created = await app.api('/mobilities', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      direction: 'outgoing',
      category: 'student_studies',
      student_id: studentId,
      partnership_id: kcl.id,
      academic_year: '2027/2028',
      planned_start: '2027-10-01',
      planned_end: '2028-03-31',
      funding_line: 'erasmus_ka131_studies',
    }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const mobility = await created.json();
  const accepted = await app.api(`/mobilities/${mobility.id}/stay`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'If-Match': `"${mobility.version}"` },
    body: JSON.stringify({ step: 'accept' }),
  });
  assert.equal(accepted.status, 200, await accepted.clone().text());

  const page = await app.newPage();
  await login(page, 'student');
  await page.goto('/me/mobilities');
  await page.getByRole('heading', { level: 1, name: 'My stays abroad' }).waitFor();
  await settled(page);
  // the exchange's navigation holds the student's own stays
  assert.equal(await page.getByRole('link', { name: 'My stays abroad' }).getAttribute('aria-current'), 'page');
  const stay = page.locator(`[data-mobility="${mobility.id}"]`);
  await stay.getByRole('heading', { level: 2, name: /King.s College London/ }).waitFor();
  assert.match(await stay.textContent(), /Accepted by the partner[\s\S]*Erasmus\+ KA131 studies/);
  assert.deepEqual((await stay.locator('ol > li .what strong').allTextContents()).map((s) => s.trim()), ['Recorded', 'Acceptance by the partner']);
  // read-only: no step, no edit
  assert.equal(await page.getByRole('button', { name: 'Partner accepted' }).count(), 0);
  await axe(page, '/me/mobilities');
  await screenshot(page, 'my-mobilities');
  // the office's list is not the student's
  assert.equal(await page.evaluate(async () => (await fetch('/api/v1/mobilities')).status), 403);
  assert.deepEqual(page.errors.filter((e) => !/status of 403/.test(e)), []);
  await page.close();
});
