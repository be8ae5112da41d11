// Recording contacts: the one entry point every module uses, and staff corrections.
import { copenhagenDay, type Day } from '../../platform/calendar/index.ts';
import { sql } from 'kysely';
import { now, type Db, type Timestamp, type Trx } from '../../platform/db/index.ts';
import { KanalError, type FieldProblem } from '../../platform/http/errors.ts';
import {
  channels,
  directions,
  kinds,
  resolutions,
  type Channel,
  type Contact,
  type ContactInput,
  type Kind,
  type Resolution,
} from './schema.ts';
import * as store from './store.ts';
import { topicForKle } from './topics.ts';

/** A contact that cannot be recorded as given; `details` names each wrong field. */
export class InvalidContact extends KanalError {
  constructor(details: FieldProblem[]) {
    super('validation_failed', `The contact is not valid: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`, details);
    this.name = 'InvalidContact';
  }
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
const listed = (list: readonly string[]) => `must be one of ${list.join(', ')}`;

export const isChannel = (v: unknown): v is Channel => oneOf(channels, v);
export const isKind = (v: unknown): v is Kind => oneOf(kinds, v);
export const isResolution = (v: unknown): v is Resolution => oneOf(resolutions, v);
// A department passed to record() comes from a configured source (a case's department, a topic's);
// record() has no configuration, so it checks the id's form (KANAL_DEPARTMENTS ids) only.
const isDepartmentId = (v: unknown): v is string => typeof v === 'string' && /^[a-z0-9-]{1,64}$/.test(v);

/** The highest count one record may stand for; far above any real day's figure. */
export const MAX_COUNT = 10_000_000;

function toInstant(at: ContactInput['at']): Date | undefined {
  if (at === undefined) return new Date();
  const date = at instanceof Date ? at : typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(at) ? new Date(at) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/** Problems with the fields that need no database; the topic is checked against the topic list after. */
function shapeProblems(input: ContactInput, instant: Date | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!instant) problems.push({ field: 'at', message: 'must be a date and time (ISO 8601)' });
  if (!isChannel(input.channel)) problems.push({ field: 'channel', message: listed(channels) });
  if (input.direction !== undefined && !oneOf(directions, input.direction)) problems.push({ field: 'direction', message: listed(directions) });
  if (!isKind(input.kind)) problems.push({ field: 'kind', message: listed(kinds) });
  if (typeof input.topic !== 'string' || input.topic === '') problems.push({ field: 'topic', message: 'is required' });
  if (input.department !== undefined && !isDepartmentId(input.department)) problems.push({ field: 'department', message: 'must be a department id (lower-case letters, digits and dashes)' });
  if (input.resolved !== undefined && !isResolution(input.resolved)) problems.push({ field: 'resolved', message: listed(resolutions) });
  if (input.failureDemand !== undefined && typeof input.failureDemand !== 'boolean') problems.push({ field: 'failureDemand', message: 'must be true or false' });
  if (input.assisted !== undefined && typeof input.assisted !== 'boolean') problems.push({ field: 'assisted', message: 'must be true or false' });
  if (input.source !== undefined && input.source !== 'automatic' && input.source !== 'manual') problems.push({ field: 'source', message: 'must be automatic or manual' });
  if (input.count !== undefined && !(Number.isInteger(input.count) && input.count >= 1 && input.count <= MAX_COUNT)) {
    problems.push({ field: 'count', message: `must be a whole number from 1 to ${MAX_COUNT}` });
  }
  if (input.service !== undefined && input.service !== null && (typeof input.service !== 'string' || input.service === '' || input.service.length > 100)) {
    problems.push({ field: 'service', message: 'must be a service id of 1 to 100 characters' });
  }
  return problems;
}

export interface RecordedContact {
  id: number;
  day: Day;
}

const unknownTopic = (topic: string): FieldProblem => ({ field: 'topic', message: `unknown topic ${JSON.stringify(topic)}` });

/**
 * Records one contact (or `count` identical ones) and adds it to the daily aggregates and
 * monthly roll-ups in the caller's transaction. Throws InvalidContact for an unknown
 * channel, topic or any other wrong dimension, before anything is written.
 */
export async function record(trx: Trx, input: ContactInput): Promise<RecordedContact> {
  const instant = toInstant(input.at);
  const problems = shapeProblems(input, instant);
  // The topic is checked by the statement that writes (one round trip fewer); when something
  // else is wrong already, it is looked up so the error names it too.
  const topicGiven = typeof input.topic === 'string' && input.topic !== '';
  if (topicGiven && problems.length > 0 && !(await store.findTopic(trx, input.topic))?.active) problems.push(unknownTopic(input.topic));
  if (problems.length > 0 || !instant) throw new InvalidContact(problems);

  const day = copenhagenDay(instant);
  const id = await store.recordContact(trx, {
    occurred_at: instant.toISOString(),
    day,
    channel: input.channel,
    direction: input.direction ?? 'in',
    kind: input.kind,
    topic: input.topic,
    department: input.department ?? null,
    service: input.service ?? null,
    resolved: input.resolved ?? 'unknown',
    failure_demand: input.failureDemand ?? false,
    assisted: input.assisted ?? false,
    source: input.source ?? 'automatic',
    count: input.count ?? 1,
    person: input.person ?? null,
    recorded_by: input.recordedBy ?? null,
    created_at: now(),
  });
  if (id === undefined) throw new InvalidContact([unknownTopic(input.topic)]);
  return { id, day };
}

/**
 * Records a contact under the topic of a KLE number (`topicForKle`, preferring the contact's
 * department): how a module records a contact about a case, a service or an article. The topics
 * come from the configuration cache; when the one chosen was retired on another app node a moment
 * ago (before this node heard), record() refuses it, and the topics are read again from the database.
 */
export async function recordForKle(trx: Trx, input: Omit<ContactInput, 'topic'> & { kle: string }): Promise<RecordedContact> {
  const { kle, ...contact } = input;
  try {
    return await record(trx, { ...contact, topic: await topicForKle(trx, kle, contact.department) });
  } catch (error) {
    const onlyTheTopic = error instanceof InvalidContact && error.details?.every((d) => d.field === 'topic') === true;
    if (!onlyTheTopic) throw error;
    return record(trx, { ...contact, topic: await topicForKle(trx, kle, contact.department, { fresh: true }) });
  }
}

/** How long staff may correct or remove their own registration. */
export const CORRECTION_MINUTES = 10;

export interface Correction {
  channel: Channel;
  kind: Kind;
  topic: string;
  resolved: Resolution;
  failureDemand: boolean;
  assisted: boolean;
}

/**
 * The contact, locked until the transaction ends, if this employee registered it recently enough
 * to correct; undefined if there is none (any more). Locked, so a second request at the same time
 * (a double click) waits and then sees what the first did: the contact removed, or corrected.
 */
async function correctable(trx: Trx, id: number, recordedBy: string, at: Date): Promise<Contact | undefined> {
  const contact = await store.findContact(trx, id, { lock: true });
  if (!contact) return undefined;
  if (contact.recordedBy !== recordedBy || contact.source !== 'manual') throw notYours();
  if (at.getTime() - Date.parse(contact.createdAt) > CORRECTION_MINUTES * 60_000) {
    throw new KanalError('conflict', `A registration can be corrected for ${CORRECTION_MINUTES} minutes only.`);
  }
  return contact;
}

const notYours = () => new KanalError('not_found', 'No registration of yours with that id.');

/** Corrects an employee's own recent registration; the aggregates move with it. */
export async function correct(trx: Trx, id: number, recordedBy: string, change: Correction, at = new Date()): Promise<void> {
  const before = await correctable(trx, id, recordedBy, at);
  if (!before) throw notYours();
  const problems = shapeProblems({ channel: change.channel, kind: change.kind, topic: change.topic, resolved: change.resolved }, at);
  const topic = await store.findTopic(trx, change.topic);
  if (!topic?.active) problems.push(unknownTopic(change.topic));
  if (problems.length > 0 || !topic) throw new InvalidContact(problems);
  // A new topic brings its department; an unchanged one keeps what was recorded.
  const department = topic.code === before.topic ? before.department : topic.department;
  const after: Contact = { ...before, ...change, department };
  await store.aggregateContacts(trx, sql`id = ${id}`, -1);
  await store.updateContactDimensions(trx, id, {
    channel: after.channel,
    direction: after.direction,
    kind: after.kind,
    topic: after.topic,
    department: after.department,
    resolved: after.resolved,
    failure_demand: after.failureDemand,
    assisted: after.assisted,
  });
  await store.aggregateContacts(trx, sql`id = ${id}`, 1);
  await store.deleteEmptyAggregates(trx, before.day, before.day);
}

/**
 * Removes an employee's own recent registration (registered by mistake). false if it is gone
 * already: removed by a request a moment before (a double click, a second tab).
 */
export async function remove(trx: Trx, id: number, recordedBy: string, at = new Date()): Promise<boolean> {
  const contact = await correctable(trx, id, recordedBy, at);
  if (!contact) return false;
  await store.aggregateContacts(trx, sql`id = ${id}`, -1);
  await store.deleteEmptyAggregates(trx, contact.day, contact.day);
  await store.deleteContact(trx, id);
  return true;
}

/** An employee's registrations that can still be corrected, newest first. */
export function recentRegistrations(db: Db, recordedBy: string, at = new Date()): Promise<Contact[]> {
  const since: Timestamp = new Date(at.getTime() - CORRECTION_MINUTES * 60_000).toISOString();
  return store.contactsRecordedBy(db, recordedBy, since, 10);
}

/** Recomputes the daily aggregates and monthly roll-ups from the raw rows (`kanal contacts rebuild-aggregates`). */
export function rebuildAggregates(trx: Trx): Promise<number> {
  return store.rebuildAggregates(trx);
}
