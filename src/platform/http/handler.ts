// The one place where errors become HTTP answers: JSON under /api, a page elsewhere.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageNode } from '../ui/render.ts';
import { KanalError, type ErrorCode, type FieldProblem } from './errors.ts';

/** Renders the error page; set by the app so this file needs no knowledge of layouts. */
export type ErrorPageRenderer = (request: FastifyRequest, code: ErrorCode, status: number) => PageNode;

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/openapi.json';
}

function classify(error: FastifyError | KanalError): { code: ErrorCode; status: number; message: string; details?: FieldProblem[] } {
  if (error instanceof KanalError) return { code: error.code, status: error.status, message: error.message, details: error.details };
  if (error.validation) {
    const details = error.validation.map((v) => ({
      field: (v.instancePath || `/${String((v.params as { missingProperty?: string }).missingProperty ?? '')}`).replace(/^\//, '').replaceAll('/', '.'),
      message: v.message ?? 'invalid',
    }));
    return { code: 'validation_failed', status: 400, message: 'The input is not valid.', details };
  }
  const status = error.statusCode ?? 500;
  if (status === 413) return { code: 'payload_too_large', status, message: error.message };
  if (status === 429) return { code: 'rate_limited', status, message: error.message };
  if (status === 404) return { code: 'not_found', status, message: error.message };
  if (status >= 400 && status < 500) return { code: 'bad_request', status, message: error.message };
  return { code: 'internal', status: 500, message: 'Internal error.' };
}

export function registerErrorHandling(app: FastifyInstance, renderErrorPage: ErrorPageRenderer): void {
  const send = (request: FastifyRequest, reply: FastifyReply, code: ErrorCode, status: number, message: string, details?: FieldProblem[]) => {
    if (isApiRequest(request)) {
      return reply.code(status).type('application/json; charset=utf-8').send({ error: { code, message, requestId: request.id, ...(details ? { details } : {}) } });
    }
    return reply.page(renderErrorPage(request, code, status), status);
  };

  app.setErrorHandler((error: FastifyError | KanalError, request, reply) => {
    const c = classify(error);
    if (c.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: c.code, status: c.status }, 'request refused');
    return send(request, reply, c.code, c.status, c.message, c.details);
  });

  app.setNotFoundHandler((request, reply) => send(request, reply, 'not_found', 404, 'The page or resource was not found.'));
}
