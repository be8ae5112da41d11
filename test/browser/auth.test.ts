// Logging in through the test identity provider in a real browser: a citizen sees
// name and address, employees of two roles see their pages. Every page passes axe
// and fits 320 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startBrowserTest, assertGoodPage, assertAccessible, type BrowserTest } from './harness.ts';

let bt: BrowserTest;
before(async () => {
  // A short idle timeout, so the warning can be seen by moving the page's clock a minute on.
  bt = await startBrowserTest({ env: { KANAL_SESSION_IDLE_MINUTES_CITIZEN: '3', KANAL_SESSION_WARNING_MINUTES: '2' } });
});
after(() => bt.close());

const path = (page: Page) => new URL(page.url()).pathname;

async function chooseAndLogIn(page: Page, name: string) {
  assert.match(path(page), /^\/test-idp\/interaction\//);
  await page.getByLabel(name, { exact: false }).first().check();
  await page.getByRole('button', { name: 'Log ind' }).click();
}

test('a citizen logs in with the test MitID, sees name and address, and logs out', async () => {
  const page = await bt.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'Log ind' }).click();
  assert.equal(path(page), '/log-ind');
  await assertGoodPage(page);
  await page.getByRole('link', { name: 'Log ind med MitID' }).click();
  assert.match(await page.locator('body').innerText(), /TEST — ikke rigtig MitID/);
  await assertGoodPage(page);
  await chooseAndLogIn(page, 'Anna Sørensen');
  assert.equal(path(page), '/min-side', 'logging in from the front page leads to the citizen\'s own page');
  assert.equal(await page.locator('h1').innerText(), 'Dine oplysninger');
  const details = await page.locator('main').innerText();
  assert.match(details, /Anna Sørensen/);
  assert.match(details, /Hyldespjældet 31/);
  assert.match(details, /2620 Albertslund/);
  await assertGoodPage(page);
  await page.getByRole('button', { name: 'Log af' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Log ud af test-login');
  await assertGoodPage(page);
  await page.getByRole('button', { name: 'Log ud' }).click();
  assert.equal(path(page), '/logget-af');
  assert.equal(await page.locator('h1').innerText(), 'Du er logget af');
  await assertGoodPage(page);
});

test('a front-desk employee sees name, department and role', async () => {
  const page = await bt.newPage();
  await page.goto('/medarbejder');
  assert.match(await page.locator('body').innerText(), /Vælg en testmedarbejder/);
  await assertGoodPage(page);
  await chooseAndLogIn(page, 'Lise Frandsen');
  assert.equal(path(page), '/medarbejder');
  const main = await page.locator('main').innerText();
  assert.match(main, /Velkommen, Lise Frandsen/);
  assert.match(main, /Borgerservice/);
  assert.match(main, /Borgerservice-medarbejder/);
  assert.equal(await page.getByRole('link', { name: 'Adgangslog' }).count(), 0);
  await assertGoodPage(page);
});

test('the data-protection officer searches the access log by CPR number', async () => {
  const page = await bt.newPage();
  await page.goto('/medarbejder/adgangslog');
  await chooseAndLogIn(page, 'Camilla Krogh'); // the test provider's data-protection officer
  assert.equal(path(page), '/medarbejder/adgangslog');
  assert.match(await page.locator('main').innerText(), /Adgangslog/);
  await assertGoodPage(page);
  await page.getByLabel('Person eller virksomhed').fill('120388-1234');
  await page.getByLabel('Formål med søgningen').fill('Anmodning om indsigt');
  await page.locator('main').getByRole('button', { name: 'Søg' }).click();
  assert.equal(path(page), '/medarbejder/adgangslog', 'the CPR number went in the body, not the URL');
  assert.doesNotMatch(page.url(), /1203881234|120388-1234/);
  assert.match(await page.locator('main').innerText(), /audit\.search/);
  await assertGoodPage(page);
  // An empty purpose: the error summary links to the field.
  await page.getByLabel('Formål med søgningen').fill('');
  await page.locator('main').getByRole('button', { name: 'Søg' }).click();
  assert.match(await page.locator('#error-summary').innerText(), /Skriv formålet med søgningen/);
  assert.equal(await page.locator('#error-summary a').getAttribute('href'), '#formaal');
  await assertGoodPage(page);
});

test('without JavaScript a citizen can still log in', async () => {
  const page = await bt.newPage({ javaScript: false });
  await page.goto('/log-ind');
  await page.getByRole('link', { name: 'Log ind med MitID' }).click();
  await chooseAndLogIn(page, 'Karl Henriksen');
  assert.equal(path(page), '/min-side');
  assert.match(await page.locator('main').innerText(), /Galgebakken Sønder 7/);
});

test('before the idle logout the page warns, and "Bliv logget ind" keeps the session', async () => {
  const page = await bt.newPage();
  await page.clock.install();
  await page.goto('/auth/login/citizen?til=%2Fmin-side');
  await chooseAndLogIn(page, 'Fatima Hassan');
  assert.equal(path(page), '/min-side');
  const warning = page.locator('#kanal-session-warning');
  assert.equal(await warning.isVisible(), false);
  await page.clock.fastForward('01:05');
  assert.equal(await warning.isVisible(), true);
  assert.match(await warning.innerText(), /Du bliver snart logget af/);
  await assertAccessible(page);
  await page.getByRole('button', { name: 'Bliv logget ind' }).click();
  await warning.waitFor({ state: 'hidden' });
  assert.equal(path(page), '/min-side', 'renewed without leaving the page');
});
