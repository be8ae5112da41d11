// Shared by the self-service browser tests: the real app with the real self-service module
// (live ports to cases and contacts), test-IdP users, filling steps as a person would, and
// the checks of a receipt against the case in the cases module and the contacts registry.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { startBrowserTest, assertGoodPage, type BrowserTest } from './harness.ts';
import { selfServiceOf, type SelfService } from '../../src/modules/selfservice/index.ts';
import { loadCatalogue } from '../../src/modules/selfservice/definitions.ts';
import { planAnswers, type PlannedStep } from '../../src/modules/selfservice/testing.ts';
import { getCase, type Party } from '../../src/modules/cases/index.ts';
import type { ServiceDefinition } from '../../src/modules/selfservice/schema.ts';

export const catalogue = loadCatalogue();
/** The services open to everyone; two test files take half each, to stay within the test timeout. */
export const anonymousServices = catalogue.all.filter((d) => d.audience.includes('anonymous'));
export const anonymousHalves = [anonymousServices.slice(0, Math.ceil(anonymousServices.length / 2)), anonymousServices.slice(Math.ceil(anonymousServices.length / 2))] as const;
export const env: { bt: BrowserTest; selfservice: SelfService } = {} as never;

/** Starts the app and the browser for the calling test file. */
export function useSelfServiceApp(): void {
  before(async () => {
    // The app's own self-service module with the live ports; the test also calls its API.
    env.bt = await startBrowserTest();
    env.selfservice = selfServiceOf(env.bt.app.app)!;
  });
  after(() => env.bt.close());
}

/** A test-IdP account, what its login prefills (shown, not typed) and the case party it gives. */
export interface User {
  kind: 'citizen' | 'business';
  /** The account's name on the test provider's login page, and its id (the radio's value). */
  account: string;
  accountId: string;
  prefill: Partial<Record<'name' | 'cpr' | 'address' | 'cvr' | 'organisation', RegExp>>;
  party: Party;
}

export const anna: User = {
  kind: 'citizen',
  account: 'Anna Sørensen',
  accountId: 'borger-anna-soerensen',
  prefill: { name: /^Anna Sørensen$/, cpr: /^120388-?1234$/, address: /^Hyldespjældet 31, 2620 Albertslund$/ },
  party: { kind: 'person', cpr: '1203881234', name: 'Anna Sørensen' },
};
export const karl: User = {
  kind: 'citizen',
  account: 'Karl Henriksen',
  accountId: 'borger-karl-henriksen',
  prefill: { name: /^Karl Henriksen$/, cpr: /^021136-?0213$/, address: /^Galgebakken Sønder 7, 2620 Albertslund$/ },
  party: { kind: 'person', cpr: '0211360213', name: 'Karl Henriksen' },
};
export const cykler: User = {
  kind: 'business',
  account: 'Jens Nielsen, Albertslund Cykler ApS',
  accountId: 'virksomhed-31415926-jens-nielsen',
  prefill: { name: /^Jens Nielsen$/, cvr: /^31415926$/, organisation: /^Albertslund Cykler ApS$/ },
  party: { kind: 'business', cvr: '31415926', name: 'Albertslund Cykler ApS' },
};

const LOGIN_BUTTON = 'form:has(input[name="konto"]) button[type="submit"]';

