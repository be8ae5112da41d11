// The only file with the self-service module's queries.
import { sql, type Generated, type QueryCreator, type Selectable } from 'kysely';
import { dialectOf, json, lockInTransaction, lockingRows, type Db, type JsonColumn, type Timestamp, type Trx } from '../../platform/db/index.ts';
import type { Answers } from './schema.ts';

/** Who a service is filled in for: the case's party and the source of prefilled answers. */
export interface Applicant {
  subject?: string;
  name?: string;
  cpr?: string;
  cvr?: string;
  organisation?: string;
  address?: string;
}

/** A frozen question and answer, as the citizen saw them when sending. */
export interface SummaryRow {
  step: string;
  question: string;
  answer: string;
}

type Tables = {
  selfservice_draft: {
    id: string;
    secret_hash: string;
    service_id: string;
    service_version: number;
    owner_subject: string | null;
    applicant: JsonColumn<Applicant>;
    assisted: boolean;
    answers: JsonColumn<Answers>;
    current_step: string;
    attempt_id: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    expires_at: Timestamp;
    submission_reference: string | null;
  };
  selfservice_attachment: {
    id: string;
    draft_id: string;
    field_id: string;
    name: string;
    type: string;
    size: number;
    storage_key: string;
    created_at: Timestamp;
    submission_reference: string | null;
  };
  selfservice_submission: {
    reference: string;
    idempotency_key: string;
    service_id: string;
    service_version: number;
    answers: JsonColumn<Answers>;
    summary: JsonColumn<SummaryRow[]>;
    owner_subject: string | null;
    assisted: boolean;
    case_reference: string;
    waiting_list: boolean;
    submitted_at: Timestamp;
  };
  selfservice_attempt: {
    id: string;
    service_id: string;
    assisted: boolean;
    started_at: Timestamp;
    last_active_at: Timestamp;
    completed_at: Timestamp | null;
    exit_id: string | null;
  };
  selfservice_attempt_step: { attempt_id: string; step_id: string };
  selfservice_view: { service_id: string; day: string; views: number };
  selfservice_feedback: { id: Generated<number>; service_id: string; rating: number; comment: string | null; created_at: Timestamp };
};

export type DraftRow = Selectable<Tables['selfservice_draft']>;
export type AttachmentRow = Selectable<Tables['selfservice_attachment']>;
export type SubmissionRow = Selectable<Tables['selfservice_submission']>;

const q = (db: Db | Trx) => db.withTables<Tables>();

// ---- drafts ----------------------------------------------------------------------------

export async function insertDraft(trx: Db | Trx, draft: Omit<DraftRow, 'answers' | 'applicant' | 'submission_reference'> & { answers: Answers; applicant: Applicant }): Promise<void> {
  await q(trx).insertInto('selfservice_draft').values({ ...draft, answers: json(draft.answers), applicant: json(draft.applicant), submission_reference: null }).execute();
}

export async function findDraft(db: Db | Trx, id: string): Promise<DraftRow | undefined> {
  // On every page of a draft: a plain statement, without Kysely's query building (see findSession in platform/auth/store.ts).
  const { rows } = await sql<DraftRow>`select * from selfservice_draft where id = ${id}`.execute(db);
  return rows[0];
}

/**
 * The draft, read again in a transaction that writes from it: on PostgreSQL locked until COMMIT, so
 * another request's change to it waits or is seen (SQLite's write transaction is serial already).
 */
export function lockDraft(trx: Trx, id: string): Promise<DraftRow | undefined> {
  return lockingRows(trx, q(trx).selectFrom('selfservice_draft').selectAll().where('id', '=', id)).executeTakeFirst();
}

