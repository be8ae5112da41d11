// The harness must fail on the problems it exists to find: a check that cannot fail proves nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowserTest, assertAccessible, assertNoHorizontalScrollAt320, assertNoPageProblems, type BrowserTest } from './harness.ts';
import { modules } from '../../src/modules.ts';
import type { KanalModule } from '../../src/platform/module.ts';

const badPages: KanalModule = {
  name: 'bad-pages',
  register(app) {
    const open = { config: { access: { public: true } } } as const;
    const html = (body: string) => `<!DOCTYPE html><html lang="da"><head><title>Bad</title><link rel="stylesheet" href="/assets/kanal/nope.css"></head><body><main>${body}</main></body></html>`;
    app.get('/bad/inaccessible', open, (_request, reply) => reply.type('text/html').send(html('<h1>Bad</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">')));
    app.get('/bad/wide', open, (_request, reply) => reply.type('text/html').send(html('<h1>Wide</h1><table><tr><td>' + 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + '</td></tr></table>')));
    app.get('/bad/inline-script', open, (_request, reply) => reply.type('text/html').send(html('<h1>Inline</h1><script>document.title = "ran"</script>')));
  },
};

let bt: BrowserTest;
before(async () => {
  bt = await startBrowserTest({ modules: [...modules, badPages] });
});
after(() => bt.close());

test('axe finds a missing alt text and an unlabelled field', async () => {
  const page = await bt.newPage();
  await page.goto('/bad/inaccessible');
  await assert.rejects(assertAccessible(page), /image-alt[\s\S]*label/);
});

test('the 320 px check finds sideways scrolling', async () => {
  const page = await bt.newPage();
  await page.goto('/bad/wide');
  await assert.rejects(assertNoHorizontalScrollAt320(page), /scrolls sideways at 320 px/);
});

test('the problem watcher sees a CSP-blocked inline script and a missing asset', async () => {
  const page = await bt.newPage();
  await page.goto('/bad/inline-script');
  assert.notEqual(await page.title(), 'ran');
  assert.throws(() => assertNoPageProblems(page), /Content Security Policy[\s\S]*nope\.css/);
});
