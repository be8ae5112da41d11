// Self-service in a real browser: every anonymous catalogue service completed end to end
// (receipt, PDF, case), one without JavaScript, one by keyboard only; axe and 320 px on
// every page visited (axe runs as a script, so the pages of the no-JavaScript tests are
// checked in the tests that have it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { startBrowserTest, assertGoodPage, type BrowserTest } from './harness.ts';
import { createSelfServiceModule } from '../../src/modules/selfservice/index.ts';
import { loadCatalogue } from '../../src/modules/selfservice/definitions.ts';
import { appModulesWith, createPortTables, planAnswers, recordingPorts } from '../../src/modules/selfservice/testing.ts';

let bt: BrowserTest;
const catalogue = loadCatalogue();

before(async () => {
  bt = await startBrowserTest({ modules: appModulesWith(createSelfServiceModule({ ports: recordingPorts() })) });
  await createPortTables(bt.app.database.db);
});
after(() => bt.close());

/** Fills the current step with the planned answers, as a person would with a mouse. */
async function fillStep(page: Page, form: FormData): Promise<void> {
  const entries: [string, FormDataEntryValue][] = [];
  form.forEach((v, k) => entries.push([k, v]));
  for (const [name, value] of entries) {
    if (name === '_action') continue;
    const field = page.locator(`[name="${name}"]`);
    if (typeof value !== 'string') {
      const file = value;
      await field.setInputFiles({ name: file.name, mimeType: file.type || 'application/octet-stream', buffer: Buffer.from(await file.arrayBuffer()) });
      continue;
    }
    const first = field.first();
    const tag = await first.evaluate((el) => el.tagName.toLowerCase());
    const type = await first.getAttribute('type');
    if (type === 'hidden') continue;
    if (type === 'radio' || type === 'checkbox') await page.locator(`[name="${name}"][value="${value}"]`).check();
    else if (tag === 'select') await first.selectOption(value);
    else await first.fill(value);
  }
}

async function receiptChecks(page: Page, serviceId: string, department: string): Promise<void> {
  assert.match(await page.locator('h1').innerText(), /Tak/);
  const reference = /SB-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(await page.locator('.kanal-receipt').innerText())?.[0];
  assert.ok(reference, 'the receipt shows a reference');
  const pdfHref = await page.getByRole('link', { name: 'Hent kvittering som PDF' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  const cases = await sql<{ department: string; service: string }>`select department, service from test_case where submission = ${reference}`.execute(bt.app.database.db);
  assert.deepEqual(cases.rows, [{ department, service: serviceId }]);
}

for (const def of catalogue.all.filter((d) => d.audience.includes('anonymous'))) {
  test(`${def.id}: completed end to end in the browser`, async () => {
    const page = await bt.newPage();
    await page.goto('/selvbetjening');
    await assertGoodPage(page);
    await page.getByRole('link', { name: def.title.da, exact: true }).first().click();
    assert.equal(await page.locator('h1').innerText(), def.title.da);
    await assertGoodPage(page);
    await page.getByRole('button', { name: 'Start nu' }).click();
    for (const { form } of planAnswers(def)) {
      await assertGoodPage(page);
      await fillStep(page, form);
      await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
    }
    assert.match(await page.locator('h1').innerText(), /Tjek dine svar/);
    await assertGoodPage(page);
    await page.getByLabel('Jeg bekræfter erklæringen').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await assertGoodPage(page);
    await receiptChecks(page, def.id, def.department);
  });
}

test('errors without JavaScript: the summary links to the field, and the service completes', async () => {
  const def = catalogue.get('bestil-storskrald')!;
  const page = await bt.newPage({ javaScript: false });
  await page.goto(`/selvbetjening/${def.id}`);
  await page.getByRole('button', { name: 'Start nu' }).click();
  await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  assert.match(await page.locator('.alert-error').innerText(), /Vælg et svar/);
  await page.locator('.alert-error a').first().click();
  assert.equal(await page.evaluate(() => location.hash), '#boligtype-option1');
  const plan = planAnswers(def);
  await fillStep(page, plan[0]!.form);
  await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  // "Tilføj en ting mere" works without JavaScript: a second item appears.
  await page.getByRole('button', { name: 'Tilføj en ting mere' }).click();
  assert.equal(await page.locator('legend', { hasText: 'Ting 2' }).count(), 1);
  await page.locator('[name="ting-0-hvad"]').fill('Sofa');
  await page.locator('[name="ting-0-antal"]').fill('1');
  await page.locator('[name="ting-1-hvad"]').fill('Reol');
  await page.locator('[name="ting-1-antal"]').fill('2');
  await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  for (const { form } of plan.slice(2)) {
    await fillStep(page, form);
    await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  }
  assert.match(await page.locator('main').innerText(), /Ting 2: Reol, 2/);
  await page.getByLabel('Jeg bekræfter erklæringen').check();
  await page.getByRole('button', { name: 'Send' }).click();
  await receiptChecks(page, def.id, def.department);
});

/** Presses Tab until the element matching `selector` has focus: it must be reachable by keyboard. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`${selector} cannot be reached with Tab`);
}

test('keyboard only: report rats from start to receipt without a mouse', async () => {
  const page = await bt.newPage();
  await page.goto('/selvbetjening/anmeld-rotter');
  await tabTo(page, 'button.button-primary');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/dyr$/);
  await tabTo(page, '#dyr-option1');
  await page.keyboard.press('Space');
  await tabTo(page, 'button[value="next"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/sted$/);
  await tabTo(page, '#adresse');
  await page.keyboard.type('Bygaden 12');
  // A radio group is one Tab stop; the arrow keys choose within it.
  await tabTo(page, '#hvor-option1');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#hvor-option2').isChecked(), true);
  await tabTo(page, 'button[value="next"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/detaljer$/);
  for (const [part, text] of [['day', '2'], ['month', '11'], ['year', '2026']]) {
    await tabTo(page, `#set-dato-${part}`);
    await page.keyboard.type(text!);
  }
  await tabTo(page, 'button[value="next"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/kontakt$/);
  await tabTo(page, '#navn');
  await page.keyboard.type('Anne Hansen');
  await tabTo(page, '#telefon');
  await page.keyboard.type('43686868');
  await tabTo(page, 'button[value="next"]');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/tjek$/);
  await tabTo(page, '#declaration-option1');
  await page.keyboard.press('Space');
  await tabTo(page, 'form[action$="/send"] button');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/kvittering/);
  await receiptChecks(page, 'anmeld-rotter', 'miljoe-teknik');
});

test('the catalogue filter and the front page link', async () => {
  const page = await bt.newPage({ javaScript: false });
  await page.goto('/');
  await page.getByRole('link', { name: 'Se alle løsninger' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Selvbetjening');
  await page.getByLabel('Find en løsning').fill('container');
  await page.getByRole('button', { name: 'Find' }).click();
  assert.match(await page.locator('[role="status"]').innerText(), /1 løsninger passer på container/);
  assert.equal(await page.locator('.kanal-service-list a').count(), 1);
});
