// HTTP only: parse, authorise (config.access), call the registry, render.
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Access } from '../../platform/policy/index.ts';
import { departments as configuredDepartments } from '../../platform/auth/index.ts';
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { KanalError, notFound, validationFailed } from '../../platform/http/errors.ts';
import { contactMessages } from './messages.ts';
import { CodeParams, IdParams, QuickRegistrationBody, RunStatusSchema, TallyBody, TopicBody, type Channel, type Topic } from './schema.ts';
import { correct, isChannel, isKind, record, recentRegistrations, remove } from './registry.ts';
import { addTopic, changeTopic, InvalidTopic, listTopics, resolveTopic, type TopicDraft } from './topics.ts';
import { currentCountWeek } from './count-week.ts';
import { findContact, findRun, listBatches, totalsByChannelKindTopic } from './store.ts';
import { isImportSource } from './import/importer.ts';
import { confirmRun, startRun, type ImportContext } from './import/flow.ts';
import { createStorage } from '../../platform/storage/index.ts';
import { employeeOf, staffPage } from './staff.ts';
import { paths } from './views/shared.tsx';
import { RegisterPage, type RegistrationValues } from './views/register-page.tsx';
import { CorrectPage } from './views/correct-page.tsx';
import { CountWeekPage, tallyChannels } from './views/count-week-page.tsx';
import { TopicFormPage, TopicsPage, type DepartmentChoice } from './views/topic-pages.tsx';
import { ImportPage, RunPage, runStatus, type UploadErrors } from './views/import-pages.tsx';

/** Every member of staff registers contacts; only admins change the topic list and import figures. */
export const contactAccess = {
  staff: { roles: ['frontdesk', 'caseworker', 'manager', 'admin'] },
  admin: { roles: ['admin'] },
} as const satisfies Record<string, Access>;
const staff = { access: contactAccess.staff };
const admin = { access: contactAccess.admin };
const hidden = { hide: true };

/** The channel an employee used last is preselected next time: phone for those on the phones. */
const CHANNEL_COOKIE = 'kanal_contact_channel';

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const ListField = Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 5 })]));

function preferredChannel(request: FastifyRequest): Channel {
  const c = request.cookies[CHANNEL_COOKIE];
  return isChannel(c) ? c : 'phone';
}

/** Radios can only send listed values; anything else is a forged request, not a typing error. */
function registration(body: { channel?: string | undefined; kind?: string | undefined; resolved?: string | undefined; extras?: string | string[] | undefined; topicText?: string | undefined }): RegistrationValues {
  const { channel, kind, resolved } = body;
  if (!isChannel(channel) || !isKind(kind) || (resolved !== 'yes' && resolved !== 'no')) {
    throw validationFailed([{ field: 'channel', message: 'channel, kind and resolved must be listed values' }]);
  }
  const extras = asList(body.extras);
  return { channel, kind, resolved, failureDemand: extras.includes('failureDemand'), assisted: extras.includes('assisted'), topicText: body.topicText ?? '' };
}

