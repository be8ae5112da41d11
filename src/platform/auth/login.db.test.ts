// Logins end to end over real HTTP: Kanal's OpenID Connect client against the
// in-process test identity provider — the production code path.
import { test, before, after, mock } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { HttpClient, chooseTestAccount, hiddenField, logInAs, startListeningTestApp, type ListeningTestApp } from '../../../test/helpers/http-client.ts';
import { startTestApp } from '../../../test/helpers/app.ts';
import { findAuditRows } from '../audit/store.ts';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
let t: ListeningTestApp;
before(async () => {
  t = await startListeningTestApp({ env: { KANAL_SESSION_SECRET: SECRET, KANAL_SESSION_MAX_HOURS: '2' } });
});
after(() => t.close());

const sessionCookie = 'kanal_session';
const isCallback = (url: URL) => url.pathname.startsWith('/auth/callback/');
const sessionCount = async () => (await sql<{ n: number }>`select count(*) as n from auth_sessions`.execute(t.database.db)).rows[0]!.n;
const auditRows = (filter: { cpr?: string; cvr?: string; actor?: string } = {}) => findAuditRows(t.database.db, { ...filter, limit: 100 });

/** Logs out through the header's form and the test provider's end-session page. */
async function logOut(client: HttpClient, fromPage: string) {
  const page = await client.get(fromPage);
  const atIdp = await client.post('/log-af', { _csrf: hiddenField(page.body, '_csrf') });
  assert.match(atIdp.url, /\/test-idp\/session\/end/, 'Kanal sends the browser to the provider\'s end-session endpoint');
  assert.match(atIdp.body, /Log ud af test-login/);
  assert.doesNotMatch(atIdp.url, /id_token_hint/, 'no ID token (it holds the CPR number) in a URL');
  const action = new URL(/<form method="post" action="([^"]+)">/.exec(atIdp.body)![1]!, atIdp.url);
  return client.post(action.href, { xsrf: hiddenField(atIdp.body, 'xsrf'), logout: 'yes' });
}

/** Audit actions about a person or business since `before` rows, oldest first. */
async function newActions(filter: { cpr?: string; cvr?: string }, before: number) {
  const rows = await auditRows(filter);
  return rows.slice(0, rows.length - before).map((r) => r.action).reverse();
}

test('a citizen logs in with MitID (test), sees name and address from the register, and logs out', async () => {
  const auditBefore = (await auditRows({ cpr: '1203881234' })).length;
  const client = new HttpClient(t.baseUrl);
  const loginPage = await client.get('/auth/login/citizen');
  assert.match(loginPage.body, /TEST — ikke rigtig MitID/);
  const mine = await chooseTestAccount(client, loginPage, 'citizen', 'borger-anna-soerensen');
  assert.equal(new URL(mine.url).pathname, '/min-side');
  assert.equal(mine.status, 200);
  assert.match(mine.body, /Anna Sørensen/);
  assert.match(mine.body, /Hyldespjældet 31<br\/>2620 Albertslund/);
  assert.match(mine.body, /Emil Sørensen/);
  assert.match(mine.body, /<p class="user">Anna Sørensen<\/p>/, 'the header shows who is logged in');
  assert.ok(client.cookies.get(sessionCookie));

  const done = await logOut(client, '/min-side');
  assert.equal(new URL(done.url).pathname, '/logget-af');
  assert.match(done.body, /Du er logget af/);
  assert.equal(client.cookies.get(sessionCookie), undefined);
  const again = await client.get('/min-side');
  assert.equal(new URL(again.url).pathname, '/log-ind');
  assert.deepEqual(await newActions({ cpr: '1203881234' }, auditBefore), ['auth.login', 'person.lookup', 'person.lookup', 'auth.logout']);
});

test('a business representative logs in for the business and sees its details', async () => {
  const auditBefore = (await auditRows({ cvr: '31415926' })).length;
  const client = new HttpClient(t.baseUrl);
  const loginPage = await client.get('/auth/login/business');
  assert.match(loginPage.body, /Albertslund Cykler ApS/);
  assert.doesNotMatch(loginPage.body, /Anna Sørensen<\/label>/, 'the business login lists businesses, not citizens');
  const mine = await chooseTestAccount(client, loginPage, 'business', 'virksomhed-31415926-jens-nielsen');
  assert.equal(new URL(mine.url).pathname, '/min-side');
  assert.match(mine.body, /Albertslund Cykler ApS/);
  assert.match(mine.body, /31415926/);
  assert.match(mine.body, /Stationstorvet 4/);
  assert.match(mine.body, /<p class="user">Jens Nielsen, Albertslund Cykler ApS<\/p>/);
  const done = await logOut(client, '/min-side');
  assert.equal(new URL(done.url).pathname, '/logget-af');
  assert.deepEqual(await newActions({ cvr: '31415926' }, auditBefore), ['auth.login', 'business.lookup', 'business.lookup', 'auth.logout']);
});

