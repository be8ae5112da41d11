// HTTP basics every request gets: language, security headers, error mapping.
import type { FastifyInstance } from 'fastify';
import { isLang, defaultLang } from '../i18n/index.ts';
import { registerSecurityHeaders } from './security.ts';
import { registerErrorHandling, type ErrorPageRenderer } from './handler.ts';

export * from './errors.ts';
export { isApiRequest } from './handler.ts';

const LANG_COOKIE = 'kanal_lang';

export async function registerHttpBasics(app: FastifyInstance, options: { https: boolean; renderErrorPage: ErrorPageRenderer }): Promise<void> {
  registerSecurityHeaders(app, { https: options.https });
  app.decorateRequest('lang', defaultLang);
  app.decorateRequest('viewer', undefined);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // ?lang=en switches language and remembers the choice; the link works without JavaScript.
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    if (isLang(asked)) {
      request.lang = asked;
      reply.setCookie(LANG_COOKIE, asked, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true, secure: options.https });
      return;
    }
    const remembered = request.cookies[LANG_COOKIE];
    if (isLang(remembered)) request.lang = remembered;
  });
  registerErrorHandling(app, options.renderErrorPage);
}
