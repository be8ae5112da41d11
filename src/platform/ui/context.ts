import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { PageContext, Viewer } from './layout.tsx';
import type { Lang } from '../i18n/index.ts';

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
  return {
    lang: request.lang,
    path: request.url.split('?')[0] ?? '/',
    municipality: config.municipality,
    viewer: request.viewer,
  };
}
