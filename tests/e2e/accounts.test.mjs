// Accounts, roles and audit: signing in and out, what a student may see, user administration with a one-time
// password, the forced password change, my account and my data, the audit log and its chain.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, settled, login, logout, demoEmail, DEMO_PASSWORD } from './harness.mjs';

let app;
before(async () => {
  app = await startApp({ signIn: null });
});
after(async () => {
  await app?.close();
});

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const apiStatus = (page, path) => page.evaluate(async (p) => (await fetch(`/api/v1${p}`)).status, path);

test('the login page in German; a wrong password shows the server’s one message', async () => {
  const page = await app.newPage();
  await page.goto('/partners');
  // not signed in: the app asks to sign in and remembers where the person wanted to go
  await page.waitForURL(/\/login\?next=%2Fpartners/);
  await page.getByRole('heading', { level: 1, name: 'Sign in to Weltcampus' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main navigation' }).count(), 0);

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Bei Weltcampus anmelden' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.getByLabel('E-Mail-Adresse').waitFor();
  await page.getByLabel('Passwort').waitFor();
  await screenshot(page, 'login-de');
  await page.getByLabel('E-Mail-Adresse').fill(demoEmail('researcher'));
  await page.getByLabel('Passwort').fill('not-the-password');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('alert').getByText('Die E-Mail-Adresse oder das Passwort stimmt nicht.').waitFor();
  await screenshot(page, 'login-wrong-password-de');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('E-mail address').fill('nobody@weltcampus.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // the server's message, the same for an unknown account and a wrong password
  await page.getByRole('alert').getByText('The e-mail address or the password is not right').waitFor();
  assert.equal(await page.locator('#login-password').inputValue(), '', 'the password field is emptied');
  assert.match(page.url(), /\/login/);
  await screenshot(page, 'login-wrong-password-en');

  // and the right password goes on to the page that was asked for
  await page.getByLabel('E-mail address').fill(demoEmail('researcher'));
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/partners$/);
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  await logout(page);
  await page.close();
});

test('signing out ends the session: a reload shows the login page, and the API answers 401', async () => {
  const page = await app.newPage();
  await login(page, 'international_office');
  await page.getByRole('heading', { level: 1, name: 'Where we stand' }).waitFor();
  // the user menu names the person and the role
  const toggle = page.locator('header .user .toggle');
  assert.match(await toggle.textContent(), /International office/);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await screenshot(page, 'user-menu');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login$/);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Sign in to Weltcampus' }).waitFor();
  assert.equal(await apiStatus(page, '/partnerships'), 401);
  await page.goto('/agreements');
  await page.waitForURL(/\/login\?next=%2Fagreements/);

  // a session that ends while the app is open leads to the login page and back to the same screen
  await login(page, 'international_office', { next: '/agreements' });
  await page.waitForURL(/\/agreements$/);
  await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
  await settled(page);
  await page.context().clearCookies();
  await page.getByRole('link', { name: 'Renewals due' }).first().click();
  await page.waitForURL(/\/login\?next=%2Fagreements%2Fexpiring/);
  await page.getByText('Your session has ended. Please sign in again.').waitFor();
  await page.getByLabel('E-mail address').fill(demoEmail('international_office'));
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/agreements\/expiring$/);
  await page.getByRole('heading', { level: 1, name: 'Renewals due' }).waitFor();
  await logout(page);
  await page.close();
});

