// The JSON API: the catalogue, one definition, and submissions with the same checks as
// the pages and an Idempotency-Key, documented in OpenAPI from the TypeBox schemas.
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { forbidden, notFound, validationFailed } from '../../platform/http/errors.ts';
import type { Upload } from './attachments.ts';
import { splitBody } from './routes.tsx';
import { mayUse } from './identity.ts';
import { ServiceDefinitionResponse, ServiceIdParams, ServiceList, SubmissionBody, SubmissionHeaders, SubmissionReceipt, type ServiceDefinition } from './schema.ts';
import type { SelfService } from './service.ts';
import type { SubmissionRow } from './store.ts';
import { paths } from './views/pages.tsx';

const open = { access: { public: true } } as const;
const tags = ['self-service'];

/** JSON answers, or multipart: the answers as JSON text and the file parts by field id. */
function answersAndFiles(body: { answers: Record<string, unknown> | string }): { answers: Record<string, unknown>; uploads: Record<string, Upload[]> } {
  if (typeof body.answers !== 'string') return { answers: body.answers, uploads: {} };
  const { uploads } = splitBody(body);
  let answers: unknown;
  try {
    answers = JSON.parse(body.answers);
  } catch {
    throw validationFailed([{ field: 'answers', message: 'The answers part must be JSON text.' }]);
  }
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw validationFailed([{ field: 'answers', message: 'The answers part must be a JSON object.' }]);
  return { answers: answers as Record<string, unknown>, uploads };
}

export function registerSelfServiceApi(app: KanalApp, ctx: AppContext, service: SelfService): void {
  const summary = (def: ServiceDefinition) => ({
    id: def.id,
    version: def.version,
    title: def.title,
    description: def.description,
    kle: def.topic.kle,
    lifeSituation: def.topic.lifeSituation,
    department: def.department,
    audience: def.audience,
    deepLink: `${ctx.config.publicUrl}${paths.service(def.id)}`,
    alternative: def.alternative,
  });
  const receipt = (s: SubmissionRow, replayed: boolean) => ({
    reference: s.reference,
    caseReference: s.case_reference,
    serviceId: s.service_id,
    serviceVersion: s.service_version,
    submittedAt: s.submitted_at,
    waitingList: s.waiting_list,
    replayed,
  });

  app.get('/api/services', { config: open, schema: { summary: 'The self-service catalogue', tags, response: { 200: ServiceList } } }, async () => ({
    services: service.catalogue.all.map(summary),
  }));

  app.get('/api/services/:id', { config: open, schema: { summary: 'One self-service definition', tags, params: ServiceIdParams, response: { 200: ServiceDefinitionResponse } } }, async (request) => {
    const def = service.catalogue.get(request.params.id);
    if (!def) throw notFound('There is no self-service with this id.');
    return def;
  });

  app.post(
    '/api/services/:id/submissions',
    {
      // An API client has no page to take a CSRF token from, so the route takes none, and a
      // plain HTML form can post here (multipart): it must not act on a browser session's
      // login. API submissions are anonymous, whatever cookies come with them.
      config: { ...open, csrf: 'exempt', multipart: true },
      schema: {
        summary: 'Submit a self-service',
        description:
          'Anonymous: only services open without a login (403 for the others; they are filled in on their pages). Checked exactly like the pages. The same Idempotency-Key always returns the first submission (200 with replayed=true) and never makes a second case. ' +
          'Without files: application/json {"answers": {...}}. With files: multipart/form-data with a part "answers" holding the same JSON text and one part per file, named by the file field\'s id ' +
          '(repeat the name for several files). Files get the pages\' checks: type by content (image, PDF), the field\'s size and count limits, the virus scan; a rejected file is a 400 naming the field.',
        tags,
        consumes: ['application/json', 'multipart/form-data'],
        params: ServiceIdParams,
        headers: SubmissionHeaders,
        body: SubmissionBody,
        response: { 200: SubmissionReceipt, 201: SubmissionReceipt },
      },
    },
    async (request, reply) => {
      const def = service.catalogue.get(request.params.id);
      if (!def) throw notFound('There is no self-service with this id.');
      if (!mayUse(def, undefined)) throw forbidden('This service needs a login: it is filled in on its pages.');
      const { answers, uploads } = answersAndFiles(request.body);
      const { submission, replayed } = await service.submitJson(def, answers, request.headers['idempotency-key'], {}, request.lang, uploads);
      return reply.code(replayed ? 200 : 201).send(receipt(submission, replayed));
    },
  );
}
