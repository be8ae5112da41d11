// Self-service without JavaScript (errors, the repeatable group) and by keyboard only, on the
// real modules, each to a checked receipt and case; and the catalogue's filter. axe runs as a
// script, so the no-JavaScript pages are checked in the tests that have it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { planAnswers } from '../../src/modules/selfservice/testing.ts';
import { catalogue, contactCount, env, fillStep, receiptChecks, useSelfServiceApp } from './selfservice-helpers.ts';

useSelfServiceApp();

test('errors without JavaScript: the summary links to the field, and the service completes', async () => {
  const def = catalogue.get('bestil-storskrald')!;
  const page = await env.bt.newPage({ javaScript: false });
  const before = await contactCount(def.id);
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
  await receiptChecks(page, def, { kind: 'anonymous' }, before);
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
  const def = catalogue.get('anmeld-rotter')!;
  const before = await contactCount(def.id);
  const page = await env.bt.newPage();
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
  await receiptChecks(page, def, { kind: 'anonymous' }, before);
});

test('the catalogue filter and the front page link', async () => {
  const page = await env.bt.newPage({ javaScript: false });
  await page.goto('/');
  await page.getByRole('link', { name: 'Se alle løsninger' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Selvbetjening');
  await page.getByLabel('Find en løsning').fill('container');
  await page.getByRole('button', { name: 'Find' }).click();
  assert.match(await page.locator('[role="status"]').innerText(), /1 løsninger passer på container/);
  assert.equal(await page.locator('.kanal-service-list a').count(), 1);
});