test('an employee logs in at the staff provider and sees name, department and role', async () => {
  const client = new HttpClient(t.baseUrl);
  const home = await logInAs(client, 'staff', 'medarbejder-social-sundhed-caseworker');
  assert.equal(new URL(home.url).pathname, '/medarbejder');
  assert.match(home.body, /<h1>Velkommen, [^<]+<\/h1>/);
  assert.match(home.body, /Social og Sundhed \(følsom afdeling\)/);
  assert.match(home.body, /Sagsbehandler/);
  const done = await logOut(client, '/medarbejder');
  assert.equal(new URL(done.url).pathname, '/logget-af');
  assert.equal((await client.get('/medarbejder')).url.includes('/test-idp/interaction/'), true, 'logged out at the provider too: a new login is asked for');
});

test('staff pages send an anonymous visitor straight to the staff login', async () => {
  const client = new HttpClient(t.baseUrl);
  const page = await client.get('/medarbejder');
  assert.match(page.url, /\/test-idp\/interaction\//);
  assert.match(page.body, /Vælg en testmedarbejder/);
});

test('an employee with no Kanal group is refused with a clear page, and no session is made', async () => {
  const before = await sessionCount();
  const client = new HttpClient(t.baseUrl);
  const page = await logInAs(client, 'staff', 'medarbejder-borgerservice-uden-rolle');
  assert.equal(page.status, 403);
  assert.match(page.body, /Du har ikke adgang til Kanal/);
  assert.equal(client.cookies.get(sessionCookie), undefined);
  assert.equal(await sessionCount(), before);
});

test('a citizen page that needs substantial assurance sends a low login to log in again, and accepts the higher one', async () => {
  const client = new HttpClient(t.baseUrl);
  const stepUp = await logInAs(client, 'citizen', 'borger-karl-henriksen', { loa: 'low' });
  // /min-side needs substantial: the policy sends the low login back to MitID, asking for substantial.
  assert.match(stepUp.url, /\/test-idp\/interaction\//);
  assert.match(stepUp.body, /value="substantial" checked/);
  const mine = await chooseTestAccount(client, stepUp, 'citizen', 'borger-karl-henriksen', { loa: 'substantial' });
  assert.equal(new URL(mine.url).pathname, '/min-side');
  assert.match(mine.body, /Galgebakken Sønder 7/);
});

test('a step-up answered with the same low level is refused and recorded', async () => {
  const client = new HttpClient(t.baseUrl);
  const stepUp = await logInAs(client, 'citizen', 'borger-jens-nielsen', { loa: 'low' });
  const refused = await chooseTestAccount(client, stepUp, 'citizen', 'borger-jens-nielsen', { loa: 'low' });
  assert.equal(refused.status, 403);
  assert.match(refused.body, /højere sikringsniveau/);
  const [row] = await auditRows({ cpr: '3001711357' });
  assert.equal(row?.action, 'auth.login');
  assert.equal(row?.outcome, 'denied');
});

test('a tampered state is refused, and the real callback cannot be used after it', async () => {
  const client = new HttpClient(t.baseUrl);
  const atCallback = await chooseTestAccount(client, await client.get('/auth/login/citizen'), 'citizen', 'borger-anna-soerensen', { stopAt: isCallback });
  const real = new URL(atCallback.url);
  const forged = new URL(real);
  forged.searchParams.set('state', 'forged-state');
  const refused = await client.get(forged.href);
  assert.equal(refused.status, 400);
  assert.match(refused.body, /Du blev ikke logget ind/);
  assert.equal(client.cookies.get(sessionCookie), undefined);
  // The attempt was used up by the forged callback: the real one fails too (no replay).
  assert.equal((await client.get(real.href)).status, 400);
  assert.equal(client.cookies.get(sessionCookie), undefined);
});

test('a tampered nonce is refused', async () => {
  const client = new HttpClient(t.baseUrl);
  const start = await client.send('GET', '/auth/login/citizen');
  const authorize = new URL(start.headers.get('location')!);
  assert.ok(authorize.searchParams.get('nonce'));
  authorize.searchParams.set('nonce', 'a-nonce-the-attacker-chose');
  const refused = await chooseTestAccount(client, await client.get(authorize.href), 'citizen', 'borger-anna-soerensen');
  assert.equal(refused.status, 400);
  assert.equal(client.cookies.get(sessionCookie), undefined);
  assert.ok(t.logs.some((l) => l.msg === 'login failed' && /JWT claim/.test(String(l.detail))), 'openid-client refused the ID token\'s nonce claim');
});

test('a tampered PKCE code challenge is refused', async () => {
  const client = new HttpClient(t.baseUrl);
  const start = await client.send('GET', '/auth/login/citizen');
  const authorize = new URL(start.headers.get('location')!);
  assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
  authorize.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  const refused = await chooseTestAccount(client, await client.get(authorize.href), 'citizen', 'borger-anna-soerensen');
  assert.equal(refused.status, 400);
  assert.equal(client.cookies.get(sessionCookie), undefined);
  assert.ok(t.logs.some((l) => l.msg === 'login failed' && /invalid_grant/.test(String(l.detail))), 'the provider refused the code');
});

test('a callback in another browser (without the login cookie) is refused', async () => {
  const victim = new HttpClient(t.baseUrl);
  const atCallback = await chooseTestAccount(victim, await victim.get('/auth/login/citizen'), 'citizen', 'borger-anna-soerensen', { stopAt: isCallback });
  const attacker = new HttpClient(t.baseUrl);
  const refused = await attacker.get(atCallback.url);
  assert.equal(refused.status, 400);
  assert.equal(attacker.cookies.get(sessionCookie), undefined);
});

test('cancelling at the provider comes back as a cancelled login', async () => {
  const client = new HttpClient(t.baseUrl);
  const loginPage = await client.get('/auth/login/citizen');
  const back = await client.post(new URL(loginPage.url).pathname, { afbryd: '1' });
  assert.equal(back.status, 400);
  assert.match(back.body, /Du afbrød log ind/);
});

test('login gives a new session id: a planted one and the previous login\'s are dead', async () => {
  const client = new HttpClient(t.baseUrl);
  client.cookies.set(sessionCookie, 'planted-by-an-attacker');
  await logInAs(client, 'citizen', 'borger-anna-soerensen');
  const first = client.cookies.get(sessionCookie)!;
  assert.notEqual(first, 'planted-by-an-attacker');
  await logInAs(client, 'citizen', 'borger-fatima-hassan');
  const second = client.cookies.get(sessionCookie)!;
  assert.notEqual(second, first);
  const old = await t.app.inject({ url: '/min-side', cookies: { [sessionCookie]: first } });
  assert.equal(old.statusCode, 302, 'the first session ended when the second login began');
  const current = await t.app.inject({ url: '/min-side', cookies: { [sessionCookie]: second } });
  assert.match(current.body, /Fatima Hassan/);
});

test('a session works on every app node (it lives in the database)', async () => {
  const client = new HttpClient(t.baseUrl);
  await logInAs(client, 'staff', 'medarbejder-borgerservice-frontdesk');
  const otherNode = await startTestApp({ database: t.database, migrate: false, env: { KANAL_SESSION_SECRET: SECRET, KANAL_PUBLIC_URL: t.baseUrl } });
  try {
    const res = await otherNode.app.inject({ url: '/medarbejder', cookies: { [sessionCookie]: client.cookies.get(sessionCookie)! } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /Borgerservice-medarbejder/);
  } finally {
    await otherNode.close();
  }
});

test('the session cookie is HttpOnly and SameSite=Lax, and has no lifetime of its own', async () => {
  const client = new HttpClient(t.baseUrl);
  const atCallback = await chooseTestAccount(client, await client.get('/auth/login/citizen'), 'citizen', 'borger-anna-soerensen', { stopAt: isCallback });
  const response = await client.send('GET', atCallback.url);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookie}=`));
  assert.ok(cookie);
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  assert.match(cookie, /Path=\//);
  assert.doesNotMatch(cookie, /Max-Age|Expires/i);
});

test('idle timeout: a citizen is warned, kept alive by activity, and logged out after 30 idle minutes', async (ctx) => {
  const client = new HttpClient(t.baseUrl);
  await logInAs(client, 'citizen', 'borger-anna-soerensen');
  const id = client.cookies.get(sessionCookie)!;
  const page = await t.app.inject({ url: '/min-side', cookies: { [sessionCookie]: id } });
  assert.match(page.body, /data-seconds-left="(17\d\d|1800)"/);
  assert.match(page.body, /data-warn-seconds="300"/);
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  ctx.after(() => mock.timers.reset());
  mock.timers.tick(29 * 60_000);
  assert.equal((await t.app.inject({ url: '/min-side', cookies: { [sessionCookie]: id } })).statusCode, 200, 'still logged in after 29 minutes');
  mock.timers.tick(29 * 60_000);
  assert.equal((await t.app.inject({ url: '/min-side', cookies: { [sessionCookie]: id } })).statusCode, 200, 'the last request moved the idle timeout');
  mock.timers.tick(31 * 60_000);
  const expired = await t.app.inject({ url: '/min-side', cookies: { [sessionCookie]: id } });
  assert.equal(expired.statusCode, 302);
  assert.equal(expired.headers.location, '/log-ind?til=%2Fmin-side&udloebet=1');
  const login = await t.app.inject({ url: expired.headers.location });
  assert.match(login.body, /Du er blevet logget af, fordi du ikke har brugt siden i et stykke tid/);
  const rows = await sql<{ n: number }>`select count(*) as n from auth_sessions where id_hash = ${(await import('./secrets.ts')).hashId(id)}`.execute(t.database.db);
  assert.equal(rows.rows[0]!.n, 0, 'the expired session was deleted when it was presented');
});

test('an employee idle far longer than a citizen may be stays logged in; every session ends at the absolute timeout', async (ctx) => {
  const client = new HttpClient(t.baseUrl);
  await logInAs(client, 'staff', 'medarbejder-administration-admin');
  const id = client.cookies.get(sessionCookie)!;
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  ctx.after(() => mock.timers.reset());
  mock.timers.tick(60 * 60_000 + 59 * 60_000);
  assert.equal((await t.app.inject({ url: '/medarbejder', cookies: { [sessionCookie]: id } })).statusCode, 200, 'an employee idle for 1 h 59 min is still logged in');
  // KANAL_SESSION_MAX_HOURS=2 here: active or not, the session ends two hours after login.
  mock.timers.tick(2 * 60_000);
  const ended = await t.app.inject({ url: '/medarbejder', cookies: { [sessionCookie]: id } });
  assert.equal(ended.statusCode, 302);
  assert.match(ended.headers.location as string, /^\/auth\/login\/staff\?til=%2Fmedarbejder/);
});

test('"stay logged in" moves the idle timeout, with the CSRF token', async (ctx) => {
  const client = new HttpClient(t.baseUrl);
  await logInAs(client, 'citizen', 'borger-anna-soerensen');
  const id = client.cookies.get(sessionCookie)!;
  const page = await client.get('/min-side');
  const token = hiddenField(page.body, '_csrf');
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  ctx.after(() => mock.timers.reset());
  mock.timers.tick(26 * 60_000);
  const renewed = await t.app.inject({ method: 'POST', url: '/auth/forny', cookies: { [sessionCookie]: id }, headers: { accept: 'application/json', 'x-csrf-token': token } });
  assert.equal(renewed.statusCode, 200);
  assert.equal(renewed.json().secondsLeft, 30 * 60);
});

test('the test provider publishes its discovery document under /test-idp', async () => {
  const client = new HttpClient(t.baseUrl);
  const page = await client.get('/test-idp/.well-known/openid-configuration');
  const discovery = JSON.parse(page.body) as Record<string, unknown>;
  assert.equal(discovery.issuer, `${t.baseUrl}/test-idp`);
  assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
  assert.ok(Array.isArray(discovery.acr_values_supported) && discovery.acr_values_supported.includes('https://data.gov.dk/concept/core/nsis/loa/Substantial'));
  assert.ok(discovery.end_session_endpoint);
});

test('with KANAL_TEST_IDP=off there is no /test-idp, and an unreachable provider gives a clear "not available"', async () => {
  const off = await startTestApp({
    env: {
      KANAL_TEST_IDP: 'off',
      KANAL_CITIZEN_OIDC_ISSUER: 'http://127.0.0.1:9/broker',
      KANAL_CITIZEN_OIDC_CLIENT_SECRET: 'x',
      KANAL_STAFF_OIDC_ISSUER: 'http://127.0.0.1:9/staff',
      KANAL_STAFF_OIDC_CLIENT_SECRET: 'y',
    },
  });
  try {
    assert.equal((await off.app.inject('/test-idp/.well-known/openid-configuration')).statusCode, 404);
    const front = await off.app.inject('/');
    assert.doesNotMatch(front.body, /TEST — ikke rigtig MitID/);
    const login = await off.app.inject('/auth/login/citizen');
    assert.equal(login.statusCode, 503);
    assert.match(login.body, /ikke tilgængelig lige nu/);
  } finally {
    await off.close();
  }
});
