// Self-service drafts and exits in a real browser: both endings of the building-permit guide
// for a logged-in citizen (no case made), and a draft resumed after logging out — found on
// the catalogue and on "Mit overblik", answers and upload intact, then sent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { assertGoodPage } from './harness.ts';
import { PDF, planAnswers } from '../../src/modules/selfservice/testing.ts';
import { catalogue, chooseAccount, contactCount, declareAndSend, env, fillIn, fillStep, karl, anna, logOut, openAndStart, prefilledFields, receiptChecks, useSelfServiceApp } from './selfservice-helpers.ts';

useSelfServiceApp();

/** Answers a guide step by step to one of its exits and checks the exit page. */
async function guideTo(page: Page, steps: Record<string, string>[]): Promise<void> {
  for (const answers of steps) {
    await assertGoodPage(page);
    const form = new FormData();
    for (const [k, v] of Object.entries(answers)) form.append(k, v);
    await fillStep(page, form);
    await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  }
  await page.waitForURL(/\/udgang\//);
  await assertGoodPage(page);
}

test('skal-jeg-soege-byggetilladelse: both endings for a logged-in citizen, and no case is made', async () => {
  const def = catalogue.get('skal-jeg-soege-byggetilladelse')!;
  const cases = async () => Number((await sql<{ n: number | string }>`select count(*) as n from cases where service = ${def.id}`.execute(env.bt.app.database.db)).rows[0]?.n);
  const casesBefore = await cases();
  const page = await env.bt.newPage();
  await openAndStart(page, def, anna);
  // A shed of 20 m², far enough from the boundary, no local plan: no permit needed.
  await guideTo(page, [{ byggeri: 'smaa' }, { 'samlet-areal': '20', afstand: 'yes', lokalplan: 'no' }]);
  assert.match(await page.locator('h1').innerText(), /Du skal ikke søge byggetilladelse$/);
  assert.match(await page.locator('main').innerText(), /bygningsreglementet, BR18/);
  assert.equal(await page.getByRole('link', { name: 'Læs reglerne i BR18' }).getAttribute('href'), 'https://bygningsreglementet.dk/');

  // A new house: the exit to Byg og Miljø.
  await page.goto(`/selvbetjening/${def.id}`);
  await page.getByRole('button', { name: 'Start nu' }).click();
  await guideTo(page, [{ byggeri: 'hus' }]);
  assert.match(await page.locator('h1').innerText(), /Du skal søge om byggetilladelse$/);
  assert.equal(await page.getByRole('link', { name: 'Gå til Byg og Miljø' }).getAttribute('href'), 'https://bygogmiljoe.dk/');
  assert.equal(await cases(), casesBefore, 'an exit makes no case');
});

test('resume after logout: two steps with an upload, log out, log in, find the draft, finish', async () => {
  const def = catalogue.get('soeg-hjaelpemidler')!;
  const plan = planAnswers(def);
  assert.deepEqual(plan.map((p) => p.stepId), ['behov', 'hvorfor', 'kontakt']);
  const page = await env.bt.newPage();
  const before = await contactCount(def.id);
  await openAndStart(page, def, karl);
  const hvorfor = new FormData();
  hvorfor.append('begrundelse', 'Jeg kan ikke gå langt efter operationen.');
  hvorfor.append('haft-foer', 'no');
  hvorfor.append('laegeerklaering', new Blob([PDF]), 'erklaering.pdf');
  for (const form of [plan[0]!.form, hvorfor]) {
    await assertGoodPage(page);
    await fillStep(page, form);
    await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  }
  await page.waitForURL(/\/kontakt$/);
  const draftUrl = new URL(page.url()).pathname;
  await logOut(page);
  // Logged out, the same browser gets a page that says to log in, and nothing of the answers.
  await page.goto(draftUrl);
  await assertGoodPage(page);
  assert.equal(await page.locator('h1').innerText(), 'Log ind for at se svarene');
  assert.doesNotMatch(await page.locator('main').innerText(), /operationen|erklaering/);
  // Nothing but the login opens the draft again: no cookie, no resume link.
  await page.context().clearCookies();

  await page.goto('/log-ind');
  await page.getByRole('link', { name: 'Log ind med MitID' }).click();
  await chooseAccount(page, karl);
  await page.goto('/mit-overblik');
  await assertGoodPage(page);
  const overview = page.locator('main');
  assert.match(await overview.innerText(), /Ansøgninger du ikke har sendt/);
  const row = overview.locator('tr', { hasText: def.title.da });
  // Deleted draftDays after the last save, shown as a Copenhagen day.
  const expires = new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/Copenhagen' }).format(Date.now() + env.bt.app.config.selfService.draftDays * 86_400_000);
  assert.match(await row.innerText(), new RegExp(expires.replaceAll('.', '\\.')), 'the deletion day is shown');
  assert.match((await row.getByRole('link').getAttribute('href'))!, new RegExp(`^/selvbetjening/${def.id}/[A-Za-z0-9_-]{12}/kontakt$`), 'the link resumes at the step reached');

  await page.goto('/selvbetjening');
  await assertGoodPage(page);
  await page.locator('main section', { hasText: 'Dine kladder' }).getByRole('link', { name: def.title.da }).click();
  // The catalogue's link resumes at the step the citizen got to.
  await page.waitForURL(/\/kontakt$/);
  await assertGoodPage(page);
  await page.getByRole('link', { name: 'Tilbage' }).click();
  await page.waitForURL(/\/hvorfor$/);
  assert.equal(await page.locator('[name="begrundelse"]').inputValue(), 'Jeg kan ikke gå langt efter operationen.');
  assert.match(await page.locator('main').innerText(), /erklaering\.pdf/, 'the upload is still there');
  await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  await fillIn(page, [plan[2]!], prefilledFields(def, karl));
  assert.match(await page.locator('main').innerText(), /erklaering\.pdf/);
  await declareAndSend(page);
  await receiptChecks(page, def, karl.party, before);
  const submission = await env.selfservice.submission(/SB-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(await page.locator('.kanal-receipt').innerText())![0]);
  assert.equal((submission!.answers.laegeerklaering as { name: string }[])[0]!.name, 'erklaering.pdf');
  await page.goto('/mit-overblik');
  assert.doesNotMatch(await page.locator('main').innerText(), /Ansøgninger du ikke har sendt/, 'a sent draft is no longer listed');
});

