// The cases pages and JSON API: parse, authorise, call the service, render.
import Type from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { pageContext, type NavItem } from '../../platform/ui/index.ts';
import { KanalError, notFound, validationFailed, type FieldProblem } from '../../platform/http/errors.ts';
import { departments as configuredDepartments, normaliseCpr, normaliseCvr, requireIdentity, requireStaff, staffNav, type Identity, type StaffIdentity } from '../../platform/auth/index.ts';
import { record } from '../../platform/audit/index.ts';
import type { Trx } from '../../platform/db/index.ts';
import { casesMessages } from './messages.ts';
import * as service from './service.ts';
import * as store from './store.ts';
import { departmentInbox, type InboxFilter } from './inbox.ts';
import { citizenOverview, findPeopleByName, mayLookInto, type OverviewDepartment } from './overview.ts';
import { deadlineDay, deadlineState } from './deadline.ts';
import { manualTransitionsFrom, transferableStatuses, findTransition } from './status.ts';
import { renderLetterPdf } from './pdf.ts';
import { normaliseReference } from './reference.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './apikeys.ts';
import { createWebhook, listDeliveries, listWebhooks } from './webhooks.ts';
import { registerCasesApi } from './api.ts';
import { CaseStatusSchema, InboxSortSchema, StatusFilterSchema, type Actor, type Attachment, type CaseRecord } from './schema.ts';
import { InboxPage } from './views/inbox-page.tsx';
import { CasePage } from './views/case-page.tsx';
import { OverviewPage } from './views/overview-page.tsx';
import { MyCasePage, MyOverviewPage } from './views/my-overview.tsx';
import { AdminPage } from './views/admin-page.tsx';
import { casePath, myCasePath } from './views/format.ts';
import { recordCitizenContact, recordFirstContactResolution } from './contacts.ts';
import { storeUploads, uploadedFiles } from './uploads.ts';
import { draftsInOverview } from '../selfservice/index.ts';
import { createStorage, FileTooLarge, FileTypeNotAllowed } from '../../platform/storage/index.ts';

const caseworkers = { access: { roles: ['caseworker', 'manager'], department: 'own' } } as const;
const lookers = { access: { roles: ['frontdesk', 'caseworker', 'manager'], department: 'any' } } as const;
const parties = { access: { roles: ['citizen', 'business'], loa: 'substantial' } } as const;
const admins = { access: { roles: ['admin'] } } as const;

const Reference = Type.Object({ reference: Type.String({ pattern: '^\\d{4}-\\d{6,}$' }) });
const ReferenceAndId = Type.Object({ reference: Type.String({ pattern: '^\\d{4}-\\d{6,}$' }), id: Type.Integer({ minimum: 1 }) });
const Csrf = { _csrf: Type.Optional(Type.String()) };
const text = (max: number) => Type.String({ maxLength: max });
const oneOrMore = Type.Union([Type.String({ maxLength: 100 }), Type.Array(Type.String({ maxLength: 100 }), { maxItems: 200 })]);
const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function actorOf(identity: Identity): Actor {
  return identity.kind === 'staff' ? { kind: 'staff', id: identity.subject, name: identity.name } : { kind: 'citizen', id: identity.subject, name: identity.name };
}

/** What a case is about, for the audit log and the overview; an anonymous report has no one to look up. */
const subjectOf = (c: CaseRecord): store.PartyKey | undefined => (c.party.kind === 'person' ? { cpr: c.party.cpr } : c.party.kind === 'business' ? { cvr: c.party.cvr } : undefined);

