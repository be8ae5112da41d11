import type { Generated } from 'kysely';
import type { Timestamp } from '../db/index.ts';
import type { Lang } from '../i18n/index.ts';

export const channels = ['email', 'sms'] as const;
export type Channel = (typeof channels)[number];

/** The notifications there are. Each says only "you have news — log in": no personal details. */
export const templates = ['news', 'received'] as const;
export type TemplateName = (typeof templates)[number];

export type MessageState = 'pending' | 'sent' | 'failed';

export type NotifyTables = {
  notify_messages: {
    id: Generated<number>;
    /** Idempotency key given by the sender: one message per key. */
    key: string | null;
    channel: Channel;
    recipient: string;
    template: TemplateName;
    lang: Lang;
    state: MessageState;
    /** smtp, outbox (the local outbox) or the SMS provider's name. */
    transport: string | null;
    subject: string | null;
    body: string | null;
    /** Message-ID or the provider's id. */
    provider_id: string | null;
    last_error: string | null;
    created_at: Timestamp;
    sent_at: Timestamp | null;
  };
};

export interface Notification {
  channel: Channel;
  /** An e-mail address, or a Danish mobile number (8 digits, +45 optional). */
  to: string;
  template: TemplateName;
  lang: Lang;
  /** One message per key, however often it is sent (e.g. `decision:<case id>`). */
  key?: string;
}

export interface OutboxEntry {
  id: number;
  channel: Channel;
  recipient: string;
  subject: string | null;
  body: string | null;
  state: MessageState;
  transport: string | null;
  createdAt: Timestamp;
  sentAt: Timestamp | null;
}
