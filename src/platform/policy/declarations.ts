// Every route declares who may call it, next to its definition, in `config.access`.
// A route without a declaration stops the app at start-up.
import type { FastifyInstance } from 'fastify';
import type { Access } from './roles.ts';

export class MissingAccessDeclaration extends Error {
  constructor(method: string | string[], url: string) {
    super(`Route ${[method].flat().join(',')} ${url} does not declare who may call it (config.access).`);
    this.name = 'MissingAccessDeclaration';
  }
}

/** A registered route and its declaration: the route × role table the tests walk. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
  csrf: 'exempt' | undefined;
}

const tables = new WeakMap<FastifyInstance, DeclaredRoute[]>();

/** Must be registered before any route: refuses routes that declare no access, and lists the others. */
export function requireAccessDeclarations(app: FastifyInstance): void {
  const table: DeclaredRoute[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access) throw new MissingAccessDeclaration(route.method, route.url);
    for (const method of [route.method].flat()) table.push({ method, url: route.url, access, csrf: route.config?.csrf });
  });
}

/** Every route of the app with its declaration, in registration order. */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  const table = tables.get(app);
  if (!table) throw new Error('requireAccessDeclarations() was not registered on this app.');
  return table;
}