export function registerContactRoutes(app: KanalApp, ctx: AppContext): void {
  const { db, config } = ctx;
  // The municipality's departments (KANAL_DEPARTMENTS): topics, imports and registrations use only these.
  const departments: DepartmentChoice[] = configuredDepartments(config).map((d) => ({ id: d.id, name: d.name }));
  const departmentIds = departments.map((d) => d.id);
  /** Topics staff may choose: active, and of a configured department (or the contact would name none that exists). */
  const selectable = (topics: Topic[]): Topic[] => topics.map((x) => ({ ...x, active: x.active && departmentIds.includes(x.department) }));
  /** The forms offer only selectable topics: another code is a forged or stale request. */
  const requireSelectable = async (code: string, field: string) => {
    const topic = (await listTopics(db)).find((x) => x.code === code);
    if (topic && !departmentIds.includes(topic.department)) {
      throw validationFailed([{ field, message: `The topic's department ${JSON.stringify(topic.department)} is not one of the configured departments (${departmentIds.join(', ')}).` }]);
    }
  };

  // --- Quick registration -------------------------------------------------------------

  const renderRegister = async (request: FastifyRequest, reply: FastifyReply, values: RegistrationValues, extra: { notice?: string; topicError?: string } = {}) => {
    const topics = selectable(await listTopics(db));
    const recent = await recentRegistrations(db, employeeOf(request).id);
    return reply.page(<RegisterPage ctx={staffPage(request, config)} topics={topics} values={values} recent={recent} {...extra} />, extra.topicError ? 400 : 200);
  };

  app.get(
    paths.register,
    { config: staff, schema: { ...hidden, querystring: Type.Object({ registreret: Type.Optional(Type.String({ maxLength: 80 })), besked: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (request, reply) => {
      const t = contactMessages[request.lang];
      const { registreret, besked } = request.query;
      const topic = registreret ? (await listTopics(db)).find((x) => x.code === registreret) : undefined;
      const notice = topic ? t.registered(topic.name) : besked === 'fjernet' ? t.removed : besked === 'rettet' ? t.corrected : undefined;
      const values: RegistrationValues = { channel: preferredChannel(request), kind: 'information', resolved: 'yes', failureDemand: false, assisted: false, topicText: '' };
      return renderRegister(request, reply, values, notice ? { notice } : {});
    },
  );

  app.post(paths.register, { config: staff, schema: { ...hidden, body: Type.Object({ ...QuickRegistrationBody.properties, extras: ListField }) } }, async (request, reply) => {
    const values = registration(request.body);
    const all = await listTopics(db);
    const find = (topics: Topic[]) => (request.body.topic ? topics.find((x) => x.active && x.code === request.body.topic) : resolveTopic(topics, values.topicText));
    const chosen = find(selectable(all));
    if (!chosen) {
      const t = contactMessages[request.lang];
      const elsewhere = find(all);
      return renderRegister(request, reply, values, { topicError: elsewhere ? t.topicDepartmentMissing(elsewhere.name, elsewhere.department) : t.topicMissing });
    }
    await db.transaction().execute((trx) =>
      record(trx, {
        channel: values.channel,
        kind: values.kind,
        topic: chosen.code,
        resolved: values.resolved,
        failureDemand: values.failureDemand,
        assisted: values.assisted,
        source: 'manual',
        recordedBy: employeeOf(request).id,
      }),
    );
    reply.setCookie(CHANNEL_COOKIE, values.channel, { path: '/medarbejder', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400, secure: config.publicUrl.startsWith('https://') });
    return reply.redirect(`${paths.register}?registreret=${encodeURIComponent(chosen.code)}`, 303);
  });

  const ownRecent = async (request: FastifyRequest, id: number) => {
    const contact = await findContact(db, id);
    if (!contact || contact.recordedBy !== employeeOf(request).id || contact.source !== 'manual') throw notFound();
    return contact;
  };

  app.get('/medarbejder/henvendelser/:id/ret', { config: staff, schema: { ...hidden, params: IdParams } }, async (request, reply) => {
    const contact = await ownRecent(request, request.params.id);
    return reply.page(<CorrectPage ctx={staffPage(request, config)} contact={contact} topics={selectable(await listTopics(db))} />);
  });

  app.post(
    '/medarbejder/henvendelser/:id/ret',
    { config: staff, schema: { ...hidden, params: IdParams, body: Type.Object({ ...QuickRegistrationBody.properties, extras: ListField }) } },
    async (request, reply) => {
      const values = registration(request.body);
      await requireSelectable(request.body.topic ?? '', 'topic');
      await db.transaction().execute((trx) =>
        correct(trx, request.params.id, employeeOf(request).id, {
          channel: values.channel,
          kind: values.kind,
          topic: request.body.topic ?? '',
          resolved: values.resolved,
          failureDemand: values.failureDemand,
          assisted: values.assisted,
        }),
      );
      return reply.redirect(`${paths.register}?besked=rettet`, 303);
    },
  );

  app.post('/medarbejder/henvendelser/:id/fjern', { config: staff, schema: { ...hidden, params: IdParams, body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    // Removed by a request a moment before (a double click) or now: the page says it is removed either way.
    await db.transaction().execute((trx) => remove(trx, request.params.id, employeeOf(request).id));
    return reply.redirect(`${paths.register}?besked=fjernet`, 303);
  });

  // --- Count week (KOMHEN) ------------------------------------------------------------

  const renderCountWeek = async (request: FastifyRequest, reply: FastifyReply, channel: Channel, notice?: string) => {
    const week = currentCountWeek(config.contactCountWeeks, new Date());
    const totals = week ? await totalsByChannelKindTopic(db, week.firstDay, week.lastDay, 'manual') : [];
    return reply.page(<CountWeekPage ctx={staffPage(request, config)} week={week} weeks={config.contactCountWeeks} channel={channel} topics={selectable(await listTopics(db))} totals={totals} notice={notice} />);
  };

  app.get(
    paths.countWeek,
    { config: staff, schema: { ...hidden, querystring: Type.Object({ kanal: Type.Optional(Type.String({ maxLength: 40 })), talt: Type.Optional(Type.String({ maxLength: 120 })) }) } },
    async (request, reply) => {
      const { kanal, talt } = request.query;
      const channel = isChannel(kanal) && tallyChannels.includes(kanal) ? kanal : preferredChannel(request);
      let notice: string | undefined;
      if (talt) {
        const t = contactMessages[request.lang];
        const [kind, code] = talt.split(':');
        const topic = (await listTopics(db)).find((x) => x.code === code);
        if (topic && isKind(kind)) notice = t.tallied(`${t.channel[channel]}, ${topic.name}, ${t.kind[kind]}`);
      }
      return renderCountWeek(request, reply, tallyChannels.includes(channel) ? channel : 'phone', notice);
    },
  );

  app.post(paths.countWeek, { config: staff, schema: { ...hidden, body: TallyBody } }, async (request, reply) => {
    if (!currentCountWeek(config.contactCountWeeks, new Date())) throw new KanalError('conflict', 'It is not a count week.');
    const { channel, cell } = request.body;
    const [kind, topic] = cell.split(':');
    if (!isChannel(channel) || !isKind(kind) || !topic) throw validationFailed([{ field: 'cell', message: 'must be kind:topic' }]);
    await requireSelectable(topic, 'cell');
    await db.transaction().execute((trx) => record(trx, { channel, kind, topic, source: 'manual', recordedBy: employeeOf(request).id }));
    return reply.redirect(`${paths.countWeek}?kanal=${channel}&talt=${encodeURIComponent(cell)}`, 303);
  });

  // --- Topics (admins) ----------------------------------------------------------------

  app.get(paths.topics, { config: admin, schema: { ...hidden, querystring: Type.Object({ gemt: Type.Optional(Type.String({ maxLength: 5 })) }) } }, async (request, reply) => {
    const notice = request.query.gemt !== undefined ? contactMessages[request.lang].saved : undefined;
    return reply.page(<TopicsPage ctx={staffPage(request, config)} topics={await listTopics(db)} departments={departments} notice={notice} />);
  });

  const draftOf = (body: { code?: string | undefined; name?: string | undefined; kle?: string | undefined; department?: string | undefined; handledBy?: string | undefined; options?: string | string[] | undefined }, code?: string): TopicDraft => {
    const options = asList(body.options);
    return {
      code: (code ?? body.code ?? '').trim(),
      name: body.name ?? '',
      kle: (body.kle ?? '').trim(),
      department: body.department ?? '',
      handledBy: body.handledBy ?? '',
      frequent: options.includes('frequent'),
      active: options.includes('active'),
    };
  };
  const topicBody = Type.Object({ ...TopicBody.properties, options: ListField });
  const blank: TopicDraft = { code: '', name: '', kle: '', department: '', handledBy: '', frequent: false, active: true };
  const toDraft = (x: Topic): TopicDraft => ({ ...x, handledBy: x.handledBy ?? '' });

  const saveTopic = async (request: FastifyRequest, reply: FastifyReply, draft: TopicDraft, isNew: boolean) => {
    try {
      const found = await db.transaction().execute((trx) => (isNew ? addTopic(trx, draft, departmentIds).then(() => true) : changeTopic(trx, draft, departmentIds)));
      if (!found) throw notFound();
    } catch (error) {
      if (!(error instanceof InvalidTopic)) throw error;
      return reply.page(<TopicFormPage ctx={staffPage(request, config)} draft={draft} isNew={isNew} problems={error.problems} departments={departments} />, 400);
    }
    return reply.redirect(`${paths.topics}?gemt=1`, 303);
  };

  app.get(paths.newTopic, { config: admin, schema: hidden }, (request, reply) => reply.page(<TopicFormPage ctx={staffPage(request, config)} draft={blank} isNew problems={[]} departments={departments} />));
  app.post(paths.newTopic, { config: admin, schema: { ...hidden, body: topicBody } }, (request, reply) => saveTopic(request, reply, draftOf(request.body), true));
  app.get('/medarbejder/henvendelser/emner/:code', { config: admin, schema: { ...hidden, params: CodeParams } }, async (request, reply) => {
    const topic = (await listTopics(db)).find((x) => x.code === request.params.code);
    if (!topic) throw notFound();
    return reply.page(<TopicFormPage ctx={staffPage(request, config)} draft={toDraft(topic)} isNew={false} problems={[]} departments={departments} />);
  });
  app.post('/medarbejder/henvendelser/emner/:code', { config: admin, schema: { ...hidden, params: CodeParams, body: topicBody } }, (request, reply) =>
    saveTopic(request, reply, draftOf(request.body, request.params.code), false),
  );

  // --- Import of aggregated figures (admins) ------------------------------------------

  const importCtx = importContext(ctx);
  const maxBytes = config.files.maxBytes;
  const maxMb = String(Math.floor(maxBytes / 1_000_000));
  const renderImport = async (request: FastifyRequest, reply: FastifyReply, extra: { source?: string | undefined; errors?: UploadErrors } = {}) =>
    reply.page(<ImportPage ctx={staffPage(request, config)} batches={await listBatches(db, 20)} maxMb={maxMb} {...extra} />, extra.errors ? 400 : 200);
  const findRunOr404 = async (id: number) => {
    const run = await findRun(db, id);
    if (!run) throw notFound();
    return run;
  };

  app.get(paths.import, { config: admin, schema: hidden }, (request, reply) => renderImport(request, reply));

  // The upload is the one form that sends a file: the app's multipart parser reads it into
  // the body (at most KANAL_FILE_MAX_BYTES, which platform storage allows too), so the
  // platform checks its CSRF token as for any form. The file goes to storage and a job.
  app.post(
    paths.import,
    { config: { ...admin, multipart: true, multipartOptions: { limits: { fileSize: maxBytes } } }, schema: hidden },
    async (request, reply) => {
      const t = contactMessages[request.lang];
      const { source, file: part } = request.body as { source?: string; file?: { name: string; bytes: Buffer; truncated: boolean } };
      const file = part && part.name !== '' && !part.truncated ? part : undefined;
      const errors = { source: isImportSource(source) ? undefined : t.sourceMissing, file: file ? undefined : part?.truncated ? t.tooLarge(maxMb) : t.fileMissing };
      if (!isImportSource(source) || !file) return renderImport(request, reply, { source, errors });
      const id = await startRun(importCtx, { file: file.bytes, fileName: path.basename(file.name), source, createdBy: employeeOf(request).id });
      return reply.redirect(paths.importRun(id), 303);
    },
  );

  app.get('/medarbejder/henvendelser/import/:id', { config: admin, schema: { ...hidden, params: IdParams } }, async (request, reply) =>
    reply.page(<RunPage ctx={staffPage(request, config)} run={await findRunOr404(request.params.id)} maxMb={maxMb} />),
  );

  app.get(
    '/api/contacts/imports/:id',
    { config: admin, schema: { tags: ['contacts'], summary: 'Progress of an import of figures (phase, lines done of all, problems)', params: IdParams, response: { 200: RunStatusSchema } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return runStatus(request.lang, await findRunOr404(request.params.id));
    },
  );

  // A double click, or a second tab, finds the run moved on and just shows where it is.
  app.post('/medarbejder/henvendelser/import/:id/godkend', { config: admin, schema: { ...hidden, params: IdParams, body: Type.Object({ _csrf: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    await findRunOr404(request.params.id);
    await confirmRun(importCtx, request.params.id);
    return reply.redirect(paths.importRun(request.params.id), 303);
  });
}

/** Where the import flow finds its database, file storage and the configured departments. */
export function importContext(ctx: AppContext): ImportContext {
  return { db: ctx.db, storage: createStorage(ctx.config), departments: configuredDepartments(ctx.config).map((d) => d.id), log: ctx.log };
}
