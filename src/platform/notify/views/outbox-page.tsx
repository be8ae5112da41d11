import { StaffLayout, adminNav, formatAdminTime, type PageContext } from '../../ui/index.ts';
import type { OutboxEntry } from '../schema.ts';
import { notifyMessages } from '../messages.ts';

export function OutboxPage({ ctx, messages, smtp, limit }: { ctx: PageContext; messages: OutboxEntry[]; smtp: boolean; limit: number }) {
  const t = notifyMessages[ctx.lang];
  return (
    <StaffLayout ctx={ctx} title={t.title} nav={adminNav(ctx.lang)}>
      <h1>{t.title}</h1>
      <p class="font-lead">{smtp ? t.leadSmtp : t.leadOutbox}</p>
      {messages.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--zebra">
            <caption>{t.showing(limit)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.created}</th>
                <th scope="col">{t.channel}</th>
                <th scope="col">{t.recipient}</th>
                <th scope="col">{t.message}</th>
                <th scope="col">{t.state}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{formatAdminTime(ctx.lang, m.createdAt)}</td>
                  <td>{t.channels[m.channel]}</td>
                  <td>{m.recipient}</td>
                  <td>
                    {m.subject && <strong>{m.subject}</strong>}
                    {m.body && <pre class="kanal-message-body">{m.body}</pre>}
                  </td>
                  <td>
                    {t.states[m.state]}
                    {m.transport && ` (${t.via(m.transport)})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
