import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderDocument, type PageNode } from './render.ts';

/**
 * Caches a page's HTML for anonymous visitors, by language. Use it only for a page
 * that is the same for every anonymous visitor and depends on nothing that changes
 * while the process runs (or add that to the key); a logged-in viewer always gets
 * a fresh rendering.
 */
export function anonymousPageCache() {
  const pages = new Map<string, string>();
  return (request: FastifyRequest, reply: FastifyReply, render: () => PageNode): FastifyReply => {
    if (request.viewer) return reply.page(render());
    let html = pages.get(request.lang);
    if (html === undefined) {
      html = renderDocument(render());
      pages.set(request.lang, html);
    }
    return reply.type('text/html; charset=utf-8').send(html);
  };
}
