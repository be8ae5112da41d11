// Demo data: Albertslund's 2011 baseline (DESIGN.md) as aggregated daily counts, and a
// synthetic 2012–2015 development towards the strategy's goals. Everything goes in
// through the registry's public API: importFigures for the daily counts per channel and
// topic, record() with a count for transactions that name a self-service. Deterministic:
// the same figures on every machine. Every page built on it says "demo data".
import { formatDay, addDays, weekdayOf, type Day } from '../../platform/calendar/days.ts';
import { publicHolidays } from '../../platform/calendar/index.ts';
import { now } from '../../platform/db/index.ts';
import type { AppContext, Progress } from '../../platform/module.ts';
import { importFigures, record, type Channel, type Direction, type Kind } from '../contacts/index.ts';
import * as store from './store.ts';

export const DEMO_YEARS = [2011, 2012, 2013, 2014, 2015] as const;

/** Inbound and outgoing contacts per year, 2011 (the baseline) to 2015. Self-service comes from `services`. */
export const demoVolumes: Record<string, { channel: Channel; direction: Direction; perYear: readonly number[] }> = {
  phoneIn: { channel: 'phone', direction: 'in', perYear: [600_000, 560_000, 500_000, 440_000, 390_000] },
  inPerson: { channel: 'in_person', direction: 'in', perYear: [40_000, 38_000, 35_000, 31_000, 28_000] },
  web: { channel: 'web', direction: 'in', perYear: [325_000, 350_000, 380_000, 405_000, 430_000] },
  letterIn: { channel: 'letter', direction: 'in', perYear: [70_000, 62_000, 52_000, 43_000, 36_000] },
  emailIn: { channel: 'email', direction: 'in', perYear: [10_000, 11_000, 12_000, 12_500, 13_000] },
  phoneOut: { channel: 'phone', direction: 'out', perYear: [500_000, 470_000, 430_000, 390_000, 350_000] },
  emailOut: { channel: 'email', direction: 'out', perYear: [4_800, 5_500, 6_500, 7_500, 8_500] },
};

/** Letters sent per year and the share sent digitally (14 % had a digital mailbox in 2011). */
export const demoLetters = { perYear: [240_000, 238_000, 235_000, 232_000, 230_000], digital: [0.14, 0.35, 0.55, 0.75, 0.86] };

/** Self-services: yearly transactions, take-up per year, and how the rest arrive. */
export const demoServices: { service: string; topic: string; perYear: number; takeUp: readonly number[]; rest: Partial<Record<Channel, number>> }[] = [
  { service: 'flytning', topic: 'flytning', perYear: 9_000, takeUp: [0.45, 0.6, 0.75, 0.88, 0.93], rest: { phone: 0.3, in_person: 0.7 } },
  { service: 'sundhedskort', topic: 'sundhedskort', perYear: 7_000, takeUp: [0.3, 0.45, 0.6, 0.75, 0.85], rest: { in_person: 0.8, letter: 0.2 } },
  { service: 'dagtilbud-optagelse', topic: 'dagtilbud', perYear: 3_000, takeUp: [0.4, 0.6, 0.8, 0.9, 0.95], rest: { letter: 0.5, in_person: 0.5 } },
  { service: 'byggetilladelse', topic: 'byggeri', perYear: 1_200, takeUp: [0.05, 0.15, 0.35, 0.55, 0.72], rest: { letter: 0.6, in_person: 0.4 } },
  { service: 'storskrald', topic: 'storskrald', perYear: 6_000, takeUp: [0.2, 0.4, 0.6, 0.78, 0.86], rest: { phone: 1 } },
  { service: 'skoleindskrivning', topic: 'skole', perYear: 900, takeUp: [0.5, 0.7, 0.85, 0.95, 0.97], rest: { letter: 1 } },
];

