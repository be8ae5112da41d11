// Channel insights in a real browser: the dashboard with its chart images and tables, the
// status report's PDF download, the intranet page, and the admins' prices and goals pages —
// accessible (axe) and usable at 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startBrowserTest, assertGoodPage, type BrowserTest } from './harness.ts';
import { seedDemoInsights } from '../../src/modules/insights/demo.ts';

let bt: BrowserTest;
before(async () => {
  bt = await startBrowserTest();
  const { app, database, config } = bt.app;
  await seedDemoInsights({ config, db: database.db, dialect: database.dialect, log: app.log as never, metrics: undefined as never }, () => {});
});
after(() => bt.close());

async function logIn(page: Page, account: string, returnTo: string): Promise<void> {
  await page.goto(`/auth/login/staff?til=${encodeURIComponent(returnTo)}`);
  await page.locator(`input[name="konto"][value="${account}"]`).check();
  await page.locator('form:has(input[name="konto"]) button[type="submit"]').first().click();
  await page.waitForURL((url) => url.pathname === returnTo.split('?')[0]);
}

/** The page's checks at its width, and axe again at 320 px (where tables stack), back to the width after. */
async function assertGoodWideAndNarrow(page: Page): Promise<void> {
  const wide = page.viewportSize();
  await assertGoodPage(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await assertGoodPage(page);
  if (wide) await page.setViewportSize(wide);
}

test('the dashboard shows charts as images beside their tables, passes axe and fits 320 px', async () => {
  const page = await bt.newPage();
  await logIn(page, 'medarbejder-administration-admin', '/staff/indsigt');
  assert.match(await page.locator('h1').innerText(), /Kanalstrategi: tal og mål$/);
  assert.match(await page.locator('main').innerText(), /Demodata/);
  const charts = page.locator('img.insights-chart');
  assert.ok((await charts.count()) >= 3);
  for (const img of await charts.all()) {
    assert.ok(((await img.getAttribute('alt')) ?? '').length > 20, 'every chart has alt text');
    await img.scrollIntoViewIfNeeded(); // the images load lazily
    await page.waitForFunction((el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0, await img.elementHandle(), { timeout: 15_000 });
  }
  assert.ok((await page.locator('table').count()) >= 6);
  await assertGoodWideAndNarrow(page);
});

test('a status report is made, read and downloaded as PDF', async () => {
  const page = await bt.newPage();
  await logIn(page, 'medarbejder-administration-admin', '/staff/indsigt/rapporter');
  await page.locator('#period').fill('2015H1');
  await page.locator('#department').selectOption('miljoe-teknik');
  await page.getByRole('button', { name: 'Lav rapport' }).click();
  await page.waitForURL(/\/staff\/indsigt\/rapporter\/2015H1\/miljoe-teknik$/);
  assert.match(await page.locator('h1').innerText(), /Miljø og Teknik, 2015H1/);
  await assertGoodPage(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hent PDF' }).first().click()]);
  assert.match(download.suggestedFilename(), /^kanalstrategi-status-miljoe-teknik-2015H1\.pdf$/);
});

test('the intranet page: aggregates for every employee, accessible at 320 px', async () => {
  const page = await bt.newPage({ width: 320 });
  await logIn(page, 'medarbejder-borgerservice-caseworker', '/intranet/kanalstrategi');
  assert.match(await page.locator('h1').innerText(), /Kanalstrategien: sådan går det$/);
  assert.equal(await page.locator('img[src*="take-up"]').count(), 0, 'no per-service chart');
  await assertGoodPage(page);
});

test('an admin changes a price and a goal through their pages, which pass axe and fit 320 px', async () => {
  const page = await bt.newPage();
  await logIn(page, 'medarbejder-administration-admin', '/staff/indsigt/priser');
  // A wrong amount: the error summary, and nothing saved.
  await page.locator('#kroner').fill('fyrre');
  await page.getByRole('button', { name: 'Gem pris' }).click();
  assert.match(await page.locator('.alert-error').innerText(), /kroner/i);
  await assertGoodPage(page);
  await page.locator('#item').selectOption('phone');
  await page.locator('#fromYear').fill('2015');
  await page.locator('#kroner').fill('42,50');
  await page.getByRole('button', { name: 'Gem pris' }).click();
  await page.waitForURL(/\/staff\/indsigt\/priser\?gemt=1$/);
  assert.match(await page.locator('main').innerText(), /Prisen er gemt\.[\s\S]*42,50 kr\./);
  await assertGoodWideAndNarrow(page);

  await page.goto('/staff/indsigt/maal');
  await page.locator('#department').selectOption('borgerservice');
  await page.locator('#topic').fill('pas');
  await page.locator('#kind').selectOption('transaction');
  await page.locator('#target').fill('60');
  await page.locator('#targetYear').fill('2020');
  await page.getByRole('button', { name: 'Gem mål' }).click();
  await page.waitForURL(/\/staff\/indsigt\/maal\?gemt=1$/);
  const goals = page.locator('table').first();
  assert.match(await goals.innerText(), /Borgerservice · pas · transaction[\s\S]*2020/);
  await assertGoodWideAndNarrow(page);
});

test('the forms send with their optional fields left empty: another year, a report and a goal for the whole municipality', async () => {
  const page = await bt.newPage();
  await logIn(page, 'medarbejder-administration-admin', '/staff/indsigt');
  await page.locator('#period').fill('2014');
  await page.getByRole('button', { name: 'Vis' }).click();
  await page.waitForURL(/\/staff\/indsigt\?period=2014&/);
  assert.match(await page.locator('h1').innerText(), /Kanalstrategi/);

  await page.goto('/staff/indsigt/rapporter');
  await page.locator('#period').fill('2014H2');
  await page.getByRole('button', { name: 'Lav rapport' }).click();
  await page.waitForURL(/\/staff\/indsigt\/rapporter\/2014H2\/kommune$/);

  await page.goto('/staff/indsigt/maal');
  await page.locator('#target').fill('55');
  await page.locator('#targetYear').fill('2021');
  await page.getByRole('button', { name: 'Gem mål' }).click();
  await page.waitForURL(/\/staff\/indsigt\/maal\?gemt=1$/);
  assert.match(await page.locator('table').first().innerText(), /Digital andel\s+Hele kommunen\s+≥ 55,0 %\s+2021/);
  await assertGoodPage(page);
});
