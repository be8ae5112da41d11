// The knowledge base in a real browser: a citizen searches and reads an answer with and
// without JavaScript; staff search and answer with an article; the editor shows LIX live.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startBrowserTest, assertGoodPage, type BrowserTest } from './harness.ts';
import { seedKnowledge } from '../../src/modules/knowledge/seed/seed.ts';

let bt: BrowserTest;
before(async () => {
  bt = await startBrowserTest({ env: { KANAL_SEARCH_FRESHNESS_MS: '0' } });
  await seedKnowledge(bt.app.database);
});
after(() => bt.close());

/** Logs the browser page in as a test employee, through the test identity provider, and lands on `returnTo`. */
async function logInAsStaff(page: Page, account: string, returnTo: string): Promise<void> {
  await page.goto(`/auth/login/staff?til=${encodeURIComponent(returnTo)}`);
  await page.locator(`input[name="konto"][value="${account}"]`).check();
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.waitForURL((url) => url.pathname === returnTo.split('?')[0]);
}

/** A page that fails fast instead of waiting 30 s for something that is not there. */
async function newPage(options?: { javaScript?: boolean; width?: number }) {
  const page = await bt.newPage(options);
  page.setDefaultTimeout(8000);
  return page;
}

test('with JavaScript: type-ahead in the header suggests answers, and the keyboard opens one', async () => {
  const page = await newPage();
  await page.goto('/');
  const search = page.getByRole('searchbox', { name: 'Søg på siden' });
  await search.fill('storskr');
  const suggestion = page.locator('.kanal-suggest-list a', { hasText: 'Hvordan får jeg hentet storskrald?' });
  await suggestion.waitFor();
  assert.match((await page.locator('#site-search-suggest-status').textContent()) ?? '', /forslag/);
  await assertGoodPage(page);
  await search.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), await page.locator('.kanal-suggest-list a').first().textContent());
  await suggestion.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/svar/hvordan-faar-jeg-hentet-storskrald');
  assert.equal(await page.locator('h1').innerText(), 'Hvordan får jeg hentet storskrald?');
  await assertGoodPage(page);
});

// Without JavaScript the page cannot run axe (evaluate needs it): the same pages are
// checked with JavaScript on in the next test, through the same clicks.
async function searchReadAndAnswer(javaScript: boolean, check: (page: Page) => Promise<void>) {
  const page = await newPage({ javaScript });
  await page.goto('/soeg');
  await page.getByRole('searchbox', { name: 'Hvad søger du?' }).fill('parkeringstilladelser');
  await page.getByRole('button', { name: 'Søg', exact: true }).last().click();
  await page.waitForURL(/\/soeg\?q=parkeringstilladelser/);
  assert.match(await page.locator('#results-heading').innerText(), /resultat/);
  await check(page);
  await page.getByRole('link', { name: 'Hvordan får jeg en parkeringstilladelse?' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Hvordan får jeg en parkeringstilladelse?');
  assert.match(await page.locator('main p').first().innerText(), /^Bor du i en zone med betalt parkering/);
  await check(page);
  await page.getByRole('button', { name: 'Send' }).click();
  assert.match(await page.locator('.alert-error').innerText(), /Vælg Ja eller Nej/);
  await check(page);
  await page.getByLabel('Ja').check();
  await page.getByRole('button', { name: 'Send' }).click();
  assert.match(await page.locator('#nyttigt').innerText(), /Tak for dit svar/);
  await check(page);
}

test('without JavaScript: search, read the short answer first, and say whether it helped', async () => {
  await searchReadAndAnswer(false, async (page) => {
    // No script ran: the type-ahead box stays hidden.
    assert.equal(await page.locator('.kanal-suggest').first().isHidden(), true);
  });
});

test('the same pages pass axe, fit 320 px and break no CSP rule', async () => {
  await searchReadAndAnswer(true, assertGoodPage);
});

test('a search with no result tells the citizen how to reach us', async () => {
  const page = await newPage({ width: 320 });
  await page.goto('/soeg?q=kolonihave');
  assert.match(await page.locator('main').innerText(), /Vi fandt ingen svar[\s\S]*Ring til os på 43 68 68 68/);
  await assertGoodPage(page);
});

test('staff: the header search finds internal answers, and "svaret med denne artikel" records the contact', async () => {
  const page = await newPage();
  await logInAsStaff(page, 'medarbejder-borgerservice-frontdesk', '/medarbejder/viden');
  await page.getByRole('searchbox', { name: 'Søg i vidensbasen' }).first().fill('storskrald');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Borgeren siger, at storskrald ikke er hentet. Hvad gør jeg?' }).click();
  assert.match(await page.locator('h1').innerText(), /Internt/);
  await assertGoodPage(page);
  await page.getByLabel('Hvordan kontaktede borgeren jer?').selectOption('phone');
  await page.getByRole('button', { name: 'Registrér svar' }).click();
  assert.match(await page.locator('.alert-success').innerText(), /løst ved første kontakt/);
  await assertGoodPage(page);
});

test('the editor shows LIX while typing, and warns above 40 for public articles', async () => {
  const page = await newPage();
  await logInAsStaff(page, 'medarbejder-miljoe-teknik-caseworker', '/medarbejder/viden/ny');
  await assertGoodPage(page);
  const lix = page.locator('#da-shortAnswer-lix');
  assert.equal(await lix.innerText(), 'LIX 0 – meget let');
  await page.getByLabel('Kort svar').first().fill('Kommunalbestyrelsen behandler ansøgningen om byggetilladelse hurtigst muligt.');
  await page.waitForFunction(() => document.querySelector('#da-shortAnswer-lix')?.textContent?.startsWith('LIX 78'));
  assert.match(await lix.innerText(), /LIX 78 – meget svær Over 40/);
  await page.getByLabel('Kun medarbejdere').check();
  assert.equal(await lix.innerText(), 'LIX 78 – meget svær');
  await assertGoodPage(page);
});

test('the editor without JavaScript shows LIX and the warning after "Vis forhåndsvisning"', async () => {
  const page = await newPage({ javaScript: false, width: 320 });
  await logInAsStaff(page, 'medarbejder-miljoe-teknik-caseworker', '/medarbejder/viden/ny');
  await page.getByLabel('Titel (stil et spørgsmål)').first().fill('Hvordan søger jeg?');
  await page.getByLabel('Kort svar').first().fill('Kommunalbestyrelsen behandler ansøgningen om byggetilladelse hurtigst muligt.');
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  assert.match(await page.locator('#da-shortAnswer-lix').innerText(), /LIX 78/);
  assert.match(await page.locator('main').innerText(), /Teksten er svær at læse/);
});
