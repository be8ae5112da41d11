// Case handling: create, change status, assign, transfer, notes, the citizen's replies.
// Every write takes the caller's transaction and leaves an entry on the append-only timeline.
import { copenhagenDay, createWorkingCalendar, type LocalizedName, type WorkingCalendar } from '../../platform/calendar/index.ts';
import { json, now, toTimestamp, type Db, type Dialect, type Timestamp, type Trx } from '../../platform/db/index.ts';
import { conflict, notFound, validationFailed } from '../../platform/http/errors.ts';
import { clockAfter, startClock, type DeadlineRule } from './deadline.ts';
import { isReference, nextReference } from './reference.ts';
import { checkTransfer, checkTransition, transferCitizenText, type CaseStatus, type Transition } from './status.ts';
import * as store from './store.ts';
import type { Actor, CaseRecord, Decision, Party, Priority, Submission, TimelineDetails, TimelineKind } from './schema.ts';
import { emitCaseEvent } from './webhooks.ts';
import { sendLetter, tellCitizen } from './letters.ts';

/** The working calendar deadlines are counted in (Danish public holidays and the default closed days). */
export const calendar: WorkingCalendar = createWorkingCalendar();

export type NewCase = {
  title: string;
  /** The service (self-service solution) the case came from, e.g. 'byggetilladelse'. */
  service: string;
  /** KLE topic, e.g. '02.34.02', and optional action facet, e.g. 'G01'. */
  kle: string;
  kleAction?: string | null;
  department: string;
  party: Party;
  submission: Submission;
  deadline: DeadlineRule;
  priority?: Priority;
  /** When the municipality received it; default now. */
  receivedAt?: Date;
  /**
   * A reference taken beforehand with takeCaseReference, in the same transaction, by a caller
   * that writes the number elsewhere before the case exists (a self-service submission's row).
   */
  reference?: string;
  actor: Actor;
};

const KLE = /^\d{2}\.\d{2}(\.\d{2})?$/;

function validateNewCase(input: NewCase): void {
  const problems: { field: string; message: string }[] = [];
  if (input.reference !== undefined && !isReference(input.reference)) problems.push({ field: 'reference', message: 'Sagsnummeret skal skrives som 2026-004211.' });
  if (input.title.trim() === '') problems.push({ field: 'title', message: 'Sagen skal have en titel.' });
  if (input.service.trim() === '') problems.push({ field: 'service', message: 'Sagen skal høre til en selvbetjening.' });
  if (!KLE.test(input.kle)) problems.push({ field: 'kle', message: 'KLE-emnet skal skrives som 02.34.02.' });
  if (input.department.trim() === '') problems.push({ field: 'department', message: 'Sagen skal høre til en forvaltning.' });
  if (input.party.kind === 'person' && !/^\d{10}$/.test(input.party.cpr)) problems.push({ field: 'party.cpr', message: 'CPR-nummeret skal være 10 cifre.' });
  if (input.party.kind === 'business' && !/^\d{8}$/.test(input.party.cvr)) problems.push({ field: 'party.cvr', message: 'CVR-nummeret skal være 8 cifre.' });
  if (input.party.name.trim() === '') problems.push({ field: 'party.name', message: 'Skriv navnet på borgeren eller virksomheden.' });
  const amount = 'workingDays' in input.deadline ? input.deadline.workingDays : input.deadline.weeks;
  if (!Number.isInteger(amount) || amount < 1 || amount > 520) problems.push({ field: 'deadline', message: 'Fristen skal være et helt antal dage eller uger.' });
  if (problems.length > 0) throw validationFailed(problems);
}

