// The retention schedule of applications (issue 10, item 9): the office sets the months after a later call's results
// (kept across a reload), runs the retention now and reads its counts, in English and German, with no WCAG 2.1 AA
// violation; a student is not shown the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { startApp, screenshot, settled } from './harness.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let app;
before(async () => {
  app = await startApp();
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

test('the office sets the schedule and runs the retention now', async () => {
  const page = await app.signedInPage('international_office');
  await page.goto('/exchange/application-retention');
  await page.getByRole('heading', { level: 1, name: 'Retention of applications' }).waitFor();
  await settled(page);
  const months = page.getByLabel('Months after the later call’s results');
  assert.equal(await months.inputValue(), '0');
  await months.fill('121');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('.field.invalid').waitFor();
  await months.fill('3');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('The schedule is saved.').waitFor();
  await page.reload();
  await settled(page);
  assert.equal(await page.getByLabel('Months after the later call’s results').inputValue(), '3');
  await audit(page, 'retention (en)');
  await screenshot(page, 'application-retention');
  // back to the default, so that nothing else in this database waits longer
  await page.getByLabel('Months after the later call’s results').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('The schedule is saved.').waitFor();

  await page.getByRole('button', { name: 'Run the retention now' }).click();
  await page.getByTestId('retention-report').getByText(/^Deleted \d+ applications without an accepted place/).waitFor();

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Aufbewahrung der Bewerbungen' }).waitFor();
  await audit(page, 'retention (de)');
  // the refused 121 months (422) is the only failed request
  assert.deepEqual(page.errors.filter((e) => !/status of 422/.test(e)), []);
  await page.close();
});

test('a student has no retention screen', async () => {
  const page = await app.signedInPage('student');
  await page.goto('/exchange/application-retention');
  await page.getByRole('heading', { level: 1, name: 'No permission' }).waitFor();
  await settled(page);
  assert.equal(await page.getByRole('heading', { level: 1, name: 'Retention of applications' }).count(), 0);
  assert.equal(await page.getByLabel('Months after the later call’s results').count(), 0);
  await page.close();
});
