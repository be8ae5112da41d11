// KOMHEN count week: one large button per frequent topic × kind for the chosen channel,
// each showing the week's running total; one click counts one contact.
import { Alert, Table } from '../../../platform/ui/components/index.ts';
import { contactMessages } from '../messages.ts';
import { kinds, type Channel, type Topic } from '../schema.ts';
import type { CountWeek } from '../count-week.ts';
import type { TallyTotal } from '../store.ts';
import { ContactsLayout, Csrf, number, paths, type StaffPageContext } from './shared.tsx';
import { longDay } from '../../../platform/calendar/index.ts';

/** The channels staff tally by hand; digital ones are counted automatically. */
export const tallyChannels: readonly Channel[] = ['phone', 'in_person', 'email', 'letter', 'chat', 'sms'];

export interface CountWeekPageProps {
  ctx: StaffPageContext;
  week: CountWeek | undefined;
  weeks: readonly string[];
  channel: Channel;
  topics: Topic[];
  totals: TallyTotal[];
  notice?: string | undefined;
}

export function CountWeekPage({ ctx, week, weeks, channel, topics, totals, notice }: CountWeekPageProps) {
  const t = contactMessages[ctx.lang];
  if (!week) {
    return (
      <ContactsLayout ctx={ctx} title={t.countWeekTitle}>
        <h1>{t.countWeekTitle}</h1>
        <Alert variant="info" heading={t.notCountWeek} headingLevel={2} text={weeks.length > 0 ? t.countWeeksConfigured(weeks.join(', ')) : t.noCountWeeks} />
      </ContactsLayout>
    );
  }
  const count = (c: Channel, kind?: string, topic?: string) =>
    totals.filter((x) => x.channel === c && (kind === undefined || x.kind === kind) && (topic === undefined || x.topic === topic)).reduce((s, x) => s + x.count, 0);
  const frequent = topics.filter((x) => x.active && x.frequent);
  return (
    <ContactsLayout ctx={ctx} title={t.countWeekTitle}>
      {notice && <Alert variant="success" text={notice} role />}
      <h1>{t.countWeekTitle}</h1>
      <p>{t.countWeekLead(longDay(week.firstDay, ctx.lang), longDay(week.lastDay, ctx.lang))}</p>
      <nav aria-label={t.channelLegend}>
        <ul class="kanal-topic-buttons">
          {tallyChannels.map((c) => (
            <li>
              <a class={c === channel ? 'button button-primary' : 'button button-secondary'} href={`${paths.countWeek}?kanal=${c}`} aria-current={c === channel ? 'page' : undefined}>
                {`${t.channel[c]} (${number(ctx, count(c))})`}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="post" action={paths.countWeek}>
        <Csrf ctx={ctx} />
        <input type="hidden" name="channel" value={channel} />
        {kinds.map((kind) => (
          <section aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`} class="h3">{`${t.channel[channel]} – ${t.kind[kind]} (${number(ctx, count(channel, kind))})`}</h2>
            <ul class="kanal-tally">
              {frequent.map((topic) => (
                <li>
                  <button type="submit" class="button button-secondary" name="cell" value={`${kind}:${topic.code}`}>
                    {topic.name}
                    <span class="sr-only">{`, ${t.kind[kind]}, ${t.channel[channel]}, `}</span>
                    <span class="kanal-tally-count">{number(ctx, count(channel, kind, topic.code))}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </form>
      <Table
        caption={t.channelTotals}
        columns={[{ header: t.colChannel }, { header: t.colTotal, numeric: true }]}
        rows={[...tallyChannels.map((c) => [t.channel[c], number(ctx, count(c))]), [t.weekTotal, number(ctx, totals.reduce((s, x) => s + x.count, 0))]]}
        rowHeaders
      />
    </ContactsLayout>
  );
}
