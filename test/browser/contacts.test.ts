// The contact registry's staff pages in a real browser: accessible, fit 320 px, work without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowserTest, assertGoodPage, type BrowserTest } from './harness.ts';
import { isoWeekOf } from '../../src/modules/contacts/count-week.ts';
import * as store from '../../src/modules/contacts/store.ts';
import { sql } from 'kysely';
import { captureLogs } from '../helpers/app.ts';
import { Worker } from '../../src/platform/jobs/index.ts';
import { contactsModule } from '../../src/modules/contacts/index.ts';
import type { AppContext } from '../../src/platform/module.ts';

let bt: BrowserTest;
before(async () => {
  bt = await startBrowserTest({ env: { KANAL_CONTACTS_COUNT_WEEKS: isoWeekOf(new Date()) } });
  // Registrations belong to the employee's subject at the identity provider: find it from a first one.
  const page = await staffPage('/medarbejder/henvendelser/ny');
  await page.getByRole('combobox', { name: 'Emne' }).fill('Andet');
  await page.keyboard.press('Enter');
  await page.getByText('Registreret: Andet.').waitFor();
  const { rows } = await sql<{ recorded_by: string }>`select recorded_by from contact order by id desc limit 1`.execute(bt.app.database.db);
  subject = rows[0]!.recorded_by;
});
after(() => bt.close());

const latest = async () => (await store.contactsRecordedBy(bt.app.database.db, subject, '2000-01-01T00:00:00.000Z', 1))[0];
let subject = '';

/** A page logged in as an employee through the test identity provider, at `path`. */
async function staffPage(path: string, account = 'medarbejder-borgerservice-frontdesk', javaScript = true) {
  const page = await bt.newPage({ javaScript });
  await page.goto(`/auth/login/staff?til=${encodeURIComponent(path)}`);
  await page.locator(`input[name="konto"][value="${account}"]`).check();
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname === path);
  return page;
}

for (const javaScript of [true, false]) {
  test(`a phone contact is registered in three clicks from any staff page${javaScript ? '' : ' (without JavaScript)'}`, async () => {
    const page = await staffPage('/medarbejder/henvendelser/taelleuge', undefined, javaScript);
    await page.getByRole('link', { name: 'Registrér henvendelse' }).first().click(); // 1: the link on every staff page
    assert.equal(await page.locator('h1').innerText(), 'Registrér henvendelse');
    assert.equal(await page.getByRole('radio', { name: 'Telefon' }).isChecked(), true);
    // axe and the 320 px check run scripts in the page, which a no-JS page cannot.
    if (javaScript) await assertGoodPage(page);
    await page.getByRole('radio', { name: 'Egen sag' }).check(); // 2
    await page.getByRole('button', { name: 'Affald og genbrug', exact: true }).click(); // 3
    await page.getByText('Registreret: Affald og genbrug.').waitFor();
    const contact = await latest();
    assert.deepEqual([contact?.channel, contact?.kind, contact?.topic, contact?.resolved, contact?.source], ['phone', 'own_case', 'affald', 'yes', 'manual']);
    // The registration is listed for correction.
    assert.ok(await page.getByRole('link', { name: /^Ret Affald og genbrug/ }).first().isVisible());
    if (javaScript) await assertGoodPage(page);
  });
}

test('a topic typed in the type-ahead field is registered with Enter, and corrected from the list', async () => {
  const page = await staffPage('/medarbejder/henvendelser/ny');
  await page.getByRole('combobox', { name: 'Emne' }).fill('Rotter');
  await page.keyboard.press('Enter');
  await page.getByText('Registreret: Rotter.').waitFor();
  assert.equal((await latest())?.topic, 'rotter');
  await page.getByRole('link', { name: /^Ret Rotter/ }).first().click();
  assert.equal(await page.locator('h1').innerText().then((s) => s.startsWith('Ret registrering')), true);
  await assertGoodPage(page);
  await page.getByRole('radio', { name: 'Personlig' }).check();
  await page.getByRole('button', { name: 'Gem rettelse' }).click();
  await page.getByText('Registreringen er rettet.').waitFor();
  assert.equal((await latest())?.channel, 'in_person');
});

test('count week: one click per contact, with running totals', async () => {
  const page = await staffPage('/medarbejder/henvendelser/taelleuge');
  await page.getByRole('link', { name: /^Personlig/ }).click();
  // Every manual in-person contact of the week counts, also those registered outside this page.
  const channelTotal = async () => Number(/\((\d+)\)/.exec(await page.getByRole('link', { name: /^Personlig/ }).innerText())?.[1]);
  const before = await channelTotal();
  const pas = page.getByRole('button', { name: /^Pas\W+Transaktion\W+Personlig/ });
  await pas.click();
  await page.getByText('Talt: Personlig, Pas, Transaktion.').waitFor();
  await page.getByRole('button', { name: /^Pas\W+Transaktion\W+Personlig/ }).click();
  await page.getByText('Talt: Personlig, Pas, Transaktion.').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Pas\W+Transaktion\W+Personlig/ }).locator('.kanal-tally-count').innerText(), '2');
  assert.equal(await channelTotal(), before + 2);
  await assertGoodPage(page);
});

