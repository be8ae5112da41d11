// Work that must survive a crash, written in the caller's transaction: webhook deliveries,
// "you have news" notifications and file deletions go to the job outbox; the worker runs them.
import type { Trx } from '../../platform/db/index.ts';
import type { LocalizedName } from '../../platform/calendar/index.ts';
import { enqueue } from '../../platform/jobs/index.ts';
import { send } from '../../platform/notify/index.ts';
import { KanalError } from '../../platform/http/errors.ts';
import type { CaseRecord } from './schema.ts';

declare module '../../platform/jobs/index.ts' {
  interface JobTypes {
    'cases.deliver-webhook': { deliveryId: number };
    'cases.delete-files': { fileKeys: string[] };
    'cases.retention': Record<string, never>;
  }
}

/** Schedules delivery of a logged webhook delivery (retried by the worker until acknowledged). */
export async function scheduleDelivery(trx: Trx, deliveryId: number): Promise<void> {
  await enqueue(trx, 'cases.deliver-webhook', { deliveryId }, { key: `cases.webhook:${deliveryId}` });
}

/**
 * Tells the citizen or business that there is news on a case in "Mit overblik" (log in to read):
 * by e-mail when the case has an address, else by SMS when it has a mobile number. The text says
 * nothing about the case; `news` is what the public timeline shows after login.
 */
export async function notifyParty(trx: Trx, subject: CaseRecord, news: LocalizedName): Promise<void> {
  void news;
  const { email, phone } = subject.party;
  try {
    if (email) await send(trx, { channel: 'email', to: email, template: 'news', lang: 'da' });
    else if (phone) await send(trx, { channel: 'sms', to: phone, template: 'news', lang: 'da' });
  } catch (error) {
    // A contact address the citizen typed wrongly must not stop the case work; the news is in "Mit overblik".
    if (!(error instanceof KanalError && error.code === 'validation_failed')) throw error;
  }
}

/** Deletes the stored files of a deleted case once the transaction has committed. */
export async function deleteCaseFiles(trx: Trx, fileKeys: readonly string[]): Promise<void> {
  if (fileKeys.length > 0) await enqueue(trx, 'cases.delete-files', { fileKeys: [...fileKeys] });
}