export async function registerCaseRoutes(app: KanalApp, ctx: AppContext): Promise<void> {
  const { config, db, dialect } = ctx;
  const storage = createStorage(config);
  const allDepartments = (): OverviewDepartment[] => configuredDepartments(config).map((d) => ({ id: d.id, name: d.name, sensitive: d.sensitive }));
  const departmentName = (id: string) => allDepartments().find((d) => d.id === id)?.name ?? id;
  const nav = (identity: StaffIdentity, lang: 'da' | 'en'): NavItem[] => {
    const t = casesMessages[lang];
    const items = staffNav(identity, lang);
    if (identity.roles.some((r) => r === 'caseworker' || r === 'manager')) items.push({ href: '/sager', text: t.inboxTitle });
    if (identity.roles.some((r) => r === 'frontdesk' || r === 'caseworker' || r === 'manager')) items.push({ href: '/borgeroverblik', text: t.overviewTitle });
    if (identity.roles.includes('admin')) items.push({ href: '/admin/sager', text: t.adminTitle });
    return items;
  };
  const audit = (trx: Trx, request: FastifyRequest, action: string, c: CaseRecord, purpose: string, details: Record<string, string | number> = {}) =>
    record(trx, { actor: requireIdentity(request), action, subject: subjectOf(c), purpose, requestId: request.id, outcome: 'success', details: { reference: c.reference, ...details } });

  // ---- staff: inbox ----

  const InboxQuery = Type.Object({
    status: Type.Optional(StatusFilterSchema),
    assignee: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('mine'), Type.Literal('unassigned')])),
    overdue: Type.Optional(Type.String({ maxLength: 1 })),
    service: Type.Optional(text(200)),
    from: Type.Optional(Type.String({ maxLength: 10 })),
    to: Type.Optional(Type.String({ maxLength: 10 })),
    sort: Type.Optional(InboxSortSchema),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    ok: Type.Optional(Type.Integer({ minimum: 0 })),
  });

  app.get('/sager', { config: caseworkers, schema: { hide: true, querystring: InboxQuery } }, async (request, reply) => {
    const identity = requireStaff(request);
    const q = request.query;
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const problems: FieldProblem[] = [];
    if (q.from && !day.test(q.from)) problems.push({ field: 'from', message: 'Skriv datoen som ÅÅÅÅ-MM-DD.' });
    if (q.to && !day.test(q.to)) problems.push({ field: 'to', message: 'Skriv datoen som ÅÅÅÅ-MM-DD.' });
    if (problems.length > 0) throw validationFailed(problems);
    const filter: InboxFilter = {
      status: q.status,
      mine: q.assignee === 'mine',
      unassigned: q.assignee === 'unassigned',
      overdue: q.overdue === '1',
      service: q.service || undefined,
      receivedFrom: q.from || undefined,
      receivedTo: q.to || undefined,
      sort: q.sort,
      page: q.page,
    };
    const inbox = await departmentInbox(db, identity.department.id, identity.subject, filter, service.today());
    const params = new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== 'page' && k !== 'ok' && v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
    const t = casesMessages[request.lang];
    return reply.page(
      <InboxPage
        ctx={pageContext(request, config)}
        nav={nav(identity, request.lang)}
        csrfToken={request.csrfToken()}
        departmentName={identity.department.name}
        inbox={inbox}
        filter={filter}
        query={params.toString()}
        notice={q.ok !== undefined ? t.assigned(q.ok) : undefined}
      />,
    );
  });

  app.post(
    '/sager/fordel',
    { config: caseworkers, schema: { hide: true, body: Type.Object({ ...Csrf, cases: Type.Optional(oneOrMore), assignTo: Type.Union([Type.Literal('me'), Type.Literal('nobody')]) }) } },
    async (request, reply) => {
      const identity = requireStaff(request);
      const assignee = request.body.assignTo === 'me' ? { id: identity.subject, name: identity.name } : null;
      const changed = await db.transaction().execute((trx) => service.bulkAssign(trx, dialect, identity.department.id, list(request.body.cases), assignee, actorOf(identity)));
      return reply.redirect(`/sager?ok=${changed}`, 303);
    },
  );

  // ---- staff: the case page ----

  /** What was saved, for the page after the redirect. */
  type Saved = 'status' | 'note' | 'message' | 'decision' | 'assign';

  async function renderCase(request: FastifyRequest, reply: FastifyReply, reference: string, extra: { errors?: FieldProblem[]; values?: Record<string, string>; notice?: string } = {}, status = 200) {
    const identity = requireStaff(request);
    const view = await db.transaction().execute(async (trx) => {
      const c = await store.findCaseByReference(trx, reference);
      if (!c || c.department !== identity.department.id) throw notFound('No such case in your department.');
      await audit(trx, request, 'case.view', c, 'Sagsbehandling');
      return { c, timeline: await store.findTimeline(trx, c.id, false), letters: await store.findLetters(trx, [c.id]), attachments: await store.findAttachments(trx, c.id) };
    });
    const { c } = view;
    const day = deadlineDay(service.calendar, service.today());
    return reply.page(
      <CasePage
        ctx={pageContext(request, config)}
        nav={nav(identity, request.lang)}
        csrfToken={request.csrfToken()}
        subject={c}
        deadlineState={deadlineState({ deadline: c.deadline, pausedAt: c.deadlinePausedAt === null ? null : new Date(c.deadlinePausedAt) }, c.status, day)}
        timeline={view.timeline}
        letters={view.letters}
        attachments={view.attachments}
        moves={manualTransitionsFrom(c.status)}
        canTransfer={transferableStatuses.includes(c.status)}
        canDecide={findTransition(c.status, 'decided') !== undefined}
        departments={allDepartments()}
        viewerId={identity.subject}
        {...extra}
      />,
      status,
    );
  }

  app.get(
    '/sager/:reference',
    { config: caseworkers, schema: { hide: true, params: Reference, querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (request, reply) => renderCase(request, reply, request.params.reference, { notice: request.query.ok ? casesMessages[request.lang].saved : undefined }),
  );

  /** Runs one change on a case of the employee's department; a bad form shows the case page again with the problems. */
  async function changeCase(
    request: FastifyRequest,
    reply: FastifyReply,
    reference: string,
    what: Saved,
    change: (trx: Trx, c: CaseRecord, identity: StaffIdentity) => Promise<unknown>,
    values: Record<string, string> = {},
    then?: string,
  ) {
    const identity = requireStaff(request);
    try {
      await db.transaction().execute(async (trx) => change(trx, await service.caseForChange(trx, dialect, reference, identity.department.id), identity));
    } catch (error) {
      if (error instanceof KanalError && (error.code === 'validation_failed' || error.code === 'conflict')) {
        const errors = error.details ?? [{ field: 'status-to', message: error.message }];
        return renderCase(request, reply, reference, { errors, values }, error.status);
      }
      throw error;
    }
    return reply.redirect(then ?? `${casePath(reference)}?ok=${what}`, 303);
  }

  app.post(
    '/sager/:reference/status',
    { config: caseworkers, schema: { hide: true, params: Reference, body: Type.Object({ ...Csrf, to: Type.Optional(CaseStatusSchema), reason: Type.Optional(text(2000)) }) } },
    (request, reply) =>
      changeCase(request, reply, request.params.reference, 'status', (trx, c, identity) => {
        const { to } = request.body;
        if (!to) throw validationFailed([{ field: 'status-to', message: 'Vælg den nye status.' }]);
        return service.changeStatus(trx, c, { to, reason: request.body.reason }, actorOf(identity));
      }),
  );

  app.post('/sager/:reference/fordel', { config: caseworkers, schema: { hide: true, params: Reference, body: Type.Object({ ...Csrf, assignTo: Type.Union([Type.Literal('me'), Type.Literal('nobody')]) }) } }, (request, reply) =>
    changeCase(request, reply, request.params.reference, 'assign', (trx, c, identity) => service.assignCase(trx, c, request.body.assignTo === 'me' ? { id: identity.subject, name: identity.name } : null, actorOf(identity))),
  );

  app.post('/sager/:reference/notat', { config: caseworkers, schema: { hide: true, params: Reference, body: Type.Object({ ...Csrf, text: text(10_000) }) } }, (request, reply) =>
    changeCase(request, reply, request.params.reference, 'note', (trx, c, identity) => service.addNote(trx, c, request.body.text, actorOf(identity)), { text: request.body.text }),
  );

  app.post(
    '/sager/:reference/flyt',
    { config: caseworkers, schema: { hide: true, params: Reference, body: Type.Object({ ...Csrf, to: Type.String({ maxLength: 100 }), reason: text(2000) }) } },
    async (request, reply) => {
      const to = allDepartments().find((d) => d.id === request.body.to);
      if (!to) throw validationFailed([{ field: 'transfer-to', message: 'Vælg en forvaltning.' }]);
      // Once moved the case has left the department: back to the inbox.
      return changeCase(request, reply, request.params.reference, 'status', (trx, c, identity) => service.transferCase(trx, c, { id: to.id, name: { da: to.name, en: to.name } }, request.body.reason, actorOf(identity)), { reason: request.body.reason }, '/sager');
    },
  );

  app.post(
    '/sager/:reference/besked',
    { config: caseworkers, schema: { hide: true, params: Reference, body: Type.Object({ ...Csrf, subject: text(300), body: text(20_000), askForReply: Type.Optional(Type.String({ maxLength: 1 })) }) } },
    (request, reply) =>
      changeCase(request, reply, request.params.reference, 'message',
        (trx, c, identity) => service.sendMessage(trx, c, { subject: request.body.subject, body: request.body.body, askForReply: request.body.askForReply === '1' }, actorOf(identity)),
        { subject: request.body.subject, body: request.body.body },
      ),
  );

  const Result = Type.Union([Type.Literal('granted'), Type.Literal('partly_granted'), Type.Literal('refused')]);
  app.post(
    '/sager/:reference/afgoerelse',
    { config: caseworkers, schema: { hide: true, params: Reference, body: Type.Object({ ...Csrf, subject: text(300), result: Type.Optional(Result), body: text(20_000), reasons: text(20_000), appealGuidance: text(10_000) }) } },
    (request, reply) => {
      const b = request.body;
      return changeCase(request, reply, request.params.reference, 'decision',
        (trx, c, identity) => {
          if (!b.result) throw validationFailed([{ field: 'result', message: 'Vælg afgørelsens resultat.' }]);
          return service.sendDecision(trx, c, { subject: b.subject, body: b.body, decision: { result: b.result, reasons: b.reasons, appealGuidance: b.appealGuidance } }, actorOf(identity));
        },
        { decisionSubject: b.subject, decisionBody: b.body, result: b.result ?? '', reasons: b.reasons, appealGuidance: b.appealGuidance },
      );
    },
  );

  const letterHead = (c: CaseRecord) => ({ municipality: config.municipality.name, department: departmentName(c.department), address: config.municipality.address, phone: config.municipality.phone, email: config.municipality.email });
  const sendPdf = async (reply: FastifyReply, c: CaseRecord, letter: Parameters<typeof renderLetterPdf>[0]) =>
    reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${c.reference}-${letter.id}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(await renderLetterPdf(letter, c, letterHead(c)));

  app.get('/sager/:reference/breve/:id.pdf', { config: caseworkers, schema: { hide: true, params: ReferenceAndId } }, async (request, reply) => {
    const identity = requireStaff(request);
    const found = await db.transaction().execute(async (trx) => {
      const c = await store.findCaseByReference(trx, request.params.reference);
      if (!c || c.department !== identity.department.id) throw notFound();
      const letter = await store.findLetter(trx, c.id, request.params.id);
      if (!letter) throw notFound();
      await audit(trx, request, 'case.letter.view', c, 'Sagsbehandling', { letter: letter.id });
      return { c, letter };
    });
    return sendPdf(reply, found.c, found.letter);
  });

  const sendFile = async (reply: FastifyReply, attachment: Attachment) =>
    reply
      .type(attachment.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`)
      .header('cache-control', 'private, no-store')
      .send(await storage.get(attachment.fileKey));

  app.get('/sager/:reference/bilag/:id', { config: caseworkers, schema: { hide: true, params: ReferenceAndId } }, async (request, reply) => {
    const identity = requireStaff(request);
    const attachment = await db.transaction().execute(async (trx) => {
      const c = await store.findCaseByReference(trx, request.params.reference);
      if (!c || c.department !== identity.department.id) throw notFound();
      const found = await store.findAttachment(trx, c.id, request.params.id);
      if (!found) throw notFound();
      await audit(trx, request, 'case.attachment.download', c, 'Sagsbehandling', { attachment: found.id });
      return found;
    });
    return sendFile(reply, attachment);
  });

  // ---- the citizen overview (straksafklaring) ----

  app.get('/borgeroverblik', { config: lookers, schema: { hide: true } }, (request, reply) => {
    const identity = requireStaff(request);
    return reply.page(<OverviewPage ctx={pageContext(request, config)} nav={nav(identity, request.lang)} csrfToken={request.csrfToken()} viewerDepartment={identity.department.id} />);
  });

  app.post(
    '/borgeroverblik',
    { config: lookers, schema: { hide: true, body: Type.Object({ ...Csrf, search: Type.Optional(text(200)), purpose: Type.Optional(text(500)), party: Type.Optional(Type.String({ pattern: '^\\d{10}$' })) }) } },
    async (request, reply) => {
      const identity = requireStaff(request);
      const t = casesMessages[request.lang];
      const search = (request.body.search ?? '').trim();
      const purpose = (request.body.purpose ?? '').trim();
      const base = { ctx: pageContext(request, config), nav: nav(identity, request.lang), csrfToken: request.csrfToken(), viewerDepartment: identity.department.id, search, purpose };
      const errors: FieldProblem[] = [];
      if (search === '' && !request.body.party) errors.push({ field: 'search', message: t.searchRequired });
      if (purpose === '') errors.push({ field: 'purpose', message: t.purposeRequired });
      if (errors.length > 0) return reply.page(<OverviewPage {...base} errors={errors} />, 400);

      const departments = allDepartments();
      const viewer = { department: identity.department.id };
      const showParty = async (party: store.PartyKey) =>
        db.transaction().execute(async (trx) => {
          const overview = await citizenOverview(trx, party, viewer, departments, service.today());
          await record(trx, { actor: identity, action: 'case.overview', subject: party, purpose, requestId: request.id, outcome: overview.cases.length > 0 ? 'success' : 'not_found', details: { shown: overview.cases.length } });
          return overview;
        });

      const reference = /^\s*\d{4}\s*-\s*\d{1,9}\s*$/.test(search) ? normaliseReference(search) : undefined;
      const cpr = request.body.party ?? normaliseCpr(search);
      const cvr = /^\s*\d{8}\s*$/.test(search) ? normaliseCvr(search) : undefined;
      let party: store.PartyKey | undefined = cpr ? { cpr } : cvr ? { cvr } : undefined;
      if (reference) {
        const c = await store.findCaseByReference(db, reference);
        const department = departments.find((d) => d.id === c?.department);
        // A case in a sensitive department is "not found", exactly like one that does not exist.
        if (c && (!department || mayLookInto(viewer, department))) party = subjectOf(c);
        else {
          await db.transaction().execute((trx) => record(trx, { actor: identity, action: 'case.overview', purpose, requestId: request.id, outcome: 'not_found', details: { reference } }));
          return reply.page(<OverviewPage {...base} notFound />);
        }
      }
      if (party) {
        const overview = await showParty(party);
        if (overview.name === undefined) return reply.page(<OverviewPage {...base} notFound result={{ name: search, overview }} />);
        return reply.page(<OverviewPage {...base} result={{ name: overview.name, overview }} />);
      }
      const people = await findPeopleByName(db, search, viewer, departments);
      await db.transaction().execute((trx) => record(trx, { actor: identity, action: 'case.overview.search', purpose, requestId: request.id, outcome: people.length > 0 ? 'success' : 'not_found', details: { found: people.length } }));
      return reply.page(<OverviewPage {...base} people={people} notFound={people.length === 0} />);
    },
  );

  app.post(
    '/borgeroverblik/afklaret',
    { config: lookers, schema: { hide: true, body: Type.Object({ ...Csrf, party: Type.String({ pattern: '^\\d{8}(\\d{2})?$' }), purpose: text(500) }) } },
    async (request, reply) => {
      const identity = requireStaff(request);
      await db.transaction().execute((trx) => recordFirstContactResolution(trx, identity));
      return reply.redirect('/borgeroverblik', 303);
    },
  );

  // ---- citizens and businesses: "Mit overblik" ----

  const partyOf = (identity: Identity): store.PartyKey => {
    if (identity.kind === 'citizen') return { cpr: identity.cpr };
    if (identity.kind === 'business') return { cvr: identity.cvr };
    throw notFound();
  };
  const ownCase = async (db_: Trx | typeof db, identity: Identity, reference: string) => {
    const c = await store.findCaseByReference(db_, reference);
    const party = partyOf(identity);
    const mine = c && ('cpr' in party ? c.party.kind === 'person' && c.party.cpr === party.cpr : c.party.kind === 'business' && c.party.cvr === party.cvr);
    // Someone else's case is "not found", like one that does not exist.
    if (!c || !mine) throw notFound();
    return c;
  };

  app.get('/mit-overblik', { config: parties, schema: { hide: true } }, async (request, reply) => {
    const identity = requireIdentity(request);
    const cases = await service.listCasesForParty(db, partyOf(identity));
    const letters = await store.findLetters(db, cases.map((c) => c.id));
    // The user's own unsubmitted self-service drafts, from the self-service module.
    const drafts = await draftsInOverview(app, identity.subject, request.lang);
    return reply.page(<MyOverviewPage ctx={pageContext(request, config)} cases={cases} letters={letters} drafts={drafts} />);
  });

  async function renderMyCase(request: FastifyRequest, reply: FastifyReply, reference: string, extra: { notice?: string; errors?: FieldProblem[]; reply?: string } = {}, status = 200) {
    const identity = requireIdentity(request);
    const c = await ownCase(db, identity, reference);
    return reply.page(
      <MyCasePage
        ctx={pageContext(request, config)}
        csrfToken={request.csrfToken()}
        subject={c}
        timeline={await store.findTimeline(db, c.id, true)}
        letters={await store.findLetters(db, [c.id])}
        attachments={await store.findAttachments(db, c.id)}
        acceptsFiles
        {...extra}
      />,
      status,
    );
  }

  app.get('/mit-overblik/sager/:reference', { config: parties, schema: { hide: true, params: Reference, querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 10 })) }) } }, (request, reply) =>
    renderMyCase(request, reply, request.params.reference, { notice: request.query.ok ? casesMessages[request.lang].replySent : undefined }),
  );

  {
    app.post(
      '/mit-overblik/sager/:reference/svar',
      { config: { ...parties, multipart: true }, schema: { hide: true, params: Reference, body: Type.Object({ ...Csrf, text: Type.Optional(text(20_000)), files: Type.Optional(Type.Unknown()) }) } },
      async (request, reply) => {
        const identity = requireIdentity(request);
        const { reference } = request.params;
        const replyText = request.body.text ?? '';
        try {
          const c = await ownCase(db, identity, reference);
          const files = await storeUploads(storage, c.id, uploadedFiles(request.body.files));
          await db.transaction().execute(async (trx) => {
            const locked = await service.caseForChange(trx, dialect, c.reference);
            await service.recordCitizenReply(trx, locked, replyText, files, actorOf(identity));
            await recordCitizenContact(trx, identity, locked);
          });
        } catch (error) {
          if (error instanceof KanalError && ['validation_failed', 'conflict', 'bad_request', 'payload_too_large'].includes(error.code)) {
            const t = casesMessages[request.lang];
            const message =
              error instanceof FileTypeNotAllowed || error instanceof FileTooLarge ? t.fileRefused : error.code === 'conflict' ? t.caseClosed : (error.details?.[0]?.message ?? t.fileRefused);
            return renderMyCase(request, reply, reference, { errors: [{ field: 'text', message }], reply: replyText }, error.status);
          }
          throw error;
        }
        return reply.redirect(`${myCasePath(reference)}?ok=1`, 303);
      },
    );
  }

  app.get('/mit-overblik/sager/:reference/bilag/:id', { config: parties, schema: { hide: true, params: ReferenceAndId } }, async (request, reply) => {
    const c = await ownCase(db, requireIdentity(request), request.params.reference);
    const attachment = await store.findAttachment(db, c.id, request.params.id);
    if (!attachment?.public) throw notFound();
    return sendFile(reply, attachment);
  });

  app.get('/mit-overblik/sager/:reference/breve/:id.pdf', { config: parties, schema: { hide: true, params: ReferenceAndId } }, async (request, reply) => {
    const identity = requireIdentity(request);
    const found = await db.transaction().execute(async (trx) => {
      const c = await ownCase(trx, identity, request.params.reference);
      const letter = await store.findLetter(trx, c.id, request.params.id);
      if (!letter) throw notFound();
      await store.markLetterRead(trx, letter.id, new Date().toISOString());
      return { c, letter };
    });
    return sendPdf(reply, found.c, found.letter);
  });

  // ---- admin: API keys and webhooks ----

  async function renderAdmin(request: FastifyRequest, reply: FastifyReply, extra: { shownOnce?: { label: string; value: string }; errors?: FieldProblem[] } = {}, status = 200) {
    const identity = requireStaff(request);
    return reply.page(
      <AdminPage
        ctx={pageContext(request, config)}
        nav={nav(identity, request.lang)}
        csrfToken={request.csrfToken()}
        departments={allDepartments()}
        keys={await listApiKeys(db)}
        webhooks={await listWebhooks(db, false)}
        deliveries={await listDeliveries(db, 50)}
        {...extra}
      />,
      status,
    );
  }
  const formProblems = async (request: FastifyRequest, reply: FastifyReply, run: () => Promise<{ label: string; value: string }>) => {
    try {
      return await renderAdmin(request, reply, { shownOnce: await run() });
    } catch (error) {
      if (error instanceof KanalError && error.code === 'validation_failed') return renderAdmin(request, reply, { errors: error.details ?? [] }, 400);
      throw error;
    }
  };

  app.get('/admin/sager', { config: admins, schema: { hide: true } }, (request, reply) => renderAdmin(request, reply));
  app.post('/admin/sager/api-noegler', { config: admins, schema: { hide: true, body: Type.Object({ ...Csrf, name: text(200), departments: Type.Optional(oneOrMore) }) } }, (request, reply) =>
    formProblems(request, reply, async () => {
      const identity = requireStaff(request);
      const known = new Set(allDepartments().map((d) => d.id));
      const chosen = list(request.body.departments).filter((d) => known.has(d));
      const { key } = await db.transaction().execute((trx) => createApiKey(trx, { name: request.body.name, departments: chosen, createdBy: identity.name }));
      return { label: casesMessages[request.lang].keyCreated, value: key };
    }),
  );
  app.post('/admin/sager/api-noegler/:id/spaer', { config: admins, schema: { hide: true, params: Type.Object({ id: Type.Integer({ minimum: 1 }) }), body: Type.Object({ ...Csrf }) } }, async (request, reply) => {
    await db.transaction().execute((trx) => revokeApiKey(trx, request.params.id, new Date().toISOString()));
    return reply.redirect('/admin/sager', 303);
  });
  app.post('/admin/sager/webhooks', { config: admins, schema: { hide: true, body: Type.Object({ ...Csrf, name: text(200), url: text(2000), departments: Type.Optional(oneOrMore) }) } }, (request, reply) =>
    formProblems(request, reply, async () => {
      const known = new Set(allDepartments().map((d) => d.id));
      const { secret } = await db.transaction().execute((trx) => createWebhook(trx, { name: request.body.name, url: request.body.url, departments: list(request.body.departments).filter((d) => known.has(d)) }));
      return { label: casesMessages[request.lang].webhookCreated, value: secret };
    }),
  );

  registerCasesApi(app, ctx);
}
