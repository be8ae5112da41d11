// Serves DKFDS and Kanal's own assets from our origin, and lets routes answer with a page.
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderDocument, type PageNode } from './render.ts';
import { assetPrefix, dkfdsDist, publicDir } from './assets.ts';

declare module 'fastify' {
  interface FastifyReply {
    /** Sends a rendered page as text/html. */
    page(this: FastifyReply, page: PageNode, status?: number): FastifyReply;
  }
}

const YEAR = 365 * 24 * 3600 * 1000;

export const uiPlugin = fp(async (app: FastifyInstance) => {
  // The routes are declared here (not by @fastify/static) so each has an access declaration.
  await app.register(fastifyStatic, { root: publicDir, serve: false });
  app.decorateReply('page', function page(this: FastifyReply, vnode: PageNode, status = 200) {
    return this.code(status).type('text/html; charset=utf-8').send(renderDocument(vnode));
  });
  const serve = (prefix: string, root: string) => {
    app.get(`${prefix}/*`, { config: { access: { public: true } }, schema: { hide: true } }, (request, reply) => {
      const file = (request.params as { '*': string })['*'];
      // The version is in the URL, so a file never changes under it: cache for a year.
      return reply.sendFile(file, root, { maxAge: YEAR, immutable: true, dotfiles: 'deny' });
    });
  };
  serve(assetPrefix.dkfds, dkfdsDist);
  serve(assetPrefix.kanal, publicDir);
  app.get('/favicon.ico', { config: { access: { public: true } }, schema: { hide: true } }, (_request, reply) =>
    reply.sendFile('img/logo.svg', publicDir, { maxAge: 24 * 3600 * 1000 }).type('image/svg+xml'),
  );
}, { name: 'kanal-ui' });

