// The self-service pages. The routes are public: who may use a service is in its
// definition (audience, assurance level), checked here per service; a draft with an owner
// is opened only by the owner's login, one without by its secret (cookie or resume link).
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { notFound } from '../../platform/http/errors.ts';
import { pageContext } from '../../platform/ui/index.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Upload } from './attachments.ts';
import { filterServices, groupByLifeSituation, mostUsed } from './catalogue.ts';
import { checkStep, rawFromAnswers, type FieldError, type RawForm } from './fields.ts';
import { CHECK_ANSWERS, exitFor, previousStepId, visibleSteps } from './flow.ts';
import { selfServiceMessages } from './messages.ts';
import { receiptPdf } from './receipt-pdf.ts';
import type { Answers, FileRef, ServiceDefinition, Step } from './schema.ts';
import type { Draft, SelfService } from './service.ts';
import { submissionCounts } from './store.ts';
import { CataloguePage } from './views/catalogue-page.tsx';
import { CheckPage, ExitPage, MessagePage, NotYoursPage, paths, ReceiptPage, ResumePage, StartPage, StepPage } from './views/pages.tsx';
import { authPaths, normaliseCpr } from '../../platform/auth/index.ts';
import { applicantForAssisted, applicantFromLogin, csrfOf, loginKindsFor, loginOf, loginUrlFor, mayAssist, mayUse } from './identity.ts';
import { copenhagenDay, longDay } from '../../platform/calendar/index.ts';

const open = { access: { public: true } } as const;
const hidden = { hide: true };
const ServiceParams = Type.Object({ serviceId: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 }) });
const DraftParams = Type.Object({ serviceId: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 }), draftId: Type.String({ pattern: '^[A-Za-z0-9_-]{12}$' }) });
const StepParams = Type.Object({ ...DraftParams.properties, stepId: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 }) });
const ExitParams = Type.Object({ ...DraftParams.properties, exitId: Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 }) });
const StepQuery = Type.Object({ retur: Type.Optional(Type.Literal('tjek')), fejl: Type.Optional(Type.Literal('1')) });
const ThanksQuery = Type.Object({ tak: Type.Optional(Type.Literal('1')) });
/** Form bodies: text fields, several values for checkboxes, and uploads (multipart). */
const FormBody = Type.Record(Type.String(), Type.Unknown());

const COOKIE_PREFIX = 'kanal_kladde_';

/** The Copenhagen day of a timestamp, in words. */
const dateText = (iso: string, lang: Lang): string => longDay(copenhagenDay(new Date(iso)), lang);

/** Splits a posted body into the raw form (text) and the uploads (multipart files). */
export function splitBody(body: unknown): { raw: RawForm; uploads: Record<string, Upload[]> } {
  const raw: RawForm = {};
  const uploads: Record<string, Upload[]> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const values = Array.isArray(value) ? value : [value];
    const files = values.filter((v): v is Upload => typeof v === 'object' && v !== null && 'bytes' in v);
    const texts = values.filter((v): v is string => typeof v === 'string');
    // A file input left empty posts a nameless, empty part.
    const real = files.filter((f) => f.name !== '' || f.bytes.length > 0);
    if (real.length > 0) uploads[key] = real;
    if (texts.length > 0) raw[key] = texts.length === 1 ? texts[0] : texts;
  }
  return { raw, uploads };
}

function filesIn(answers: Answers, step: Step): Record<string, FileRef[]> {
  return Object.fromEntries(step.fields.filter((f) => f.type === 'file').map((f) => [f.id, (answers[f.id] ?? []) as FileRef[]]));
}

/** "Tilføj" and "Fjern" in a repeatable group change the raw form, not the answers' meaning. */
function applyGroupAction(raw: RawForm, action: string): RawForm {
  const [kind, group, index] = action.split(':');
  if (!group) return raw;
  const count = Math.max(1, Number(raw[`${group}-count`] ?? 1) || 1);
  if (kind === 'add') return { ...raw, [`${group}-count`]: String(count + 1) };
  if (kind !== 'remove') return raw;
  const drop = Number(index);
  const out: RawForm = {};
  for (const [key, value] of Object.entries(raw)) {
    const m = new RegExp(`^${group}-(\\d+)-(.+)$`).exec(key);
    if (!m) out[key] = value;
    else if (Number(m[1]) < drop) out[key] = value;
    else if (Number(m[1]) > drop) out[`${group}-${Number(m[1]) - 1}-${m[2]}`] = value;
  }
  out[`${group}-count`] = String(Math.max(1, count - 1));
  return out;
}

