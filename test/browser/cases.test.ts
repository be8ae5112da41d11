// Cases in a real browser: a case worker finds a case, writes and decides; the citizen reads and
// replies in "Mit overblik"; the front desk looks the citizen up. Every page: axe, 320 px, no CSP problems.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startBrowserTest, assertGoodPage, type BrowserTest } from './harness.ts';
import { makeCase } from '../../src/modules/cases/testing.ts';
import type { CaseRecord } from '../../src/modules/cases/index.ts';

let bt: BrowserTest;
let seeded: CaseRecord;

before(async () => {
  bt = await startBrowserTest();
  seeded = await makeCase(bt.app.database.db, {
    title: 'Carport på Hyldespjældet',
    party: { kind: 'person', cpr: '1203881234', name: 'Anna Sørensen', email: 'anna@example.dk' },
    submission: { sections: [{ title: 'Byggeriet', answers: [{ label: 'Hvad vil du bygge?', value: 'En carport på 18 m²' }] }] },
  });
});
after(() => bt.close());

async function logIn(kind: 'staff' | 'citizen', account: string): Promise<Page> {
  const page = await bt.newPage();
  await page.goto(`/auth/login/${kind}`);
  await page.locator(`input[name="konto"][value="${account}"]`).check();
  if (kind === 'citizen') await page.locator('input[name="sikringsniveau"][value="substantial"]').check();
  await page.locator('form:has(input[name="konto"]) button[type="submit"]').first().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/test-idp') && !url.pathname.startsWith('/auth/'));
  return page;
}

test('case worker → citizen → front desk', async () => {
  // The case worker finds the case in the inbox.
  const worker = await logIn('staff', 'medarbejder-miljoe-teknik-caseworker');
  await worker.goto('/sager');
  assert.match(await worker.locator('h1').innerText(), /Miljø og Teknik\s+Indbakke/);
  await assertGoodPage(worker);
  await worker.getByRole('link', { name: seeded.reference }).click();
  assert.match(await worker.locator('h1').innerText(), /Carport på Hyldespjældet/);
  assert.match(await worker.locator('main').innerText(), /En carport på 18 m²/);
  await assertGoodPage(worker);

  // Writes to the citizen, starts the work, sends a decision.
  await worker.getByLabel('Overskrift').first().fill('Vi har fået din ansøgning');
  await worker.locator('#message-body').fill('Vi går i gang med din sag i næste uge.');
  await worker.getByRole('button', { name: 'Send', exact: true }).click();
  assert.match(await worker.locator('.alert-success').innerText(), /Gemt/);
  await worker.getByLabel('Under behandling').check();
  await worker.getByRole('button', { name: 'Skift status' }).click();
  await worker.getByLabel('Fuldt medhold').check();
  await worker.locator('#decision-body').fill('Du får tilladelse til at bygge carporten.');
  await worker.locator('#decision-reasons').fill('Carporten overholder lokalplan 7.');
  await worker.getByRole('button', { name: 'Send afgørelse' }).click();
  assert.match(await worker.locator('main').innerText(), /Afgjort/);
  await assertGoodPage(worker);

  // The citizen reads the decision and replies in "Mit overblik".
  const citizen = await logIn('citizen', 'borger-anna-soerensen');
  await citizen.goto('/mit-overblik');
  assert.equal(await citizen.locator('h1').innerText(), 'Mit overblik');
  await assertGoodPage(citizen);
  await citizen.getByRole('link', { name: 'Carport på Hyldespjældet', exact: true }).click();
  const caseText = await citizen.locator('main').innerText();
  assert.match(caseText, /Afgjort/);
  assert.match(caseText, /Afgørelse: Carport på Hyldespjældet/);
  await assertGoodPage(citizen);
  await citizen.getByLabel('Dit svar').fill('Tak for svaret.');
  await citizen.getByRole('button', { name: 'Send svar' }).click();
  assert.match(await citizen.locator('.alert-success').innerText(), /Tak. Vi har fået dit svar./);
  assert.match(await citizen.locator('main').innerText(), /Tak for svaret\./);
  await assertGoodPage(citizen);

  // The front desk looks the citizen up.
  const desk = await logIn('staff', 'medarbejder-borgerservice-frontdesk');
  await desk.goto('/borgeroverblik');
  await assertGoodPage(desk);
  await desk.getByLabel('CPR-nummer, CVR-nummer, navn eller sagsnummer').fill('120388-1234');
  await desk.getByLabel('Formål med opslaget').fill('Borgeren ringer om carport');
  await desk.getByRole('button', { name: 'Slå op' }).click();
  const overview = await desk.locator('main').innerText();
  assert.match(overview, new RegExp(seeded.reference));
  assert.match(overview, /Kontakt Social og Sundhed for oplysninger\./);
  await assertGoodPage(desk);
});

test('the citizen overview works without JavaScript and says what is missing', async () => {
  const desk = await logIn('staff', 'medarbejder-borgerservice-frontdesk');
  const noJs = await bt.browser.newContext({ baseURL: bt.baseUrl, javaScriptEnabled: false, storageState: await desk.context().storageState() });
  const page = await noJs.newPage();
  await page.goto('/borgeroverblik');
  await page.getByRole('button', { name: 'Slå op' }).click();
  const summary = await page.locator('.alert-error').innerText();
  assert.match(summary, /Skriv hvad du søger efter\./);
  assert.match(summary, /Skriv formålet med opslaget\./);
  await noJs.close();
});
