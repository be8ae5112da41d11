// The JSON API: the catalogue, one definition, and submissions with the same checks as
// the pages and an Idempotency-Key, documented in OpenAPI from the TypeBox schemas.
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { notFound, unauthenticated } from '../../platform/http/errors.ts';
import { applicantFromLogin, loginOf, mayUse } from './identity.ts';
import { ServiceDefinitionResponse, ServiceIdParams, ServiceList, SubmissionBody, SubmissionHeaders, SubmissionReceipt, type ServiceDefinition } from './schema.ts';
import type { SelfService } from './service.ts';
import type { SubmissionRow } from './store.ts';
import { paths } from './views/pages.tsx';

const open = { access: { public: true } } as const;
const tags = ['self-service'];

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
      // An API client has no page to take a CSRF token from. Forms cannot send JSON across
      // sites, and session cookies are SameSite=Lax, so a cross-site request carries no login.
      config: { ...open, csrf: 'exempt' },
      schema: {
        summary: 'Submit a self-service',
        description: 'Checked exactly like the pages. The same Idempotency-Key always returns the first submission (200 with replayed=true) and never makes a second case. Files cannot be sent through the API.',
        tags,
        params: ServiceIdParams,
        headers: SubmissionHeaders,
        body: SubmissionBody,
        response: { 200: SubmissionReceipt, 201: SubmissionReceipt },
      },
    },
    async (request, reply) => {
      const def = service.catalogue.get(request.params.id);
      if (!def) throw notFound('There is no self-service with this id.');
      const login = loginOf(request);
      if (!mayUse(def, login)) throw unauthenticated();
      const { submission, replayed } = await service.submitJson(def, request.body.answers, request.headers['idempotency-key'], await applicantFromLogin(ctx, request, login), request.lang);
      return reply.code(replayed ? 200 : 201).send(receipt(submission, replayed));
    },
  );
}
