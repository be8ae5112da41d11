// HTTP basics through the real app: errors (HTML and JSON), security headers,
// language, health, metrics, OpenAPI, and the access-declaration rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Type from 'typebox';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { modules } from '../../modules.ts';
import type { KanalModule } from '../module.ts';
import { KanalError, validationFailed } from './errors.ts';

// A module with routes that fail on purpose, to drive the error handler.
const failing: KanalModule = {
  name: 'failing',
  register(app) {
    const open = { access: { public: true } } as const;
    app.get('/boom', { config: open }, async () => {
      throw new Error('secret internal detail');
    });
    app.get('/api/boom', { config: open }, async () => {
      throw new Error('secret internal detail');
    });
    app.get('/api/conflict', { config: open }, async () => {
      throw new KanalError('conflict', 'Already submitted.');
    });
    app.get('/api/invalid', { config: open }, async () => {
      throw validationFailed([{ field: 'cpr', message: 'not a real date' }]);
    });
    // A JSON API call without a page (an API client): CSRF does not apply, validation does.
    app.post('/api/echo', { config: { ...open, csrf: 'exempt' }, schema: { body: Type.Object({ count: Type.Integer({ minimum: 1 }) }) } }, async (request) => ({ count: request.body.count }));
  },
};

let t: TestApp;
before(async () => {
  t = await startTestApp({ modules: [...modules, failing] });
});
after(() => t.close());

test('the front page is served in Danish with DKFDS from our own origin', async () => {
  const res = await t.app.inject('/');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/html; charset=utf-8/);
  assert.match(res.body, /^<!DOCTYPE html><html lang="da">/);
  assert.match(res.body, /<link rel="stylesheet" href="\/assets\/dkfds\/11\.[0-9.]+\/css\/dkfds-borgerdk\.min\.css"/);
  assert.match(res.body, /Albertslund Kommune/);
  assert.match(res.body, /<a class="skipnav" href="#main-content">Gå til sidens indhold<\/a>/);
});

test('?lang=en switches to English and is remembered in a cookie', async () => {
  const res = await t.app.inject('/?lang=en');
  assert.match(res.body, /<html lang="en">/);
  assert.match(res.body, /Go to the main content/);
  const cookie = res.cookies.find((c) => c.name === 'kanal_lang');
  assert.equal(cookie?.value, 'en');
  const next = await t.app.inject({ url: '/tilgaengelighed', cookies: { kanal_lang: 'en' } });
  assert.match(next.body, /<html lang="en">/);
  assert.match(next.body, /<h1>Accessibility<\/h1>/);
});

test('assets are served with long-lived cache headers', async () => {
  const page = await t.app.inject('/');
  const css = /href="(\/assets\/dkfds\/[^"]+\.css)"/.exec(page.body)?.[1];
  assert.ok(css);
  const res = await t.app.inject(css);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['cache-control'] as string, /max-age=31536000.*immutable/);
  const own = /src="(\/assets\/kanal\/[^"]+\/build\/kanal\.js)"/.exec(page.body)?.[1];
  assert.ok(own);
  assert.equal((await t.app.inject(own)).statusCode, 200);
  assert.equal((await t.app.inject('/assets/dkfds/11.2.0/../../../package.json')).statusCode, 404);
});

test('every page carries a strict Content-Security-Policy and no inline script or style', async () => {
  for (const url of ['/', '/tilgaengelighed', '/does-not-exist', '/boom']) {
    const res = await t.app.inject(url);
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.doesNotMatch(res.body, /<script(?![^>]*\bsrc=)[^>]*>/, `${url} has an inline script`);
    assert.doesNotMatch(res.body, /<style\b/, `${url} has a style element`);
    assert.doesNotMatch(res.body, /\sstyle=/, `${url} has a style attribute`);
    assert.doesNotMatch(res.body, /\son[a-z]+=/, `${url} has an event handler attribute`);
  }
});

test('an unknown page gives the Danish 404 page', async () => {
  const res = await t.app.inject('/does-not-exist');
  assert.equal(res.statusCode, 404);
  assert.match(res.body, /<h1>Siden findes ikke<\/h1>/);
  assert.match(res.body, new RegExp(res.headers['x-request-id'] as string));
});

test('an unknown API path gives a JSON 404', async () => {
  const res = await t.app.inject('/api/nothing');
  assert.equal(res.statusCode, 404);
  assert.deepEqual(res.json().error.code, 'not_found');
});

test('an internal error gives a 500 page without the internal detail, and is logged', async () => {
  const res = await t.app.inject('/boom');
  assert.equal(res.statusCode, 500);
  assert.match(res.body, /Der skete en fejl hos os/);
  assert.doesNotMatch(res.body, /secret internal detail/);
  assert.ok(t.logs.some((l) => l.level === 50 && JSON.stringify(l).includes('secret internal detail')));
});

test('an internal error under /api gives JSON with a stable code and the request id', async () => {
  const res = await t.app.inject('/api/boom');
  assert.equal(res.statusCode, 500);
  const body = res.json();
  assert.equal(body.error.code, 'internal');
  assert.equal(body.error.requestId, res.headers['x-request-id']);
  assert.doesNotMatch(res.body, /secret internal detail/);
});

test('typed errors keep their status, code and details', async () => {
  const conflict = await t.app.inject('/api/conflict');
  assert.equal(conflict.statusCode, 409);
  assert.deepEqual(conflict.json().error, { code: 'conflict', message: 'Already submitted.', requestId: conflict.headers['x-request-id'] });
  const invalid = await t.app.inject('/api/invalid');
  assert.equal(invalid.statusCode, 400);
  assert.deepEqual(invalid.json().error.details, [{ field: 'cpr', message: 'not a real date' }]);
});

test('schema validation failures are 400 validation_failed with the field', async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/echo', payload: { count: 0 } });
  assert.equal(res.statusCode, 400);
  const error = res.json().error;
  assert.equal(error.code, 'validation_failed');
  assert.equal(error.details[0].field, 'count');
  const ok = await t.app.inject({ method: 'POST', url: '/api/echo', payload: { count: 3 } });
  assert.deepEqual(ok.json(), { count: 3 });
});

test('health, readiness and metrics answer', async () => {
  assert.deepEqual((await t.app.inject('/healthz')).json(), { status: 'ok' });
  assert.deepEqual((await t.app.inject('/readyz')).json(), { status: 'ready' });
  const metrics = await t.app.inject('/metrics');
  assert.match(metrics.body, /kanal_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\}/);
});

test('readiness fails while migrations are pending', async () => {
  const later: KanalModule = { name: 'later', migrations: { 'later-20990101-x': { up: async () => {} } } };
  const node = await startTestApp({ modules: [...modules, later], database: t.database, migrate: false });
  try {
    const res = await node.app.inject('/readyz');
    assert.equal(res.statusCode, 503);
    assert.deepEqual(res.json(), { status: 'not ready', reason: '1 migrations pending' });
  } finally {
    await node.close();
  }
});

test('the OpenAPI document lists the API routes', async () => {
  const res = await t.app.inject('/openapi.json');
  const doc = res.json();
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.paths['/healthz']);
  assert.ok(doc.paths['/api/echo'].post.requestBody);
});

test('a route without an access declaration stops the app at start-up', async () => {
  const rogue: KanalModule = {
    name: 'rogue',
    register(app) {
      app.get('/rogue', async () => 'no declaration');
    },
  };
  await assert.rejects(startTestApp({ modules: [rogue] }), /Route GET \/rogue does not declare who may call it/);
});
