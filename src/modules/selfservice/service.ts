// Drafts, steps, exits and submissions: the self-service logic, without HTTP.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { copenhagenDay } from '../../platform/calendar/index.ts';
import { inGroupCommit, type Db } from '../../platform/db/index.ts';
import { enqueue } from '../../platform/jobs/index.ts';
import { send as sendNotification } from '../../platform/notify/index.ts';
import type { Timestamp } from '../../platform/db/index.ts';
import { conflict, validationFailed } from '../../platform/http/errors.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { AddressRegister } from './address-register.ts';
import { checkUpload, type FileStore, type Upload, type VirusScanner } from './attachments.ts';
import type { Catalogue } from './definitions.ts';
import { checkStep, displayValue, rawFromJson, type CheckContext, type FieldError, type RawForm } from './fields.ts';
import { isVisible } from './conditions.ts';
import { answeredQuestions, applicableAnswers, CHECK_ANSWERS, exitFor, firstIncompleteStep, nextStepId } from './flow.ts';
import type { CaseRequest, SubmissionPorts } from './ports.ts';
import type { Answers, AnswerValue, Exit, FieldOf, FileRef, ServiceDefinition, Step } from './schema.ts';
import * as store from './store.ts';
import type { Applicant } from './store.ts';

export type { Applicant };

export interface SelfServiceDeps {
  db: Db;
  catalogue: Catalogue;
  ports: SubmissionPorts;
  files: FileStore;
  scan: VirusScanner;
  addresses: AddressRegister;
  /** Drafts are deleted this many days after they were last saved. */
  draftDays: number;
  /** Told of every submission (through the outbox), when set. */
  webhookUrl?: string | undefined;
  /** The clock, so tests can move time. */
  clock?: () => Date;
}


export type Draft = store.DraftRow;