/** Lower case without accents, for "starts with" name search. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('da').replace(/\s+/g, ' ').trim();
}

/** Creates a case with a new reference and its first timeline entry ("submitted"). */
export async function createCase(trx: Trx, input: NewCase): Promise<CaseRecord> {
  validateNewCase(input);
  const receivedAt = input.receivedAt ?? new Date();
  const at = toTimestamp(receivedAt);
  const clock = startClock(calendar, input.deadline, receivedAt);
  const { party } = input;
  const submitted: store.NewEntry = { at, kind: 'submitted', public: true, actor: input.actor, details: json({}) };
  const created = await store.insertCase(
    trx,
    {
      reference: input.reference ?? (await nextReference(trx, receivedAt)),
      title: input.title.trim(),
      service: input.service,
      kle: input.kle,
      kle_action: input.kleAction ?? null,
      department: input.department,
      party_kind: party.kind,
      party_cpr: party.kind === 'person' ? party.cpr : null,
      party_cvr: party.kind === 'business' ? party.cvr : null,
      party_name: party.name.trim(),
      party_name_key: nameKey(party.name),
      contact_email: party.email ?? null,
      contact_phone: party.phone ?? null,
      status: 'received',
      assignee: null,
      assignee_name: null,
      priority: input.priority ?? 'normal',
      deadline: clock.deadline,
      deadline_paused_at: null,
      submission: json(input.submission),
      received_at: at,
      updated_at: at,
      closed_at: null,
      handoff_confirmed_at: null,
      handoff_reference: null,
    },
    submitted,
  );
  await emitCaseEvent(trx, 'case.created', created);
  return created;
}

/** The next case reference, for a caller that must write it down before createCase (NewCase.reference). */
export function takeCaseReference(trx: Trx): Promise<string> {
  return nextReference(trx, new Date());
}

export type NewTimelineEntry = { [K in TimelineKind]: { kind: K; public: boolean; details: TimelineDetails[K] } }[TimelineKind];

/** Appends one entry to a case's timeline. Entries are never changed or removed (except with the whole case). */
export async function addTimelineEntry(trx: Trx, caseId: number, actor: Actor, entry: NewTimelineEntry, at: Timestamp = now()): Promise<number> {
  return store.insertTimelineEntry(trx, { caseId, at, kind: entry.kind, public: entry.public, actor, details: json(entry.details) });
}

/** Reads the case for a change, locked on PostgreSQL; refuses cases of other departments. */
export async function caseForChange(trx: Trx, dialect: Dialect, reference: string, department?: string): Promise<CaseRecord> {
  const found = await store.lockCase(trx, reference, dialect === 'postgres');
  if (!found || (department !== undefined && found.department !== department)) throw notFound('No such case.');
  return found;
}

export type StatusChange = { to: CaseStatus; reason?: string | null; via?: Transition['only'] };

/**
 * Moves a case to another status if the status machine allows it, pauses or resumes the
 * deadline, and tells the citizen when the move says so. Returns the updated case.
 */
export async function changeStatus(trx: Trx, current: CaseRecord, change: StatusChange, actor: Actor): Promise<CaseRecord> {
  const transition = checkTransition(current.status, change.to, change.via);
  const at = new Date();
  const clock = clockAfter(calendar, { unit: 'working-days', deadline: current.deadline, pausedAt: current.deadlinePausedAt === null ? null : new Date(current.deadlinePausedAt) }, change.to, at);
  const updated = await store.updateCase(
    trx,
    current.id,
    {
      status: change.to,
      deadline: clock.deadline,
      deadline_paused_at: clock.pausedAt === null ? null : toTimestamp(clock.pausedAt),
      closed_at: change.to === 'closed' ? toTimestamp(at) : null,
      // A hand-off confirms one closing: a reopened case is handed off again once closed again,
      // or retention would delete it with what was added after the first hand-off.
      handoff_confirmed_at: null,
      handoff_reference: null,
    },
    toTimestamp(at),
  );
  await addTimelineEntry(trx, current.id, actor, {
    kind: 'status_changed',
    // A move the citizen is not told of stays internal, with its reason.
    public: transition.citizenText !== null,
    details: { from: current.status, to: change.to, reason: change.reason?.trim() || null, citizenText: transition.citizenText },
  });
  if (transition.citizenText !== null && transition.only !== 'decision') await tellCitizen(trx, updated, transition.citizenText);
  await emitCaseEvent(trx, change.to === 'closed' ? 'case.closed' : 'case.updated', updated);
  return updated;
}

