// The only file with queries on the audit log. There is deliberately no update or delete.
import type { Generated, Insertable, Selectable } from 'kysely';
import type { Db, JsonColumn, Timestamp, Trx } from '../db/index.ts';

export type AuditDetails = Record<string, string | number | boolean | null>;

type AuditTables = {
  audit_log: {
    id: Generated<number>;
    at: Timestamp;
    request_id: string | null;
    actor_kind: string;
    actor_id: string;
    actor_name: string;
    actor_role: string;
    actor_department: string | null;
    action: string;
    subject_cpr: string | null;
    subject_cvr: string | null;
    purpose: string;
    outcome: string;
    details: JsonColumn<AuditDetails | null>;
  };
};

export type AuditRow = Selectable<AuditTables['audit_log']>;
export type NewAuditRow = Insertable<AuditTables['audit_log']>;

const q = (db: Db | Trx) => db.withTables<AuditTables>();

export async function insertAuditRow(trx: Trx | Db, row: NewAuditRow): Promise<void> {
  await q(trx).insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  cpr?: string | undefined;
  cvr?: string | undefined;
  /** An employee's user id (exact) or part of a name. */
  actor?: string | undefined;
  from?: Timestamp | undefined;
  /** Exclusive. */
  until?: Timestamp | undefined;
  limit: number;
}

/** Newest first. */
export async function findAuditRows(db: Db | Trx, filter: AuditFilter): Promise<AuditRow[]> {
  let query = q(db).selectFrom('audit_log').selectAll();
  if (filter.cpr) query = query.where('subject_cpr', '=', filter.cpr);
  if (filter.cvr) query = query.where('subject_cvr', '=', filter.cvr);
  if (filter.actor) {
    const actor = filter.actor;
    // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's only for non-ASCII letters.
    query = query.where((eb) => eb.or([eb('actor_id', '=', actor), eb(eb.fn('lower', ['actor_name']), 'like', `%${actor.toLowerCase().replace(/[%_\\]/g, '')}%`)]));
  }
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.until) query = query.where('at', '<', filter.until);
  return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}
