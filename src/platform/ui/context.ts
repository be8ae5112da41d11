import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { PageContext, Viewer } from './layout.tsx';
import type { Lang } from '../i18n/index.ts';
import { authPaths, loginUrl } from '../auth/paths.ts';
import { authMessages } from '../auth/messages.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The page language, from ?lang= or the language cookie. */
    lang: Lang;
    /** Who is logged in, for the page header (set by the identity layer). */
    viewer: Viewer | undefined;
  }
}

/** Everything a layout needs about this request. */
export function pageContext(request: FastifyRequest, config: Config): PageContext {
  const path = request.url.split('?')[0] ?? '/';
  const session = request.authSession;
  return {
    lang: request.lang,
    path,
    municipality: config.municipality,
    viewer: request.viewer,
    // A getter: only a page that renders a form asks for the token (and, before
    // login, gets the anonymous CSRF cookie set).
    get csrfToken() {
      return request.csrfToken();
    },
    // The header links to the login only for someone not logged in.
    loginUrl: request.viewer ? undefined : loginUrl(path, undefined, false),
    logoutUrl: authPaths.logout,
    testBanner: config.auth.testIdp ? authMessages[request.lang].testBanner : undefined,
    sessionWarning: session && {
      secondsLeft: Math.max(0, Math.floor((Date.parse(session.endsAt) - Date.now()) / 1000)),
      warnSeconds: config.auth.session.warningMinutes * 60,
      renewUrl: authPaths.renew,
    },
  };
}
