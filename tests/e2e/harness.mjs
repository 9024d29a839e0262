// Starts the real server on a fresh demo database and a headless Chromium for the browser tests.
//   BIN = $WELTCAMPUS_BIN or build/weltcampus;  `BIN demo --db sqlite:<tmp>/demo.db`, then
//   `BIN serve --db ... --listen 127.0.0.1:0 --web web/dist --port-file <tmp>/port`.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, readFile, mkdir, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
 * @returns {Promise<{baseURL: string, context: import('playwright-core').BrowserContext,
 *   newPage: (opts?: {width?: number, height?: number, locale?: string}) => Promise<import('playwright-core').Page>,
 *   api: (path: string, init?: RequestInit) => Promise<Response>, close: () => Promise<void>}>}
 */
export async function startApp() {
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
    await run(BIN, ['demo', '--db', db], { cwd: ROOT, timeout: 120000, maxBuffer: 16 << 20 });
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

    return {
      baseURL,
      context,
      serverLog,
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
      api: (path, init) => fetch(`${baseURL}/api/v1${path}`, init),
      close,
    };
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
export async function settled(page) {
  await page.waitForTimeout(50);
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'), null, { timeout: 15000 });
}
