// Students as records (issue 10, item 1): the office adds a student with a language certificate through the
// forms, finds them in the list, and a student sees and downloads their own record, and nobody else's.
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

test('the office creates a student, adds a language certificate and finds them in the list', async () => {
  const page = await app.signedInPage('international_office');
  await page.goto('/students');
  await page.locator('main h1').waitFor();
  await settled(page);
  await page.getByRole('link', { name: 'New student' }).click();
  await page.getByRole('heading', { level: 1, name: 'New student' }).waitFor();
  await settled(page);
  const number = String(5900000 + (Date.now() % 99999));
  await page.getByLabel('Matriculation number').fill(number);
  await page.getByLabel('E-mail').fill(`s${number}@mailbox.example.org`);
  await page.getByLabel('Family name').fill('Hartmann');
  await page.getByLabel('Given name').fill('Frieda');
  await page.getByLabel('Programme').selectOption({ label: 'Dentistry (State Examination)' });
  await page.getByLabel('Study semester').fill('6');
  // a grade with two decimals is refused, named beside its field
  await page.getByLabel('Grade average').fill('2.35');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#f-grade_average-error').waitFor();
  await page.getByLabel('Grade average').fill('2.3');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/students\/\d+\/edit$/);
  await page.getByRole('heading', { level: 2, name: 'Language certificates' }).waitFor();
  await settled(page);
  await page.locator('#c-language').fill('sv');
  await page.locator('#c-cefr_level').selectOption('B2');
  await page.getByRole('button', { name: 'Add certificate' }).click();
  await page.getByRole('button', { name: /Remove the certificate in Swedish/ }).waitFor();

  // stored as entered, the certificate with it
  const id = Number(page.url().match(/\/students\/(\d+)\/edit$/)[1]);
  const stored = await (await app.api(`/students/${id}`)).json();
  assert.equal(stored.matriculation_number, number);
  assert.equal(stored.family_name, 'Hartmann');
  assert.equal(stored.given_name, 'Frieda');
  assert.equal(stored.study_semester, 6);
  assert.equal(stored.grade_average, 2.3);
  const { items: certificates } = await (await app.api(`/students/${id}/language-certificates`)).json();
  assert.deepEqual(certificates.map((c) => [c.language, c.cefr_level]), [['sv', 'B2']]);

  await page.goto(`/students?q=${number}`);
  await settled(page);
  await page.getByRole('link', { name: 'Hartmann, Frieda' }).waitFor();
  assert.equal(await page.locator('main tbody tr').count(), 1);
  await screenshot(page, 'students-list');
  // the one 422 is the grade refused above
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});

test('a student sees their own record with its downloads, and not the office’s list', async () => {
  const page = await app.signedInPage('student');
  await page.goto('/me/student');
  await page.getByRole('heading', { level: 1, name: 'My student record' }).waitFor();
  await settled(page);
  const main = page.locator('main');
  await main.getByText('4711001', { exact: true }).waitFor();
  assert.match(await main.textContent(), /Medicine \(State Examination\)/);
  assert.match(await main.textContent(), /Cambridge C1 Advanced/);
  assert.equal(await page.getByRole('link', { name: 'Download (CSV)' }).getAttribute('href'), '/api/v1/me/student?format=csv');
  const csv = await page.evaluate(async () => {
    const r = await fetch('/api/v1/me/student?format=csv');
    return { status: r.status, type: r.headers.get('Content-Type'), body: await r.text() };
  });
  assert.equal(csv.status, 200);
  assert.match(csv.type, /text\/csv/);
  assert.match(csv.body, /\/matriculation_number,4711001/);
  await screenshot(page, 'my-student-record');
  // the office's list is not the student's
  await page.goto('/students');
  await page.getByRole('heading', { level: 1, name: 'No permission' }).waitFor();
  await settled(page);
  assert.equal(await page.getByRole('link', { name: /Student, Stefan/ }).count(), 0);
  assert.equal(await page.evaluate(async () => (await fetch('/api/v1/students')).status), 403);
  assert.deepEqual(page.errors.filter((e) => !/status of 403/.test(e)), []);
  await page.close();
});
