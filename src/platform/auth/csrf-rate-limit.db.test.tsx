// CSRF tokens on every change, and rate limits kept in the database (so they hold
// across app nodes). Refused requests change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HttpClient, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { startTestApp } from '../../../test/helpers/app.ts';
import { modules } from '../../modules.ts';
import type { KanalModule } from '../module.ts';
import { CitizenLayout, pageContext } from '../ui/index.ts';
import { findAuditRows } from '../audit/store.ts';

const SECRET = 'another-test-secret-of-32-characters-or-more';

// A public form and the change it makes, to see that refused posts change nothing.
const changes: string[] = [];
const probe: KanalModule = {
  name: 'probe',
  register(app, ctx) {
    app.get('/probe', { config: { access: { public: true } } }, async (request, reply) => {
      const page = pageContext(request, ctx.config);
      return reply.page(
        <CitizenLayout ctx={page} title="Probe">
          <form method="post" action="/probe">
            <input type="hidden" name="_csrf" value={page.csrfToken} />
            <button type="submit">Send</button>
          </form>
        </CitizenLayout>,
      );
    });
    app.post('/probe', { config: { access: { public: true } } }, async (request) => {
      changes.push((request.body as { note?: string } | undefined)?.note ?? 'posted');
      return { ok: true };
    });
  },
};

let t: ListeningTestApp;
before(async () => {
  t = await startListeningTestApp({ modules: [...modules, probe], env: { KANAL_SESSION_SECRET: SECRET } });
});
after(() => t.close());

test('an anonymous form works with its token, and without or with a wrong one is refused with nothing changed', async () => {
  const client = new HttpClient(t.baseUrl);
  const page = await client.get('/probe');
  const token = hiddenField(page.body, '_csrf');
  assert.ok(client.cookies.get('kanal_csrf'), 'the anonymous form is bound to a cookie of its own');
  changes.length = 0;
  assert.equal((await client.post('/probe', { note: 'none' })).status, 403);
  assert.equal((await client.post('/probe', { note: 'wrong', _csrf: `${token.slice(0, -2)}xx` })).status, 403);
  const other = new HttpClient(t.baseUrl);
  const otherToken = hiddenField((await other.get('/probe')).body, '_csrf');
  assert.equal((await client.post('/probe', { note: 'someone else\'s', _csrf: otherToken })).status, 403);
  assert.deepEqual(changes, []);
  const refused = await client.post('/probe', { note: 'none' });
  assert.match(refused.body, /Siden var for gammel/);
  assert.equal((await client.post('/probe', { note: 'right', _csrf: token })).status, 200);
  assert.deepEqual(changes, ['right']);
});

test('a JSON call made by a page sends the token in x-csrf-token', async () => {
  const client = new HttpClient(t.baseUrl);
  const token = hiddenField((await client.get('/probe')).body, '_csrf');
  changes.length = 0;
  const withHeader = await client.send('POST', '/probe', { json: { note: 'with header' }, headers: { 'x-csrf-token': token } });
  assert.equal(withHeader.status, 200);
  const without = await client.send('POST', '/probe', { json: { note: 'without' } });
  assert.equal(without.status, 403);
  assert.deepEqual(changes, ['with header']);
});

test('logging out without the token is refused, and the session lives on', async () => {
  const client = new HttpClient(t.baseUrl);
  await logInAs(client, 'citizen', 'borger-anna-soerensen');
  const session = client.cookies.get('kanal_session');
  const refused = await client.post('/log-af', {});
  assert.equal(refused.status, 403);
  const wrong = await client.post('/log-af', { _csrf: 'not-the-token' });
  assert.equal(wrong.status, 403);
  assert.equal(client.cookies.get('kanal_session'), session);
  assert.equal((await client.get('/min-side')).status, 200, 'still logged in');
});

test('a token from before login does not work after it: the session has its own', async () => {
  const client = new HttpClient(t.baseUrl);
  const anonymousToken = hiddenField((await client.get('/probe')).body, '_csrf');
  await logInAs(client, 'citizen', 'borger-anna-soerensen');
  changes.length = 0;
  assert.equal((await client.post('/probe', { _csrf: anonymousToken })).status, 403);
  const sessionToken = hiddenField((await client.get('/probe')).body, '_csrf');
  assert.notEqual(sessionToken, anonymousToken);
  assert.equal((await client.post('/probe', { _csrf: sessionToken })).status, 200);
});

test('the data-protection officer\'s search without a token is refused and not even recorded', async () => {
  const client = new HttpClient(t.baseUrl);
  await logInAs(client, 'staff', 'medarbejder-administration-dpo');
  const before = (await findAuditRows(t.database.db, { limit: 1000 })).filter((r) => r.action === 'audit.search').length;
  const refused = await client.post('/medarbejder/adgangslog', { person: '1203881234', formaal: 'Indsigt' });
  assert.equal(refused.status, 403);
  const afterRows = (await findAuditRows(t.database.db, { limit: 1000 })).filter((r) => r.action === 'audit.search').length;
  assert.equal(afterRows, before);
});

test('logins are rate limited per IP address, across app nodes', async () => {
  const limited = await startListeningTestApp({ env: { KANAL_SESSION_SECRET: SECRET, KANAL_LOGIN_RATE_LIMIT: '3' } });
  const otherNode = await startTestApp({ database: limited.database, migrate: false, env: { KANAL_SESSION_SECRET: SECRET, KANAL_LOGIN_RATE_LIMIT: '3', KANAL_PUBLIC_URL: limited.baseUrl } });
  try {
    assert.equal((await limited.app.inject('/auth/login/citizen')).statusCode, 302);
    assert.equal((await otherNode.app.inject('/auth/login/staff')).statusCode, 302);
    assert.equal((await limited.app.inject('/auth/callback/citizen?code=x&state=y')).statusCode, 400, 'callbacks count too');
    const refused = await otherNode.app.inject('/auth/login/citizen');
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /For mange forsøg/);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 600, `Retry-After ${retryAfter}`);
    assert.equal((await limited.app.inject('/')).statusCode, 200, 'other pages are not limited');
  } finally {
    await otherNode.close();
    await limited.close();
  }
});

test('changes are rate limited per session and per IP address; refused ones change nothing', async () => {
  const limited = await startListeningTestApp({ modules: [...modules, probe], env: { KANAL_SESSION_SECRET: SECRET, KANAL_POST_RATE_LIMIT_SESSION: '2', KANAL_POST_RATE_LIMIT_IP: '4' } });
  try {
    const client = new HttpClient(limited.baseUrl);
    await logInAs(client, 'citizen', 'borger-anna-soerensen');
    const token = hiddenField((await client.get('/probe')).body, '_csrf');
    changes.length = 0;
    assert.equal((await client.post('/probe', { note: '1', _csrf: token })).status, 200);
    assert.equal((await client.post('/probe', { note: '2', _csrf: token })).status, 200);
    assert.equal((await client.post('/probe', { note: '3', _csrf: token })).status, 429, 'the session\'s limit');
    const anonymous = new HttpClient(limited.baseUrl);
    const anonymousToken = hiddenField((await anonymous.get('/probe')).body, '_csrf');
    assert.equal((await anonymous.post('/probe', { note: '4', _csrf: anonymousToken })).status, 200, 'another session from the same address still may');
    assert.equal((await anonymous.post('/probe', { note: '5', _csrf: anonymousToken })).status, 429, 'the address\'s limit');
    assert.deepEqual(changes, ['1', '2', '4']);
  } finally {
    await limited.close();
  }
});
