// Where notifications go. E-mail: an SMTP server (nodemailer), or — when none is
// configured — the local outbox, where administrators can read what would have
// been sent. SMS: a provider behind the SmsProvider interface; the local outbox
// until a provider adapter is configured.
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Lang } from '../i18n/index.ts';
import type { RenderedEmail } from './templates.ts';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  lang: Lang;
  /** The notification's id: the Message-ID is made from it, so a resent message is recognisably the same. */
  id: number;
}

export interface Delivery {
  /** Written on the message: smtp, outbox or the provider's name. */
  transport: string;
  providerId: string | null;
}

export interface EmailTransport {
  send(email: OutgoingEmail): Promise<Delivery>;
  close?(): void;
}

export interface SmsProvider {
  send(sms: { to: string; text: string; id: number }): Promise<Delivery>;
}

/** Delivers nothing: the message row itself, marked sent to the outbox, is the delivery. */
export const outbox: EmailTransport & SmsProvider = {
  send: async () => ({ transport: 'outbox', providerId: null }),
};

export function smtpTransport(config: Config): EmailTransport {
  const smtp = config.mail.smtp!;
  const host = new URL(config.publicUrl).hostname;
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    // In production a notification never travels unencrypted: STARTTLS is required.
    requireTLS: config.nodeEnv === 'production' && !smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(email) {
      const info = await transporter.sendMail({
        from: config.mail.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: `<notify-${email.id}@${host}>`,
        headers: {
          // RFC 3834: an automatic message; out-of-office replies should not answer it.
          'Auto-Submitted': 'auto-generated',
          'Content-Language': email.lang,
        },
      });
      return { transport: 'smtp', providerId: info.messageId };
    },
    close: () => transporter.close(),
  };
}

export function emailTransportFor(config: Config): EmailTransport {
  return config.mail.smtp ? smtpTransport(config) : outbox;
}

export function smsProviderFor(config: Config): SmsProvider {
  switch (config.sms.provider) {
    case 'outbox':
      return outbox;
  }
}