export function registerSelfServiceRoutes(app: KanalApp, ctx: AppContext, service: SelfService): void {
  const { config } = ctx;
  const { catalogue } = service;
  const https = config.publicUrl.startsWith('https://');
  const draftCookie = (draft: { id: string }) => `${COOKIE_PREFIX}${draft.id}`;
  const cookieOptions = (def: ServiceDefinition, draft: Draft) => ({
    path: paths.draft(def.id, draft.id),
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: https,
    expires: new Date(draft.expires_at),
  });
  // The secret opens only drafts without an owner, so only they get the cookie. Older
  // cookies of a login's drafts (and the counter's, once claimed) go at logout.
  const keepSecret = (reply: FastifyReply, def: ServiceDefinition, draft: Draft, secret: string) => {
    if (!draft.owner_subject) reply.setCookie(draftCookie(draft), secret, cookieOptions(def, draft));
  };
  app.cookiesOfLogin.push(async (login) =>
    (await service.liveDraftsOf(login.subject)).map((draft) => ({ name: draftCookie(draft), path: paths.draft(draft.service_id, draft.id) })),
  );
  /** Login, then back to `returnTo`: the chooser, as an assisted draft's owner is an employee. */
  const notYours = (request: FastifyRequest, reply: FastifyReply, returnTo: string) =>
    reply.page(<NotYoursPage ctx={pageContext(request, config)} loginHref={`${authPaths.login}?${new URLSearchParams({ til: returnTo }).toString()}`} />, 403);

  function definition(id: string): ServiceDefinition {
    const def = catalogue.get(id);
    if (!def) throw notFound('There is no self-service with this id.');
    return def;
  }

  /** Opens the draft for this request, or answers with the right page. */
  async function draftFor(request: FastifyRequest, reply: FastifyReply): Promise<{ def: ServiceDefinition; draft: Draft; changed: boolean } | undefined> {
    const params = request.params as { serviceId: string; draftId: string };
    const def = definition(params.serviceId);
    const t = selfServiceMessages[request.lang];
    const login = loginOf(request);
    let opened = await service.openDraft(params.draftId, { secret: request.cookies[draftCookie({ id: params.draftId })], subject: login?.subject });
    // Medbetjening at the counter: the citizen who logs in on the employee's draft becomes its owner.
    if (typeof opened === 'object' && opened.assisted && !opened.owner_subject && login && login.kind !== 'staff' && opened.service_id === def.id && mayUse(def, login)) {
      opened = await service.claimAssistedDraft(def, opened, { ...(await applicantFromLogin(ctx, request, login)), subject: login.subject });
    }
    if (opened === 'not-yours') {
      // Back to this page after login; a form's POST comes back to the answers to check.
      notYours(request, reply, request.method === 'GET' ? request.url : paths.step(def.id, params.draftId, CHECK_ANSWERS));
      return undefined;
    }
    if (opened === 'gone' || opened === 'forbidden' || opened.service_id !== def.id) {
      reply.page(
        <MessagePage ctx={pageContext(request, config)} title={t.draftGone}>
          <p>{t.draftGoneLead}</p>
          <p>
            <a href={paths.service(def.id)}>{def.title[request.lang]}</a>
          </p>
        </MessagePage>,
        404,
      );
      return undefined;
    }
    const current = await service.currentVersion(opened);
    if (current === 'gone') {
      reply.page(
        <MessagePage ctx={pageContext(request, config)} title={t.draftGone}>
          <p>{t.draftCannotContinue}</p>
        </MessagePage>,
        404,
      );
      return undefined;
    }
    return current;
  }

  function renderStep(request: FastifyRequest, reply: FastifyReply, def: ServiceDefinition, draft: Draft, step: Step, raw: RawForm, errors: FieldError[], notice?: string, returnToCheck = false) {
    const answers = draft.answers;
    const steps = visibleSteps(def, answers);
    const done = new Set(steps.filter((s) => s.fields.some((f) => answers[f.id] !== undefined)).map((s) => s.id));
    const previous = previousStepId(def, answers, step.id);
    return reply.page(
      <StepPage
        ctx={pageContext(request, config)}
        def={def}
        draftId={draft.id}
        step={step}
        steps={steps}
        doneSteps={done}
        raw={raw}
        errors={errors}
        files={filesIn(answers, step)}
        backHref={returnToCheck ? paths.step(def.id, draft.id, CHECK_ANSWERS) : previous ? paths.step(def.id, draft.id, previous) : paths.service(def.id)}
        csrf={csrfOf(request)}
        notice={notice}
        returnToCheck={returnToCheck}
        assisted={draft.assisted}
      />,
    );
  }

  // ---- catalogue and start page ----------------------------------------------------------

  app.get('/selvbetjening', { config: open, schema: { hide: true, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }) } }, async (request, reply) => {
    const query = (request.query.q ?? '').trim();
    const found = filterServices(catalogue.all, query, request.lang);
    const counts = await submissionCounts(ctx.db, new Date(Date.now() - 90 * 86_400_000).toISOString());
    const login = loginOf(request);
    const drafts = login ? await service.draftsOf(login.subject) : [];
    return reply.page(
      <CataloguePage
        ctx={pageContext(request, config)}
        query={query}
        found={found.length}
        groups={groupByLifeSituation(found, request.lang)}
        mostUsed={mostUsed(catalogue.all, counts)}
        drafts={drafts.flatMap((d) => {
          const def = catalogue.get(d.service_id);
          return def ? [{ href: paths.step(def.id, d.id, d.current_step), title: def.title[request.lang], saved: dateText(d.updated_at, request.lang) }] : [];
        })}
      />,
    );
  });

  function startPage(request: FastifyRequest, reply: FastifyReply, def: ServiceDefinition, drafts: Draft[], errors: FieldError[] = [], raw: RawForm = {}) {
    const login = loginOf(request);
    return reply.page(
      <StartPage
        ctx={pageContext(request, config)}
        def={def}
        csrf={csrfOf(request)}
        loginUrls={loginKindsFor(def).map((kind) => ({ kind, href: loginUrlFor(def, kind) }))}
        needsLogin={!mayUse(def, login)}
        assisted={mayAssist(login)}
        errors={errors}
        raw={raw}
        drafts={drafts.map((d) => ({ href: paths.step(def.id, d.id, d.current_step), saved: dateText(d.updated_at, request.lang) }))}
      />,
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/selvbetjening/:serviceId', { config: open, schema: { ...hidden, params: ServiceParams } }, async (request, reply) => {
    const def = definition(request.params.serviceId);
    await service.countView(def.id);
    const login = loginOf(request);
    const drafts = login ? (await service.draftsOf(login.subject)).filter((d) => d.service_id === def.id) : [];
    return startPage(request, reply, def, drafts);
  });

  app.post('/selvbetjening/:serviceId/start', { config: open, schema: { ...hidden, params: ServiceParams, body: Type.Optional(FormBody) } }, async (request, reply) => {
    const def = definition(request.params.serviceId);
    const login = loginOf(request);
    if (!mayUse(def, login)) return reply.redirect(paths.service(def.id), 303);
    let started;
    if (login && mayAssist(login)) {
      // Medbetjening: the employee names the citizen and says why; the lookup is audited.
      const { raw } = splitBody(request.body);
      const t = selfServiceMessages[request.lang];
      const cpr = normaliseCpr(typeof raw.cpr === 'string' ? raw.cpr : '');
      const purpose = typeof raw.purpose === 'string' ? raw.purpose.trim() : '';
      const errors: FieldError[] = [];
      if (!cpr) errors.push({ field: 'cpr', target: 'cpr', message: t.cprFormat });
      if (!purpose) errors.push({ field: 'purpose', target: 'purpose', message: t.required(t.assistedPurpose) });
      const applicant = cpr && purpose ? await applicantForAssisted(ctx, request, login, cpr, purpose) : undefined;
      if (cpr && purpose && !applicant) errors.push({ field: 'cpr', target: 'cpr', message: t.assistedUnknown });
      if (errors.length > 0 || !applicant) return startPage(request, reply, def, [], errors, raw);
      started = await service.startDraft(def, { applicant, owner: login.subject, assisted: true });
    } else {
      started = await service.startDraft(def, { applicant: await applicantFromLogin(ctx, request, login) });
    }
    keepSecret(reply, def, started.draft, started.secret);
    return reply.redirect(paths.step(def.id, started.draft.id, started.draft.current_step), 303);
  });

  // Medbetjening where the citizen logs in at the counter: the employee starts a draft for
  // no one and hands over to the citizen's login, which comes back to the draft and claims it.
  app.post('/selvbetjening/:serviceId/skranke', { config: open, schema: { ...hidden, params: ServiceParams, body: Type.Optional(FormBody) } }, async (request, reply) => {
    const def = definition(request.params.serviceId);
    const login = loginOf(request);
    if (!mayAssist(login)) return reply.redirect(paths.service(def.id), 303);
    const started = await service.startDraft(def, { assisted: true });
    keepSecret(reply, def, started.draft, started.secret);
    const kind = loginKindsFor(def)[0] ?? 'citizen';
    return reply.redirect(`${loginUrlFor(def, kind, paths.step(def.id, started.draft.id, started.draft.current_step))}`, 303);
  });

  // ---- resume ------------------------------------------------------------------------------

  app.get('/selvbetjening/fortsaet/:draftId/:secret', { config: open, schema: { ...hidden, params: Type.Object({ draftId: Type.String({ pattern: '^[A-Za-z0-9_-]{12}$' }), secret: Type.String({ pattern: '^[A-Za-z0-9_-]{32}$' }) }) } }, async (request, reply) => {
    const opened = await service.openDraft(request.params.draftId, { secret: request.params.secret, subject: loginOf(request)?.subject });
    // A login's own draft: its drafts are listed on the catalogue page once logged in.
    if (opened === 'not-yours') return notYours(request, reply, paths.catalogue);
    const def = typeof opened === 'object' ? catalogue.get(opened.service_id) : undefined;
    if (typeof opened !== 'object' || !def) {
      const t = selfServiceMessages[request.lang];
      return reply.page(
        <MessagePage ctx={pageContext(request, config)} title={t.draftGone}>
          <p>{t.draftGoneLead}</p>
        </MessagePage>,
        404,
      );
    }
    keepSecret(reply, def, opened, request.params.secret);
    // The secret never stays in the address bar, history or a Referer header.
    reply.header('referrer-policy', 'no-referrer');
    const target = opened.submission_reference ? paths.receipt(def.id, opened.id) : paths.step(def.id, opened.id, opened.current_step);
    return reply.redirect(target, 303);
  });

  app.get('/selvbetjening/:serviceId/:draftId/gem', { config: open, schema: { ...hidden, params: DraftParams } }, async (request, reply) => {
    const found = await draftFor(request, reply);
    if (!found) return reply;
    const { def, draft } = found;
    // A login's draft has no resume link: the login finds it again.
    const secret = draft.owner_subject ? undefined : request.cookies[draftCookie(draft)];
    const link = secret ? `${config.publicUrl}${paths.resume(draft.id, secret)}` : `${config.publicUrl}${paths.service(def.id)}`;
    return reply.page(
      <ResumePage
        ctx={pageContext(request, config)}
        def={def}
        link={link}
        expires={dateText(draft.expires_at, request.lang)}
        continueHref={paths.step(def.id, draft.id, draft.current_step)}
        loggedIn={loginOf(request) !== undefined}
      />,
    );
  });

  // ---- steps -------------------------------------------------------------------------------

  app.get('/selvbetjening/:serviceId/:draftId/:stepId', { config: open, schema: { ...hidden, params: StepParams, querystring: StepQuery } }, async (request, reply) => {
    const found = await draftFor(request, reply);
    if (!found) return reply;
    const { def, draft, changed } = found;
    if (draft.submission_reference) return reply.redirect(paths.receipt(def.id, draft.id), 303);
    const t = selfServiceMessages[request.lang];
    if (request.params.stepId === CHECK_ANSWERS) return checkAnswers(request, reply, def, draft, changed ? t.draftOtherVersion : undefined);
    const steps = visibleSteps(def, draft.answers);
    const step = steps.find((s) => s.id === request.params.stepId);
    if (!step) return reply.redirect(paths.step(def.id, draft.id, draft.current_step), 303);
    // A prefilled question shown only on a condition lost its answer while hidden: show the prefill again.
    const raw = rawFromAnswers(step.fields, { ...service.prefillFor(def, draft.applicant), ...draft.answers });
    let errors: FieldError[] = [];
    if (request.query.fejl) {
      const earlier = Object.fromEntries(Object.entries(draft.answers).filter(([id]) => !step.fields.some((f) => f.id === id)));
      errors = (await checkStep(step.fields, raw, earlier, service.checkContext(request.lang, draft.applicant), filesIn(draft.answers, step))).errors;
    }
    return renderStep(request, reply, def, draft, step, raw, errors, changed ? t.draftOtherVersion : request.sessionExpired ? t.draftExpiredSession : undefined, request.query.retur === 'tjek');
  });

  app.post(
    '/selvbetjening/:serviceId/:draftId/:stepId',
    { config: { ...open, multipart: true }, schema: { ...hidden, params: StepParams, querystring: StepQuery, body: Type.Optional(FormBody) } },
    async (request, reply) => {
      const found = await draftFor(request, reply);
      if (!found) return reply;
      const { def, draft } = found;
      if (draft.submission_reference) return reply.redirect(paths.receipt(def.id, draft.id), 303);
      const step = visibleSteps(def, draft.answers).find((s) => s.id === request.params.stepId);
      if (!step) return reply.redirect(paths.step(def.id, draft.id, draft.current_step), 303);
      const { raw, uploads } = splitBody(request.body);
      const action = typeof raw._action === 'string' ? raw._action : 'next';
      const remove = typeof raw._remove === 'string' ? [raw._remove] : [];
      const result = await service.saveStep(def, draft, step, { raw, uploads, remove, lang: request.lang });
      const saved = { ...draft, answers: result.answers };
      const returnToCheck = request.query.retur === 'tjek';
      // "Gem og fortsæt senere": what is valid is saved; the rest waits for the citizen.
      if (action === 'save') return reply.redirect(paths.save(def.id, draft.id), 303);
      // Changing a repeatable group or removing a file redraws the page without complaints.
      if (action.startsWith('add:') || action.startsWith('remove:') || remove.length > 0) {
        const fileErrors = result.errors.filter((e) => step.fields.some((f) => f.id === e.field && f.type === 'file') && uploads[e.field]);
        return renderStep(request, reply, def, saved, step, applyGroupAction(raw, action), fileErrors, undefined, returnToCheck);
      }
      if (result.errors.length > 0) return renderStep(request, reply, def, saved, step, raw, result.errors, undefined, returnToCheck);
      if (result.exit) return reply.redirect(paths.exit(def.id, draft.id, result.exit.id), 303);
      return reply.redirect(returnToCheck ? paths.step(def.id, draft.id, CHECK_ANSWERS) : paths.step(def.id, draft.id, result.next ?? CHECK_ANSWERS), 303);
    },
  );

  async function checkAnswers(request: FastifyRequest, reply: FastifyReply, def: ServiceDefinition, draft: Draft, notice?: string, error?: string) {
    const exit = exitFor(def, draft.answers);
    if (exit) return reply.redirect(paths.exit(def.id, draft.id, exit.id), 303);
    const steps = visibleSteps(def, draft.answers);
    return reply.page(
      <CheckPage ctx={pageContext(request, config)} def={def} draftId={draft.id} steps={steps} rows={service.summaryOf(def, draft.answers, request.lang)} csrf={csrfOf(request)} notice={notice} error={error} />,
      error ? 400 : 200,
    );
  }

  app.get('/selvbetjening/:serviceId/:draftId/udgang/:exitId', { config: open, schema: { ...hidden, params: ExitParams, querystring: ThanksQuery } }, async (request, reply) => {
    const found = await draftFor(request, reply);
    if (!found) return reply;
    const { def, draft } = found;
    const step = def.steps.find((s) => s.exits?.some((e) => e.id === request.params.exitId));
    const exit = step?.exits?.find((e) => e.id === request.params.exitId);
    if (!step || !exit) throw notFound();
    return reply.page(<ExitPage ctx={pageContext(request, config)} def={def} exit={exit} backHref={paths.step(def.id, draft.id, step.id)} csrf={csrfOf(request)} thanks={request.query.tak === '1'} />);
  });

  app.post('/selvbetjening/:serviceId/:draftId/send', { config: open, schema: { ...hidden, params: DraftParams, body: Type.Optional(FormBody) } }, async (request, reply) => {
    const found = await draftFor(request, reply);
    if (!found) return reply;
    const { def, draft } = found;
    const t = selfServiceMessages[request.lang];
    if (!draft.submission_reference) {
      const { raw } = splitBody(request.body);
      const agreed = raw.declaration === 'yes' || (Array.isArray(raw.declaration) && raw.declaration.includes('yes'));
      if (!agreed) return checkAnswers(request, reply, def, draft, undefined, t.declarationMissing);
    }
    const result = await service.submitDraft(def, draft, request.lang);
    if ('exit' in result) return reply.redirect(paths.exit(def.id, draft.id, result.exit.id), 303);
    if ('incomplete' in result) return reply.redirect(`${paths.step(def.id, draft.id, result.incomplete.id)}?fejl=1`, 303);
    if ('changed' in result) return checkAnswers(request, reply, def, result.changed, t.draftChangedElsewhere);
    return reply.redirect(paths.receipt(def.id, draft.id) + (result.replayed ? '?igen=1' : ''), 303);
  });

  // ---- receipt -----------------------------------------------------------------------------

  app.get(
    '/selvbetjening/:serviceId/:draftId/kvittering',
    { config: open, schema: { ...hidden, params: DraftParams, querystring: Type.Object({ tak: Type.Optional(Type.Literal('1')), igen: Type.Optional(Type.Literal('1')) }) } },
    async (request, reply) => {
      const found = await draftFor(request, reply);
      if (!found) return reply;
      const { def, draft } = found;
      const submission = draft.submission_reference ? await service.submission(draft.submission_reference) : undefined;
      if (!submission) return reply.redirect(paths.step(def.id, draft.id, CHECK_ANSWERS), 303);
      return reply.page(
        <ReceiptPage
          ctx={pageContext(request, config)}
          def={def}
          reference={submission.reference}
          caseReference={submission.case_reference}
          waitingList={submission.waiting_list}
          pdfHref={paths.pdf(def.id, draft.id)}
          csrf={csrfOf(request)}
          thanks={request.query.tak === '1'}
          replayed={request.query.igen === '1'}
        />,
      );
    },
  );

  app.get('/selvbetjening/:serviceId/:draftId/kvittering.pdf', { config: open, schema: { ...hidden, params: DraftParams } }, async (request, reply) => {
    const found = await draftFor(request, reply);
    if (!found) return reply;
    const { def, draft } = found;
    const submission = draft.submission_reference ? await service.submission(draft.submission_reference) : undefined;
    if (!submission) throw notFound();
    const pdf = await receiptPdf(submission, def.title[request.lang], config.municipality.name, request.lang);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="kvittering-${submission.reference}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  app.post(
    '/selvbetjening/:serviceId/tilfredshed',
    { config: open, schema: { ...hidden, params: ServiceParams, body: Type.Optional(FormBody) } },
    async (request, reply) => {
      const def = definition(request.params.serviceId);
      const { raw } = splitBody(request.body);
      const back = typeof raw.back === 'string' && /^\/selvbetjening\/[a-z0-9/_-]+$/i.test(raw.back) ? raw.back : paths.service(def.id);
      const rating = Number(raw.rating);
      const comment = typeof raw.comment === 'string' ? raw.comment : undefined;
      if (Number.isInteger(rating) && rating >= 1 && rating <= 5) {
        await service.feedback(def.id, rating, comment);
        return reply.redirect(`${back}?tak=1`, 303);
      }
      return reply.redirect(back, 303);
    },
  );

  // ---- the address type-ahead ------------------------------------------------------------------

  app.get(
    '/api/addresses',
    {
      config: open,
      schema: {
        summary: 'Address suggestions for the address field (type-ahead)',
        tags: ['self-service'],
        querystring: Type.Object({ q: Type.String({ maxLength: 100 }) }),
        response: { 200: Type.Object({ addresses: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })) }) },
      },
    },
    async (request) => ({ addresses: await service.suggestAddresses(request.query.q) }),
  );
}