test('import: the preview lists an error by line and column in Danish, and a good file is imported', async () => {
  const page = await staffPage('/medarbejder/henvendelser/import', 'medarbejder-administration-admin');
  await assertGoodPage(page);
  await page.getByLabel('Kilde').selectOption('telefoni');
  const csv = 'dato;kanal;retning;art;emne;forvaltning;antal\n2026-11-02;telefon;ind;information;affald;;412\n2026-11-31;telefon;ind;information;affald;;3\n';
  await page.getByLabel('Fil').setInputFiles({ name: 'telefoni.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await page.getByText('Filen kan ikke importeres: 1 fejl').waitFor();
  const row = page.getByRole('table', { name: 'Fejl i filen' }).locator('tbody tr');
  assert.deepEqual(await row.locator('td').allInnerTexts(), ['3', 'dato', '»2026-11-31« er ikke en dato. Skriv fx 2026-11-02 eller 02-11-2026.']);
  await assertGoodPage(page);

  await page.getByLabel('Kilde').selectOption('telefoni');
  await page.getByLabel('Fil').setInputFiles({ name: 'telefoni.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.replace('2026-11-31', '2026-11-03')) });
  await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
  await page.getByRole('button', { name: 'Importér' }).click();
  await page.getByText('2 linjer med i alt 415 henvendelser er gemt.').waitFor();
  await assertGoodPage(page);
});

/** A file large enough to go to the worker: `lines` figures, 50 a day from 2023-01-01. */
function largeFile(lines: number): Buffer {
  const out = ['dato;kanal;retning;art;emne;forvaltning;antal'];
  for (let i = 0; i < lines; i++) out.push(`${new Date(Date.UTC(2023, 0, 1) + Math.floor(i / 50) * 86_400_000).toISOString().slice(0, 10)};telefon;ind;information;affald;;1`);
  return Buffer.from(out.join('\n') + '\n');
}

// With JavaScript the file is large enough to see the bar's text move; without, just over the worker's threshold.
for (const [javaScript, lines] of [[true, 60_000], [false, 30_000]] as const) {
  const shown = lines.toLocaleString('da-DK');
  test(`import of a large file: the page shows the worker's progress and then the result${javaScript ? '' : ' (without JavaScript: the Opdater link)'}`, async () => {
    const { logger } = captureLogs('error');
    const ctx = { config: bt.app.config, db: bt.app.database.db, dialect: bt.app.database.dialect, log: logger, metrics: undefined as never } satisfies AppContext;
    const page = await staffPage('/medarbejder/henvendelser/import', 'medarbejder-administration-admin', javaScript);
    await page.getByLabel('Kilde').selectOption(javaScript ? 'webstatistik' : 'byg-og-miljoe');
    await page.getByLabel('Fil').setInputFiles({ name: 'stor.csv', mimeType: 'text/csv', buffer: largeFile(lines) });
    await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
    // The worker has not started: the page shows the phase and a progress bar, and says how to follow it without JavaScript.
    await page.getByText('Filen læses.').waitFor();
    const bar = page.getByRole('progressbar', { name: 'Fremdrift' });
    assert.equal(await bar.count(), 1);
    assert.equal(await page.getByText('Siden opdaterer ikke sig selv uden JavaScript.').isVisible(), !javaScript);
    assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0);
    if (javaScript) await assertGoodPage(page);

    const worker = new Worker({ db: ctx.db, dialect: ctx.dialect, log: logger, handlers: contactsModule.jobs!(ctx), pollMs: 50 });
    await worker.start();
    try {
      const refresh = async (text: string) => {
        for (let i = 0; i < 200 && !(await page.getByText(text).first().isVisible()); i++) {
          if (javaScript) await page.waitForTimeout(100);
          else await page.getByRole('link', { name: 'Opdater' }).click();
        }
      };
      if (javaScript) {
        // The script follows the worker: the bar's text moves on while the file is checked.
        const texts = new Set<string>();
        for (let i = 0; i < 300 && (await page.locator('#import-progress-text').count()) > 0; i++) {
          texts.add((await page.locator('#import-progress-text').textContent().catch(() => '')) ?? '');
          await page.waitForTimeout(50);
        }
        assert.ok([...texts].some((x) => x.startsWith('Linje ') && x.includes(` af ${(lines + 1).toLocaleString('da-DK')} (`)), JSON.stringify([...texts]));
      }
      // Checked: the preview replaces the progress (with JavaScript the script reloads the page and focuses its heading).
      await refresh('Filen er kontrolleret. Se tallene, og tryk Importér.');
      assert.equal(await page.getByRole('progressbar').count(), 0);
      if (javaScript) {
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'import-heading');
        await assertGoodPage(page);
      }
      await page.getByRole('button', { name: 'Importér' }).click();
      await refresh(`${shown} linjer med i alt ${shown} henvendelser er gemt.`);
      assert.ok(await page.getByText(`${shown} linjer med i alt ${shown} henvendelser er gemt.`).isVisible());
      if (javaScript) await assertGoodPage(page);
    } finally {
      await worker.stop();
    }
  });
}

test('the topic list and topic form are accessible', async () => {
  const page = await staffPage('/medarbejder/henvendelser/emner', 'medarbejder-administration-admin');
  await assertGoodPage(page);
  await page.getByRole('link', { name: 'Redigér Boligstøtte' }).click();
  assert.equal(await page.getByLabel('Behandles af en anden myndighed').inputValue(), 'Udbetaling Danmark');
  await page.getByLabel('KLE-nummer').fill('3.22');
  await page.getByRole('button', { name: 'Gem' }).click();
  await page.getByText('Skriv KLE-nummeret som 00.00.00, fx 02.34.02.').first().waitFor();
  await assertGoodPage(page);
});