/** Gives the case to an employee (or to nobody). Internal: the citizen is not told. */
export async function assignCase(trx: Trx, current: CaseRecord, assignee: { id: string; name: string } | null, actor: Actor): Promise<CaseRecord> {
  if ((current.assignee?.id ?? null) === (assignee?.id ?? null)) return current;
  const updated = await store.updateCase(trx, current.id, { assignee: assignee?.id ?? null, assignee_name: assignee?.name ?? null }, now());
  await addTimelineEntry(trx, current.id, actor, { kind: 'reassigned', public: false, details: { from: current.assignee?.name ?? null, to: assignee?.name ?? null } });
  await emitCaseEvent(trx, 'case.updated', updated);
  return updated;
}

/** Assigns several cases of one department at once; all or none. */
export async function bulkAssign(trx: Trx, dialect: Dialect, department: string, references: readonly string[], assignee: { id: string; name: string } | null, actor: Actor): Promise<number> {
  if (references.length === 0) throw validationFailed([{ field: 'cases', message: 'Vælg mindst én sag.' }]);
  let changed = 0;
  for (const reference of new Set(references)) {
    const current = await caseForChange(trx, dialect, reference, department);
    if ((await assignCase(trx, current, assignee, actor)) !== current) changed++;
  }
  return changed;
}

/**
 * Sends the case to another department's inbox as "received", with a reason. The deadline
 * stays: the citizen should not wait longer because we sent the case around. Counted.
 */
export async function transferCase(trx: Trx, current: CaseRecord, to: { id: string; name: LocalizedName }, reason: string, actor: Actor): Promise<CaseRecord> {
  checkTransfer(current.status);
  if (to.id === current.department) throw conflict('The case is already in that department.');
  if (reason.trim() === '') throw validationFailed([{ field: 'reason', message: 'Skriv hvorfor sagen skal flyttes.' }]);
  const at = new Date();
  const clock = clockAfter(calendar, { unit: 'working-days', deadline: current.deadline, pausedAt: current.deadlinePausedAt === null ? null : new Date(current.deadlinePausedAt) }, 'received', at);
  const updated = await store.updateCase(
    trx,
    current.id,
    {
      department: to.id,
      status: 'received',
      assignee: null,
      assignee_name: null,
      deadline: clock.deadline,
      deadline_paused_at: null,
      transfer_count: current.transferCount + 1,
    },
    toTimestamp(at),
  );
  const citizenText = transferCitizenText(to.name);
  await addTimelineEntry(trx, current.id, actor, { kind: 'transferred', public: true, details: { from: current.department, to: to.id, reason: reason.trim(), citizenText } });
  await tellCitizen(trx, updated, citizenText);
  await emitCaseEvent(trx, 'case.updated', updated);
  return updated;
}

export async function addNote(trx: Trx, current: CaseRecord, text: string, actor: Actor): Promise<number> {
  if (text.trim() === '') throw validationFailed([{ field: 'text', message: 'Skriv et notat.' }]);
  const id = await addTimelineEntry(trx, current.id, actor, { kind: 'note', public: false, details: { text: text.trim() } });
  await store.updateCase(trx, current.id, {}, now());
  return id;
}

export type NewAttachment = { fileKey: string; filename: string; contentType: string; size: number };

/** Records files already put in storage as attachments of a timeline entry. */
export async function addAttachments(trx: Trx, current: CaseRecord, timelineId: number, files: readonly NewAttachment[], isPublic: boolean, actor: Actor): Promise<void> {
  for (const file of files) {
    await store.insertAttachment(trx, {
      case_id: current.id,
      timeline_id: timelineId,
      file_key: file.fileKey,
      filename: file.filename,
      content_type: file.contentType,
      size: file.size,
      public: isPublic,
      created_at: now(),
    });
    await addTimelineEntry(trx, current.id, actor, { kind: 'attachment_added', public: isPublic, details: { filename: file.filename } });
  }
}