/** Saves a draft while it is unsent; false once it was sent (another tab may have sent it meanwhile). */
export async function updateDraft(db: Db | Trx, id: string, changes: { answers?: Answers; current_step?: string; updated_at: Timestamp; expires_at?: Timestamp; service_version?: number }): Promise<boolean> {
  const { answers, ...rest } = changes;
  const result = await q(db)
    .updateTable('selfservice_draft')
    .set({ ...rest, ...(answers ? { answers: json(answers) } : {}) })
    .where('id', '=', id)
    .where('submission_reference', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Gives an unowned assisted draft its owner; false when someone else claimed it first. */
export async function claimDraft(db: Db, id: string, changes: { owner_subject: string; applicant: Applicant; answers: Answers; updated_at: Timestamp }): Promise<boolean> {
  const result = await q(db)
    .updateTable('selfservice_draft')
    .set({ owner_subject: changes.owner_subject, applicant: json(changes.applicant), answers: json(changes.answers), updated_at: changes.updated_at })
    .where('id', '=', id)
    .where('owner_subject', 'is', null)
    .where('assisted', '=', true)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The draft is sent: the submission keeps the answers now, the draft keeps only the way to the
 * receipt, and the draft's attempt is completed. On PostgreSQL both changes are one statement (a
 * round trip less in every submission). False, changing nothing of the draft, when its answers are
 * no longer `draft.answers` (another tab saved since they were read): the submission must not stand.
 */
export async function markDraftSubmitted(trx: Trx, draft: { id: string; attempt_id: string; answers: Answers }, reference: string, at: Timestamp): Promise<boolean> {
  // JSON compared as stored: jsonb by value on PostgreSQL; on SQLite the text the read answers were parsed from.
  const draftSent = (db: QueryCreator<Tables>) =>
    db.updateTable('selfservice_draft').set({ submission_reference: reference, answers: json({}) }).where('id', '=', draft.id).where(sql<boolean>`answers = ${json(draft.answers)}`);
  if (dialectOf(trx) === 'postgres') {
    // The attempt's completion rides along as a data-modifying CTE; the statement never reads it,
    // so the CTE's name adds nothing to the tables the draft's update can see.
    const withCompletion = q(trx).with('attempt_completed', (db) => attemptCompletion(db, draft.attempt_id, at, null)) as unknown as QueryCreator<Tables>;
    return Number((await draftSent(withCompletion).executeTakeFirst()).numUpdatedRows) === 1;
  }
  if (Number((await draftSent(q(trx)).executeTakeFirst()).numUpdatedRows) !== 1) return false;
  await completeAttempt(trx, draft.attempt_id, at, null);
  return true;
}

/** The unsent drafts of a logged-in person, newest first. */
export function draftsOf(db: Db, ownerSubject: string, now: Timestamp): Promise<DraftRow[]> {
  return q(db)
    .selectFrom('selfservice_draft')
    .selectAll()
    .where('owner_subject', '=', ownerSubject)
    .where('submission_reference', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('updated_at', 'desc')
    .execute();
}

/** The live drafts of a logged-in person, sent ones too (their pages include the receipt). */
export function liveDraftsOf(db: Db, ownerSubject: string, now: Timestamp): Promise<Pick<DraftRow, 'id' | 'service_id'>[]> {
  return q(db).selectFrom('selfservice_draft').select(['id', 'service_id']).where('owner_subject', '=', ownerSubject).where('expires_at', '>', now).execute();
}

export function expiredDraftIds(db: Db, now: Timestamp, limit: number): Promise<string[]> {
  return q(db)
    .selectFrom('selfservice_draft')
    .select('id')
    .where('expires_at', '<=', now)
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => r.id));
}

/** Deletes drafts with their attachment rows; returns the storage keys of files no submission keeps. */
export async function deleteDrafts(trx: Trx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const files = await q(trx).selectFrom('selfservice_attachment').select('storage_key').where('draft_id', 'in', ids).where('submission_reference', 'is', null).execute();
  await q(trx).deleteFrom('selfservice_attachment').where('draft_id', 'in', ids).where('submission_reference', 'is', null).execute();
  await q(trx).deleteFrom('selfservice_draft').where('id', 'in', ids).execute();
  return files.map((f) => f.storage_key);
}

// ---- attachments -------------------------------------------------------------------------

export async function insertAttachment(db: Db | Trx, row: Omit<AttachmentRow, 'submission_reference'>): Promise<void> {
  await q(db).insertInto('selfservice_attachment').values({ ...row, submission_reference: null }).execute();
}

export function findAttachment(db: Db | Trx, id: string): Promise<AttachmentRow | undefined> {
  return q(db).selectFrom('selfservice_attachment').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Deletes an upload its draft (or API request) owns and no submission has taken; returns the key
 * of the file to delete once this is committed. One statement: a submission taking the upload
 * meanwhile (on PostgreSQL the delete waits for it, then finds it taken) keeps it.
 */
export async function deleteAttachment(db: Db | Trx, draftId: string, id: string): Promise<string | undefined> {
  const row = await q(db).deleteFrom('selfservice_attachment').where('id', '=', id).where('draft_id', '=', draftId).where('submission_reference', 'is', null).returning('storage_key').executeTakeFirst();
  return row?.storage_key;
}

/**
 * Up to `limit` uploads stored before `before` that neither a draft nor a submission owns: an API
 * request's files whose submission never committed (the process died in between).
 */
export function abandonedUploads(db: Db, before: Timestamp, limit: number): Promise<{ id: string; draft_id: string; storage_key: string }[]> {
  return q(db)
    .selectFrom('selfservice_attachment as a')
    .select(['a.id', 'a.draft_id', 'a.storage_key'])
    .where('a.submission_reference', 'is', null)
    .where('a.created_at', '<', before)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('selfservice_draft as d').select('d.id').whereRef('d.id', '=', 'a.draft_id'))))
    .limit(limit)
    .execute();
}