type TopicShare = [topic: string, kind: Kind, share: number];
/** What each channel's contacts are about. */
const topicMix: Record<string, TopicShare[]> = {
  'phone:in': [
    ['aabningstider', 'information', 0.1], ['affald', 'information', 0.08], ['byggeri', 'own_case', 0.05], ['boligstoette', 'own_case', 0.1],
    ['pension', 'information', 0.08], ['skole', 'information', 0.06], ['dagtilbud', 'information', 0.06], ['hjemmehjaelp', 'own_case', 0.08],
    ['kontanthjaelp', 'own_case', 0.1], ['ejendomsskat', 'own_case', 0.05], ['sygedagpenge', 'own_case', 0.06], ['parkering', 'information', 0.03],
    ['veje', 'information', 0.03], ['andet', 'information', 0.12],
  ],
  'in_person:in': [
    ['pas', 'transaction', 0.25], ['koerekort', 'transaction', 0.2], ['mitid', 'information', 0.1], ['digital-post', 'information', 0.1],
    ['kontanthjaelp', 'own_case', 0.1], ['boligstoette', 'own_case', 0.1], ['navn', 'transaction', 0.03], ['vielse', 'transaction', 0.02], ['andet', 'information', 0.1],
  ],
  'web:in': [
    ['affald', 'information', 0.2], ['aabningstider', 'information', 0.15], ['bibliotek', 'information', 0.15], ['skole', 'information', 0.1],
    ['dagtilbud', 'information', 0.1], ['byggeri', 'information', 0.1], ['veje', 'information', 0.05], ['foreninger', 'information', 0.05], ['andet', 'information', 0.1],
  ],
  'letter:in': [
    ['byggeri', 'own_case', 0.2], ['ejendomsskat', 'own_case', 0.2], ['hjemmehjaelp', 'own_case', 0.15], ['boligstoette', 'own_case', 0.15], ['sygedagpenge', 'own_case', 0.1], ['andet', 'own_case', 0.2],
  ],
  'email:in': [['byggeri', 'own_case', 0.15], ['skole', 'information', 0.15], ['affald', 'information', 0.1], ['rotter', 'information', 0.1], ['foreninger', 'information', 0.1], ['andet', 'information', 0.4]],
  'phone:out': [['hjemmehjaelp', 'own_case', 0.3], ['kontanthjaelp', 'own_case', 0.3], ['byggeri', 'own_case', 0.1], ['andet', 'own_case', 0.3]],
  'letter:out': [
    ['ejendomsskat', 'own_case', 0.25], ['boligstoette', 'own_case', 0.1], ['byggeri', 'own_case', 0.15], ['skole', 'own_case', 0.15],
    ['dagtilbud', 'own_case', 0.1], ['hjemmehjaelp', 'own_case', 0.15], ['andet', 'own_case', 0.1],
  ],
  'email:out': [['andet', 'own_case', 1]],
};
topicMix['digital_post:out'] = topicMix['letter:out']!;

const weekdayWeight = { monday: 1.25, tuesday: 1.1, wednesday: 1, thursday: 1.15, friday: 0.75, saturday: 0, sunday: 0 };
const monthWeight = [1.1, 1, 1, 1, 1, 0.95, 0.7, 1.05, 1, 1, 1, 0.85];
/** Channels that also get contacts on closed days (weekends, public holidays), relative to an open day. */
const closedDayWeight: Partial<Record<Channel, number>> = { web: 0.5, email: 0.15, self_service: 0.4, digital_post: 0 };

/** Splits a whole number over weights so the parts are whole and add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    parts[i]!++;
  }
  return parts;
}

function daysOf(year: number): { day: Day; open: boolean; month: number }[] {
  const holidays = new Set(publicHolidays(year).map((h) => h.date));
  const days = [];
  for (let day = formatDay(year, 1, 1); day <= formatDay(year, 12, 31); day = addDays(day, 1)) {
    days.push({ day, open: weekdayWeight[weekdayOf(day)] > 0 && !holidays.has(day), month: Number(day.slice(5, 7)) });
  }
  return days;
}

/** A year's total for a channel spread over its days: weekdays, months, closed days. */
function spreadOverDays(year: number, channel: Channel, total: number): { day: Day; count: number }[] {
  const days = daysOf(year);
  const weights = days.map((d) => monthWeight[d.month - 1]! * (d.open ? weekdayWeight[weekdayOf(d.day)] : (closedDayWeight[channel] ?? 0)));
  return apportion(total, weights).map((count, i) => ({ day: days[i]!.day, count }));
}

