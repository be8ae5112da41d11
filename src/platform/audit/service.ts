// Writing to and reading from the audit log. Reading it is itself written to it.
import { DateTime } from 'luxon';
import { stringify } from 'csv-stringify/sync';
import { now, type Trx } from '../db/index.ts';
import { addDays, COPENHAGEN_ZONE, startOfCopenhagenDay, type Day } from '../calendar/days.ts';
import type { Identity } from '../auth/identity.ts';
import { findAuditRows, insertAuditRow, type AuditDetails, type AuditRow } from './store.ts';

/** Work done by Kanal itself (jobs, imports), not by a person. */
export interface SystemActor {
  kind: 'system';
  /** E.g. the job's name. */
  name: string;
}

export type AuditActor = Identity | SystemActor;

export type AuditOutcome = 'success' | 'denied' | 'not_found' | 'failed';

export interface AuditEntry {
  actor: AuditActor;
  /** What was done, as `<area>.<verb>`: 'person.lookup', 'case.view', 'audit.search'. */
  action: string;
  /** Whose data: the person's CPR number and/or the business's CVR number. */
  subject?: { cpr?: string | undefined; cvr?: string | undefined } | undefined;
  /** Why: the case, the contact, the task. Required, as the law asks. */
  purpose: string;
  requestId?: string | undefined;
  outcome: AuditOutcome;
  /** Context without personal data (ids, counts, search criteria other than the person). */
  details?: AuditDetails | undefined;
}

function actorColumns(actor: AuditActor) {
  if (actor.kind === 'system') return { actor_kind: 'system', actor_id: actor.name, actor_name: actor.name, actor_role: 'system', actor_department: null };
  return {
    actor_kind: actor.kind,
    actor_id: actor.subject,
    actor_name: actor.name,
    actor_role: actor.roles.join(','),
    actor_department: actor.kind === 'staff' ? actor.department.id : null,
  };
}

/**
 * Writes one entry in the caller's transaction: if the action is rolled back, so is
 * its entry; if the entry cannot be written, the action fails with it.
 */
export async function record(trx: Trx, entry: AuditEntry): Promise<void> {
  await insertAuditRow(trx, {
    at: now(),
    request_id: entry.requestId ?? null,
    ...actorColumns(entry.actor),
    action: entry.action,
    subject_cpr: entry.subject?.cpr ?? null,
    subject_cvr: entry.subject?.cvr ?? null,
    purpose: entry.purpose,
    outcome: entry.outcome,
    details: entry.details ? JSON.stringify(entry.details) : null,
  });
}

export interface AuditSearch {
  cpr?: string | undefined;
  cvr?: string | undefined;
  /** Employee: user id or part of the name. */
  actor?: string | undefined;
  /** Copenhagen calendar days, both included. */
  from?: Day | undefined;
  to?: Day | undefined;
}

export const SHOWN_ROWS = 500;
export const EXPORTED_ROWS = 50_000;

/**
 * Searches the audit log on behalf of the data-protection officer, and records the
 * search (whose data, which criteria, why) in the same transaction first.
 */
export async function searchAuditLog(trx: Trx, who: { actor: Identity; requestId: string; purpose: string }, search: AuditSearch, use: 'view' | 'export'): Promise<AuditRow[]> {
  const limit = use === 'export' ? EXPORTED_ROWS : SHOWN_ROWS + 1;
  await record(trx, {
    actor: who.actor,
    action: use === 'export' ? 'audit.export' : 'audit.search',
    subject: { cpr: search.cpr, cvr: search.cvr },
    purpose: who.purpose,
    requestId: who.requestId,
    outcome: 'success',
    details: { employee: search.actor ?? null, from: search.from ?? null, to: search.to ?? null },
  });
  return findAuditRows(trx, {
    cpr: search.cpr,
    cvr: search.cvr,
    actor: search.actor,
    from: search.from ? startOfCopenhagenDay(search.from).toISOString() : undefined,
    until: search.to ? startOfCopenhagenDay(addDays(search.to, 1)).toISOString() : undefined,
    limit,
  });
}

/** A timestamp as Copenhagen wall-clock time, 'YYYY-MM-DD HH:MM:SS'. */
export function localTime(at: string): string {
  return DateTime.fromISO(at, { zone: 'utc' }).setZone(COPENHAGEN_ZONE).toFormat('yyyy-LL-dd HH:mm:ss');
}

/** Spreadsheets run cells that start with = + - @ as formulas; a leading ' keeps them text. */
function safeCell(value: string | null): string {
  if (value === null) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function auditCsv(rows: readonly AuditRow[]): string {
  const columns = ['tidspunkt', 'handling', 'udført af', 'bruger-id', 'rolle', 'afdeling', 'cpr', 'cvr', 'formål', 'resultat', 'request-id'];
  const records = rows.map((r) =>
    [localTime(r.at), r.action, r.actor_name, r.actor_id, r.actor_role, r.actor_department, r.subject_cpr, r.subject_cvr, r.purpose, r.outcome, r.request_id].map(safeCell),
  );
  // A byte-order mark, so Excel opens the Danish letters correctly.
  return `\uFEFF${stringify(records, { header: true, columns, delimiter: ';' })}`;
}
