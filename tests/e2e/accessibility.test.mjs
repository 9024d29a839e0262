// Every screen checked by axe-core against WCAG 2.1 A and AA (labels, contrast, landmarks, names).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { startApp, screenshot, settled } from './harness.mjs';

// Evaluated through the DevTools protocol: the server's Content-Security-Policy rightly forbids inline scripts.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let app;
let kcl;
let agreementId;
before(async () => {
  app = await startApp();
  const list = await (await app.api('/partnerships?q=College%20London')).json();
  kcl = list.items.find((p) => /King.s College London/.test(p.institution?.name ?? ''));
  const agreements = await (await app.api(`/agreements?partnership_id=${kcl.id}`)).json();
  agreementId = agreements.items[0]?.id;
});
after(async () => {
  await app?.close();
});

async function audit(page, label) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(result, [], `${label}: ${JSON.stringify(result, null, 1)}`);
}

const screens = () => [
  ['/', 'home'],
  ['/partners', 'partners'],
  ['/partners/map', 'map'],
  [`/partners/${kcl.id}`, 'partner'],
  [`/partners/${kcl.id}/edit`, 'partnership-form'],
  ['/institutions/new', 'institution-form'],
  ['/agreements', 'agreements'],
  ['/agreements/expiring', 'expiring'],
  [`/agreements/new?partnership=${kcl.id}`, 'agreement-form'],
  ...(agreementId ? [[`/agreements/${agreementId}`, 'agreement']] : []),
];

for (const locale of ['en', 'de']) {
  test(`every screen meets WCAG 2.1 AA (${locale})`, async () => {
    const page = await app.newPage();
    await page.goto('/');
    await page.evaluate((l) => localStorage.setItem('weltcampus.lang', l), locale);
    for (const [path, name] of screens()) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      await settled(page);
      await audit(page, `${locale} ${path}`);
    }
    await screenshot(page, `a11y-last-${locale}`);
    await page.close();
  });
}
