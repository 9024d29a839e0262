// Repeated failed sign-ins are slowed down by the server (429); the login page says to wait.
// A file of its own: the server also throttles per client address, which would slow the other tests' logins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshot, demoEmail } from './harness.mjs';

let app;
before(async () => {
  app = await startApp({ signIn: null });
});
after(async () => {
  await app?.close();
});

test('after repeated wrong passwords the login page asks to wait', async () => {
  const page = await app.newPage();
  await page.goto('/login');
  await page.getByRole('heading', { level: 1, name: 'Sign in to Weltcampus' }).waitFor();
  let sawThrottle = false;
  for (let i = 0; i < 10 && !sawThrottle; i++) {
    await page.getByLabel('E-mail address').fill(demoEmail('management'));
    await page.getByLabel('Password').fill(`wrong-${i}`);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    sawThrottle = (await answer).status() === 429;
  }
  assert.ok(sawThrottle, 'the server answered 429 within 10 failed attempts');
  await page.getByRole('alert').getByText('Too many attempts. Please wait a minute before you try again.').waitFor();
  assert.match(page.url(), /\/login/);
  await screenshot(page, 'login-throttled');
  await page.close();
});
