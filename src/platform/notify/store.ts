// Every query on the notification messages.
import type { Db, Timestamp, Trx } from '../db/index.ts';
import type { Notification, NotifyTables, OutboxEntry } from './schema.ts';

const q = (db: Db) => db.withTables<NotifyTables>();

export async function insertMessage(trx: Trx, n: Notification, now: Timestamp): Promise<{ id: number; created: boolean }> {
  const inserted = await q(trx)
    .insertInto('notify_messages')
    .values({ key: n.key ?? null, channel: n.channel, recipient: n.to, template: n.template, lang: n.lang, state: 'pending', created_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await q(trx).selectFrom('notify_messages').select('id').where('key', '=', n.key!).executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

export function findMessage(db: Db, id: number) {
  return q(db).selectFrom('notify_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface Sent {
  transport: string;
  subject: string | null;
  body: string;
  providerId: string | null;
  now: Timestamp;
}

export async function markSent(db: Db, id: number, s: Sent): Promise<void> {
  await q(db)
    .updateTable('notify_messages')
    .set({ state: 'sent', transport: s.transport, subject: s.subject, body: s.body, provider_id: s.providerId, last_error: null, sent_at: s.now })
    .where('id', '=', id)
    .execute();
}

export async function markAttemptFailed(db: Db, id: number, error: string, final: boolean): Promise<void> {
  await q(db)
    .updateTable('notify_messages')
    .set({ last_error: error, ...(final ? { state: 'failed' as const } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function listMessages(db: Db, limit: number): Promise<OutboxEntry[]> {
  const rows = await q(db).selectFrom('notify_messages').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    state: r.state,
    transport: r.transport,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }));
}
