// Graceful shutdown: closing the app finishes a request already in flight and refuses new ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp } from '../../../test/helpers/app.ts';
import { modules } from '../../modules.ts';
import type { KanalModule } from '../module.ts';

test('closing the app lets an in-flight request finish and refuses new connections', async () => {
  let markStarted!: () => void;
  let release!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const slow: KanalModule = {
    name: 'slow',
    register(app) {
      app.get('/slow', { config: { access: { public: true } } }, async () => {
        markStarted();
        await released;
        return { finished: true };
      });
    },
  };
  const t = await startTestApp({ modules: [...modules, slow] });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as { port: number };

  const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
  await started;
  const closing = t.close();
  await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'a new connection was accepted during shutdown');
  release();
  const res = await inFlight;
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { finished: true });
  // The in-flight request's keep-alive connection is closed with its response, not after the 72 s keep-alive timeout.
  const answered = Date.now();
  await closing;
  assert.ok(Date.now() - answered < 10_000, `shutdown took ${Date.now() - answered} ms after the last response`);
});
