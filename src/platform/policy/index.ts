// Every route declares who may call it, next to its definition, in `config.access`.
// A route without a declaration stops the app at start-up.
import type { FastifyInstance } from 'fastify';

/** Kanal's roles. Staff roles come from the municipality's identity provider. */
export const roles = ['citizen', 'business', 'frontdesk', 'caseworker', 'manager', 'admin', 'dpo'] as const;
export type Role = (typeof roles)[number];

/** NSIS assurance levels, lowest first. */
export const assuranceLevels = ['low', 'substantial', 'high'] as const;
export type AssuranceLevel = (typeof assuranceLevels)[number];

/**
 * Who may call a route:
 * - `{ public: true }` — anyone, logged in or not;
 * - `{ roles }` — a logged-in user with one of the roles; `loa` sets the least
 *   assurance level of the login; `department: 'own'` limits staff to their own
 *   department's data (the route checks the data against the employee's department).
 */
export type Access =
  | { public: true }
  | { roles: readonly Role[]; loa?: AssuranceLevel; department?: 'own' | 'any' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export class MissingAccessDeclaration extends Error {
  constructor(method: string | string[], url: string) {
    super(`Route ${[method].flat().join(',')} ${url} does not declare who may call it (config.access).`);
    this.name = 'MissingAccessDeclaration';
  }
}

/** Must be registered before any route: refuses routes that declare no access. */
export function requireAccessDeclarations(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) throw new MissingAccessDeclaration(route.method, route.url);
  });
}