export async function attachToSubmission(trx: Trx, ids: string[], reference: string): Promise<void> {
  if (ids.length > 0) await q(trx).updateTable('selfservice_attachment').set({ submission_reference: reference }).where('id', 'in', ids).execute();
}

// ---- submissions -------------------------------------------------------------------------

/**
 * Inserts the submission unless one with its idempotency key exists; false if one does. The
 * unique key is the gate (on PostgreSQL a second transaction with the same key waits here for the
 * first), so checking and inserting is one statement.
 */
export async function insertSubmissionOnce(trx: Trx, row: Omit<SubmissionRow, 'answers' | 'summary'> & { answers: Answers; summary: SummaryRow[] }): Promise<boolean> {
  const inserted = await q(trx)
    .insertInto('selfservice_submission')
    .values({ ...row, answers: json(row.answers), summary: json(row.summary) })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('reference')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function submissionByKey(db: Db | Trx, key: string): Promise<SubmissionRow | undefined> {
  return q(db).selectFrom('selfservice_submission').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export function submissionByReference(db: Db | Trx, reference: string): Promise<SubmissionRow | undefined> {
  return q(db).selectFrom('selfservice_submission').selectAll().where('reference', '=', reference).executeTakeFirst();
}

/**
 * The service's submissions so far, for its capacity. Counted by one submission at a time: on
 * PostgreSQL (several nodes, a transaction each) a lock per service, held until COMMIT, makes the
 * next one count after this one's row is in, so the last place is given once. On SQLite the write
 * transaction is serial already.
 */
export async function countSubmissionsInTurn(trx: Trx, serviceId: string): Promise<number> {
  await lockInTransaction(trx, 'selfservice.capacity', serviceId);
  const row = await q(trx).selectFrom('selfservice_submission').select((eb) => eb.fn.countAll<number>().as('n')).where('service_id', '=', serviceId).executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---- funnel --------------------------------------------------------------------------------

/** A new attempt; `completed` for one that ends as it starts (a submission through the API). */
export async function insertAttempt(trx: Db | Trx, row: { id: string; service_id: string; assisted: boolean; started_at: Timestamp }, { completed = false } = {}): Promise<void> {
  await q(trx)
    .insertInto('selfservice_attempt')
    .values({ ...row, last_active_at: row.started_at, completed_at: completed ? row.started_at : null, exit_id: null })
    .execute();
}

export async function touchAttempt(db: Db | Trx, id: string, at: Timestamp, stepId?: string): Promise<void> {
  await q(db).updateTable('selfservice_attempt').set({ last_active_at: at }).where('id', '=', id).execute();
  if (stepId) {
    await q(db).insertInto('selfservice_attempt_step').values({ attempt_id: id, step_id: stepId }).onConflict((oc) => oc.columns(['attempt_id', 'step_id']).doNothing()).execute();
  }
}

const attemptCompletion = (db: QueryCreator<Tables>, id: string, at: Timestamp, exitId: string | null) =>
  db.updateTable('selfservice_attempt').set({ completed_at: at, last_active_at: at, exit_id: exitId }).where('id', '=', id).where('completed_at', 'is', null);

export async function completeAttempt(db: Db | Trx, id: string, at: Timestamp, exitId: string | null): Promise<void> {
  await attemptCompletion(q(db), id, at, exitId).execute();
}

/** Counts a page view on the start page, one row per service and day. */
export async function countView(db: Db, serviceId: string, day: string): Promise<void> {
  await q(db)
    .insertInto('selfservice_view')
    .values({ service_id: serviceId, day, views: 1 })
    .onConflict((oc) => oc.columns(['service_id', 'day']).doUpdateSet({ views: sql`selfservice_view.views + 1` }))
    .execute();
}

export async function viewsBetween(db: Db, serviceId: string | undefined, fromDay: string, toDay: string): Promise<{ service_id: string; views: number }[]> {
  let query = q(db).selectFrom('selfservice_view').select(['service_id', (eb) => eb.fn.sum<number>('views').as('views')]).where('day', '>=', fromDay).where('day', '<=', toDay).groupBy('service_id');
  if (serviceId) query = query.where('service_id', '=', serviceId);
  return (await query.execute()).map((r) => ({ service_id: r.service_id, views: Number(r.views) }));
}

/** Attempts started in [from, to) per service, each counted once by how it ended (DESIGN.md's abandonment rule). */
export interface AttemptCounts {
  serviceId: string;
  starts: number;
  submissions: number;
  /** Ended at a "you cannot use this service" exit: counts as completed. */
  exits: number;
  /** Not completed and idle since before `idleBefore`; an attempt completed later is never abandoned. */
  abandoned: number;
  inProgress: number;
  assisted: number;
}

export async function attemptCounts(db: Db, from: Timestamp, to: Timestamp, idleBefore: Timestamp, serviceId?: string): Promise<AttemptCounts[]> {
  let query = q(db)
    .selectFrom('selfservice_attempt')
    .select((eb) => [
      'service_id',
      eb.fn.countAll<number>().as('starts'),
      sql<number>`sum(case when completed_at is not null and exit_id is null then 1 else 0 end)`.as('submissions'),
      sql<number>`sum(case when completed_at is not null and exit_id is not null then 1 else 0 end)`.as('exits'),
      sql<number>`sum(case when completed_at is null and last_active_at <= ${idleBefore} then 1 else 0 end)`.as('abandoned'),
      sql<number>`sum(case when completed_at is null and last_active_at > ${idleBefore} then 1 else 0 end)`.as('in_progress'),
      sql<number>`sum(case when assisted then 1 else 0 end)`.as('assisted'),
    ])
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .groupBy('service_id');
  if (serviceId !== undefined) query = query.where('service_id', '=', serviceId);
  return (await query.execute()).map((r) => ({
    serviceId: r.service_id,
    starts: Number(r.starts),
    submissions: Number(r.submissions),
    exits: Number(r.exits),
    abandoned: Number(r.abandoned),
    inProgress: Number(r.in_progress),
    assisted: Number(r.assisted),
  }));
}

/** Minutes from start to submission of each submitted attempt started in [from, to). */
export async function submissionDurations(db: Db, serviceId: string, from: Timestamp, to: Timestamp): Promise<number[]> {
  const rows = await q(db)
    .selectFrom('selfservice_attempt')
    .select(['started_at', 'completed_at'])
    .where('service_id', '=', serviceId)
    .where('started_at', '>=', from)
    .where('started_at', '<', to)
    .where('completed_at', 'is not', null)
    .where('exit_id', 'is', null)
    .execute();
  return rows.map((r) => (Date.parse(r.completed_at!) - Date.parse(r.started_at)) / 60000);
}

export async function stepsReached(db: Db, serviceId: string, from: Timestamp, to: Timestamp): Promise<Map<string, number>> {
  const rows = await q(db)
    .selectFrom('selfservice_attempt_step as s')
    .innerJoin('selfservice_attempt as a', 'a.id', 's.attempt_id')
    .select(['s.step_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('a.service_id', '=', serviceId)
    .where('a.started_at', '>=', from)
    .where('a.started_at', '<', to)
    .groupBy('s.step_id')
    .execute();
  return new Map(rows.map((r) => [r.step_id, Number(r.n)]));
}

/** Completed submissions per service since a time, for "most used". */
export async function submissionCounts(db: Db, since: Timestamp): Promise<Map<string, number>> {
  const rows = await q(db).selectFrom('selfservice_submission').select(['service_id', (eb) => eb.fn.countAll<number>().as('n')]).where('submitted_at', '>=', since).groupBy('service_id').execute();
  return new Map(rows.map((r) => [r.service_id, Number(r.n)]));
}

export async function insertFeedback(db: Db, row: { service_id: string; rating: number; comment: string | null; created_at: Timestamp }): Promise<void> {
  await q(db).insertInto('selfservice_feedback').values(row).execute();
}

export async function feedbackBetween(db: Db, serviceId: string, from: Timestamp, to: Timestamp): Promise<{ average: number | null; count: number }> {
  const row = await q(db)
    .selectFrom('selfservice_feedback')
    .select([(eb) => eb.fn.avg<number>('rating').as('average'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('service_id', '=', serviceId)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirstOrThrow();
  return { average: row.average === null ? null : Number(row.average), count: Number(row.n) };
}

