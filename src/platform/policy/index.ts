// Every route declares who may call it, next to its definition, in `config.access`.
// A route without a declaration stops the app at start-up.
import type { FastifyInstance } from 'fastify';

/** Who may call a route. The identity-and-access layer adds roles, departments and LoA. */
export type Access = { public: true };

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
