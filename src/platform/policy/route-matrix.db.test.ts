// The route × role table: every registered route, asked by anonymous and by every
// role, answers as its access declaration says. It walks whatever routes the app
// has, so it grows as modules add routes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { HttpClient, logInAs, startListeningTestApp, type ListeningTestApp, type TestLoginKind } from '../../../test/helpers/http-client.ts';
import { isApiRequest } from '../http/index.ts';
import { resumeSession, startSession } from '../auth/sessions.ts';
import { csrfTokenFor } from '../auth/secrets.ts';
import type { Identity } from '../auth/identity.ts';
import { atLeast, declaredRoutes, roles, type DeclaredRoute, type Role } from './index.ts';

const SECRET = 'route-matrix-secret-of-at-least-32-chars';

interface Principal {
  name: string;
  identity: Identity | undefined;
}

const logins: { name: string; kind: TestLoginKind; account: string; loa?: 'low' | 'substantial' }[] = [
  { name: 'citizen', kind: 'citizen', account: 'borger-anna-soerensen' },
  { name: 'citizen (low assurance)', kind: 'citizen', account: 'borger-fatima-hassan', loa: 'low' },
  { name: 'business', kind: 'business', account: 'virksomhed-27182818-anna-soerensen' },
  { name: 'frontdesk', kind: 'staff', account: 'medarbejder-borgerservice-frontdesk' },
  { name: 'caseworker', kind: 'staff', account: 'medarbejder-boern-unge-caseworker' },
  { name: 'manager', kind: 'staff', account: 'medarbejder-miljoe-teknik-manager' },
  { name: 'admin', kind: 'staff', account: 'medarbejder-administration-admin' },
  { name: 'dpo', kind: 'staff', account: 'medarbejder-administration-dpo' },
];

let t: ListeningTestApp;
const principals: Principal[] = [{ name: 'anonymous', identity: undefined }];

before(async () => {
  t = await startListeningTestApp({ env: { KANAL_SESSION_SECRET: SECRET, KANAL_POST_RATE_LIMIT_IP: '1000000', KANAL_POST_RATE_LIMIT_SESSION: '1000000', KANAL_LOGIN_RATE_LIMIT: '1000000' } });
  // Each principal logs in once through the test identity provider, as a person would.
  for (const login of logins) {
    const client = new HttpClient(t.baseUrl);
    await logInAs(client, login.kind, login.account, { loa: login.loa });
    const session = await resumeSession(t.database.db, t.config, client.cookies.get('kanal_session')!);
    assert.ok(session && session !== 'expired', `${login.name} is logged in`);
    principals.push({ name: login.name, identity: session.identity });
  }
});
after(() => t.close());

test('every principal has the role it is named for', () => {
  const covered = new Set(principals.flatMap((p) => p.identity?.roles ?? []));
  assert.deepEqual([...covered].sort(), [...roles].sort(), 'the table asks as every role');
});

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const concrete = (url: string) => url.replace(/:\w+/g, 'x').replace(/\*/g, 'x');

/** A request as the principal would make it: a fresh session of its own, and the CSRF token unless told not to. */
async function ask(route: DeclaredRoute, principal: Principal, withToken = true) {
  const request: InjectOptions = { method: route.method, url: concrete(route.url), cookies: {}, headers: {} };
  let binding = 'anonymous-csrf-cookie';
  if (principal.identity) {
    const session = await startSession(t.database.db, t.config, principal.identity);
    request.cookies = { kanal_session: session.id };
    binding = session.id;
  } else {
    request.cookies = { kanal_csrf: binding };
  }
  if (UNSAFE.has(route.method)) {
    request.payload = withToken ? { _csrf: csrfTokenFor(SECRET, binding) } : {};
  }
  return t.app.inject(request);
}

type Expected = 'allowed' | 'login' | 'unauthenticated' | 'forbidden' | 'step-up';

function expected(route: DeclaredRoute, principal: Principal): Expected {
  const { access } = route;
  if ('public' in access) return 'allowed';
  const page = (route.method === 'GET' || route.method === 'HEAD') && !isApiRequest({ url: concrete(route.url) } as never);
  if (!principal.identity) return page ? 'login' : 'unauthenticated';
  if (!principal.identity.roles.some((r: Role) => access.roles.includes(r))) return 'forbidden';
  if (access.department === 'own' && principal.identity.kind !== 'staff') return 'forbidden';
  if (access.loa && !atLeast(principal.identity.loa, access.loa)) return page ? 'step-up' : 'forbidden';
  return 'allowed';
}

test('every route answers every principal as its declaration says', async () => {
  const routes = declaredRoutes(t.app);
  const problems: string[] = [];
  for (const route of routes) {
    for (const principal of principals) {
      const want = expected(route, principal);
      const res = await ask(route, principal);
      const location = String(res.headers.location ?? '');
      const where = `${route.method} ${route.url} as ${principal.name}: expected ${want}, got ${res.statusCode}${location ? ` → ${location}` : ''}`;
      if (res.statusCode >= 500) problems.push(where);
      else if (want === 'allowed' && (res.statusCode === 401 || res.statusCode === 403 || /^\/(log-ind|auth\/login)/.test(location))) problems.push(where);
      else if (want === 'login' && !(res.statusCode === 302 && /^\/(log-ind|auth\/login\/staff)\?til=/.test(location))) problems.push(where);
      else if (want === 'unauthenticated' && res.statusCode !== 401) problems.push(where);
      else if (want === 'forbidden' && res.statusCode !== 403) problems.push(where);
      else if (want === 'step-up' && !(res.statusCode === 302 && /^\/auth\/login\/(citizen|business)\?.*loa=/.test(location))) problems.push(where);
    }
  }
  assert.deepEqual(problems, []);
  // The table is the app's own: it holds the identity layer's and the audit log's routes, and any module's.
  const urls = new Set(routes.map((r) => `${r.method} ${r.url}`));
  for (const known of ['GET /min-side', 'GET /medarbejder', 'POST /log-af', 'POST /medarbejder/adgangslog', 'GET /', 'GET /healthz']) assert.ok(urls.has(known), `${known} is in the table`);
});

test('every change that is not exempt by design refuses a request without the CSRF token', async () => {
  const problems: string[] = [];
  const changes = declaredRoutes(t.app).filter((r) => UNSAFE.has(r.method));
  assert.ok(changes.length > 0);
  for (const route of changes) {
    for (const principal of principals) {
      if (expected(route, principal) !== 'allowed') continue;
      const res = await ask(route, principal, false);
      const refused = res.statusCode === 403;
      if (route.csrf !== 'exempt' && !refused) problems.push(`${route.method} ${route.url} as ${principal.name} took a change without the token (${res.statusCode})`);
      // Exempt by design: the test identity provider's protocol endpoints, and JSON API calls from
      // clients without a page (a form cannot send JSON across sites; cookies are SameSite=Lax).
      if (route.csrf === 'exempt' && !route.url.startsWith('/test-idp/') && !route.url.startsWith('/api/')) problems.push(`${route.method} ${route.url} is exempt from CSRF: only the test identity provider's protocol endpoints and JSON API calls may be`);
    }
  }
  assert.deepEqual(problems, []);
});
