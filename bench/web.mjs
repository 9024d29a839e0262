// Web application benchmark (issue 3): initial JavaScript/CSS gzipped, and how fast the partner list, a search,
// the next page and the world map show in headless Chromium on the `university` demo profile.
//
//   npm run build            # web/dist (this script builds nothing)
//   node bench/web.mjs       # or: npm run bench:web;  WELTCAMPUS_BIN=... for another server binary
//
// Options (environment): BENCH_RUNS (warm list loads, default 5), BENCH_MAP_RUNS (warm map loads, default 3),
// BENCH_MAP_SCALE (partners of the generated map answer, default 24000), CHROMIUM_PATH (default
// /usr/bin/chromium). Figures are wall-clock times measured inside the page with performance.now() (0 = navigation
// start of the document, or the user's action for search and paging).
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, readFile, access } from 'node:fs/promises';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const run = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = process.env.WELTCAMPUS_BIN ? resolve(process.env.WELTCAMPUS_BIN) : join(ROOT, 'build/weltcampus');
const WEB_DIST = join(ROOT, 'web/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// the same flags as tests/e2e/harness.mjs
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
const EMAIL = 'office@weltcampus.example';
const PASSWORD = 'Dresden-Weltcampus-Demo';
const RUNS = Math.min(Math.max(Number(process.env.BENCH_RUNS ?? 5) || 5, 1), 20);
const MAP_RUNS = Math.min(Math.max(Number(process.env.BENCH_MAP_RUNS ?? 3) || 3, 1), 10);
const MAP_SCALE = Math.min(Math.max(Number(process.env.BENCH_MAP_SCALE ?? 24000) || 24000, 1), 200000);
const TIMEOUT = 30000; // every wait in the page and for the server is bounded by this

const FIRST_ROW = 'table tbody tr td.primary a';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x == null ? '—' : `${Math.round(x)} ms`);
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

async function waitFor(what, probe, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
}

