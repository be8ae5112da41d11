// The one place where access declarations are enforced: a hook on every request,
// before the body is read. Pages send people to log in; the API answers 401/403.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, isApiRequest, KanalError, unauthenticated } from '../http/index.ts';
import { decide, type Principal } from './decide.ts';
import type { AssuranceLevel, Role } from './roles.ts';

export interface AccessPolicyOptions {
  /** Who is logged in (set by the identity layer's earlier hook). */
  principal(request: FastifyRequest): Principal | undefined;
  /** Where a page sends someone who must log in to reach it. */
  loginUrl(request: FastifyRequest, roles: readonly Role[]): string;
  /** Where a page sends someone whose login is below the route's assurance level. */
  stepUpUrl(request: FastifyRequest, loa: AssuranceLevel): string;
}

function isPageRequest(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !isApiRequest(request);
}

export const accessPolicy = fp(
  async (app: FastifyInstance, options: AccessPolicyOptions) => {
    app.addHook('onRequest', async (request, reply) => {
      const access = request.routeOptions.config.access;
      // Only the not-found handler has no declaration: every route must have one.
      if (!access) return;
      const decision = decide(access, options.principal(request));
      if (decision.allow) return;
      switch (decision.reason) {
        case 'unauthenticated':
          if (isPageRequest(request) && 'roles' in access) return reply.redirect(options.loginUrl(request, access.roles));
          throw unauthenticated();
        case 'step-up':
          if (isPageRequest(request)) return reply.redirect(options.stepUpUrl(request, decision.loa));
          throw new KanalError('forbidden', `This needs a login at assurance level ${decision.loa} or higher.`);
        case 'forbidden':
          throw forbidden();
      }
    });
  },
  { name: 'kanal-access-policy' },
);