/**
 * The citizen's reply from "Mit overblik": on the timeline, with its files; a case waiting for
 * the citizen goes back to "in progress" (the clock resumes). Returns the timeline entry id.
 */
export async function recordCitizenReply(trx: Trx, current: CaseRecord, text: string, files: readonly NewAttachment[], actor: Actor): Promise<{ entryId: number; updated: CaseRecord }> {
  if (text.trim() === '' && files.length === 0) throw validationFailed([{ field: 'text', message: 'Skriv dit svar, eller vedhæft en fil.' }]);
  if (current.status === 'closed') throw conflict('The case is closed; write a new request instead.');
  const entryId = await addTimelineEntry(trx, current.id, actor, { kind: 'message_from_citizen', public: true, details: { text: text.trim() } });
  await addAttachments(trx, current, entryId, files, true, actor);
  const updated =
    current.status === 'waiting_for_citizen'
      ? await changeStatus(trx, current, { to: 'in_progress', reason: 'Borgeren har svaret.' }, actor)
      : await store.updateCase(trx, current.id, {}, now());
  if (updated.status === current.status) await emitCaseEvent(trx, 'case.updated', updated);
  return { entryId, updated };
}

/** The case and document system (ESDH) has taken over the case: Kanal may now delete its copy. */
export async function confirmHandoff(trx: Trx, current: CaseRecord, handoffReference: string | null, actor: Actor): Promise<CaseRecord> {
  if (current.status !== 'closed') throw conflict('Only a closed case can be handed off.');
  const at = now();
  const updated = await store.updateCase(trx, current.id, { handoff_confirmed_at: at, handoff_reference: handoffReference }, at);
  await addTimelineEntry(trx, current.id, actor, { kind: 'handoff_confirmed', public: false, details: { reference: handoffReference } });
  return updated;
}

// ---- reading ----

export type PartyKey = store.PartyKey;

/** A citizen's or business's cases, newest first (for "Mit overblik" and other modules). */
export async function listCasesForParty(db: Db | Trx, party: PartyKey, limit = 200): Promise<CaseRecord[]> {
  return store.findCasesForParty(db, party, limit, []);
}

export async function getCase(db: Db | Trx, reference: string): Promise<CaseRecord | undefined> {
  return store.findCaseByReference(db, reference);
}

export function today(): string {
  return copenhagenDay(new Date());
}

// ---- letters from the case ----

/** A message to the citizen; `askForReply` also sets the case to wait for the citizen (the clock pauses). */
export async function sendMessage(trx: Trx, current: CaseRecord, message: { subject: string; body: string; askForReply?: boolean }, actor: Actor): Promise<{ letterId: number; updated: CaseRecord }> {
  if (current.status === 'closed') throw conflict('The case is closed; reopen it to write to the citizen.');
  if (message.askForReply && current.status !== 'waiting_for_citizen') checkTransition(current.status, 'waiting_for_citizen');
  const letterId = await sendLetter(trx, current, { kind: 'message', subject: message.subject, body: message.body }, actor);
  const updated =
    message.askForReply && current.status !== 'waiting_for_citizen'
      ? await changeStatus(trx, current, { to: 'waiting_for_citizen', reason: message.subject }, actor)
      : await store.updateCase(trx, current.id, {}, now());
  if (updated.status === current.status) await emitCaseEvent(trx, 'case.updated', updated);
  return { letterId, updated };
}

/** Sends a decision letter and marks the case decided. */
export async function sendDecision(trx: Trx, current: CaseRecord, letter: { subject: string; body: string; decision: Decision }, actor: Actor): Promise<{ letterId: number; updated: CaseRecord }> {
  checkTransition(current.status, 'decided', 'decision');
  const letterId = await sendLetter(trx, current, { kind: 'decision', ...letter }, actor);
  const updated = await changeStatus(trx, current, { to: 'decided', via: 'decision' }, actor);
  return { letterId, updated };
}
