// Browser-test harness: Debian's Chromium driven by playwright-core against a real
// Kanal app on a free port, axe-core on every page, the 320 px check, a no-JS mode.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp, type TestAppOptions } from '../helpers/app.ts';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const chromiumPath = process.env.KANAL_CHROMIUM ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium tries to reach Google's hosts;
// this machine has no network beyond the package registries.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserTest {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A new browser context (cookies of its own); `javaScript: false` for the no-JS pass. */
  newPage(options?: { javaScript?: boolean; width?: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserTest(options: TestAppOptions = {}): Promise<BrowserTest> {
  const app = await startTestApp(options);
  // A test that logs in needs the public URL's port (the test identity provider redirects there).
  const publicUrl = options.env?.KANAL_PUBLIC_URL;
  await app.app.listen({ port: publicUrl ? Number(new URL(publicUrl).port) : 0, host: '127.0.0.1' });
  const address = app.app.server.address();
  assert.ok(address && typeof address === 'object');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const contexts: BrowserContext[] = [];
  return {
    app,
    baseUrl,
    browser,
    async newPage({ javaScript = true, width = 1280 } = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: javaScript, viewport: { width, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      watchForProblems(page);
      return page;
    },
    async close() {
      for (const c of contexts) await c.close();
      await browser.close();
      await app.close();
    },
  };
}

const problems = new WeakMap<Page, string[]>();

/** Collects CSP violations, script errors and failed asset loads, so tests can assert there are none. */
function watchForProblems(page: Page): void {
  const list: string[] = [];
  problems.set(page, list);
  page.on('console', (message) => {
    // Failed loads are reported by the response listener (which knows a 404 page from a 404 asset).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) list.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => list.push(`script error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') list.push(`${response.status()} ${response.url()}`);
  });
}

/** Fails on any CSP violation, script error or broken asset seen on the page so far. */
export function assertNoPageProblems(page: Page): void {
  assert.deepEqual(problems.get(page) ?? [], [], 'the page reported problems');
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the current page and fails on any violation. */
export async function assertAccessible(page: Page): Promise<void> {
  // evaluate() goes through the DevTools protocol, which the page's CSP does not block.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  }) as AxeViolation[];
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe found WCAG violations on ${page.url()}`);
}

/** At 320 CSS pixels wide the page must not scroll sideways (WCAG 1.4.10 reflow). */
export async function assertNoHorizontalScrollAt320(page: Page): Promise<void> {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  if (original) await page.setViewportSize(original);
  assert.ok(scrollWidth <= clientWidth, `${page.url()} scrolls sideways at 320 px (${scrollWidth} > ${clientWidth})`);
}

/** The three checks every page of every flow gets. */
export async function assertGoodPage(page: Page): Promise<void> {
  await assertAccessible(page);
  await assertNoHorizontalScrollAt320(page);
  assertNoPageProblems(page);
}
