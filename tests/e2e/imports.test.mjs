// Imports from the browser: the ECHE list with a few broken rows (a copy made in a temp folder from ../shared,
// never kept in the repository) is checked in a dry run, its report read, then imported while the progress bar
// follows the job to its end; the job survives a reload; a cancelled import writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { startApp, screenshot, settled, ROOT } from './harness.mjs';

const ECHE = join(ROOT, '../shared/data/eche/eche_2026-04-08.csv');
const HEADER =
  'Proposal number,Erasmus Code,PIC,OID,Legal Name,Street,Post Cd,City,Country Cd,Website Url,Erasmus Eche Start,Erasmus Eche End';

// axe-core, evaluated through the DevTools protocol (the Content-Security-Policy forbids inline scripts)
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function audit(page, label) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(result, [], `${label}: ${JSON.stringify(result)}`);
}

let app;
let tmp;
let broken;
let brokenLines;
before(async () => {
  app = await startApp();
  tmp = await mkdtemp(join(tmpdir(), 'weltcampus-imports-'));
  let text = await readFile(ECHE, 'utf8');
  if (!text.endsWith('\n')) text += '\n';
  const first = text.split('\n').length; // the line the first appended row is on
  text += '1,NOT A CODE,,,Broken Code Academy,,,Paris,FR,,2021-01-01,2029-12-31\n';
  text += '2,F  NOWHERE01,,,Nowhere Academy,,,Atlantis,ZZ,,2021-01-01,2029-12-31\n';
  text += '3,F  NONAME01,,,,,,Lyon,FR,,2021-01-01,2029-12-31\n';
  brokenLines = [first, first + 1, first + 2];
  broken = join(tmp, 'eche-with-broken-rows.csv');
  await writeFile(broken, text);
});
after(async () => {
  await app?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const total = async (path) => (await (await app.api(path)).json()).total;
const jobIdOf = (page) => new URL(page.url()).searchParams.get('job');

test('the ECHE list with broken rows: dry run, its report, the import with progress, a reload', async () => {
  const before = await total('/institutions');
  const page = await app.newPage();
  await page.goto('/imports');
  await page.getByRole('heading', { level: 1, name: 'Imports' }).waitFor();
  await settled(page);
  await page.getByLabel('List', { exact: true }).selectOption('eche');
  await page.locator('#import-file').setInputFiles(broken);
  // the column map, pre-filled with the list's own headers
  await page.getByRole('group', { name: 'Which column holds what' }).waitFor();
  assert.equal(await page.getByLabel('Erasmus code', { exact: true }).inputValue(), 'Erasmus Code');
  assert.equal(await page.getByLabel('Country', { exact: true }).inputValue(), 'Country Cd');
  await screenshot(page, 'imports-mapping');
  await audit(page, 'the column map');

  await page.getByRole('button', { name: 'Check file (dry run)' }).click();
  await page.waitForURL(/job=\d+/);
  const dryRunJob = jobIdOf(page);
  await page.locator('[data-status="succeeded"]').waitFor({ timeout: 120000 });
  await page.getByText('This was a check: nothing has been written yet.').waitFor();
  const rejected = page.locator('#rejected-rows');
  await rejected.waitFor();
  // the list's own four broken codes and the three rows added to the copy, each with its line and reason
  assert.equal(await page.locator('[data-count="rejected"]').textContent(), '7');
  assert.equal(await page.locator('[data-count="rows"]').textContent(), '6,145');
  for (const [line, reason] of [
    [brokenLines[0], /invalid Erasmus code "NOT A CODE"/],
    [brokenLines[1], /unknown country "ZZ"/],
    [brokenLines[2], /no legal name/],
  ]) {
    const row = rejected.locator('tbody tr', { hasText: reason });
    assert.equal(await row.locator('td').first().textContent(), String(line));
  }
  const wouldAdd = Number((await page.locator('[data-count="added"]').textContent()).replace(/\D/g, ''));
  assert.ok(wouldAdd > 5000, `would add ${wouldAdd}`);
  await page.getByText(/Rows that would be added/).click();
  assert.equal(await total('/institutions'), before, 'a dry run writes nothing');
  // the report to download
  const href = await page.getByRole('link', { name: 'Download report (CSV)' }).getAttribute('href');
  const report = await page.evaluate(async (h) => (await fetch(h)).text(), href);
  assert.match(report, /^line,outcome,key,name,reason\r\n/);
  assert.match(report, new RegExp(`\\r\\n${brokenLines[1]},rejected,,,"unknown country ""ZZ"""`));
  await screenshot(page, 'imports-dry-run');
  await audit(page, 'the dry run\'s report');

  // apply: the progress bar follows the job to its end (watched in the page from before the click: the app's
  // screens change without a page load, so the watch stays until the job's end)
  await page.evaluate(() => {
    window.sawProgress = false;
    const look = () => {
      if (document.querySelector('#job-progress')) window.sawProgress = true;
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
  await page.getByRole('button', { name: 'Import now' }).click();
  await page.waitForURL((url) => url.searchParams.get('job') && url.searchParams.get('job') !== dryRunJob);
  const applyJob = jobIdOf(page);
  await page.getByRole('heading', { name: `Import, job ${applyJob}` }).waitFor();
  await page.locator('[data-status="succeeded"]').waitFor({ timeout: 120000 });
  assert.ok(await page.evaluate(() => window.sawProgress), 'the progress bar was shown while the job ran');
  assert.equal(await page.locator('[data-count="added"]').textContent(), wouldAdd.toLocaleString('en-GB'));
  assert.equal(await total('/institutions'), before + wouldAdd);
  await screenshot(page, 'imports-applied');

  // a reload shows the same job and its result
  await page.reload();
  await page.getByRole('heading', { name: `Import, job ${applyJob}` }).waitFor();
  await page.locator('[data-status="succeeded"]').waitFor();
  assert.equal(await page.locator('[data-count="rejected"]').textContent(), '7');

  // the jobs list has both
  await page.goto('/jobs');
  await page.getByRole('heading', { level: 1, name: 'My jobs' }).waitFor();
  await settled(page);
  await page.getByRole('link', { name: `Job ${applyJob}` }).waitFor();
  await page.getByRole('link', { name: `Job ${dryRunJob}` }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a cancelled import writes nothing', async () => {
  // forty thousand new charter holders: long enough to be cancelled while it runs
  let text = `${HEADER}\n`;
  const letters = (n) => {
    let s = '';
    for (let k = 0; k < 6; k++, n = Math.floor(n / 26)) s += String.fromCharCode(65 + (n % 26));
    return s;
  };
  for (let i = 0; i < 40000; i++) text += `${i},F  QX${letters(i)}01,,,Cancelled School ${i},,,Paris,FR,,2021-01-01,2029-12-31\n`;
  const file = join(tmp, 'many.csv');
  await writeFile(file, text);
  const before = await total('/institutions');

  const page = await app.newPage();
  await page.goto('/imports');
  await settled(page);
  await page.locator('#import-file').setInputFiles(file);
  await page.getByRole('group', { name: 'Which column holds what' }).waitFor();
  await page.getByRole('button', { name: 'Check file (dry run)' }).click();
  await page.locator('[data-status="succeeded"]').waitFor({ timeout: 120000 });
  await page.getByRole('button', { name: 'Import now' }).click();
  await page.getByRole('heading', { name: /^Import, job \d+$/ }).waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('[data-status="cancelled"]').waitFor({ timeout: 120000 });
  await page.getByText(/Cancelled; nothing was changed/).waitFor();
  await screenshot(page, 'imports-cancelled');
  assert.equal(await total('/institutions'), before);
  assert.equal(await total('/institutions?q=Cancelled%20School'), 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// A minimal .xlsx workbook made here (a zip of four XML parts, the cells as inline strings), as a spreadsheet
// program would save the office's list: rows are given with their spreadsheet row numbers.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function zip(members) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of members) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const fileName = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    locals.push(header, fileName, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += header.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function workbook(rows) {
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheetRows = rows
    .map(
      ([number, cells]) =>
        `<row r="${number}">${cells
          .map((v) => (v === '' ? '<c/>' : `<c t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`))
          .join('')}</row>`,
    )
    .join('');
  return zip([
    ['_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets><sheet name="ECHE" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`],
  ]);
}

test('an Excel workbook: its header read by the server, the broken row reported with its row number', async () => {
  const code = `F  ${String(Date.now()).slice(-6).replace(/\d/g, (d) => 'ABCDEFGHIJ'[d])}01`;
  const file = join(tmp, 'eche.xlsx');
  await writeFile(
    file,
    workbook([
      [1, ['Erasmus Code', 'PIC', 'OID', 'Legal Name', 'City', 'Country Cd', 'Website Url']],
      [2, [code, '', '', 'Ecole du Classeur', 'Lyon', 'FR']],
      [4, ['NOT A CODE', '', '', 'Broken Workbook School', 'Lyon', 'FR']],
    ]),
  );
  const page = await app.newPage();
  await page.goto('/imports');
  await settled(page);
  await page.getByLabel('List', { exact: true }).selectOption('eche');
  await page.locator('#import-file').setInputFiles(file);
  await page.getByRole('group', { name: 'Which column holds what' }).waitFor();
  await page.waitForFunction(() => document.querySelector('#map-erasmus_code')?.value === 'Erasmus Code');
  assert.equal(await page.getByLabel('Country', { exact: true }).inputValue(), 'Country Cd');
  await page.getByRole('button', { name: 'Check file (dry run)' }).click();
  await page.locator('[data-status="succeeded"]').waitFor({ timeout: 120000 });
  assert.equal(await page.locator('[data-count="rows"]').textContent(), '2');
  assert.equal(await page.locator('[data-count="added"]').textContent(), '1');
  const row = page.locator('#rejected-rows tbody tr', { hasText: /invalid Erasmus code "NOT A CODE"/ });
  assert.equal(await row.locator('td').first().textContent(), '4');
  await page.getByRole('button', { name: 'Import now' }).click();
  await page.getByRole('heading', { name: /^Import, job \d+$/ }).waitFor();
  await page.locator('[data-status="succeeded"]').waitFor({ timeout: 120000 });
  assert.equal(await total(`/institutions?q=${encodeURIComponent(code)}`), 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});
