import { StaffLayout, formatAdminTime, type NavItem, type PageContext } from '../../ui/index.ts';
import { Table } from '../../ui/components/index.ts';
import type { OutboxEntry } from '../schema.ts';
import { notifyMessages } from '../messages.ts';

export function OutboxPage({ ctx, nav, messages, smtp, limit }: { ctx: PageContext; nav: NavItem[]; messages: OutboxEntry[]; smtp: boolean; limit: number }) {
  const t = notifyMessages[ctx.lang];
  return (
    <StaffLayout ctx={ctx} title={t.title} nav={nav}>
      <h1>{t.title}</h1>
      <p class="font-lead">{smtp ? t.leadSmtp : t.leadOutbox}</p>
      {messages.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <Table
          caption={t.showing(limit)}
          zebra
          responsiveBreakpoint="md"
          columns={[{ header: t.created }, { header: t.channel }, { header: t.recipient }, { header: t.message }, { header: t.state }]}
          rows={messages.map((m) => [
            formatAdminTime(ctx.lang, m.createdAt),
            t.channels[m.channel],
            m.recipient,
            <>
              {m.subject && <strong>{m.subject}</strong>}
              {m.body && <pre class="kanal-message-body">{m.body}</pre>}
            </>,
            m.transport ? `${t.states[m.state]} (${t.via(m.transport)})` : t.states[m.state],
          ])}
        />
      )}
    </StaffLayout>
  );
}
