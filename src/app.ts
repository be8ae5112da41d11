// Builds the Fastify app from config: platform plugins first, then every module.
import Fastify, { type FastifyBaseLogger } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import { h } from 'preact';
import type { Config } from './config.ts';
import type { Database } from './platform/db/index.ts';
import { collectMigrations, type AppContext, type KanalApp, type KanalModule } from './platform/module.ts';
import { accessPolicy, requireAccessDeclarations } from './platform/policy/index.ts';
import { accessPolicyOptions, authPlugin } from './platform/auth/index.ts';
import { registerHttpBasics, KanalError } from './platform/http/index.ts';
import { uiPlugin, pageContext } from './platform/ui/index.ts';
import { ErrorPage } from './platform/ui/pages/error-page.tsx';
import { createMetrics, instrumentHttp, type Metrics } from './platform/ops/metrics.ts';
import { registerOpsRoutes } from './platform/ops/routes.ts';
import { newRequestId } from './platform/ops/logger.ts';
import { modules as allModules } from './modules.ts';

export interface AppOptions {
  config: Config;
  database: Database;
  logger: Logger;
  modules?: readonly KanalModule[];
  /** The process's metrics, when something besides the app (the job worker) reports into them. */
  metrics?: Metrics;
}

export type { KanalApp };

export async function buildApp(options: AppOptions): Promise<KanalApp> {
  const { config, database, logger } = options;
  const modules = options.modules ?? allModules;
  // Fastify's own logger type, so the app's type is the KanalApp modules expect.
  const loggerInstance: FastifyBaseLogger = logger;
  const app = Fastify({
    loggerInstance,
    genReqId: () => newRequestId(),
    trustProxy: config.trustProxy,
    // Idle keep-alive connections are closed on shutdown; in-flight requests finish.
    forceCloseConnections: 'idle',
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // A response sent during shutdown closes its connection: otherwise close() waits out the
  // keep-alive timeout (72 s) of a connection whose request was in flight when shutdown began.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  const ctx: AppContext = { config, db: database.db, dialect: database.dialect, log: logger, metrics: options.metrics ?? createMetrics() };

  requireAccessDeclarations(app);
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody);
  // Before the identity layer, so its CSRF check finds the form's token in a multipart body too.
  await registerMultipart(app);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kanal API', version: '0.1.0', description: `The JSON API of Kanal for ${config.municipality.name}.` },
      servers: [{ url: config.publicUrl }],
      components: {
        // API clients (e.g. the case and document system) send a key an admin made: Authorization: Bearer kanal_….
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key made by an admin, scoped to departments.' } },
      },
    },
  });
  await app.register(uiPlugin);
  await registerHttpBasics(app, {
    https: config.publicUrl.startsWith('https://'),
    renderErrorPage: (request, code) => h(ErrorPage, { ctx: pageContext(request, config), code, requestId: request.id }),
  });
  // Who is logged in, rate limits and CSRF; then the one access check, before any route's handler.
  await app.register(authPlugin, { ctx });
  await app.register(accessPolicy, accessPolicyOptions);
  instrumentHttp(app, ctx.metrics);
  registerOpsRoutes(app, ctx, collectMigrations(modules));
  for (const module of modules) await module.register?.(app, ctx);
  return app;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes multipart/form-data (file uploads); other routes refuse it. */
    multipart?: boolean;
  }
}

/** Largest single upload any route accepts; fields set lower limits of their own. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

async function registerMultipart(app: KanalApp): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 20, fields: 500, parts: 520 },
    // Files are read into memory only on routes that take uploads; the route checks them.
    async onFile(part) {
      if (this.routeOptions.config.multipart !== true) throw new KanalError('bad_request', 'This address does not take file uploads.');
      const bytes = await part.toBuffer();
      (part as unknown as { value: unknown }).value = { name: part.filename, bytes, truncated: part.file.truncated };
    },
  });
}