test('a student sees only their own account and data: no administration, no audit log, no edit buttons', async () => {
  const page = await app.newPage();
  await login(page, 'student');
  await page.locator('main h1').waitFor();
  await settled(page);
  await screenshot(page, 'student-home');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Partners' }).waitFor();
  assert.equal(await nav.getByRole('link', { name: 'Administration' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Users' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Audit log' }).count(), 0);

  // the partners may be read, but nothing offers to change them
  await page.goto('/partners');
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  await settled(page);
  assert.equal(await page.getByRole('link', { name: 'New partnership' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'New institution' }).count(), 0);
  await page.locator('main tbody td.primary a').first().click();
  await page.waitForURL(/\/partners\/\d+$/);
  await settled(page);
  assert.equal(await page.getByRole('link', { name: 'Edit partnership' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'New agreement' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Edit institution' }).count(), 0);
  // the renewals worklist is the office's: not offered, and refused by its address
  assert.equal(await page.getByRole('link', { name: 'Renewals due' }).count(), 0);
  await page.goto('/agreements/expiring');
  await page.getByRole('heading', { level: 1, name: 'No permission' }).waitFor();
  assert.equal(await apiStatus(page, '/agreements/expiring'), 403);
  await screenshot(page, 'student-no-renewals');
  // a student sees active agreements only, and no status filter that would offer others
  await page.goto('/agreements');
  await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
  await settled(page);
  const statuses = await page.locator('main tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.ok(statuses.length > 0, 'the student sees some agreements');
  for (const row of statuses) assert.match(row, /Active/);
  assert.equal(await page.getByRole('combobox', { name: 'Status' }).count(), 0);
  assert.equal(await apiStatus(page, '/agreements?status=draft'), 403);

  // direct addresses of the administration: no permission, and the API says the same
  for (const path of ['/users', '/audit', '/users/1', '/partners/new']) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: 'No permission' }).waitFor();
    await page.getByRole('alert').getByText(/You do not have permission/).waitFor();
    // not even the administration's sub-navigation appears
    assert.equal(await page.getByRole('link', { name: 'Audit log' }).count(), 0, path);
    assert.equal(await page.getByRole('link', { name: 'Users', exact: true }).count(), 0, path);
  }
  await screenshot(page, 'student-no-permission');
  assert.equal(await apiStatus(page, '/users'), 403);
  assert.equal(await apiStatus(page, '/audit'), 403);
  assert.equal(await apiStatus(page, '/users/1/data'), 403);

  // my data: the student's own account and nobody else's
  await page.goto('/account/data');
  await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
  await settled(page);
  const text = await page.locator('main').textContent();
  assert.match(text, /student@weltcampus\.example/);
  for (const other of ['admin@', 'office@', 'coordinator@', 'dean@', 'guest@']) {
    assert.ok(!text.includes(other), `${other} must not appear in the student's data`);
  }
  const entries = await page.evaluate(async () => (await (await fetch('/api/v1/me/data')).json()));
  assert.equal(entries.account.email, 'student@weltcampus.example');
  const own = [...(entries.audit_entries_about_you ?? []), ...(entries.audit_entries_by_you ?? [])];
  assert.ok(own.length > 0, 'the student’s sign-in is among the audit entries by them');
  for (const e of own) {
    assert.ok(e.subject_user_id === entries.account.id || e.actor_user_id === entries.account.id, `entry ${e.id} is about or by the student`);
  }
  await screenshot(page, 'student-my-data');
  await logout(page);
  await page.close();
});

test('an incoming guest does not see the partners at all', async () => {
  const page = await app.newPage();
  await login(page, 'incoming_guest');
  await page.locator('main h1').waitFor();
  await settled(page);
  assert.equal(await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Partners' }).count(), 0);
  await page.goto('/partners');
  await page.getByRole('heading', { level: 1, name: 'No permission' }).waitFor();
  assert.equal(await apiStatus(page, '/partnerships'), 403);
  // the only errors on the console are the 403 answers this test asked for
  assert.deepEqual(page.errors.filter((e) => !/status of 403/.test(e)), []);
  await logout(page);
  await page.close();
});

test('my account: the language saved there switches the interface, the data can be downloaded', async () => {
  const page = await app.newPage();
  await login(page, 'welcome');
  await page.goto('/account');
  await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
  await settled(page);
  await page.getByLabel('Display name').fill('Wanda Welcome-Centre');
  await page.locator('#f-preferred_language').selectOption('de');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Mein Konto' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  assert.match(await page.locator('header .user .toggle').textContent(), /Wanda Welcome-Centre/);
  await screenshot(page, 'my-account-de');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Meine Daten herunterladen (JSON)' }).click()]);
  assert.equal(download.suggestedFilename(), 'weltcampus-my-data.json');
  const path = await download.path();
  const data = JSON.parse(await (await import('node:fs/promises')).readFile(path, 'utf8'));
  assert.equal(data.account.email, demoEmail('welcome'));
  assert.equal(data.account.display_name, 'Wanda Welcome-Centre');

  // back to English, and the server remembers it for the next sign-in
  await page.locator('#f-preferred_language').selectOption('en');
  await page.getByRole('button', { name: 'Speichern', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
  const me = await (await app.apiAs('welcome'))('/me');
  assert.equal((await me.json()).preferred_language, 'en');

  // a password that is too short: the server's message beside the field
  await page.getByRole('link', { name: 'Change password' }).click();
  await page.getByRole('heading', { level: 1, name: 'Change password' }).waitFor();
  await page.getByText(/At least 12 characters/).first().waitFor();
  await page.getByLabel('Current password').fill(DEMO_PASSWORD);
  await page.locator('#f-new_password').fill('short');
  await page.locator('#f-repeat').fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.locator('#f-new_password-error').getByText('Use at least 12 characters').waitFor();
  assert.equal(await page.locator('#f-new_password').getAttribute('aria-invalid'), 'true');
  await page.locator('#f-new_password').fill('a-long-enough-passphrase-1');
  await page.locator('#f-repeat').fill('a-long-enough-passphrase-2');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.locator('#f-repeat-error').getByText('The two new passwords are not the same.').waitFor();
  await screenshot(page, 'password-change-errors');
  await logout(page);
  await page.close();
});

test('the admin creates a user who must change the one-time password; the audit log shows it and its chain is intact', async () => {
  const page = await app.newPage();
  await login(page, 'admin');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
  await settled(page);
  assert.ok((await page.locator('main tbody tr').count()) >= 9);
  await page.getByLabel('Role').selectOption('student');
  await page.waitForURL(/role=student/);
  await settled(page);
  assert.deepEqual(await page.locator('main tbody td.primary a').allTextContents(), ['Stefan Student']);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL((url) => !url.search.includes('role='));
  await screenshot(page, 'users-list');

  await page.getByRole('link', { name: 'New user' }).click();
  await page.getByRole('heading', { level: 1, name: 'New user' }).waitFor();
  await settled(page);
  const email = `nora.neu.${Date.now()}@weltcampus.example`;
  await page.getByLabel('Display name').fill('Nora Neu');
  await page.getByLabel('E-mail address').fill(email);
  await page.locator('#f-preferred_language').selectOption('en');
  await page.locator('#role-coordinator').check();
  // a coordinator may be limited to a department and a field of education
  await page.getByLabel('Department of Exchange coordinator').waitFor();
  await page.locator('#role-coordinator-org option').nth(1).waitFor({ state: 'attached' });
  await page.locator('#role-coordinator-org').selectOption({ index: 1 });
  await page.locator('#role-coordinator-isced').selectOption('0912');
  await screenshot(page, 'user-new-filled');
  await page.getByRole('button', { name: 'Create user' }).click();

  await page.getByRole('heading', { level: 1, name: 'The account has been created.' }).waitFor();
  await page.getByText('This password is shown only now.').waitFor();
  const oneTime = (await page.getByTestId('one-time-password').textContent()).trim();
  assert.ok(oneTime.length >= 12, `one-time password: ${oneTime}`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByRole('status').getByText(/Copied to the clipboard|Could not copy/).waitFor();
  await screenshot(page, 'user-created-one-time-password');
  await page.getByRole('link', { name: 'Continue to the user' }).click();
  await page.waitForURL(/\/users\/\d+$/);
  const userId = Number(page.url().split('/').pop());
  await page.getByRole('heading', { level: 1, name: 'Nora Neu' }).waitFor();
  // the one-time password is not shown again
  assert.equal(await page.getByTestId('one-time-password').count(), 0);
  assert.equal(await page.locator('#role-coordinator').isChecked(), true);
  assert.equal(await page.locator('#role-coordinator-isced').inputValue(), '0912');
  await screenshot(page, 'user-edit');
  await logout(page);

  // the new user signs in and is sent to choose a password first
  await login(page, email, { password: oneTime });
  await page.waitForURL(/\/account\/password$/);
  await page.getByRole('heading', { level: 1, name: 'Choose your own password' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main navigation' }).count(), 0);
  // every other address leads back here
  await page.goto('/partners');
  await page.waitForURL(/\/account\/password$/);
  await screenshot(page, 'forced-password-change');
  await page.getByLabel('One-time password').fill(oneTime);
  await page.locator('#f-new_password').fill('password1234');
  await page.locator('#f-repeat').fill('password1234');
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.locator('#f-new_password-error').getByText(/too easy to guess/).waitFor();
  const own = 'Elbe-bridges at dawn, 1863 lanterns';
  await page.getByLabel('One-time password').fill(oneTime);
  await page.locator('#f-new_password').fill(own);
  await page.locator('#f-repeat').fill(own);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: 'Where we stand' }).waitFor();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Partners' }).waitFor();
  await logout(page);

  // the admin sees the creation and the password change in the audit log
  await login(page, 'admin');
  await page.goto('/audit');
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  await settled(page);
  await page.getByLabel('Record type').selectOption('user');
  await page.getByLabel('Record ID').fill(String(userId));
  await page.waitForURL(new RegExp(`entity_id=${userId}`));
  await settled(page);
  const rows = page.locator('main table.audit > tbody > tr');
  const text = await page.locator('main table.audit').textContent();
  assert.match(text, /Created/);
  assert.match(text, /Ada Admin/);
  await page.getByLabel('Action').selectOption('create');
  await page.waitForURL(/action=create/);
  await settled(page);
  assert.equal(await rows.count(), 1);
  const expand = page.getByRole('button', { name: /Show changes of entry/ });
  await expand.click();
  assert.equal(await page.getByRole('button', { name: /Hide changes of entry/ }).getAttribute('aria-expanded'), 'true');
  const diff = page.locator('table.diff');
  await diff.waitFor();
  // the log keeps no names or addresses (they could not be erased from a hash chain), only the roles and settings,
  // shown as the user screen shows them; the account itself is named from the accounts' list and linked
  assert.match(await diff.textContent(), /Roles/);
  assert.match(await diff.textContent(), /Exchange coordinator · .+ · Medicine \(0912\)/);
  assert.doesNotMatch(await diff.textContent(), /preferred_language|"role"/);
  assert.equal(await rows.first().getByRole('link', { name: 'Nora Neu' }).getAttribute('href'), `/users/${userId}`);
  await screenshot(page, 'audit-create-diff');

  // the password change, by the new user
  await page.getByLabel('Action').selectOption('');
  await page.getByLabel('Record type').selectOption('');
  await page.getByLabel('Record ID').fill('');
  await page.getByLabel('Done by').fill('Nora');
  await page.getByRole('button', { name: /Nora Neu/ }).click();
  await page.waitForURL(new RegExp(`actor_user_id=${userId}`));
  await page.waitForURL((url) => !url.search.includes('entity_id'));
  await settled(page);
  const byNew = await page.locator('main table.audit').textContent();
  assert.match(byNew, /Password changed/);
  assert.match(byNew, /Signed in/);
  // dates: today is included, tomorrow is not
  const today = new Date();
  const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  await page.getByLabel('From').fill(day(today));
  await page.getByLabel('To').fill(day(today));
  await page.waitForURL(/to=/);
  await settled(page);
  assert.match(await page.locator('main table.audit').textContent(), /Password changed/);
  const tomorrow = new Date(today.getTime() + 86400000);
  await page.getByLabel('From').fill(day(tomorrow));
  await page.getByLabel('To').fill(day(tomorrow));
  await page.waitForURL(new RegExp(`from=${day(tomorrow)}`));
  await settled(page);
  await page.getByText('No entry matches these filters.').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForURL((url) => !url.search.includes('from='));
  await settled(page);

  await page.getByRole('button', { name: 'Verify chain' }).click();
  await page.getByText(/The chain is intact: [\d,]+ entries checked\./).waitFor();
  await screenshot(page, 'audit-verified');
  // the one error on the console is the 422 for the guessable password above
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});

test('the admin edits roles, resets a password and erases an account', async () => {
  const admin = await app.apiAs('admin');
  const created = await admin('/users', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `temp.${Date.now()}@weltcampus.example`, display_name: 'Tim Temporary', preferred_language: 'de', roles: ['student'] }),
  });
  assert.equal(created.status, 201);
  const user = await created.json();

  const page = await app.newPage();
  await login(page, 'admin');
  await page.goto(`/users/${user.id}`);
  await page.getByRole('heading', { level: 1, name: 'Tim Temporary' }).waitFor();
  await settled(page);
  await page.getByLabel('Researcher').check();
  await page.getByRole('button', { name: 'Save user' }).click();
  await page.getByText('Saved.').waitFor();
  const stored = await (await admin(`/users/${user.id}`)).json();
  assert.deepEqual(stored.roles.map((r) => r.role).sort(), ['researcher', 'student']);

  // stale version: someone else saved meanwhile
  const read = await admin(`/users/${user.id}`);
  const put = await admin(`/users/${user.id}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'If-Match': read.headers.get('ETag') },
    body: JSON.stringify({ ...(await read.json()), display_name: 'Tim by a colleague' }),
  });
  assert.equal(put.status, 200);
  await page.getByLabel('Display name').fill('Tim mine');
  await page.getByRole('button', { name: 'Save user' }).click();
  await page.getByText('Someone else has changed this record.').waitFor();
  await page.getByRole('button', { name: 'Load the current version' }).click();
  await page.waitForFunction(() => document.getElementById('f-display_name')?.value === 'Tim by a colleague');

  await page.getByRole('button', { name: 'Reset password' }).click();
  const resetDialog = page.getByRole('dialog', { name: 'Reset password' });
  await resetDialog.waitFor();
  await resetDialog.getByRole('button', { name: 'Reset password' }).click();
  await page.getByTestId('one-time-password').waitFor();
  await screenshot(page, 'user-password-reset');
  // the one-time password shown signs the account in
  const oneTime = (await page.getByTestId('one-time-password').textContent()).trim();
  const signIn = await app.anonymous('/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: app.baseURL },
    body: JSON.stringify({ email: user.email, password: oneTime }),
  });
  assert.equal(signIn.status, 200, await signIn.clone().text());
  await page.getByRole('button', { name: 'Continue to the user' }).click();

  await page.getByRole('button', { name: 'Erase personal data' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/pseudonymised/).waitFor();
  await screenshot(page, 'user-erase-dialog');
  // Escape cancels and nothing happens
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Erase personal data' }).click();
  await dialog.getByRole('button', { name: 'Erase', exact: true }).click();
  await page.getByText('The personal data of this account has been erased.').waitFor();
  const erased = await (await admin(`/users/${user.id}`)).json();
  assert.equal(erased.erased, true);
  assert.notEqual(erased.display_name, 'Tim by a colleague');
  await screenshot(page, 'user-erased');
  // one's own account is not offered for erasure (the server refuses it too)
  await page.goto('/users/1');
  await page.getByRole('heading', { level: 1, name: 'Ada Admin' }).waitFor();
  await page.getByRole('button', { name: 'Reset password' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Erase personal data' }).count(), 0);
  await page.close();
});

test('the new screens are usable at 375 px width', async () => {
  // an account of this test's own: its page to show, and its creation an audit entry with changes to open
  const admin = await app.apiAs('admin');
  const created = await admin('/users', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `mo.mobile.${Date.now()}@weltcampus.example`, display_name: 'Mo Mobile', preferred_language: 'en', roles: ['coordinator'] }),
  });
  assert.equal(created.status, 201, await created.clone().text());
  const user = await created.json();
  const page = await app.newPage({ width: 375, height: 812 });
  await page.goto('/login');
  await page.locator('main h1').waitFor();
  assert.ok((await overflow(page)) <= 0, `/login scrolls sideways by ${await overflow(page)}px`);
  await screenshot(page, 'mobile-login');
  await login(page, 'admin');
  for (const [path, heading] of [
    ['/account', 'My account'],
    ['/account/password', 'Change password'],
    ['/account/data', 'My data'],
    ['/users', 'Users'],
    ['/users/new', 'New user'],
    [`/users/${user.id}`, 'Mo Mobile'],
    ['/audit', 'Audit log'],
  ]) {
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    await settled(page);
    if (path === '/audit') {
      // the widest state of the log: an entry's changes open (the account's creation above is one with changes)
      await page.getByRole('button', { name: /Show changes of entry/ }).first().click();
      await page.locator('table.diff').waitFor();
    }
    const o = await overflow(page);
    assert.ok(o <= 0, `${path} scrolls sideways by ${o}px at 375px`);
    await screenshot(page, `mobile-${path.slice(1).replace(/\//g, '-')}`);
  }
  await page.goto('/account');
  await page.locator('main h1').waitFor();
  await page.locator('header .user .toggle').click();
  await page.locator('#user-menu').waitFor();
  await screenshot(page, 'mobile-user-menu');
  // Escape closes the menu and returns focus to its button
  await page.keyboard.press('Escape');
  await page.locator('#user-menu').waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('toggle')), true);
  assert.ok((await overflow(page)) <= 0, 'the open user menu fits');
  await page.close();
});
