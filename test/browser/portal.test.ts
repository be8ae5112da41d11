// The platform's own pages in a real browser: accessible, usable at 320 px, working without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowserTest, assertGoodPage, type BrowserTest } from './harness.ts';
import { modules } from '../../src/modules.ts';
import { forbidden } from '../../src/platform/http/errors.ts';
import type { KanalModule } from '../../src/platform/module.ts';

// Routes that fail on purpose, so the 403 and 500 pages are checked like every other page.
const failing: KanalModule = {
  name: 'failing',
  register(app) {
    const open = { config: { access: { public: true } } } as const;
    app.get('/test/forbidden', open, async () => {
      throw forbidden();
    });
    app.get('/test/broken', open, async () => {
      throw new Error('broken on purpose');
    });
  },
};

let bt: BrowserTest;
before(async () => {
  bt = await startBrowserTest({ modules: [...modules, failing] });
});
after(() => bt.close());

const pages = [
  { path: '/', heading: 'Selvbetjening' },
  { path: '/tilgaengelighed', heading: 'Tilgængelighed' },
  { path: '/findes-ikke', heading: 'Siden findes ikke' },
  { path: '/test/forbidden', heading: 'Du har ikke adgang til siden' },
  { path: '/test/broken', heading: 'Der skete en fejl hos os' },
];

for (const { path, heading } of pages) {
  test(`${path} is accessible and fits 320 px`, async () => {
    const page = await bt.newPage();
    const response = await page.goto(path);
    assert.ok(response);
    assert.equal(await page.locator('h1').innerText(), heading);
    await assertGoodPage(page);
  });
}

test('the language switch shows the page in English, and the choice sticks', async () => {
  const page = await bt.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: 'English' }).click();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('h1').innerText(), 'Self-service');
  await page.getByRole('link', { name: 'About accessibility' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Accessibility');
  await assertGoodPage(page);
});

test('the skip link moves keyboard focus to the main content', async () => {
  const page = await bt.newPage();
  await page.goto('/');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, 'Gå til sidens indhold');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
});

test('without JavaScript every page still renders and links work', async () => {
  const page = await bt.newPage({ javaScript: false });
  await page.goto('/');
  assert.equal(await page.locator('h1').innerText(), 'Selvbetjening');
  await page.getByRole('link', { name: 'Om tilgængelighed' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Tilgængelighed');
  await page.getByRole('link', { name: 'English' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Accessibility');
});
