// The administrators' jobs page and notification outbox in a real browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startBrowserTest, assertGoodPage, type BrowserTest } from './harness.ts';
import { enqueue } from '../../src/platform/jobs/index.ts';
import type { JobTables } from '../../src/platform/jobs/schema.ts';
import { send } from '../../src/platform/notify/index.ts';

let bt: BrowserTest;
let deadJob: number;

before(async () => {
  bt = await startBrowserTest();
  const db = bt.app.database.db;
  deadJob = await db.transaction().execute(async (trx) => {
    await send(trx, { channel: 'email', to: 'borger@example.dk', template: 'news', lang: 'da' });
    return (await enqueue(trx, 'jobs.cleanup', {})).id;
  });
  await db.withTables<JobTables>().updateTable('jobs').set({ state: 'dead', attempts: 10, last_error: 'disk full' }).where('id', '=', deadJob).execute();
});
after(() => bt.close());

/** A page logged in as the test administrator through the test identity provider. */
async function adminPage(options: { javaScript?: boolean } = {}): Promise<Page> {
  const page = await bt.newPage(options);
  await page.goto('/auth/login/staff');
  await page.locator('input[name="konto"][value="medarbejder-administration-admin"]').check();
  await page.locator('form:has(input[name="konto"]) button[type="submit"]').first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/test-idp'));
  return page;
}

test('the jobs page is accessible, fits 320 px, and "Kør igen" queues a dead job again', async () => {
  const page = await adminPage();
  await page.goto('/admin/jobs');
  assert.equal(await page.locator('h1').innerText(), 'Baggrundsjob');
  await assertGoodPage(page);
  await page.getByRole('button', { name: `Kør igen Nr. ${deadJob}` }).click();
  assert.equal(new URL(page.url()).pathname, '/admin/jobs');
  assert.match(await page.getByRole('alert').innerText(), new RegExp(`Job ${deadJob} er sat i kø igen`));
  await assertGoodPage(page);
});

test('"Kør igen" is a plain form: it works without JavaScript', async () => {
  const db = bt.app.database.db;
  await db.withTables<JobTables>().updateTable('jobs').set({ state: 'dead' }).where('id', '=', deadJob).execute();
  const page = await adminPage({ javaScript: false });
  await page.goto('/admin/jobs');
  await page.getByRole('button', { name: `Kør igen Nr. ${deadJob}` }).click();
  assert.match(await page.getByRole('alert').innerText(), new RegExp(`Job ${deadJob} er sat i kø igen`));
});

test('the outbox is accessible and fits 320 px', async () => {
  const page = await adminPage();
  await page.goto('/admin/notifications');
  assert.equal(await page.locator('h1').innerText(), 'Udbakke');
  assert.match(await page.locator('main').innerText(), /borger@example\.dk/);
  await assertGoodPage(page);
});
