// The partner page as the office works it (issue 9): contacts at the partner, dated notes (also about one
// agreement, shown on its page), and the places agreed for this year with students and staff, outgoing and
// incoming apart and the history on demand; a student sees none of the staff-only parts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled, login } from './harness.mjs';

let app;
let kcl;
before(async () => {
  app = await startApp();
  const list = await (await app.api(`/partnerships?q=${encodeURIComponent('College London')}`)).json();
  kcl = list.items.find((p) => /King.s College London/.test(p.institution.name));
  assert.ok(kcl, 'the demo has King’s College London');
});
after(async () => {
  await app?.close();
});

async function partnerPage(page, id = kcl.id) {
  await page.goto(`/partners/${id}`);
  await page.locator('main h1').waitFor();
  await settled(page);
}

test('the office sees the partner’s contacts and notes, adds both, and a note about an agreement shows on its page', async () => {
  const page = await app.signedInPage('international_office');
  await partnerPage(page);
  const contacts = page.getByRole('region', { name: 'Contacts at the partner' });
  await contacts.getByText('Global Engagement Office').waitFor();
  assert.equal(await contacts.getByRole('link', { name: 'global-engagement@example.org' }).getAttribute('href'), 'mailto:global-engagement@example.org');
  assert.match(await contacts.textContent(), /Strand\s*London WC2R 2LS/);
  const notes = page.getByRole('region', { name: 'Notes and activity' });
  const texts = await notes.locator('li .text').allTextContents();
  assert.ok(texts.length >= 2, `the demo's notes: ${texts}`);
  assert.ok(texts.findIndex((x) => /steering committee/.test(x)) < texts.findIndex((x) => /Faculty board/.test(x)), 'newest first');

  // a new contact
  await contacts.getByRole('link', { name: 'Add contact' }).click();
  await page.getByRole('heading', { level: 1, name: /New contact at King.s College London/ }).waitFor();
  await page.getByLabel('Role').selectOption('faculty_coordinator');
  await page.getByLabel('Name or office').fill('Dr Ada Lovelace');
  await page.getByLabel('E-mail').fill('not an address');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#f-email-error').waitFor();
  await page.getByLabel('E-mail').fill('ada.lovelace@example.org');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(new RegExp(`/partners/${kcl.id}$`));
  await contacts.getByText('Dr Ada Lovelace').waitFor();
  const storedContacts = (await (await app.api(`/partnerships/${kcl.id}/contacts?limit=200`)).json()).items;
  const ada = storedContacts.find((c) => c.name === 'Dr Ada Lovelace');
  assert.ok(ada, 'the contact is stored');
  assert.equal(ada.email, 'ada.lovelace@example.org');
  assert.equal(ada.role, 'faculty_coordinator');

  // a note about the transCampus agreement
  const { items: agreements } = await (await app.api(`/agreements?partnership_id=${kcl.id}&limit=50`)).json();
  const framework = agreements.find((a) => a.type === 'transcampus');
  assert.ok(framework, 'the demo has the transCampus framework agreement with King’s College London');
  await notes.getByRole('link', { name: 'Add note' }).click();
  await page.getByRole('heading', { level: 1, name: /New note on King.s College London/ }).waitFor();
  await settled(page);
  assert.match(await page.getByLabel('Date').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
  await page.getByLabel('Kind').selectOption('call');
  await page.getByLabel('About an agreement').selectOption(String(framework.id));
  const text = `Called about the annex ${Date.now()}`;
  await page.locator('#f-text').fill(text);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(new RegExp(`/partners/${kcl.id}$`));
  const first = notes.locator('li').first();
  await first.getByText(text).waitFor();
  assert.match(await first.textContent(), /Call/);
  const storedNotes = (await (await app.api(`/partnerships/${kcl.id}/notes?limit=200`)).json()).items;
  const note = storedNotes.find((n) => n.text === text);
  assert.ok(note, 'the note is stored');
  assert.equal(note.kind, 'call');
  assert.equal(note.agreement_id, framework.id);
  await first.getByRole('link', { name: /^About: / }).click();
  await page.waitForURL(new RegExp(`/agreements/${framework.id}$`));
  await settled(page);
  await page.getByRole('region', { name: 'Notes and activity' }).getByText(text).waitFor();
  // only the notes about this agreement
  assert.equal(await page.getByRole('region', { name: 'Notes and activity' }).getByText(/steering committee/).count(), 0);
  await screenshot(page, 'agreement-with-note');
  // the one 422 is the e-mail address refused above
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});

test('the places of this year: students and staff apart, each direction apart, the other years on demand', async () => {
  const page = await app.signedInPage('international_office');
  await partnerPage(page);
  const places = page.getByRole('region', { name: 'Places per academic year' });
  const table = places.locator('table.places');
  await table.waitFor();
  const heads = await table.locator('thead th').allTextContents();
  assert.deepEqual(heads.map((h) => h.trim()), ['Category', 'Outgoing', 'Incoming']);
  const rows = await table.locator('tbody th[scope="row"]').allTextContents();
  // King's has clinical electives, final-year tertials and staff teaching: students and staff each with a sum
  assert.ok(rows.includes('Clinical elective') && rows.includes('Students'), rows.join('|'));
  assert.ok(rows.includes('Staff teaching') && rows.includes('Staff'), rows.join('|'));
  assert.ok(rows.indexOf('Students') < rows.indexOf('Staff teaching'), 'staff after the students’ sum');
  const history = places.locator('details');
  assert.equal(await history.getAttribute('open'), null, 'the history is closed at first');
  assert.equal(await history.locator('tbody tr').first().isVisible(), false);
  await history.locator('summary').click();
  const years = await history.locator('tbody tr').count();
  assert.ok(years > 1, `several years: ${years}`);
  assert.match(await history.locator('summary').textContent(), new RegExp(`\\(${years}\\)`));
  const cols = await history.locator('thead th').allTextContents();
  assert.deepEqual(cols.map((c) => c.trim()), ['Academic year', 'Our students to the partner', 'Students from the partner', 'Our staff to the partner', 'Staff from the partner']);
  await screenshot(page, 'partner-places');
  await page.close();
});

test('in German: contacts, notes and places, and the agreement names fields of education and levels', async () => {
  const page = await app.signedInPage('international_office');
  await partnerPage(page);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 2, name: 'Ansprechpersonen beim Partner' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Notizen und Aktivitäten' }).waitFor();
  // texts written in German are shown in German (defect 5), the English ones where there is no German text
  await page.getByText('gemeinsame Forschung, Lehre und Berufungen in Medizin und Lebenswissenschaften').waitFor();
  await page.getByRole('link', { name: 'Rahmenvereinbarung transCampus Dresden–London' }).first().waitFor();
  await page.getByText('Gemeinsame Forschungsgruppen und geteilte zentrale Einrichtungen.').waitFor();
  await page.getByText('Professor appointed at both universities, teaching and researching on both campuses.').waitFor();
  const notes = page.getByRole('region', { name: 'Notizen und Aktivitäten' });
  assert.match(await notes.textContent(), /Besuch/);
  const heads = await page.locator('table.places thead th').allTextContents();
  assert.deepEqual(heads.map((h) => h.trim()), ['Kategorie', 'Ins Ausland', 'Aus dem Ausland']);
  // the agreement page names the field and the level (no bare "0912" or "7")
  const { items } = await (await app.api(`/agreements?partnership_id=${kcl.id}&limit=50`)).json();
  const withQuotas = items.find((a) => a.quotas?.some((q) => q.isced_code === '0912' && q.eqf_levels?.includes(7)));
  assert.ok(withQuotas, 'an agreement of King’s with a quota in 0912 at EQF 7');
  await page.goto(`/agreements/${withQuotas.id}`);
  await settled(page);
  const cells = page.locator('main table tbody tr').first();
  await cells.locator('td').first().waitFor();
  await page.waitForFunction(() => /\S+ \(0912\)/.test(document.querySelector('main table tbody')?.textContent ?? ''));
  assert.match(await page.locator("main table tbody").textContent(), /Master \(EQR 7\)/);
  await page.getByRole('button', { name: 'English' }).click();
  await page.close();
});

test('a student sees neither contacts nor notes on the partner page', async () => {
  const page = await app.newPage();
  await login(page, 'student');
  await partnerPage(page);
  await page.getByRole('heading', { level: 2, name: 'Places per academic year' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Contacts at the partner' }).count(), 0);
  assert.equal(await page.getByRole('heading', { name: 'Notes and activity' }).count(), 0);
  const text = await page.locator('main').textContent();
  assert.doesNotMatch(text, /global-engagement@example\.org|steering committee/);
  await page.goto(`/partners/${kcl.id}/notes/new`);
  await page.getByRole('heading', { level: 1, name: 'No permission' }).waitFor();
  await page.close();
});

test('renewal is a step: the worklist drafts the successor, links both, and the ended-not-renewed list empties', async () => {
  const page = await app.signedInPage('international_office');
  await page.goto('/agreements/expiring?months=36');
  await page.getByRole('heading', { level: 1, name: 'Renewals due' }).waitFor();
  await settled(page);
  const row = page.locator('main tbody tr', { has: page.getByRole('button', { name: 'Renew' }) }).first();
  const href = await row.locator('td').nth(1).locator('a').getAttribute('href');
  const oldId = Number(href.split('/').pop());
  const old = await (await app.api(`/agreements/${oldId}`)).json();
  await row.getByRole('button', { name: 'Renew' }).click();
  const dialog = page.getByRole('dialog', { name: 'Renew agreement' });
  await dialog.waitFor();
  const next = Number(old.last_academic_year.slice(0, 4)) + 1;
  assert.match(await dialog.textContent(), new RegExp(`${next}–${String(next + 1).slice(2)}`), 'the dialog names the next period');
  await dialog.getByRole('button', { name: 'Draft the renewal' }).click();
  await page.waitForURL(/\/agreements\/\d+\/edit$/);
  const newId = Number(page.url().split('/').at(-2));
  assert.notEqual(newId, oldId);
  const successor = await (await app.api(`/agreements/${newId}`)).json();
  assert.equal(successor.status, 'draft');
  assert.equal(successor.predecessor_id, oldId);
  assert.equal(successor.first_academic_year, `${next}/${next + 1}`);
  assert.equal(successor.quotas.length, old.quotas.length);

  // the worklist says the renewal is drafted, and the old agreement's page links its successor
  await page.goto('/agreements/expiring?months=36');
  await settled(page);
  await page.locator('main tbody tr', { has: page.locator(`a[href="/agreements/${oldId}"]`) }).getByRole('link', { name: 'Renewal drafted' }).waitFor();
  await page.goto(`/agreements/${oldId}`);
  await settled(page);
  const renewedBy = page.locator('dt', { hasText: 'Renewed by' }).locator('xpath=..').getByRole('link');
  await renewedBy.waitFor();
  assert.match(await renewedBy.textContent(), /Draft/);

  // expired agreements nobody renewed: renewing one takes it off that list
  const before = await (await app.api('/agreements?status=expired&without_successor=true&limit=1')).json();
  assert.ok(before.total > 0, 'the demo has expired agreements without a successor');
  await page.goto('/agreements/expiring');
  await settled(page);
  await page.getByLabel('Show').selectOption('ended');
  await page.getByText('Expired agreements without a successor').waitFor();
  await settled(page);
  const firstEnded = page.locator('main tbody tr').first();
  const endedId = Number((await firstEnded.locator('td').nth(1).locator('a').getAttribute('href')).split('/').pop());
  await firstEnded.getByRole('button', { name: 'Renew' }).click();
  await page.getByRole('dialog', { name: 'Renew agreement' }).getByRole('button', { name: 'Draft the renewal' }).click();
  await page.waitForURL(/\/agreements\/\d+\/edit$/);
  const after = await (await app.api('/agreements?status=expired&without_successor=true&limit=200')).json();
  assert.equal(after.total, before.total - 1);
  assert.ok(!after.items.some((a) => a.id === endedId));
  assert.deepEqual(page.errors, []);
  await page.close();
});
