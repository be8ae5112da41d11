// The identity layer's pages and endpoints: log in, the callbacks, log out, stay
// logged in, the citizen's own details and the employee's home page.
import Type from 'typebox';
import type { AppContext, KanalApp } from '../module.ts';
import { pageContext } from '../ui/index.ts';
import { staffRoles, assuranceLevels } from '../policy/index.ts';
import { loginKinds, type LoginKind } from './identity.ts';
import { createOidcClients, type IssuerName } from './oidc.ts';
import { finishLogin, LoginFailed, logout, startLogin } from './login.ts';
import { renewSession } from './sessions.ts';
import { clearSessionCookie, cookieNames, cookieOptions, setSessionCookie } from './plugin.ts';
import { authPaths, homeOf, safeReturnPath } from './paths.ts';
import { lookupBusiness, lookupPerson } from './register/index.ts';
import { LoggedOutPage, LoginFailedPage, LoginPage } from './views/login-pages.tsx';
import { BusinessPage, CitizenPage, StaffHomePage } from './views/home-pages.tsx';

const open = { access: { public: true } } as const;
const loginRoute = { access: { public: true }, rateLimit: 'login' } as const;
const everyone = { access: { roles: ['citizen', 'business', ...staffRoles] } } as const;

export function registerAuthRoutes(app: KanalApp, ctx: AppContext): void {
  const { config, db } = ctx;
  const oidc = createOidcClients(config);
  const names = cookieNames(config);
  const loggedOutUrl = `${config.publicUrl}${authPaths.loggedOut}`;

  app.get(
    authPaths.login,
    { config: open, schema: { hide: true, querystring: Type.Object({ til: Type.Optional(Type.String()), udloebet: Type.Optional(Type.String()) }) } },
    async (request, reply) => {
      // From the front page (or this one), a login leads to the person's own page instead.
      const returnTo = safeReturnPath(request.query.til);
      const worthReturningTo = returnTo && returnTo !== '/' && !returnTo.startsWith(authPaths.login) ? returnTo : undefined;
      return reply.page(
        <LoginPage
          ctx={{ ...pageContext(request, config), loginUrl: undefined }}
          returnTo={worthReturningTo}
          sessionExpired={request.query.udloebet === '1'}
          testIdp={config.auth.testIdp}
        />,
      );
    },
  );

  app.get(
    '/auth/login/:kind',
    {
      config: loginRoute,
      schema: {
        hide: true,
        params: Type.Object({ kind: Type.Union(loginKinds.map((k) => Type.Literal(k))) }),
        querystring: Type.Object({ til: Type.Optional(Type.String()), loa: Type.Optional(Type.Union(assuranceLevels.map((l) => Type.Literal(l)))) }),
      },
    },
    async (request, reply) => {
      const kind: LoginKind = request.params.kind;
      const { attemptId, url } = await startLogin(db, oidc, kind, safeReturnPath(request.query.til), request.query.loa);
      reply.setCookie(names.login, attemptId, cookieOptions(config, { path: '/auth/callback', maxAge: 15 * 60 }));
      return reply.redirect(url.href);
    },
  );

  app.get(
    '/auth/callback/:issuer',
    { config: loginRoute, schema: { hide: true, params: Type.Object({ issuer: Type.Union([Type.Literal('citizen'), Type.Literal('staff')]) }) } },
    async (request, reply) => {
      const issuer: IssuerName = request.params.issuer;
      reply.clearCookie(names.login, cookieOptions(config, { path: '/auth/callback' }));
      try {
        const { session, returnTo } = await finishLogin(db, config, oidc, {
          issuer,
          attemptId: request.cookies[names.login],
          callbackUrl: new URL(request.url, config.publicUrl),
          previousSessionId: request.cookies[names.session],
          requestId: request.id,
        });
        setSessionCookie(reply, config, session);
        request.log.info({ kind: session.identity.kind, loa: session.identity.loa }, 'logged in');
        return reply.redirect(returnTo);
      } catch (error) {
        if (!(error instanceof LoginFailed)) throw error;
        request.log.warn({ reason: error.reason, detail: error.message }, 'login failed');
        const status = error.reason === 'no-role' || error.reason === 'unknown-department' || error.reason === 'loa-too-low' ? 403 : 400;
        return reply.page(<LoginFailedPage ctx={pageContext(request, config)} reason={error.reason} kind={error.kind} returnTo={error.returnTo} />, status);
      }
    },
  );

  app.post(authPaths.logout, { config: open, schema: { hide: true } }, async (request, reply) => {
    clearSessionCookie(reply, config);
    const session = request.authSession;
    if (!session) return reply.redirect(authPaths.loggedOut, 303);
    for (const cookiesOf of app.cookiesOfLogin) {
      for (const cookie of await cookiesOf(session.identity)) reply.clearCookie(cookie.name, cookieOptions(config, { path: cookie.path }));
    }
    const next = await logout(db, config, oidc, session, loggedOutUrl, request.id);
    request.log.info({ kind: session.identity.kind }, 'logged out');
    return reply.redirect(next, 303);
  });

  app.get(authPaths.loggedOut, { config: open, schema: { hide: true } }, async (request, reply) =>
    reply.page(<LoggedOutPage ctx={pageContext(request, config)} />),
  );

  // "Stay logged in": from the warning's button (a form without JavaScript, fetch with it).
  app.post(
    authPaths.renew,
    { config: everyone, schema: { hide: true } },
    async (request, reply) => {
      const session = await renewSession(db, config, request.authSession!);
      if (request.headers.accept?.includes('application/json')) return { endsAt: session.endsAt, secondsLeft: Math.max(0, Math.floor((Date.parse(session.endsAt) - Date.now()) / 1000)) };
      // The form sends the page to return to; fetch() sends no body at all.
      const returnTo = safeReturnPath((request.body as { til?: unknown } | undefined)?.til);
      return reply.redirect(returnTo ?? homeOf(session.identity.kind), 303);
    },
  );

  app.get(authPaths.myPage, { config: { access: { roles: ['citizen', 'business'], loa: 'substantial' } }, schema: { hide: true } }, async (request, reply) => {
    const identity = request.identity!;
    const by = { config, actor: identity, purpose: 'Vis egne oplysninger på Min side', requestId: request.id };
    const ctxPage = pageContext(request, config);
    if (identity.kind === 'citizen') {
      const person = await db.transaction().execute((trx) => lookupPerson(trx, by, identity.cpr));
      return reply.page(<CitizenPage ctx={ctxPage} identity={identity} person={person} />);
    }
    if (identity.kind === 'business') {
      const business = await db.transaction().execute((trx) => lookupBusiness(trx, by, identity.cvr));
      return reply.page(<BusinessPage ctx={ctxPage} identity={identity} business={business} />);
    }
    return reply.redirect(authPaths.staffHome);
  });

  app.get(authPaths.staffHome, { config: { access: { roles: staffRoles } }, schema: { hide: true } }, async (request, reply) => {
    const identity = request.identity!;
    if (identity.kind !== 'staff') return reply.redirect(authPaths.myPage);
    return reply.page(<StaffHomePage ctx={pageContext(request, config)} identity={identity} />);
  });
}