/** Daily counts summed per week (Monday to Sunday), each week's total on its busiest day. */
function byWeek(days: { day: Day; count: number }[]): { day: Day; count: number }[] {
  const weeks: { day: Day; count: number; top: number }[] = [];
  for (const d of days) {
    const current = weeks.at(-1);
    if (!current || weekdayOf(d.day) === 'monday') weeks.push({ day: d.day, count: d.count, top: d.count });
    else {
      current.count += d.count;
      if (d.count > current.top) [current.day, current.top] = [d.day, d.count];
    }
  }
  return weeks.filter((w) => w.count > 0);
}

/** Service transactions per channel in a year (whole numbers that add up to the service's volume). */
export function serviceTransactions(yearIndex: number): { service: string; topic: string; channel: Channel; count: number }[] {
  const result = [];
  for (const s of demoServices) {
    const digital = Math.round(s.perYear * s.takeUp[yearIndex]!);
    result.push({ service: s.service, topic: s.topic, channel: 'self_service' as Channel, count: digital });
    const restChannels = Object.keys(s.rest) as Channel[];
    apportion(s.perYear - digital, restChannels.map((c) => s.rest[c]!)).forEach((count, i) => result.push({ service: s.service, topic: s.topic, channel: restChannels[i]!, count }));
  }
  return result;
}

/** The import file for one year: daily counts per channel, direction, kind and topic (service transactions excluded). */
export function yearFile(yearIndex: number, year: number = DEMO_YEARS[yearIndex]!): { csv: string; rows: number } {
  const services = serviceTransactions(yearIndex);
  const lines = ['dato;kanal;retning;art;emne;antal'];
  const streams: { channel: Channel; direction: Direction; total: number }[] = Object.values(demoVolumes).map((v) => ({
    channel: v.channel,
    direction: v.direction,
    // Service transactions on this channel are recorded one by one (with their service), not imported.
    total: v.perYear[yearIndex]! - (v.direction === 'in' ? services.filter((s) => s.channel === v.channel).reduce((n, s) => n + s.count, 0) : 0),
  }));
  const letters = demoLetters.perYear[yearIndex]!;
  const digitalLetters = Math.round(letters * demoLetters.digital[yearIndex]!);
  streams.push({ channel: 'digital_post', direction: 'out', total: digitalLetters }, { channel: 'letter', direction: 'out', total: letters - digitalLetters });
  for (const s of streams) {
    const mix = topicMix[`${s.channel}:${s.direction}`]!;
    for (const { day, count } of spreadOverDays(year, s.channel, s.total)) {
      if (count === 0) continue;
      apportion(count, mix.map((m) => m[2])).forEach((n, i) => {
        if (n > 0) lines.push(`${day};${s.channel};${s.direction};${mix[i]![1]};${mix[i]![0]};${n}`);
      });
    }
  }
  return { csv: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

/** Loads the demo years once; a database that has them already is left as it is. */
export async function seedDemoInsights(ctx: AppContext, progress: Progress): Promise<void> {
  if (await store.demoData(ctx.db)) return;
  const steps = DEMO_YEARS.length * 2;
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, year] of DEMO_YEARS.entries()) {
      const { csv } = yearFile(i);
      await importFigures(trx, { file: Buffer.from(csv), fileName: `demo-albertslund-${year}.csv`, source: 'komhen', importedBy: 'demo' });
      progress(i * 2 + 1, steps, 'Demodata: kanaltal');
      // Service transactions: a week's count per service and channel, recorded on the week's
      // busiest open day (one record() per week keeps loading under a minute on PostgreSQL too).
      for (const t of serviceTransactions(i)) {
        for (const { day, count } of byWeek(spreadOverDays(year, t.channel, t.count))) {
          await record(trx, { at: `${day}T10:00:00.000Z`, channel: t.channel, kind: 'transaction', topic: t.topic, service: t.service, count, source: 'automatic', assisted: t.channel === 'in_person' });
        }
      }
      progress(i * 2 + 2, steps, 'Demodata: selvbetjeninger');
    }
    await store.markDemoData(trx, DEMO_YEARS[0], DEMO_YEARS.at(-1)!, now());
  });
}
