// Documents on an agreement (issue 9, "what offices ask for first" 2): the office uploads the signed agreement as a
// PDF, a file that is no PDF is refused by its bytes with a message, a new version keeps the old one, every version
// downloads byte for byte, deleting asks in the app's dialog; in German too; a student sees no documents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startApp, screenshot, settled } from './harness.mjs';

const pdf = (text) =>
  Buffer.from(`%PDF-1.4\n1 0 obj\n<< /Title (${text}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);

let app;
let agreement;
before(async () => {
  app = await startApp();
  const { items } = await (await app.api('/agreements?status=active&limit=5')).json();
  agreement = items[0];
  assert.ok(agreement, 'the demo has an active agreement');
});
after(async () => {
  await app?.close();
});

async function agreementPage(page) {
  await page.goto(`/agreements/${agreement.id}`);
  await page.locator('main h1').waitFor();
  await settled(page);
}

test('the office uploads a signed agreement, a second version, downloads both and deletes the document', async () => {
  const page = await app.signedInPage('international_office');
  await agreementPage(page);
  const docs = page.getByRole('region', { name: 'Documents' });
  await docs.getByText('No documents yet.').waitFor();
  await docs.getByRole('button', { name: 'Add document' }).click();

  // A text file dressed as a PDF passes the browser's check and is refused by the server, by its bytes.
  await page.getByLabel('PDF file').setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('just text') });
  assert.equal(await page.getByLabel('Title').inputValue(), 'fake');
  await page.getByLabel('Title').fill('Inter-institutional agreement, signed');
  await page.getByLabel('Kind').selectOption('signed_agreement');
  await docs.getByRole('button', { name: 'Upload' }).click();
  await docs.getByRole('alert').getByText('This file is not a PDF').waitFor();
  // and nothing half-done stays behind
  const none = await (await app.api(`/agreements/${agreement.id}/documents`)).json();
  assert.equal(none.total, 0, JSON.stringify(none));

  // A Word file is stopped in the browser already.
  await page.getByLabel('PDF file').setInputFiles({ name: 'draft.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('PK') });
  await docs.getByText('Only PDF files can be uploaded.').waitFor();

  const first = pdf('first');
  await page.getByLabel('PDF file').setInputFiles({ name: 'IIA signed.pdf', mimeType: 'application/pdf', buffer: first });
  await docs.getByRole('button', { name: 'Upload' }).click();
  await docs.getByText('“Inter-institutional agreement, signed” was uploaded.').waitFor();
  const link = docs.getByRole('link', { name: 'Download IIA signed.pdf' });
  await link.waitFor();
  assert.match(await docs.textContent(), /version 1/);

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'IIA signed.pdf');
  assert.deepEqual(await readFile(await download.path()), first);

  // a second version
  const second = pdf('countersigned');
  const chooser = page.waitForEvent('filechooser');
  await docs.getByRole('button', { name: /^Upload new version\s*:\s*Inter-institutional agreement, signed$/ }).click();
  await (await chooser).setFiles({ name: 'IIA countersigned.pdf', mimeType: 'application/pdf', buffer: second });
  await docs.getByText('A new version of “Inter-institutional agreement, signed” was uploaded.').waitFor();
  await docs.getByRole('link', { name: 'Download IIA countersigned.pdf' }).waitFor();
  await docs.getByText('All versions (2)').click();
  const older = docs.getByRole('link', { name: 'Version 1: IIA signed.pdf' });
  await older.waitFor();
  const [again] = await Promise.all([page.waitForEvent('download'), older.click()]);
  assert.deepEqual(await readFile(await again.path()), first);
  await screenshot(page, 'agreement-documents');

  // deleting asks first, in the app's dialog
  await docs.getByRole('button', { name: /^Delete\s*:\s*Inter-institutional agreement, signed$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete document' });
  await dialog.getByText('with all its versions (2)').waitFor();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await docs.getByText('No documents yet.').waitFor();
  await page.close();
});

test('in German, and a student sees no documents', async () => {
  const doc = await (
    await app.api(`/agreements/${agreement.id}/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Anlage B', kind: 'annex' }),
    })
  ).json();
  const up = await app.api(`/agreement-documents/${doc.id}/files?file_name=anlage-b.pdf`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/pdf' },
    body: pdf('Anlage B'),
  });
  assert.equal(up.status, 201, await up.text());

  const page = await app.signedInPage('international_office');
  await agreementPage(page);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  const docs = page.getByRole('region', { name: 'Dokumente' });
  await docs.getByText('Anlage B', { exact: true }).waitFor();
  assert.match(await docs.textContent(), /Anlage · |Anlage B · Anlage/);
  await docs.getByRole('link', { name: 'anlage-b.pdf herunterladen' }).waitFor();
  await docs.getByRole('button', { name: 'Dokument hinzufügen' }).waitFor();
  await page.getByRole('button', { name: 'English' }).click();
  await page.close();

  const student = await app.signedInPage('student');
  await agreementPage(student);
  assert.equal(await student.getByRole('region', { name: 'Documents' }).count(), 0);
  assert.equal(await student.getByText('Anlage B').count(), 0);
  await student.close();
});
