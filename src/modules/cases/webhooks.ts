// Signed webhooks to the municipality's case and document system (ESDH): written to the
// delivery log in the same transaction as the change, delivered by a job with retries.
// The receiver checks the signature and uses the event id to ignore repeats.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { json, now, type Db, type Trx } from '../../platform/db/index.ts';
import { validationFailed } from '../../platform/http/errors.ts';
import * as store from './store.ts';
import type { CaseRecord } from './schema.ts';
import { scheduleDelivery } from './outbox.ts';

export const caseEvents = ['case.created', 'case.updated', 'case.closed'] as const;
export type CaseEvent = (typeof caseEvents)[number];

/** What a webhook carries: enough to fetch the case through the API, no personal data. */
export type WebhookPayload = {
  id: string;
  event: CaseEvent;
  occurredAt: string;
  case: { reference: string; status: string; department: string; service: string; kle: string; updatedAt: string };
};

export const SIGNATURE_HEADER = 'kanal-signature';
export const EVENT_ID_HEADER = 'kanal-event-id';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as Stripe and others do. */
export function sign(secret: string, body: string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** The receiver's check (also documented for ESDH integrators): right key, and not older than `toleranceSeconds`. */
export function verifySignature(secret: string, body: string, header: string, at: Date = new Date(), toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(at.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/** Logs one delivery per matching webhook and schedules it, in the caller's transaction. */
export async function emitCaseEvent(trx: Trx, event: CaseEvent, subject: CaseRecord): Promise<void> {
  const hooks = (await store.activeWebhooks(trx)).filter((h) => h.departments.length === 0 || h.departments.includes(subject.department));
  for (const hook of hooks) {
    const id = randomUUID();
    const payload: WebhookPayload = {
      id,
      event,
      occurredAt: now(),
      case: { reference: subject.reference, status: subject.status, department: subject.department, service: subject.service, kle: subject.kle, updatedAt: subject.updatedAt },
    };
    const deliveryId = await store.insertDelivery(trx, {
      webhook_id: hook.id,
      event_id: id,
      event,
      case_id: subject.id,
      payload: json(payload),
      state: 'pending',
      attempts: 0,
      last_status: null,
      last_error: null,
      created_at: now(),
      delivered_at: null,
    });
    await scheduleDelivery(trx, deliveryId);
  }
}

export class DeliveryFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryFailed';
  }
}

/**
 * Posts one logged delivery. A delivery already acknowledged is not sent again. Throws on a
 * non-2xx answer or a network error, so the job is retried; every attempt is logged. An
 * acknowledged "case.closed" confirms the hand-off of that closing to the ESDH, which lets retention delete the case.
 */
export async function deliver(db: Db, deliveryId: number, options: { timeoutMs?: number } = {}): Promise<'delivered' | 'already-delivered' | 'gone'> {
  const delivery = await store.findDelivery(db, deliveryId);
  if (!delivery) return 'gone';
  if (delivery.state === 'delivered') return 'already-delivered';
  const body = JSON.stringify(delivery.payload);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(delivery.secret, body), [EVENT_ID_HEADER]: delivery.event_id, 'user-agent': 'Kanal-Webhook/1' },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    status = response.status;
    await response.body?.cancel();
    if (status < 200 || status > 299) error = `HTTP ${status}`;
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const at = now();
  if (error === null && delivery.event === 'case.closed') {
    await db.transaction().execute(async (trx) => {
      await store.recordDeliveryAttempt(trx, deliveryId, { state: 'delivered', status, error, at });
      // The event carries the case as its closing left it, so its updatedAt is that closing's
      // closed_at: a delivery retried after the case was reopened (and maybe closed again) confirms nothing.
      const closedAt = (delivery.payload as WebhookPayload).case.updatedAt;
      if (await store.setHandoffConfirmed(trx, delivery.case_id, closedAt, at, null)) {
        const actor = { kind: 'system', name: `webhook ${delivery.webhook_id}` } as const;
        await store.insertTimelineEntry(trx, { caseId: delivery.case_id, at, kind: 'handoff_confirmed', public: false, actor, details: json({ reference: null }) });
      }
    });
    return 'delivered';
  }
  await store.recordDeliveryAttempt(db, deliveryId, { state: error === null ? 'delivered' : 'failed', status, error, at });
  if (error !== null) throw new DeliveryFailed(`Webhook delivery ${deliveryId} failed: ${error}`);
  return 'delivered';
}

/** An admin adds a receiver; the secret is shown once, for the receiver's configuration. */
export async function createWebhook(trx: Trx, input: { name: string; url: string; departments: readonly string[] }): Promise<{ id: number; secret: string }> {
  const problems = [];
  if (input.name.trim() === '') problems.push({ field: 'name', message: 'Giv modtageren et navn.' });
  if (!/^https?:\/\/[^\s]+$/.test(input.url)) problems.push({ field: 'url', message: 'Skriv en adresse, der begynder med https://.' });
  if (problems.length > 0) throw validationFailed(problems);
  const secret = newWebhookSecret();
  const id = await store.insertWebhook(trx, { name: input.name.trim(), url: input.url, secret, departments: json([...input.departments]), active: true, created_at: now() });
  return { id, secret };
}

export { listDeliveries, listWebhooks } from './store.ts';