/** An upload that no draft or submission owns this long after it was stored is deleted (its request died). */
export const ABANDONED_UPLOAD_HOURS = 24;

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** 'SB-7K4M-P2QX': short to read aloud on the phone, no 0/O or 1/I. */
export function newReference(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('');
  return `SB-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function selfService(deps: SelfServiceDeps) {
  const { db, catalogue } = deps;
  const clock = deps.clock ?? (() => new Date());
  const at = (): Timestamp => clock().toISOString();
  const expiry = () => new Date(clock().getTime() + deps.draftDays * 86_400_000).toISOString();
  const checkContext = (lang: Lang, applicant?: Applicant): CheckContext => ({ lang, addresses: deps.addresses, today: copenhagenDay(clock()), loginCvr: applicant?.cvr });

  /** Prefilled answers: shown, not re-typed. */
  function prefillFor(def: ServiceDefinition, applicant: Applicant): Answers {
    const answers: Answers = {};
    for (const step of def.steps) {
      for (const field of step.fields) {
        if (!('prefill' in field) || !field.prefill) continue;
        const value = applicant[field.prefill as keyof Applicant];
        if (value) answers[field.id] = field.type === 'address' ? { text: value } : value;
      }
    }
    return answers;
  }

  /**
   * Starts a draft. `owner` is the login that may reopen it (the citizen, or the front-desk
   * employee when assisted); `applicant` is whom it is for.
   */
  async function startDraft(def: ServiceDefinition, options: { applicant?: Applicant; owner?: string; assisted?: boolean } = {}): Promise<{ draft: Draft; secret: string }> {
    const secret = randomBytes(24).toString('base64url');
    const started = at();
    const draft: Omit<Draft, 'submission_reference'> = {
      id: randomBytes(9).toString('base64url'),
      secret_hash: hash(secret),
      service_id: def.id,
      service_version: def.version,
      owner_subject: options.owner ?? options.applicant?.subject ?? null,
      applicant: options.applicant ?? {},
      assisted: options.assisted ?? false,
      answers: prefillFor(def, options.applicant ?? {}),
      current_step: def.steps[0]!.id,
      attempt_id: randomUUID(),
      created_at: started,
      updated_at: started,
      expires_at: expiry(),
    };
    await db.transaction().execute(async (trx) => {
      await store.insertAttempt(trx, { id: draft.attempt_id, service_id: def.id, assisted: draft.assisted, started_at: started });
      await store.touchAttempt(trx, draft.attempt_id, started, draft.current_step);
      await store.insertDraft(trx, draft);
    });
    return { draft: { ...draft, submission_reference: null }, secret };
  }

  /**
   * Medbetjening where the citizen logs in at the counter: the employee started the draft
   * for no one; the first login to open it (with the draft's secret) becomes its owner and
   * applicant, and the login's details are prefilled. The draft stays marked assisted.
   */
  async function claimAssistedDraft(def: ServiceDefinition, draft: Draft, applicant: Applicant & { subject: string }): Promise<Draft> {
    const answers = { ...prefillFor(def, applicant), ...draft.answers };
    const claimed = await store.claimDraft(db, draft.id, { owner_subject: applicant.subject, applicant, answers, updated_at: at() });
    return claimed ? { ...draft, owner_subject: applicant.subject, applicant, answers } : ((await store.findDraft(db, draft.id)) ?? draft);
  }

  /**
   * The draft if this visitor may open it. A draft with an owner opens for the owner's
   * login alone ('not-yours' for anyone else, logged in or not): its secret outlives the
   * login on a shared computer. A draft without one opens for whoever holds its secret
   * (the cookie or the resume link). 'gone' when deleted, expired or unknown.
   */
  async function openDraft(id: string, access: { secret?: string | undefined; subject?: string | undefined }): Promise<Draft | 'gone' | 'forbidden' | 'not-yours'> {
    const draft = await store.findDraft(db, id);
    if (!draft || (draft.expires_at <= at() && !draft.submission_reference)) return 'gone';
    if (draft.owner_subject) return draft.owner_subject === access.subject ? draft : 'not-yours';
    if (access.secret) {
      const a = Buffer.from(hash(access.secret));
      const b = Buffer.from(draft.secret_hash);
      if (a.length === b.length && timingSafeEqual(a, b)) return draft;
    }
    return 'forbidden';
  }

  /**
   * Brings a draft to the service's current version. Answers to questions that are gone
   * are dropped; the rest are checked again on "Tjek dine svar". 'changed' tells the page
   * to say so; 'gone' when the service no longer exists.
   */
  async function currentVersion(draft: Draft): Promise<{ def: ServiceDefinition; draft: Draft; changed: boolean } | 'gone'> {
    const def = catalogue.get(draft.service_id);
    if (!def) return 'gone';
    if (draft.service_version === def.version) return { def, draft, changed: false };
    const updated = await db.transaction().execute(async (trx) => {
      // From the draft as it is now: a step saved in another tab since it was read is kept.
      const current = (await store.lockDraft(trx, draft.id)) ?? draft;
      if (current.service_version === def.version) return current;
      const changes = { answers: applicableAnswers(def, fitting(def, current.answers)), service_version: def.version, current_step: def.steps[0]!.id, updated_at: at() };
      await store.updateDraft(trx, draft.id, changes);
      return { ...current, ...changes };
    });
    return { def, draft: updated, changed: true };
  }

  /**
   * Saves one step: the valid answers are kept even when others on the page are wrong
   * (and a rejected file keeps the rest), so nothing typed is lost. Returns where to go.
   */
  async function saveStep(
    def: ServiceDefinition,
    draft: Draft,
    step: Step,
    input: { raw: RawForm; uploads: Record<string, Upload[]>; remove: string[]; lang: Lang },
  ): Promise<{ errors: FieldError[]; answers: Answers; next?: string; exit?: Exit }> {
    const t0 = at();
    const fileFields = step.fields.filter((f): f is FieldOf<'file'> => f.type === 'file');
    const uploaded: Record<string, FileRef[]> = {};
    const fileErrors: FieldError[] = [];
    for (const field of fileFields) {
      let count = filesOf(draft.answers, field.id).filter((f) => !input.remove.includes(f.id)).length;
      for (const upload of input.uploads[field.id] ?? []) {
        const checked = await checkUpload(field, upload, count, input.lang, deps.scan);
        if ('error' in checked) {
          fileErrors.push({ field: field.id, target: field.id, message: checked.error });
          continue;
        }
        const ref = { id: randomUUID(), name: upload.name.split(/[\\/]/).pop()!.slice(0, 200), type: checked.type, size: upload.bytes.length };
        await storeOwnedFile(draft.id, field.id, ref, upload.bytes);
        uploaded[field.id] = [...(uploaded[field.id] ?? []), ref];
        count++;
      }
    }
    /** The step's files in `answers`, less the removed ones, with the new uploads. */
    const filesAfter = (answers: Answers): Record<string, FileRef[]> =>
      Object.fromEntries(fileFields.map((f) => [f.id, [...filesOf(answers, f.id).filter((x) => !input.remove.includes(x.id)), ...(uploaded[f.id] ?? [])]]));
    const earlier = answersBefore(def, draft.answers, step.id);
    const { values, errors } = await checkStep(step.fields, input.raw, earlier, checkContext(input.lang, draft.applicant), filesAfter(draft.answers));
    // A file error replaces "choose a file" for the same field.
    const all = [...fileErrors, ...errors.filter((e) => !fileErrors.some((f) => f.field === e.field))];
    const stepFieldIds = new Set(step.fields.map((f) => f.id));
    const { answers, next, exit, removedKeys } = await db.transaction().execute(async (trx) => {
      // This step goes on top of the draft as it is now, not as it was read: a step another tab
      // saved meanwhile is kept (the draft is locked from here to COMMIT; see lockDraft).
      const current = (await store.lockDraft(trx, draft.id)) ?? draft;
      const files = filesAfter(current.answers);
      const kept = Object.fromEntries(Object.entries(current.answers).filter(([id]) => !stepFieldIds.has(id)));
      const answers = applicableAnswers(def, { ...kept, ...values, ...files });
      // Files must stay in the answers even while the step has other errors.
      for (const [id, list] of Object.entries(files)) if (list.length > 0) answers[id] = list;
      const exit = all.length === 0 ? exitFor(def, answers, step.id) : undefined;
      const next = all.length === 0 && !exit ? nextStepId(def, answers, step.id) : undefined;
      // A draft another tab has sent meanwhile keeps what it was sent with.
      if (!(await store.updateDraft(trx, draft.id, { answers, current_step: next && next !== CHECK_ANSWERS ? next : step.id, updated_at: t0, expires_at: expiry() }))) return { answers, next, exit, removedKeys: [] };
      // The funnel: this step, and the one "Fortsæt" leads to, are reached. Page views
      // write nothing, so reading a step stays cheap.
      await store.touchAttempt(trx, draft.attempt_id, t0, step.id);
      if (next) await store.touchAttempt(trx, draft.attempt_id, t0, next);
      if (exit) await store.completeAttempt(trx, draft.attempt_id, t0, exit.id);
      // Removed files go with the draft that stops listing them, after it as a submission locks
      // the draft before its files (so the two cannot deadlock); a file a submission took stays.
      const removedKeys: string[] = [];
      for (const field of fileFields) {
        for (const { id } of filesOf(current.answers, field.id).filter((f) => input.remove.includes(f.id))) {
          const key = await store.deleteAttachment(trx, draft.id, id);
          if (key) removedKeys.push(key);
        }
      }
      return { answers, next, exit, removedKeys };
    });
    // Only once committed: a crash before leaves the file with its row; after, a file no row knows (as with expiry).
    for (const key of removedKeys) await deps.files.delete(key);
    return { errors: all, answers, next, exit };
  }

  /** The rows of "Tjek dine svar" and the frozen summary of a submission. */
  function summaryOf(def: ServiceDefinition, answers: Answers, lang: Lang): (store.SummaryRow & { stepId: string; fieldId: string })[] {
    return answeredQuestions(def, answers).map(({ step, field }) => ({
      stepId: step.id,
      fieldId: field.id,
      step: step.title[lang],
      question: field.label[lang],
      answer: displayValue(field, answers[field.id], lang),
    }));
  }

  interface SubmitInput {
    lang: Lang;
    def: ServiceDefinition;
    answers: Answers;
    idempotencyKey: string;
    applicant: Applicant;
    assisted: boolean;
    draft?: Draft;
  }

  /**
   * One transaction (a unit of group commit): the submission (answers frozen with the service version), the case,
   * the contact and the outbox jobs — all or nothing. The same idempotency key (the draft,
   * or the API's Idempotency-Key) always gives the first submission back.
   */
  async function submit(input: SubmitInput): Promise<{ submission: store.SubmissionRow; replayed: boolean }> {
    const { def, answers, applicant } = input;
    // The callers have already looked for an earlier submission with this key (the draft's
    // reference, the API's replay check); the unique key below settles the races they cannot see.
    try {
      // Group commit: submissions arriving together share one durable COMMIT; this unit has
      // its own savepoint, and the promise settles only once the COMMIT has returned.
      return await inGroupCommit(db, async (trx) => {
        const submittedAt = at();
        const reference = newReference();
        // Taken now so the row below is written once, complete (a replay leaves a gap on PostgreSQL).
        const caseReference = await deps.ports.takeCaseReference(trx);
        const waitingList = def.capacity !== undefined && (await store.countSubmissionsInTurn(trx, def.id)) >= def.capacity;
        const summary = summaryOf(def, answers, 'da').map(({ step, question, answer }) => ({ step, question, answer }));
        const row: store.SubmissionRow = {
          reference,
          idempotency_key: input.idempotencyKey,
          service_id: def.id,
          service_version: def.version,
          answers,
          summary,
          owner_subject: applicant.subject ?? null,
          assisted: input.assisted,
          case_reference: caseReference,
          waiting_list: waitingList,
          submitted_at: submittedAt,
        };
        // The submission first: a second request with the same key (a double click, two tabs, or
        // the same draft twice in one batch) stops here and gets the first one back.
        if (!(await store.insertSubmissionOnce(trx, row))) {
          const earlier = await store.submissionByKey(trx, input.idempotencyKey);
          if (!earlier) throw new Error('A submission with this key was there a moment ago and is gone.');
          return { submission: earlier, replayed: true };
        }
        const attachmentIds = Object.values(answers).flatMap((v) => (Array.isArray(v) ? v.filter((x): x is FileRef => typeof x === 'object' && x !== null && 'size' in x).map((f) => f.id) : []));
        const storageKeys: string[] = [];
        for (const id of attachmentIds) {
          const att = await store.findAttachment(trx, id);
          if (att) storageKeys.push(att.storage_key);
        }
        const party = applicantFrom(def, answers, applicant);
        const request: CaseRequest = {
          reference: caseReference,
          department: def.department,
          kle: def.topic.kle,
          title: def.title.da,
          serviceId: def.id,
          serviceVersion: def.version,
          submissionReference: reference,
          deadlineDays: def.caseDeadlineDays,
          applicant: party,
          summary: summary.map(({ question, answer }) => ({ question, answer })),
          attachmentKeys: storageKeys,
          assisted: input.assisted,
        };
        // The receipt by e-mail ("we have received it"; no content) and the webhook below go
        // through the outbox, so they exist exactly when the submission does.
        const email = receiptAddress(def, answers);
        if (email) await sendNotification(trx, { channel: 'email', to: email, template: 'received', lang: input.lang, key: `selfservice.receipt:${reference}` });
        if (input.draft) {
          // Throwing rolls back this unit's writes: nothing is sent but the draft as it is now.
          if (!(await store.markDraftSubmitted(trx, input.draft, reference, submittedAt))) throw new DraftChanged();
        } else {
          // An API submission is an attempt of its own: started and completed at once.
          await store.insertAttempt(trx, { id: randomUUID(), service_id: def.id, assisted: input.assisted, started_at: submittedAt }, { completed: true });
        }
        // The case and the contact last: they update shared rows (a department's case counts, the
        // day's contact figures) that stay locked until COMMIT, so other submissions wait only for these.
        await deps.ports.createCase(trx, request);
        await store.attachToSubmission(trx, attachmentIds, reference);
        if (deps.webhookUrl) {
          await enqueue(trx, 'selfservice.submitted', { reference, serviceId: def.id, serviceVersion: def.version, caseReference, submittedAt }, { key: `selfservice.submitted:${reference}` });
        }
        await deps.ports.recordContact(trx, {
          channel: 'self_service',
          direction: 'in',
          kind: 'transaction',
          kle: def.topic.kle,
          department: def.department,
          serviceId: def.id,
          assisted: input.assisted,
          caseReference,
          at: submittedAt,
          ...(party.cpr ? { cpr: party.cpr } : {}),
          ...(party.cvr ? { cvr: party.cvr } : {}),
        });
        return { submission: row, replayed: false };
      });
    } catch (error) {
      // Two tabs or a double click: the other request won the unique key. Give its result.
      const winner = await store.submissionByKey(db, input.idempotencyKey);
      if (winner) return { submission: winner, replayed: true };
      throw error;
    }
  }

  /**
   * Sends a draft after checking every shown step again. The case's party is the draft's applicant.
   * `changed` (the draft as it is now) when another tab saved it after it was read and checked here:
   * sending that would list answers, or a removed file, the draft no longer has.
   */
  async function submitDraft(def: ServiceDefinition, draft: Draft, lang: Lang): Promise<{ submission: store.SubmissionRow; replayed: boolean } | { incomplete: Step; errors: FieldError[] } | { exit: Exit } | { changed: Draft }> {
    if (draft.submission_reference) {
      const sent = await store.submissionByReference(db, draft.submission_reference);
      if (sent) return { submission: sent, replayed: true };
    }
    const answers = applicableAnswers(def, draft.answers);
    const exit = exitFor(def, answers);
    if (exit) return { exit };
    const incomplete = await firstIncompleteStep(def, answers, checkContext(lang, draft.applicant));
    if (incomplete) return { incomplete: incomplete.step, errors: incomplete.errors };
    try {
      return await submit({ lang, def, answers, idempotencyKey: `draft:${draft.id}`, applicant: draft.applicant, assisted: draft.assisted, draft });
    } catch (error) {
      if (!(error instanceof DraftChanged)) throw error;
      return { changed: (await store.findDraft(db, draft.id)) ?? draft };
    }
  }

  /**
   * The API: the same checks as the pages, every step at once; no drafts. Files come as
   * uploads by field id and get the pages' checks (type by content, size, count, virus scan);
   * they are stored only once everything is valid, and removed again if the submission fails
   * or another request with the same key won.
   */
  async function submitJson(def: ServiceDefinition, json: Record<string, unknown>, idempotencyKey: string, applicant: Applicant, lang: Lang, uploads: Record<string, Upload[]> = {}) {
    const replay = await store.submissionByKey(db, `api:${idempotencyKey}`);
    if (replay) {
      if (replay.service_id !== def.id) throw conflict('This Idempotency-Key was used for another service.');
      return { submission: replay, replayed: true };
    }
    const fields = def.steps.flatMap((s) => s.fields);
    const fileFields = fields.filter((f): f is FieldOf<'file'> => f.type === 'file');
    const known = new Set(fields.filter((f) => f.type !== 'file').map((f) => f.id));
    const da = lang === 'da';
    const unknown = [
      ...Object.keys(json).filter((k) => !known.has(k)).map((field) => ({ field, message: fileFields.some((f) => f.id === field) ? (da ? 'Send filer som dele af en multipart/form-data-forespørgsel.' : 'Send files as parts of a multipart/form-data request.') : da ? 'Feltet findes ikke i denne løsning.' : 'This service has no such field.' })),
      ...Object.keys(uploads).filter((k) => !fileFields.some((f) => f.id === k)).map((field) => ({ field, message: da ? 'Der er ikke et filfelt med det navn.' : 'This service has no file field with this name.' })),
    ];
    const t = checkContext(lang, applicant);
    if (unknown.length > 0) throw validationFailed(unknown);
    const problems: FieldError[] = [];
    // Files first, as the pages check them; they are stored only when everything is valid.
    const files: Record<string, FileRef[]> = {};
    const accepted: { ref: FileRef; field: string; bytes: Buffer }[] = [];
    for (const field of fileFields) {
      for (const upload of uploads[field.id] ?? []) {
        const checked = await checkUpload(field, upload, files[field.id]?.length ?? 0, lang, deps.scan);
        if ('error' in checked) {
          problems.push({ field: field.id, target: field.id, message: checked.error });
          continue;
        }
        const ref = { id: randomUUID(), name: path.basename(upload.name).slice(0, 200) || 'fil', type: checked.type, size: upload.bytes.length };
        files[field.id] = [...(files[field.id] ?? []), ref];
        accepted.push({ ref, field: field.id, bytes: upload.bytes });
      }
    }
    let answers: Answers = prefillFor(def, applicant);
    // Step by step, as the pages go: a step's conditions see the answers before it.
    for (const step of def.steps) {
      if (!isVisible(step.showIf, answers)) continue;
      const { values, errors } = await checkStep(step.fields, rawFromJson(step.fields, json), answers, t, files);
      problems.push(...errors.filter((e) => !problems.some((p) => p.field === e.field)));
      answers = { ...answers, ...values };
    }
    // Steps shown only after earlier answers: check again with the full set.
    answers = applicableAnswers(def, answers);
    const incomplete = problems.length === 0 ? await firstIncompleteStep(def, answers, t) : undefined;
    const all = [...problems, ...(incomplete?.errors ?? [])];
    if (all.length > 0) throw validationFailed(all.map((e) => ({ field: e.field, message: e.message })));
    const exit = exitFor(def, answers);
    if (exit) throw validationFailed([{ field: exit.id, message: `${exit.reason[lang]} ${exit.instead[lang]}` }]);
    const owner = `api:${idempotencyKey}`;
    const stored = await storeApiFiles(accepted.filter((a) => answers[a.field] !== undefined), owner);
    try {
      const result = await submit({ lang, def, answers, idempotencyKey: owner, applicant, assisted: false });
      if (result.replayed) await removeFiles(stored, owner);
      return result;
    } catch (error) {
      await removeFiles(stored, owner);
      throw error;
    }
  }

  /**
   * Stores an upload for its owner (a draft, or an API request's `api:<key>`). The attachment row
   * is committed before the file is stored, so no stored file is ever without a row: one whose
   * request died before it was submitted is found by deleteAbandonedUploads. Returns the key.
   */
  async function storeOwnedFile(owner: string, field: string, ref: FileRef, bytes: Buffer): Promise<string> {
    const key = deps.files.newKey();
    await store.insertAttachment(db, { ...ref, draft_id: owner, field_id: field, storage_key: key, created_at: at() });
    try {
      await deps.files.put(key, bytes);
    } catch (error) {
      await store.deleteAttachment(db, owner, ref.id);
      throw error;
    }
    return key;
  }

  /** An API submission's files, under the key's pseudo-draft until the submission takes them; all or none. */
  async function storeApiFiles(files: { ref: FileRef; field: string; bytes: Buffer }[], owner: string): Promise<{ id: string; key: string }[]> {
    const stored: { id: string; key: string }[] = [];
    try {
      for (const { ref, field, bytes } of files) stored.push({ id: ref.id, key: await storeOwnedFile(owner, field, ref, bytes) });
    } catch (error) {
      await removeFiles(stored, owner);
      throw error;
    }
    return stored;
  }

  async function removeFiles(files: { id: string; key: string }[], owner: string): Promise<void> {
    for (const f of files) {
      if (await store.deleteAttachment(db, owner, f.id)) await deps.files.delete(f.key);
    }
  }

  async function feedback(serviceId: string, rating: number, comment: string | undefined): Promise<void> {
    await store.insertFeedback(db, { service_id: serviceId, rating, comment: comment?.trim() ? comment.trim().slice(0, 1000) : null, created_at: at() });
  }

  /** Deletes expired drafts and their files; the job runs this daily. Returns how many. */
  async function deleteExpiredDrafts(batch = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const ids = await store.expiredDraftIds(db, at(), batch);
      if (ids.length === 0) return total;
      const keys = await db.transaction().execute((trx) => store.deleteDrafts(trx, ids));
      for (const key of keys) await deps.files.delete(key);
      total += ids.length;
    }
  }

  /**
   * Deletes uploads no draft or submission took within ABANDONED_UPLOAD_HOURS (an API request
   * that died between storing its files and committing), with their files. Returns how many.
   */
  async function deleteAbandonedUploads(batch = 500): Promise<number> {
    const before = new Date(clock().getTime() - ABANDONED_UPLOAD_HOURS * 3_600_000).toISOString();
    let total = 0;
    for (;;) {
      const rows = await store.abandonedUploads(db, before, batch);
      for (const row of rows) if (await store.deleteAttachment(db, row.draft_id, row.id)) await deps.files.delete(row.storage_key);
      total += rows.length;
      if (rows.length < batch) return total;
    }
  }

  return {
    startDraft,
    prefillFor,
    claimAssistedDraft,
    openDraft,
    currentVersion,
    saveStep,
    summaryOf,
    submitDraft,
    submitJson,
    feedback,
    deleteExpiredDrafts,
    deleteAbandonedUploads,
    draftsOf: (subject: string) => store.draftsOf(db, subject, at()),
    liveDraftsOf: (subject: string) => store.liveDraftsOf(db, subject, at()),
    submission: (reference: string) => store.submissionByReference(db, reference),
    attachment: (id: string) => store.findAttachment(db, id),
    readFile: (key: string) => deps.files.get(key),
    countView: (serviceId: string) => store.countView(db, serviceId, copenhagenDay(clock())),
    checkContext,
    catalogue,
    now: clock,
    suggestAddresses: (query: string) => deps.addresses.suggest(query),
  };
}

export type SelfService = ReturnType<typeof selfService>;

/** A draft's answers changed between "Send" reading them and its transaction. */
class DraftChanged extends Error {}

/** Where the e-mail receipt goes: the first e-mail question answered. */
function receiptAddress(def: ServiceDefinition, answers: Answers): string | undefined {
  for (const step of def.steps) {
    for (const field of step.fields) {
      const value = answers[field.id];
      if (field.type === 'email' && typeof value === 'string') return value;
    }
  }
  return undefined;
}

function filesOf(answers: Answers, field: string): FileRef[] {
  const list = answers[field];
  return Array.isArray(list) ? (list as FileRef[]) : [];
}

/** Answers given on the steps before this one. */
function answersBefore(def: ServiceDefinition, answers: Answers, stepId: string): Answers {
  const before: Answers = {};
  for (const step of def.steps) {
    if (step.id === stepId) break;
    for (const f of step.fields) if (answers[f.id] !== undefined) before[f.id] = answers[f.id]!;
  }
  return before;
}

/** Drops answers whose shape no longer fits their field (a new version changed its type). */
function fitting(def: ServiceDefinition, answers: Answers): Answers {
  const out: Answers = {};
  for (const step of def.steps) {
    for (const field of step.fields) {
      const v: AnswerValue | undefined = answers[field.id];
      if (v === undefined) continue;
      const ok =
        field.type === 'number' ? typeof v === 'number'
        : field.type === 'checkboxes' ? Array.isArray(v) && v.every((x) => typeof x === 'string')
        : field.type === 'file' || field.type === 'group' ? Array.isArray(v) && v.every((x) => typeof x === 'object')
        : field.type === 'address' ? typeof v === 'object' && !Array.isArray(v)
        : typeof v === 'string';
      if (ok) out[field.id] = v;
    }
  }
  return out;
}

/** The case's party: the login, or what the form asked when no one logged in. */
function applicantFrom(def: ServiceDefinition, answers: Answers, applicant: Applicant): CaseRequest['applicant'] {
  const party: CaseRequest['applicant'] = {};
  if (applicant.subject) party.subject = applicant.subject;
  const fields = def.steps.flatMap((s) => s.fields);
  const first = (type: string, prefill?: string) => {
    const f = fields.find((x) => x.type === type && (prefill === undefined || ('prefill' in x && x.prefill === prefill)));
    const v = f ? answers[f.id] : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  const cpr = applicant.cpr ?? first('cpr', 'cpr');
  const cvr = applicant.cvr ?? first('cvr');
  const name = applicant.organisation ?? applicant.name ?? first('text', 'organisation') ?? first('text', 'name');
  if (cpr) party.cpr = cpr;
  if (cvr) party.cvr = cvr;
  if (name) party.name = name;
  return party;
}