// ---------------------------------------------------------------- (a) bundle sizes, from web/dist alone
async function bundleSizes() {
  const html = await readFile(join(WEB_DIST, 'index.html'), 'utf8');
  const initial = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
  const { readdir } = await import('node:fs/promises');
  const all = (await readdir(join(WEB_DIST, 'assets'))).filter((f) => /\.(js|css)$/.test(f)).map((f) => `/assets/${f}`);
  const size = async (f) => {
    const buf = await readFile(join(WEB_DIST, f));
    return { file: f, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  };
  const init = await Promise.all(initial.map(size));
  const lazy = await Promise.all(all.filter((f) => !initial.includes(f)).map(size));
  return { init, lazy };
}

// ---------------------------------------------------------------- the server
async function startServer(tmp) {
  const db = `sqlite:${join(tmp, 'u.db')}`;
  const portFile = join(tmp, 'port');
  const t0 = Date.now();
  await run(BIN, ['--log-level', 'warn', 'demo', '--db', db, '--profile', 'university'], {
    cwd: ROOT,
    timeout: 300000,
    maxBuffer: 64 << 20,
  });
  const demoSeconds = (Date.now() - t0) / 1000;
  const log = [];
  const server = spawn(
    BIN,
    ['--log-level', 'warn', '--db', db, 'serve', '--listen', '127.0.0.1:0', '--web', WEB_DIST, '--port-file', portFile],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  for (const s of [server.stdout, server.stderr]) s.on('data', (d) => log.push(String(d)));
  const exited = new Promise((_, reject) =>
    server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${log.join('').slice(-2000)}`))),
  );
  exited.catch(() => {});
  const handle = { server, log, demoSeconds };
  try {
    const port = await Promise.race([
      exited,
      waitFor('the port file', async () => {
        const text = (await readFile(portFile, 'utf8')).trim();
        return /^\d+$/.test(text) ? Number(text) : null;
      }),
    ]);
    handle.baseURL = `http://127.0.0.1:${port}`;
    await Promise.race([
      exited,
      waitFor('GET /api/v1/health', async () => (await fetch(`${handle.baseURL}/api/v1/health`)).status === 200),
    ]);
  } catch (e) {
    e.handle = handle;
    throw e;
  }
  return handle;
}

async function stopServer(server) {
  if (!server || server.exitCode !== null || server.signalCode) return;
  server.kill('SIGTERM');
  await Promise.race([new Promise((r) => server.once('exit', r)), sleep(5000)]);
  if (server.exitCode === null && !server.signalCode) server.kill('SIGKILL');
}

async function signIn(baseURL) {
  const res = await fetch(`${baseURL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseURL },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    return { name: pair.slice(0, i).trim(), value: pair.slice(i + 1).trim(), url: baseURL };
  });
  const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const get = async (path) => {
    const r = await fetch(`${baseURL}/api/v1${path}`, { headers: { Cookie: header } });
    if (r.status !== 200) throw new Error(`GET ${path} answered ${r.status}`);
    return r.json();
  };
  return { cookies, get };
}

// ---------------------------------------------------------------- in the page
// Records when the first partner row is in the DOM and the frame after it (≈ painted), relative to navigation start.
function firstRowProbe(selector) {
  window.__bench = {};
  const check = () => {
    if (window.__bench.firstRowDom == null && document.querySelector(selector)) {
      window.__bench.firstRowDom = performance.now();
      requestAnimationFrame(() => (window.__bench.firstRowFrame = performance.now()));
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

async function newContext(browser, baseURL, cookies) {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  await context.addCookies(cookies);
  await context.addInitScript(firstRowProbe, FIRST_ROW);
  return context;
}

async function newPage(context, errors) {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return page;
}

// (b) a full page load of /partners until the first row is there (and the frame after it)
async function loadList(context, errors) {
  const page = await newPage(context, errors);
  try {
    await page.goto('/partners', { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.firstRowFrame != null, null, { timeout: TIMEOUT, polling: 'raf' });
    if (new URL(page.url()).pathname !== '/partners') throw new Error(`ended on ${page.url()} (not signed in?)`);
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      const js = res.filter((e) => e.name.endsWith('.js'));
      return {
        dom: window.__bench.firstRowDom,
        frame: window.__bench.firstRowFrame,
        dcl: nav?.domContentLoadedEventEnd,
        jsTransferred: js.reduce((s, e) => s + (e.transferSize || 0), 0),
        jsFromCache: js.every((e) => e.transferSize === 0),
        api: res.filter((e) => e.name.includes('/api/v1/partnerships')).map((e) => e.duration),
      };
    });
    return { page, ...r };
  } catch (e) {
    await page.close();
    throw e;
  }
}

// (c) in an open list: an action, then the frame after the pager shows a different range and nothing is busy
async function timeListChange(page, action) {
  return page.evaluate(
    ({ action, timeout }) =>
      new Promise((resolve, reject) => {
        const range = () => document.querySelector('.pager .range')?.textContent.trim();
        const before = range();
        const t0 = performance.now();
        if (action.type === 'search') {
          const input = document.querySelector('#pf-q');
          input.value = action.q;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        } else {
          [...document.querySelectorAll('.pager button')].at(-1).click();
        }
        const step = () => {
          const now = performance.now();
          const r = range();
          if (r && r !== before && !document.querySelector('[aria-busy="true"], .loading') && document.querySelector('table tbody tr')) {
            return resolve({ ms: now - t0, range: r, first: document.querySelector('table tbody tr td.primary a')?.textContent.trim() });
          }
          if (now - t0 > timeout) return reject(new Error(`no change after ${action.type} (range ${r})`));
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    { action, timeout: TIMEOUT },
  );
}

// (d) a full page load of /partners/map until the canvas has drawn every placed partner (and the frame after)
async function loadMap(context, errors, path = '/partners/map') {
  const page = await newPage(context, errors);
  try {
    await page.goto(path, { waitUntil: 'commit' });
    const r = await page.evaluate(
      (timeout) =>
        new Promise((resolve, reject) => {
          const step = () => {
            const now = performance.now();
            const canvas = document.querySelector('.map-wrap canvas');
            const markers = Number(canvas?.dataset.markers ?? 0);
            const drawn = Number(canvas?.dataset.drawn ?? 0);
            if (markers > 0 && drawn > 0 && Number(canvas.dataset.drawnOf) === markers) {
              const unplaced = Number((document.querySelector('.map-wrap + p')?.textContent ?? '').replace(/\D/g, '')) || 0;
              const res = performance.getEntriesByType('resource');
              const map = res.filter((e) => e.name.includes('/api/v1/partnerships/map')).at(-1);
              return requestAnimationFrame(() =>
                resolve({
                  ms: performance.now(),
                  dom: now,
                  circles: drawn,
                  unplaced,
                  partnerRequests: res.filter((e) => e.name.includes('/api/v1/partnerships')).length,
                  mapTransfer: map?.transferSize ?? null,
                  mapBody: map?.encodedBodySize ?? null,
                  mapEnd: map?.responseEnd ?? null,
                  chunkFromCache: res.filter((e) => /WorldMap-.*\.js$/.test(e.name)).every((e) => e.transferSize === 0),
                }),
              );
            }
            if (now > timeout) return reject(new Error(`map not drawn (${drawn} of ${markers} markers in view)`));
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
      TIMEOUT,
    );
    return r;
  } finally {
    await page.close();
  }
}

// The map's answer (one array a field) grown to `total` partners: copies of the real ones, each shifted by up to half
// a degree so that they do not all sit on their originals, with ids of their own.
function scaledMap(map, total) {
  const fields = ['id', 'tier', 'name', 'country', 'city', 'latitude', 'longitude', 'active_agreements'];
  const out = Object.fromEntries(fields.map((f) => [f, []]));
  const n = map.total;
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  for (let i = 0; i < total; i++) {
    const j = i % n;
    const copy = Math.floor(i / n);
    out.id.push(i + 1);
    out.tier.push(map.tier[j]);
    out.name.push(copy ? `${map.name[j]} (${copy + 1})` : map.name[j]);
    out.country.push(map.country[j]);
    out.city.push(map.city[j]);
    const lat = map.latitude[j];
    const lon = map.longitude[j];
    out.latitude.push(lat == null ? null : Math.max(-89, Math.min(89, lat + (copy ? random() : 0))));
    out.longitude.push(lon == null ? null : Math.max(-179, Math.min(179, lon + (copy ? random() : 0))));
    out.active_agreements.push(map.active_agreements[j]);
  }
  return { total, ...out };
}

// ---------------------------------------------------------------- main
async function main() {
  await access(BIN).catch(() => {
    throw new Error(`server binary not found at ${BIN} (build it, or set WELTCAMPUS_BIN)`);
  });
  await access(join(WEB_DIST, 'index.html')).catch(() => {
    throw new Error('web/dist/index.html missing: run "npm run build" first');
  });
  const sizes = await bundleSizes();
  const load0 = loadavg()[0];

  const tmp = await mkdtemp(join(tmpdir(), 'weltcampus-bench-web-'));
  let handle;
  let browser;
  const onSignal = async (sig) => {
    await browser?.close().catch(() => {});
    await stopServer(handle?.server);
    await rm(tmp, { recursive: true, force: true });
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const errors = [];
  try {
    try {
      handle = await startServer(tmp);
    } catch (e) {
      handle = e.handle;
      throw e;
    }
    const { baseURL } = handle;
    const { cookies, get } = await signIn(baseURL);
    const total = (await get('/partnerships?limit=1')).total;
    // a search term from the data: the city of the 120th partner by name, checked through the API
    const sample = (await get('/partnerships?limit=200&sort=name')).items;
    const pick = sample[Math.min(119, sample.length - 1)];
    const term = pick.institution?.city || pick.institution?.name.split(/\s+/).find((w) => w.length > 4);
    const termHits = (await get(`/partnerships?limit=1&q=${encodeURIComponent(term)}`)).total;
    // and a broad term that matches many partners (the count and the first page of a large result)
    const broad = 'universit';
    const broadHits = (await get(`/partnerships?limit=1&q=${broad}`)).total;

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

    // cold: the first page load after the server started, in a browser profile with nothing cached
    const coldCtx = await newContext(browser, baseURL, cookies);
    const cold = await loadList(coldCtx, errors);
    await cold.page.close();
    // warm server, warm browser cache (the hashed assets are cached as immutable): new tab each time
    const warmCached = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await loadList(coldCtx, errors);
      await r.page.close();
      warmCached.push(r);
    }
    // warm server, empty browser cache: a new browser context each time (downloads all initial assets)
    const warmEmpty = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await newContext(browser, baseURL, cookies);
      try {
        const r = await loadList(ctx, errors);
        await r.page.close();
        warmEmpty.push(r);
      } finally {
        await ctx.close();
      }
    }
    // (c) search and next page, each RUNS times in a freshly loaded list
    const searches = [];
    const broadSearches = [];
    const nexts = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await loadList(coldCtx, errors);
      try {
        nexts.push(await timeListChange(r.page, { type: 'next' }));
        await r.page.goto('/partners', { waitUntil: 'commit' });
        await r.page.waitForFunction(() => window.__bench?.firstRowFrame != null, null, { timeout: TIMEOUT, polling: 'raf' });
        searches.push(await timeListChange(r.page, { type: 'search', q: term }));
        await r.page.goto('/partners', { waitUntil: 'commit' });
        await r.page.waitForFunction(() => window.__bench?.firstRowFrame != null, null, { timeout: TIMEOUT, polling: 'raf' });
        broadSearches.push(await timeListChange(r.page, { type: 'search', q: broad }));
      } finally {
        await r.page.close();
      }
    }
    // (d) the map: first visit (chunk not yet cached) in a fresh context, then warm visits
    const mapCtx = await newContext(browser, baseURL, cookies);
    let mapFirst;
    const mapWarm = [];
    try {
      mapFirst = await loadMap(mapCtx, errors);
      for (let i = 0; i < MAP_RUNS; i++) mapWarm.push(await loadMap(mapCtx, errors));
    } finally {
      await mapCtx.close();
    }
    // (e) the map with MAP_SCALE partners: the real answer copied with shifted places until it has that many, handed
    // to the page in place of the server's (everything else is the real server) — until a `scale` demo profile exists
    const scaleCtx = await newContext(browser, baseURL, cookies);
    const scaleMap = scaledMap(await get('/partnerships/map'), MAP_SCALE);
    const scaleBody = JSON.stringify(scaleMap);
    const mapScale = [];
    try {
      await scaleCtx.route('**/api/v1/partnerships/map*', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: scaleBody }),
      );
      await loadMap(scaleCtx, errors); // the map's chunk into the cache
      for (let i = 0; i < MAP_RUNS; i++) mapScale.push(await loadMap(scaleCtx, errors));
    } finally {
      await scaleCtx.close();
    }
    await coldCtx.close();

    // ------------------------------------------------------------ report
    const sum = (xs, k) => xs.reduce((s, x) => s + x[k], 0);
    const line = (a, b) => console.log(`| ${a} | ${b} |`);
    const span = (xs) => `median ${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))}, n=${xs.length})`;
    console.log(`\nWeltcampus web benchmark — ${new Date().toISOString()}`);
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average at start ${load0.toFixed(2)}, at end ${loadavg()[0].toFixed(2)}`);
    console.log(`server: ${BIN}; university demo profile (${total} partnerships, demo built in ${handle.demoSeconds.toFixed(1)} s)`);
    console.log(`browser: ${CHROMIUM} ${browser.version()} headless, 1280×900, en-GB, signed in as ${EMAIL}\n`);
    console.log('| what | figure |');
    console.log('|---|---|');
    line(
      'initial JS, gzip -9',
      `${kB(sum(sizes.init.filter((f) => f.file.endsWith('.js')), 'gzip'))} (${sizes.init.filter((f) => f.file.endsWith('.js')).map((f) => `${f.file.replace('/assets/', '')} ${kB(f.raw)} raw`).join(', ')})`,
    );
    line('initial CSS, gzip -9', `${kB(sum(sizes.init.filter((f) => f.file.endsWith('.css')), 'gzip'))}`);
    for (const f of [...sizes.lazy].sort((a, b) => b.gzip - a.gzip)) line(`lazy ${f.file.replace('/assets/', '')}`, `${kB(f.gzip)} gzip (${kB(f.raw)} raw)`);
    line('lazy chunks total, gzip -9', `JS ${kB(sum(sizes.lazy.filter((f) => f.file.endsWith('.js')), 'gzip'))}, CSS ${kB(sum(sizes.lazy.filter((f) => f.file.endsWith('.css')), 'gzip'))}`);
    line('list /partners, cold (first load after server start, empty cache)', `${ms(cold.frame)} (row in DOM ${ms(cold.dom)}, JS transferred ${kB(cold.jsTransferred)})`);
    line('list /partners, warm server, empty browser cache', span(warmEmpty.map((r) => r.frame)));
    line(
      'list /partners, warm server, cached assets',
      `${span(warmCached.map((r) => r.frame))}${warmCached.every((r) => r.jsFromCache) ? ', JS from cache' : ', JS NOT all from cache'}`,
    );
    line('  of which GET /partnerships (warm, cached)', span(warmCached.map((r) => r.api.at(-1) ?? 0)));
    line(`search "${term}" (${termHits} hits; includes the 250 ms typing pause)`, span(searches.map((r) => r.ms)));
    line(`search "${broad}" (${broadHits} hits; includes the 250 ms typing pause)`, span(broadSearches.map((r) => r.ms)));
    line('next page (51–100)', span(nexts.map((r) => r.ms)));
    line(`map /partners/map, first visit (chunk not cached)`, `${ms(mapFirst.ms)} (${mapFirst.circles} markers, ${mapFirst.unplaced} unplaced, ${mapFirst.partnerRequests} list requests)`);
    line('map /partners/map, warm', `${span(mapWarm.map((r) => r.ms))}, the answer in at ${span(mapWarm.map((r) => r.mapEnd))}; the answer ${mapWarm.at(-1).mapTransfer} B transferred of ${mapWarm.at(-1).mapBody} B (304 when unchanged)`);
    line(
      `map /partners/map with ${scaleMap.total} partners (generated answer, ${kB(scaleBody.length)}), chunk cached`,
      `${span(mapScale.map((r) => r.ms))} (${mapScale[0].circles} markers drawn, the rest pushed off the edge by the spreading of copies); the answer was in at ${span(mapScale.map((r) => r.mapEnd))}`,
    );
    if (errors.length) console.log(`\npage errors (${errors.length}):\n  ${[...new Set(errors)].slice(0, 10).join('\n  ')}`);
    const aim = median(warmEmpty.map((r) => r.frame)) < 1000 && cold.frame < 1000;
    console.log(`\nissue 3: initial JS ${sum(sizes.init.filter((f) => f.file.endsWith('.js')), 'gzip') <= 200 * 1024 ? '≤' : '>'} 200 kB gzipped; partner list ${aim ? 'under' : 'NOT under'} 1 s (cold and warm median)`);
  } finally {
    await browser?.close().catch(() => {});
    await stopServer(handle?.server);
    await rm(tmp, { recursive: true, force: true });
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

main().catch((e) => {
  console.error(e.stack ?? String(e));
  process.exitCode = 1;
});
