// The identity layer's hooks on every request: who is logged in (from the session
// cookie), rate limits, and the CSRF check on every change. Registered before any route.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Config } from '../../config.ts';
import type { AppContext } from '../module.ts';
import { KanalError } from '../http/index.ts';
import type { AccessPolicyOptions } from '../policy/index.ts';
import type { Identity } from './identity.ts';
import { resumeSession, type ActiveSession } from './sessions.ts';
import { csrfTokenFor, csrfTokenMatches, hashId, newSecretId } from './secrets.ts';
import { hitRateLimit } from './rate-limit.ts';
import { loginUrl, stepUpUrl } from './paths.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is logged in; undefined for anonymous requests. */
    identity: Identity | undefined;
    /** The live session behind `identity`. */
    authSession: ActiveSession | undefined;
    /** The request came with a session that had just timed out. */
    sessionExpired: boolean;
    /** The CSRF token every form and page-made API call on this page must send back (`_csrf` or `x-csrf-token`). */
    csrfToken(): string;
  }
  interface FastifyInstance {
    /** Modules add the cookies they set for a login's own things; logout clears them. */
    cookiesOfLogin: CookiesOfLogin[];
  }
}

/** A module's cookies that belong to this login (by name and path: a cookie is cleared with its path). */
export type CookiesOfLogin = (identity: Identity) => Promise<{ name: string; path: string }[]>;

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MINUTE = 60_000;

/** Cookie names; with https, the __Host- prefix pins them to this host, path / and Secure. */
export function cookieNames(config: Config) {
  const https = config.publicUrl.startsWith('https://');
  return {
    session: https ? '__Host-kanal_session' : 'kanal_session',
    csrf: https ? '__Host-kanal_csrf' : 'kanal_csrf',
    login: https ? '__Secure-kanal_login' : 'kanal_login',
  };
}

export function cookieOptions(config: Config, extra: CookieSerializeOptions = {}): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https://'), ...extra };
}

export function setSessionCookie(reply: FastifyReply, config: Config, session: ActiveSession): void {
  // No Max-Age: the cookie ends with the browser; the server ends the session at its timeouts.
  reply.setCookie(cookieNames(config).session, session.id, cookieOptions(config));
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieNames(config).session, cookieOptions(config));
}

function fromBody(request: FastifyRequest): unknown {
  const body = request.body;
  return body && typeof body === 'object' && '_csrf' in body ? body._csrf : undefined;
}

export const authPlugin = fp(
  async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
    const { config, db } = ctx;
    const names = cookieNames(config);
    const { rateLimit } = config.auth;

    app.decorate('cookiesOfLogin', [] as CookiesOfLogin[]);
    app.decorateRequest('identity', undefined);
    app.decorateRequest('authSession', undefined);
    app.decorateRequest('sessionExpired', false);
    app.decorateRequest('csrfToken', function csrfTokenUnset(): string {
      throw new Error('csrfToken() is available once the request has started.');
    });

    app.addHook('onRequest', async (request, reply) => {
      let memo: { sessionId: string; token: string } | undefined;
      request.csrfToken = () => {
        const session = request.authSession;
        // A page asks once per form: the HMAC is worked out once per request (and session).
        if (session) {
          if (memo?.sessionId !== session.id) memo = { sessionId: session.id, token: csrfTokenFor(config.sessionSecret, session.id) };
          return memo.token;
        }
        // Before login, forms are bound to a random cookie of their own (set on first use).
        let anonymous = request.cookies[names.csrf];
        if (!anonymous) {
          anonymous = newSecretId();
          request.cookies[names.csrf] = anonymous;
          reply.setCookie(names.csrf, anonymous, cookieOptions(config));
        }
        return csrfTokenFor(config.sessionSecret, anonymous);
      };
      const id = request.cookies[names.session];
      if (id) {
        const session = await resumeSession(db, config, id);
        if (session && session !== 'expired') {
          request.authSession = session;
          request.identity = session.identity;
          const info = session.identity.kind === 'staff' ? session.identity.department.name : session.identity.kind === 'business' ? session.identity.organisation : undefined;
          request.viewer = { name: session.identity.name, info };
        } else {
          request.sessionExpired = session === 'expired';
          clearSessionCookie(reply, config);
        }
      }
    });

    app.addHook('onRequest', async (request, reply) => {
      const declared = request.routeOptions.config.rateLimit;
      if (declared === 'exempt') return;
      const checks: [string, number, number][] = [];
      if (declared === 'login') checks.push([`login:ip:${request.ip}`, rateLimit.loginsPerIp, 10 * MINUTE]);
      if (UNSAFE_METHODS.has(request.method)) {
        checks.push([`post:ip:${request.ip}`, rateLimit.postsPerIp, MINUTE]);
        if (request.authSession) checks.push([`post:session:${hashId(request.authSession.id)}`, rateLimit.postsPerSession, MINUTE]);
      }
      for (const [bucket, limit, windowMs] of checks) {
        const result = await hitRateLimit(db, bucket, limit, windowMs);
        if (!result.allowed) {
          reply.header('retry-after', String(result.retryAfter));
          request.log.warn({ bucket: bucket.split(':').slice(0, 2).join(':') }, 'rate limit reached');
          throw new KanalError('rate_limited', `Too many requests: try again in ${result.retryAfter} seconds.`);
        }
      }
    });

    // After the body is parsed (the form's token is in it), before validation and the handler.
    app.addHook('preValidation', async (request) => {
      if (!UNSAFE_METHODS.has(request.method)) return;
      const { access, csrf } = request.routeOptions.config;
      if (csrf === 'exempt' || !access) return;
      const binding = request.authSession?.id ?? request.cookies[names.csrf];
      const token = request.headers['x-csrf-token'] ?? fromBody(request);
      if (!binding || !csrfTokenMatches(config.sessionSecret, binding, token)) {
        throw new KanalError('csrf_failed', 'The CSRF token is missing or wrong: reload the page and try again.');
      }
    });
  },
  { name: 'kanal-auth', dependencies: ['@fastify/cookie'] },
);

/** How the access policy sees the identity layer: principals, and where to log in. */
export const accessPolicyOptions: AccessPolicyOptions = {
  principal: (request) =>
    request.identity && { roles: request.identity.roles, loa: request.identity.loa, departmentId: request.identity.kind === 'staff' ? request.identity.department.id : undefined },
  loginUrl: (request, roles) => loginUrl(request.url, roles, request.sessionExpired),
  stepUpUrl: (request, loa) => stepUpUrl(request.identity?.kind ?? 'citizen', request.url, loa),
};