/** Chooses the account on the test provider's page (checked like every other page) and logs in. */
export async function chooseAccount(page: Page, user: User): Promise<void> {
  await page.waitForURL(/\/test-idp\/interaction\//);
  await assertGoodPage(page);
  await page.locator(`input[name="konto"][value="${user.accountId}"]`).check();
  await page.locator(LOGIN_BUTTON).first().click();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log af' }).click();
  await page.getByRole('button', { name: 'Log ud' }).click();
  await page.waitForURL(/\/logget-af$/);
}

/** The field ids a login fills in, and what the field must show. */
export function prefilledFields(def: ServiceDefinition, user: User | undefined): Map<string, RegExp> {
  const shown = new Map<string, RegExp>();
  if (!user) return shown;
  for (const step of def.steps) {
    for (const field of step.fields) {
      const expected = 'prefill' in field && field.prefill ? user.prefill[field.prefill as keyof User['prefill']] : undefined;
      if (expected) shown.set(field.id, expected);
    }
  }
  return shown;
}

/** Fills the current step with the planned answers, as a person would with a mouse; prefilled fields are only looked at. */
export async function fillStep(page: Page, form: FormData, prefilled = new Map<string, RegExp>()): Promise<void> {
  const entries: [string, FormDataEntryValue][] = [];
  form.forEach((v, k) => entries.push([k, v]));
  for (const [name, value] of entries) {
    if (name === '_action') continue;
    const field = page.locator(`[name="${name}"]`);
    const expected = prefilled.get(name);
    if (expected && (await field.count()) > 0) {
      assert.match(await field.first().inputValue(), expected, `${name} is prefilled from the login`);
      continue;
    }
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

export async function contactCount(serviceId: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from contact where service = ${serviceId}`.execute(env.bt.app.database.db);
  return Number(rows[0]?.n ?? 0);
}

/** The receipt, its PDF, the case in the cases module (department, service, party) and one new self-service contact. */
export async function receiptChecks(page: Page, def: ServiceDefinition, party: Party | { kind: Party['kind'] }, contactsBefore: number): Promise<void> {
  await page.waitForURL(/\/kvittering/);
  assert.match(await page.locator('h1').innerText(), /Tak/);
  const reference = /SB-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(await page.locator('.kanal-receipt').innerText())?.[0];
  assert.ok(reference, 'the receipt shows a reference');
  const pdfHref = await page.getByRole('link', { name: 'Hent kvittering som PDF' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  const submission = await env.selfservice.submission(reference);
  assert.ok(submission?.case_reference, 'the submission has a case');
  assert.match(await page.locator('.kanal-receipt').innerText(), new RegExp(submission.case_reference), 'the receipt names the case');
  const created = await getCase(env.bt.app.database.db, submission.case_reference);
  assert.ok(created, 'the case exists in the cases module');
  assert.equal(created.department, def.department);
  assert.equal(created.service, def.id);
  assert.equal(created.status, 'received');
  if (!('name' in party)) assert.equal(created.party.kind, party.kind);
  else assert.deepEqual({ ...created.party, email: undefined, phone: undefined }, { ...party, email: undefined, phone: undefined });
  assert.match(created.submission.sections[0]!.title, new RegExp(reference));
  assert.equal(await contactCount(def.id), contactsBefore + 1, 'one contact is recorded');
  const { rows } = await sql<{ channel: string; kind: string; department: string; assisted: number | boolean }>`select channel, kind, department, assisted from contact where service = ${def.id} order by id desc limit 1`.execute(env.bt.app.database.db);
  assert.deepEqual({ ...rows[0], assisted: Boolean(rows[0]?.assisted) }, { channel: 'self_service', kind: 'transaction', department: def.department, assisted: false });
}

/** Without a login the case's party is what the form asked: a CVR number, a CPR number, or no one. */
function partyKindWithoutLogin(def: ServiceDefinition): Party['kind'] {
  const fields = def.steps.flatMap((s) => s.fields);
  if (fields.some((f) => f.type === 'cvr')) return 'business';
  if (fields.some((f) => f.type === 'cpr' && f.prefill === 'cpr')) return 'person';
  return 'anonymous';
}

/** From the start page through every planned step to "Tjek dine svar", checking each page. */
export async function fillIn(page: Page, plan: PlannedStep[], prefilled: Map<string, RegExp>): Promise<void> {
  for (const { form } of plan) {
    await assertGoodPage(page);
    await fillStep(page, form, prefilled);
    await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
  }
  assert.match(await page.locator('h1').innerText(), /Tjek dine svar/);
  await assertGoodPage(page);
}

export async function declareAndSend(page: Page): Promise<void> {
  await page.getByLabel('Jeg bekræfter erklæringen').check();
  await page.getByRole('button', { name: 'Send' }).click();
  await assertGoodPage(page);
}

/** Opens the service from the catalogue, logs in when it asks (or before, for an open service), and starts. */
export async function openAndStart(page: Page, def: ServiceDefinition, user: User | undefined): Promise<void> {
  if (user && def.audience.includes('anonymous')) {
    // An open service: the user logs in first, then finds it.
    await page.goto(`/auth/login/${user.kind}?til=%2Fselvbetjening`);
    await chooseAccount(page, user);
  }
  await page.goto('/selvbetjening');
  await assertGoodPage(page);
  await page.locator('main').getByRole('link', { name: def.title.da, exact: true }).first().click();
  assert.equal(await page.locator('h1').innerText(), def.title.da);
  await assertGoodPage(page);
  if (user && !def.audience.includes('anonymous')) {
    // A service for both citizens and businesses has a button for each.
    const buttons = page.locator('main').getByRole('link', { name: /^Log ind/ });
    const mine = (await buttons.count()) > 1 ? buttons.filter({ hasText: user.kind === 'business' ? 'virksomhed' : 'borger' }) : buttons;
    await mine.click();
    await chooseAccount(page, user);
    await page.waitForURL(new RegExp(`/selvbetjening/${def.id}$`));
    await assertGoodPage(page);
  }
  await page.getByRole('button', { name: 'Start nu' }).click();
}

export async function completeAs(def: ServiceDefinition, user: User | undefined, plan = planAnswers(def)): Promise<void> {
  const page = await env.bt.newPage();
  const before = await contactCount(def.id);
  await openAndStart(page, def, user);
  await fillIn(page, plan, prefilledFields(def, user));
  await declareAndSend(page);
  await receiptChecks(page, def, user?.party ?? { kind: partyKindWithoutLogin(def) }, before);
}

/** One test per service, completed end to end by the user it is for. */
export function testEachByLogin(list: [string, User][]): void {
  for (const [id, user] of list) {
    test(`${id}: completed end to end by a logged-in ${user.kind} (${user.account}), prefill shown`, () => completeAs(catalogue.get(id)!, user));
  }
}
