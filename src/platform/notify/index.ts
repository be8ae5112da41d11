// Notifications by e-mail and SMS, sent only from jobs. Public surface:
//   send(trx, { channel, to, template, lang, key? })  — queues one; the worker delivers it
//   notifyModule                                      — its table, the delivery job, the outbox page
// Templates say only "you have news — log in" (templates.ts); see docs/platform-services.md.
import type { KanalModule } from '../module.ts';
import { notifyMigrations } from './migrations.ts';
import { registerNotifyRoutes } from './routes.tsx';
import { deliveryJob } from './service.ts';

export { send, type SendResult } from './service.ts';
export type { Channel, Notification, TemplateName } from './schema.ts';
export type { EmailTransport, SmsProvider, Delivery } from './transports.ts';

export const notifyModule: KanalModule = {
  name: 'notify',
  migrations: notifyMigrations,
  register(app, ctx) {
    registerNotifyRoutes(app, ctx);
    if (ctx.config.nodeEnv === 'production' && !ctx.config.mail.smtp) {
      ctx.log.warn('KANAL_SMTP_HOST is not set: e-mail notifications stay in the local outbox and are not sent');
    }
  },
  jobs: (ctx) => [deliveryJob(ctx)],
};
