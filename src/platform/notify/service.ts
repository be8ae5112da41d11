// Sending a notification is writing it down: send() stores the message and
// enqueues its delivery in the caller's transaction; only the job delivers.
import { now, type Trx } from '../db/index.ts';
import type { AppContext } from '../module.ts';
import { validationFailed } from '../http/index.ts';
import { maskCpr } from '../ops/logger.ts';
import { defineJob, enqueue } from '../jobs/index.ts';
import type { Notification } from './schema.ts';
import { findMessage, insertMessage, markAttemptFailed, markSent } from './store.ts';
import { renderEmail, renderSms } from './templates.ts';
import { emailTransportFor, smsProviderFor, type EmailTransport, type SmsProvider } from './transports.ts';

declare module '../jobs/index.ts' {
  interface JobTypes {
    'notify.deliver': { messageId: number };
  }
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A Danish mobile number as +45 and 8 digits, or undefined. */
export function normalisePhone(raw: string): string | undefined {
  const digits = raw.replace(/[\s-]/g, '');
  const match = /^(?:\+45|0045)?(\d{8})$/.exec(digits);
  return match ? `+45${match[1]}` : undefined;
}

export interface SendResult {
  messageId: number;
  /** false: a message with the same key was sent before, and nothing was added. */
  created: boolean;
}

/** Queues a notification; it is delivered by the job worker after the transaction commits. */
export async function send(trx: Trx, notification: Notification): Promise<SendResult> {
  let to = notification.to.trim();
  if (notification.channel === 'email' && !EMAIL.test(to)) {
    throw validationFailed([{ field: 'to', message: 'The e-mail address is not valid.' }]);
  }
  if (notification.channel === 'sms') {
    const phone = normalisePhone(to);
    if (!phone) throw validationFailed([{ field: 'to', message: 'The mobile number must be 8 digits, optionally with +45.' }]);
    to = phone;
  }
  const { id, created } = await insertMessage(trx, { ...notification, to }, now());
  if (created) await enqueue(trx, 'notify.deliver', { messageId: id }, { key: `notify:${id}` });
  return { messageId: id, created };
}

export interface Transports {
  email: EmailTransport;
  sms: SmsProvider;
}

const MAX_ATTEMPTS = 8;

/** The delivery job. Transports default to the configured ones (tests pass their own). */
export function deliveryJob(ctx: Pick<AppContext, 'config' | 'db'>, transports: Transports = { email: emailTransportFor(ctx.config), sms: smsProviderFor(ctx.config) }) {
  const values = { municipality: ctx.config.municipality.name, loginUrl: `${ctx.config.publicUrl}/` };
  return defineJob({
    type: 'notify.deliver',
    maxAttempts: MAX_ATTEMPTS,
    backoff: { baseMs: 30_000, maxMs: 3_600_000 },
    timeoutMs: 120_000,
    async run({ messageId }, job) {
      const message = await findMessage(ctx.db, messageId);
      // Already sent (by an attempt whose lease ran out before the job was marked done): not again.
      if (!message || message.state === 'sent') return;
      try {
        if (message.channel === 'email') {
          const email = renderEmail(message.template, message.lang, values);
          const delivery = await transports.email.send({ ...email, to: message.recipient, lang: message.lang, id: message.id });
          await markSent(ctx.db, message.id, { ...delivery, subject: email.subject, body: email.text, now: now() });
        } else {
          const text = renderSms(message.template, message.lang, values);
          const delivery = await transports.sms.send({ to: message.recipient, text, id: message.id });
          await markSent(ctx.db, message.id, { ...delivery, subject: null, body: text, now: now() });
        }
      } catch (error) {
        const reason = maskCpr(error instanceof Error ? error.message : String(error)).slice(0, 2000);
        await markAttemptFailed(ctx.db, message.id, reason, job.attempt >= MAX_ATTEMPTS);
        throw error;
      }
    },
  });
}
