// The JSON API under /api/cases for the municipality's case and document system (ESDH):
// read and update cases, add timeline entries, confirm the hand-off. Clients authenticate
// with an API key (Authorization: Bearer kanal_…) that an admin made for some departments.
import Type from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { notFound, unauthenticated } from '../../platform/http/errors.ts';
import { authenticateApiKey, type ApiClient } from './apikeys.ts';
import { departmentInbox } from './inbox.ts';
import * as service from './service.ts';
import * as store from './store.ts';
import { ApiCase, CaseStatusSchema, InboxSortSchema, StatusFilterSchema, type Actor, type CaseRecord } from './schema.ts';

// No session cookie reaches these routes, so no CSRF token; the key is checked in each handler.
const apiRoute = { access: { public: true }, csrf: 'exempt' } as const;
const security = [{ apiKey: [] }];
const Reference = Type.Object({ reference: Type.String({ pattern: '^\\d{4}-\\d{6,}$' }) });
const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }) });

export function toApiCase(c: CaseRecord): ApiCase {
  return {
    reference: c.reference,
    title: c.title,
    service: c.service,
    kle: c.kle,
    kleAction: c.kleAction,
    department: c.department,
    party: c.party.kind === 'person' ? { kind: 'person', cpr: c.party.cpr, name: c.party.name } : c.party.kind === 'business' ? { kind: 'business', cvr: c.party.cvr, name: c.party.name } : { kind: 'anonymous', name: c.party.name },
    status: c.status,
    assignee: c.assignee?.name ?? null,
    priority: c.priority,
    deadline: c.deadline,
    receivedAt: c.receivedAt,
    updatedAt: c.updatedAt,
    closedAt: c.closedAt,
    transferCount: c.transferCount,
    handoffConfirmedAt: c.handoffConfirmedAt,
    submission: c.submission,
  };
}

export function registerCasesApi(app: KanalApp, ctx: AppContext): void {
  const { db, dialect } = ctx;

  async function client(request: FastifyRequest): Promise<ApiClient> {
    const header = request.headers.authorization ?? '';
    const key = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const found = key ? await authenticateApiKey(db, key) : undefined;
    if (!found) throw unauthenticated();
    return found;
  }
  const actorOf = (c: ApiClient): Actor => ({ kind: 'api', id: `api-key-${c.id}`, name: c.name });
  /** A case outside the key's departments is "not found", like one that does not exist. */
  const visible = (c: CaseRecord | undefined, who: ApiClient): CaseRecord => {
    if (!c || !who.departments.includes(c.department)) throw notFound('No such case.');
    return c;
  };
  const change = async <T>(request: FastifyRequest, reference: string, fn: (trx: Parameters<typeof service.changeStatus>[0], c: CaseRecord, actor: Actor) => Promise<T>) => {
    const who = await client(request);
    return db.transaction().execute(async (trx) => {
      const c = visible(await store.lockCase(trx, reference, dialect === 'postgres'), who);
      return fn(trx, c, actorOf(who));
    });
  };

  app.get(
    '/api/cases',
    {
      config: apiRoute,
      schema: {
        tags: ['cases'],
        summary: 'List a department’s cases (50 per page)',
        security,
        querystring: Type.Object({
          department: Type.String({ maxLength: 100 }),
          status: Type.Optional(StatusFilterSchema),
          sort: Type.Optional(InboxSortSchema),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
        }),
        response: { 200: Type.Object({ cases: Type.Array(Type.Object({ reference: Type.String(), title: Type.String(), status: CaseStatusSchema, deadline: Type.String(), receivedAt: Type.String() })), total: Type.Integer(), page: Type.Integer(), pages: Type.Integer() }), 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const who = await client(request);
      if (!who.departments.includes(request.query.department)) throw notFound('No such department for this key.');
      const inbox = await departmentInbox(db, request.query.department, '', { status: request.query.status ?? 'all', sort: request.query.sort ?? 'received_newest', page: request.query.page }, service.today());
      return {
        cases: inbox.items.map((c) => ({ reference: c.reference, title: c.title, status: c.status, deadline: c.deadline, receivedAt: c.received_at })),
        total: inbox.total,
        page: inbox.page,
        pages: inbox.pages,
      };
    },
  );

  app.get(
    '/api/cases/:reference',
    { config: apiRoute, schema: { tags: ['cases'], summary: 'One case with its whole timeline', security, params: Reference, response: { 200: Type.Object({ case: ApiCase, timeline: Type.Array(Type.Unknown()) }), 401: ErrorBody, 404: ErrorBody } } },
    async (request) => {
      const who = await client(request);
      const c = visible(await store.findCaseByReference(db, request.params.reference), who);
      return { case: toApiCase(c), timeline: await store.findTimeline(db, c.id, false) };
    },
  );

  app.post(
    '/api/cases/:reference/status',
    {
      config: apiRoute,
      schema: { tags: ['cases'], summary: 'Change the status (the status machine applies)', security, params: Reference, body: Type.Object({ to: CaseStatusSchema, reason: Type.Optional(Type.String({ maxLength: 2000 })) }), response: { 200: Type.Object({ case: ApiCase }), 401: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
    },
    async (request) => ({ case: toApiCase(await change(request, request.params.reference, (trx, c, actor) => service.changeStatus(trx, c, { to: request.body.to, reason: request.body.reason }, actor))) }),
  );

  app.post(
    '/api/cases/:reference/timeline',
    {
      config: apiRoute,
      schema: { tags: ['cases'], summary: 'Add an internal note to the timeline', security, params: Reference, body: Type.Object({ kind: Type.Literal('note'), text: Type.String({ minLength: 1, maxLength: 10_000 }) }), response: { 201: Type.Object({ id: Type.Integer() }), 401: ErrorBody, 404: ErrorBody } },
    },
    async (request, reply) => {
      const id = await change(request, request.params.reference, (trx, c, actor) => service.addNote(trx, c, request.body.text, actor));
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/api/cases/:reference/handoff',
    {
      config: apiRoute,
      schema: { tags: ['cases'], summary: 'Confirm that the ESDH has taken over the closed case; Kanal may then delete its copy', security, params: Reference, body: Type.Object({ esdhReference: Type.Optional(Type.String({ maxLength: 200 })) }), response: { 200: Type.Object({ case: ApiCase }), 401: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
    },
    async (request) => ({ case: toApiCase(await change(request, request.params.reference, (trx, c, actor) => service.confirmHandoff(trx, c, request.body.esdhReference ?? null, actor))) }),
  );
}
