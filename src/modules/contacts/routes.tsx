// HTTP only: parse, authorise (config.access), call the registry, render.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Access } from '../../platform/policy/index.ts';
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { KanalError, notFound, validationFailed } from '../../platform/http/errors.ts';
import { contactMessages } from './messages.ts';
import { CodeParams, IdParams, QuickRegistrationBody, TallyBody, TopicBody, type Channel, type Topic } from './schema.ts';
import { correct, isChannel, isKind, record, recentRegistrations, remove } from './registry.ts';
import { addTopic, changeTopic, InvalidTopic, listTopics, resolveTopic, type TopicDraft } from './topics.ts';
import { currentCountWeek } from './count-week.ts';
import { findContact, listBatches, totalsByChannelKindTopic } from './store.ts';
import { fileHash, importFigures, ImportRejected, isImportSource, previewImport, type ImportPreview } from './import/importer.ts';
import { employeeOf, staffPage } from './staff.ts';
import { paths } from './views/shared.tsx';
import { RegisterPage, type RegistrationValues } from './views/register-page.tsx';
import { CorrectPage } from './views/correct-page.tsx';
import { CountWeekPage, tallyChannels } from './views/count-week-page.tsx';
import { TopicFormPage, TopicsPage } from './views/topic-pages.tsx';
import { ImportPage, PreviewPage } from './views/import-pages.tsx';

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
  const importDir = path.join(config.dataDir, 'contact-imports');

  // --- Quick registration -------------------------------------------------------------

  const renderRegister = async (request: FastifyRequest, reply: FastifyReply, values: RegistrationValues, extra: { notice?: string; topicError?: string } = {}) => {
    const topics = await listTopics(db);
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
    const topics = await listTopics(db);
    const chosen = request.body.topic ? topics.find((x) => x.active && x.code === request.body.topic) : resolveTopic(topics, values.topicText);
    if (!chosen) return renderRegister(request, reply, values, { topicError: contactMessages[request.lang].topicMissing });
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
    return reply.page(<CorrectPage ctx={staffPage(request, config)} contact={contact} topics={await listTopics(db)} />);
  });

  app.post(
    '/medarbejder/henvendelser/:id/ret',
    { config: staff, schema: { ...hidden, params: IdParams, body: Type.Object({ ...QuickRegistrationBody.properties, extras: ListField }) } },
    async (request, reply) => {
      const values = registration(request.body);
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
    await db.transaction().execute((trx) => remove(trx, request.params.id, employeeOf(request).id));
    return reply.redirect(`${paths.register}?besked=fjernet`, 303);
  });

  // --- Count week (KOMHEN) ------------------------------------------------------------

  const renderCountWeek = async (request: FastifyRequest, reply: FastifyReply, channel: Channel, notice?: string) => {
    const week = currentCountWeek(config.contactCountWeeks, new Date());
    const totals = week ? await totalsByChannelKindTopic(db, week.firstDay, week.lastDay, 'manual') : [];
    return reply.page(<CountWeekPage ctx={staffPage(request, config)} week={week} weeks={config.contactCountWeeks} channel={channel} topics={await listTopics(db)} totals={totals} notice={notice} />);
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
    await db.transaction().execute((trx) => record(trx, { channel, kind, topic, source: 'manual', recordedBy: employeeOf(request).id }));
    return reply.redirect(`${paths.countWeek}?kanal=${channel}&talt=${encodeURIComponent(cell)}`, 303);
  });

  // --- Topics (admins) ----------------------------------------------------------------

  app.get(paths.topics, { config: admin, schema: { ...hidden, querystring: Type.Object({ gemt: Type.Optional(Type.String({ maxLength: 5 })) }) } }, async (request, reply) => {
    const notice = request.query.gemt !== undefined ? contactMessages[request.lang].saved : undefined;
    return reply.page(<TopicsPage ctx={staffPage(request, config)} topics={await listTopics(db)} notice={notice} />);
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
      const found = await db.transaction().execute((trx) => (isNew ? addTopic(trx, draft).then(() => true) : changeTopic(trx, draft)));
      if (!found) throw notFound();
    } catch (error) {
      if (!(error instanceof InvalidTopic)) throw error;
      return reply.page(<TopicFormPage ctx={staffPage(request, config)} draft={draft} isNew={isNew} problems={error.problems} />, 400);
    }
    return reply.redirect(`${paths.topics}?gemt=1`, 303);
  };

  app.get(paths.newTopic, { config: admin, schema: hidden }, (request, reply) => reply.page(<TopicFormPage ctx={staffPage(request, config)} draft={blank} isNew problems={[]} />));
  app.post(paths.newTopic, { config: admin, schema: { ...hidden, body: topicBody } }, (request, reply) => saveTopic(request, reply, draftOf(request.body), true));
  app.get('/medarbejder/henvendelser/emner/:code', { config: admin, schema: { ...hidden, params: CodeParams } }, async (request, reply) => {
    const topic = (await listTopics(db)).find((x) => x.code === request.params.code);
    if (!topic) throw notFound();
    return reply.page(<TopicFormPage ctx={staffPage(request, config)} draft={toDraft(topic)} isNew={false} problems={[]} />);
  });
  app.post('/medarbejder/henvendelser/emner/:code', { config: admin, schema: { ...hidden, params: CodeParams, body: topicBody } }, (request, reply) =>
    saveTopic(request, reply, draftOf(request.body, request.params.code), false),
  );

  // --- Import of aggregated figures (admins) ------------------------------------------

  app.get(paths.import, { config: admin, schema: hidden }, async (request, reply) => reply.page(<ImportPage ctx={staffPage(request, config)} batches={await listBatches(db, 20)} />));

  // The upload is the one form that sends a file: the app's multipart parser reads it into
  // the body (at most 25 MB; larger files through `kanal import contacts`), so the platform
  // checks its CSRF token as for any form.
  {
    app.post(paths.import, { config: { ...admin, multipart: true }, schema: hidden }, async (request, reply) => {
      const t = contactMessages[request.lang];
      const { source, file: part } = request.body as { source?: string; file?: { name: string; bytes: Buffer; truncated: boolean } };
      const file = part && part.name !== '' && !part.truncated ? part : undefined;
      const errors = { source: isImportSource(source) ? undefined : t.sourceMissing, file: file ? undefined : t.fileMissing };
      if (!isImportSource(source) || !file) {
        return reply.page(<ImportPage ctx={staffPage(request, config)} batches={await listBatches(db, 20)} source={source} errors={errors} />, 400);
      }
      const data = file.bytes;
      const name = path.basename(file.name);
      const preview = await previewImport(db, data, name, source);
      // The file waits under the data directory, named by its hash, until the import is confirmed.
      if (preview.problemCount === 0) {
        await fs.mkdir(importDir, { recursive: true });
        await fs.writeFile(path.join(importDir, preview.hash), data);
      }
      return reply.page(<PreviewPage ctx={staffPage(request, config)} preview={preview} source={source} />, preview.problemCount > 0 ? 400 : 200);
    });
  }

  app.post(
    paths.importCommit,
    { config: admin, schema: { ...hidden, body: Type.Object({ _csrf: Type.Optional(Type.String()), hash: Type.String({ pattern: '^[0-9a-f]{64}$' }), source: Type.String({ maxLength: 40 }), fileName: Type.String({ maxLength: 255 }) }) } },
    async (request, reply) => {
      const t = contactMessages[request.lang];
      const { hash, source, fileName } = request.body;
      if (!isImportSource(source)) throw validationFailed([{ field: 'source', message: 'unknown source' }]);
      const stored = path.join(importDir, hash);
      const file = await fs.readFile(stored).catch(() => undefined);
      if (!file || fileHash(file) !== hash) {
        return reply.page(<ImportPage ctx={staffPage(request, config)} batches={await listBatches(db, 20)} source={source} errors={{ file: t.expired }} />, 400);
      }
      try {
        const outcome = await db.transaction().execute((trx) => importFigures(trx, { file, fileName, source, importedBy: employeeOf(request).id }));
        await fs.rm(stored, { force: true });
        const notice = outcome.status === 'unchanged' ? t.unchanged : t.imported(String(outcome.rows), String(outcome.total));
        return reply.page(<ImportPage ctx={staffPage(request, config)} batches={await listBatches(db, 20)} notice={notice} />);
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        const preview: ImportPreview = { ...(await previewImport(db, file, fileName, source)), problems: error.problems, problemCount: error.problemCount };
        return reply.page(<PreviewPage ctx={staffPage(request, config)} preview={preview} source={source} />, 400);
      }
    },
  );
}
