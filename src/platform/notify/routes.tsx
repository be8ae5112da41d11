// The administrators' outbox: the notifications sent (or, with no mail server, kept here).
import type { AppContext, KanalApp } from '../module.ts';
import { pageContext } from '../ui/index.ts';
import { listMessages } from './store.ts';
import { OutboxPage } from './views/outbox-page.tsx';

const LIMIT = 100;

export function registerNotifyRoutes(app: KanalApp, ctx: AppContext): void {
  app.get('/admin/notifications', { config: { access: { roles: ['admin'] } }, schema: { hide: true } }, async (request, reply) => {
    const messages = await listMessages(ctx.db, LIMIT);
    return reply.page(<OutboxPage ctx={pageContext(request, ctx.config)} messages={messages} smtp={ctx.config.mail.smtp !== undefined} limit={LIMIT} />);
  });
}
