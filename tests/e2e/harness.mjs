// Starts the real server on a fresh demo database and a headless Chromium for the browser tests.
//   BIN = $WELTCAMPUS_BIN or build/weltcampus;  `BIN demo --db sqlite:<tmp>/demo.db`, then
//   `BIN serve --db ... --listen 127.0.0.1:0 --web web/dist --port-file <tmp>/port`.
// Everything but health, OpenAPI, home settings, login and session needs a signed-in session: the browser signs
// in through the login page (`login(page, role)`), and `app.api()` uses a session of the international office
// (`app.apiAs(role)` for another demo account) with the CSRF token and Origin on writes.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, readFile, mkdir, access, stat, copyFile, rename, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const run = promisify(execFile);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = process.env.WELTCAMPUS_BIN ? resolve(process.env.WELTCAMPUS_BIN) : join(ROOT, 'build/weltcampus');
export const WEB_DIST = join(ROOT, 'web/dist');
export const SCREENSHOTS = join(ROOT, 'test-output/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The demo accounts (`weltcampus user demo-accounts`), by role and by the local part of the address. */
export const DEMO_PASSWORD = 'Dresden-Weltcampus-Demo';
export const DEMO_ACCOUNTS = {
  admin: 'admin@weltcampus.example',
  international_office: 'office@weltcampus.example',
  coordinator: 'coordinator@weltcampus.example',
  researcher: 'researcher@weltcampus.example',
  research_office: 'research-office@weltcampus.example',
  welcome_officer: 'welcome@weltcampus.example',
  management: 'dean@weltcampus.example',
  student: 'student@weltcampus.example',
  incoming_guest: 'guest@weltcampus.example',
};
export function demoEmail(role) {
  if (DEMO_ACCOUNTS[role]) return DEMO_ACCOUNTS[role];
  const byLocal = Object.values(DEMO_ACCOUNTS).find((e) => e.startsWith(`${role}@`));
  if (!byLocal) throw new Error(`no demo account for ${role}`);
  return byLocal;
}

/**
 * A signed-in API client for node: fetch(path, init) with the session cookie, and on POST/PUT/DELETE the
 * CSRF token and this server's Origin.
 */
export async function apiSession(baseURL, email, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseURL },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}: ${await res.text()}`);
  const body = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const fetchAs = (path, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = { Cookie: cookie, ...(init.headers ?? {}) };
    if (method !== 'GET' && method !== 'HEAD') {
      headers['X-CSRF-Token'] = body.csrf_token;
      headers.Origin = baseURL;
    }
    return fetch(`${baseURL}/api/v1${path}`, { ...init, headers });
  };
  fetchAs.user = body.user;
  fetchAs.csrfToken = body.csrf_token;
  return fetchAs;
}

/**
 * Signs in through the login page as a demo account ('admin', 'office' or 'international_office', 'student', ...)
 * and waits until the app has left the login page. The browser context keeps the session for its other pages.
 */
export async function login(page, role, { password = DEMO_PASSWORD, next = '/' } = {}) {
  const email = role.includes('@') ? role : demoEmail(role);
  // whoever was signed in in this browser context before is signed out (the cookie is shared by its pages)
  await page.context().clearCookies();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.locator('#login-email').waitFor();
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(password);
  await page.locator('#login-form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return email;
}

/** Signs out through the user menu. */
export async function logout(page) {
  await page.locator('header .user .toggle').click();
  await page.locator('#user-menu button').click();
  await page.waitForURL((url) => url.pathname === '/login');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, probe, { timeout = 30000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await sleep(interval);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

/**
 * Writes a fresh demo database to `file`. The demo is built once per server binary and day (in the
 * system's temporary folder, renamed into place when whole, so that test files running side by
 * side never read half a database) and copied for every test file: each file still starts on the
 * untouched demo, without waiting for the sanitized server to build it again.
 */
const AUDIT_KEY = '.audit-key';

async function copyOfDemo(file) {
  const binary = await stat(BIN);
  const prefix = 'weltcampus-e2e-demo-';
  const today = new Date().toISOString().slice(0, 10);
  const key = `${prefix}${binary.size}-${Math.round(binary.mtimeMs)}-${today}.db`;
  const cached = join(tmpdir(), key);
  try {
    await access(cached);
  } catch {
    const building = join(tmpdir(), `${prefix}building-${process.pid}.db`);
    await rm(building, { force: true });
    await rm(`${building}${AUDIT_KEY}`, { force: true });
    await run(BIN, ['demo', '--db', `sqlite:${building}`], { cwd: ROOT, timeout: 120000, maxBuffer: 16 << 20 });
    // The audit chain's key (README, "The audit log") travels with the database; the key first.
    await rename(`${building}${AUDIT_KEY}`, `${cached}${AUDIT_KEY}`);
    await rename(building, cached);
    // Earlier days' copies go; today's of other binaries stay (another checkout's tests may be
    // copying one this very moment).
    for (const name of await readdir(tmpdir())) {
      if (name.startsWith(prefix) && !name.includes(`-${today}.db`) && !name.includes('building')) {
        await rm(join(tmpdir(), name), { force: true });
      }
    }
  }
  await copyFile(`${cached}${AUDIT_KEY}`, `${file}${AUDIT_KEY}`);
  await copyFile(cached, file);
}

/**
 * @param {{signIn?: string|null}} options the demo account the browser signs in with before the tests
 *   (default: the international office, which may edit partners); null starts signed out.
 * @returns {Promise<{baseURL: string, context: import('playwright-core').BrowserContext,
 *   newPage: (opts?: {width?: number, height?: number, locale?: string}) => Promise<import('playwright-core').Page>,
 *   api: (path: string, init?: RequestInit) => Promise<Response>, close: () => Promise<void>}>}
 */
export async function startApp({ signIn = 'international_office' } = {}) {
  await access(BIN).catch(() => {
    throw new Error(`server binary not found at ${BIN} (build it, or set WELTCAMPUS_BIN)`);
  });
  await access(join(WEB_DIST, 'index.html')).catch(() => {
    throw new Error(`web/dist/index.html missing: run "npm run build" first`);
  });
  const tmp = await mkdtemp(join(tmpdir(), 'weltcampus-e2e-'));
  const db = `sqlite:${join(tmp, 'demo.db')}`;
  const portFile = join(tmp, 'port');
  let server;
  let context;
  const serverLog = [];
  const close = async () => {
    await context?.close().catch(() => {});
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5000)]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    await copyOfDemo(join(tmp, 'demo.db'));
    server = spawn(BIN, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', WEB_DIST, '--port-file', portFile], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const s of [server.stdout, server.stderr]) s.on('data', (d) => serverLog.push(String(d)));
    const exited = new Promise((_, reject) =>
      server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${serverLog.join('').slice(-2000)}`))),
    );
    exited.catch(() => {});
    const port = await Promise.race([
      exited,
      waitFor('the port file', async () => {
        const text = (await readFile(portFile, 'utf8')).trim();
        return /^\d+$/.test(text) ? Number(text) : null;
      }),
    ]);
    const baseURL = `http://127.0.0.1:${port}`;
    await Promise.race([exited, waitFor('GET /api/v1/health', async () => (await fetch(`${baseURL}/api/v1/health`)).status === 200)]);

    context = await chromium.launchPersistentContext(join(tmp, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      baseURL,
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
    });
    context.setDefaultTimeout(15000);
    await mkdir(SCREENSHOTS, { recursive: true });

    const api = await apiSession(baseURL, demoEmail('international_office'));

    const app = {
      baseURL,
      context,
      serverLog,
      /** A signed-in API client for another demo account. */
      apiAs: (role) => apiSession(baseURL, role.includes('@') ? role : demoEmail(role)),
      /** Requests without any session (to see 401). */
      anonymous: (path, init) => fetch(`${baseURL}/api/v1${path}`, init),
      async newPage({ width = 1280, height = 900 } = {}) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height });
        page.errors = [];
        page.on('pageerror', (e) => page.errors.push(e.message));
        page.on('console', (m) => {
          if (m.type() === 'error') page.errors.push(m.text());
        });
        return page;
      },
      api,
      /** Opens a page signed in as a demo account (the default: the international office, which may edit). */
      async signedInPage(role = 'international_office', opts = {}) {
        const page = await this.newPage(opts);
        await login(page, role);
        return page;
      },
      close,
    };
    if (signIn) {
      const page = await app.newPage();
      await login(page, signIn);
      await page.close();
    }
    return app;
  } catch (e) {
    await close();
    throw e;
  }
}

/** Saves a full-page screenshot as test-output/e2e/<name>.png. */
export async function screenshot(page, name) {
  const file = join(SCREENSHOTS, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Waits until the screen has its data: no loading indicator and no list marked busy. (Playwright's
 * 'networkidle' does not help after client-side navigation: it is reached once per page load.)
 */
/**
 * Switches the page back to English and waits until the account keeps English as its language: a page closed
 * while the save is under way would leave the account in German for the next test's sign-in.
 */
export async function backToEnglish(page) {
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForFunction(async () => (await (await fetch('/api/v1/me')).json()).preferred_language === 'en', null, {
    timeout: 15000,
    polling: 200,
  });
}

export async function settled(page) {
  await page.waitForTimeout(50);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'), null, { timeout: 15000 });
}

const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/**
 * axe-core's WCAG 2.1 A and AA violations on the page as it is: [{id, impact, nodes (the first three)}].
 * Evaluated through the DevTools protocol: the server's Content-Security-Policy rightly forbids inline scripts.
 */
export async function axeViolations(page) {
  await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
  return page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
}
