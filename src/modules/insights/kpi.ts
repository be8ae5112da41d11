// The channel-strategy figures as plain functions over typed totals (no database here).
// Definitions: DESIGN.md, "Measuring the strategy". A figure that cannot be computed —
// nothing to divide by, no price — is null, shown as "—", never as 0.
import { digitalChannels, type Channel, type Direction, type Kind, type Resolution } from '../contacts/index.ts';
import type { PriceBook } from './prices.ts';

/** Totals of one calendar year's part of a period (prices are per year). */
export interface YearTotal {
  year: number;
  channel: Channel;
  direction: Direction;
  count: number;
  kind?: Kind;
  service?: string;
  topic?: string;
  department?: string;
  resolved?: Resolution;
  failureDemand?: boolean;
}

/** Map.groupBy arrives in Node 21; Kanal runs on 20. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const sum = (rows: readonly { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
export const isDigital = (c: Channel) => digitalChannels.has(c);
const inbound = <T extends { direction: Direction }>(rows: readonly T[]) => rows.filter((r) => r.direction === 'in');

export interface ShareOptions {
  /** Count web visits (channel `web`, from web statistics) as digital information contacts, as KOMHEN does. */
  includeWebVisits: boolean;
}

/** Digital share = inbound digital contacts ÷ all inbound contacts. */
export function digitalShare(rows: readonly Pick<YearTotal, 'channel' | 'direction' | 'count'>[], options: ShareOptions): number | null {
  const counted = inbound(rows).filter((r) => options.includeWebVisits || r.channel !== 'web');
  return ratio(sum(counted.filter((r) => isDigital(r.channel))), sum(counted));
}

export interface ChannelCost {
  channel: Channel;
  inbound: number;
  outbound: number;
  /** The unit price in øre when it is the same every year of the period; null when unpriced or varying. */
  unitOre: number | null;
  /** Øre; null when some of its inbound contacts fall in a year without a price. */
  costOre: number | null;
}

/** Cost = Σ inbound contacts × the unit price of their channel that year, per channel. */
export function costByChannel(rows: readonly YearTotal[], prices: PriceBook, channelList: readonly Channel[], years: readonly number[]): ChannelCost[] {
  const empty = sum(inbound(rows)) === 0;
  return channelList.map((channel) => {
    const mine = rows.filter((r) => r.channel === channel);
    const inRows = inbound(mine);
    const unitPrices = [...new Set(years.map((y) => prices.ore(channel, y)))];
    let costOre: number | null = 0;
    for (const r of inRows) {
      const ore = prices.ore(channel, r.year);
      if (ore === null) costOre = null;
      else if (costOre !== null) costOre += r.count * ore;
    }
    // No contacts at all in the period: nothing to show. None on this channel: 0 kr. if it is priced.
    if (empty || (inRows.length === 0 && unitPrices.includes(null))) costOre = null;
    return {
      channel,
      inbound: sum(inRows),
      outbound: sum(mine.filter((r) => r.direction === 'out')),
      unitOre: unitPrices.length === 1 ? unitPrices[0]! : null,
      costOre,
    };
  });
}

/** Total cost of the priced channels' inbound contacts; null when no inbound contact had a price. */
export function totalCost(costs: readonly ChannelCost[]): number | null {
  const priced = costs.filter((c) => c.costOre !== null && c.inbound > 0);
  return priced.length === 0 ? null : priced.reduce((n, c) => n + c.costOre!, 0);
}

/** Cost per transaction = the cost of inbound transactions ÷ the number of priced inbound transactions. */
export function costPerTransaction(rows: readonly YearTotal[], prices: PriceBook): number | null {
  let cost = 0;
  let count = 0;
  for (const r of inbound(rows)) {
    if (r.kind !== 'transaction') continue;
    const ore = prices.ore(r.channel, r.year);
    if (ore === null) continue;
    cost += r.count * ore;
    count += r.count;
  }
  return ratio(cost, count);
}

/**
 * Saving against the baseline = what the baseline year's inbound contacts, scaled to the
 * period's length, would cost at the period's prices − what the period's contacts cost.
 * Same prices on both sides, so a price change is never counted as a saving.
 */
export function savingAgainstBaseline(
  rows: readonly YearTotal[],
  baseline: readonly Pick<YearTotal, 'channel' | 'direction' | 'count'>[],
  scale: number,
  prices: PriceBook,
): number | null {
  const baseIn = inbound(baseline);
  if (sum(baseIn) === 0 || sum(inbound(rows)) === 0) return null;
  const years = [...new Set(inbound(rows).map((r) => r.year))];
  const periodIn = sum(inbound(rows));
  let expected = 0;
  let actual = 0;
  for (const year of years) {
    // Each year's part of the period carries its share of the baseline.
    const weight = sum(inbound(rows).filter((r) => r.year === year)) / periodIn;
    for (const b of baseIn) {
      const ore = prices.ore(b.channel, year);
      if (ore !== null) expected += b.count * scale * weight * ore;
    }
  }
  for (const r of inbound(rows)) {
    const ore = prices.ore(r.channel, r.year);
    if (ore !== null) actual += r.count * ore;
  }
  return Math.round(expected - actual);
}

/** Digital post share = digital letters ÷ all outgoing letters. */
export function digitalPostShare(rows: readonly Pick<YearTotal, 'channel' | 'direction' | 'count'>[]): number | null {
  const out = rows.filter((r) => r.direction === 'out' && (r.channel === 'digital_post' || r.channel === 'letter'));
  return ratio(sum(out.filter((r) => r.channel === 'digital_post')), sum(out));
}

/** Saving from digital letters = letters sent digitally × that year's saving per letter (øre). */
export function digitalLetterSaving(rows: readonly YearTotal[], prices: PriceBook): number | null {
  let saving: number | null = null;
  for (const r of rows) {
    if (r.direction !== 'out' || r.channel !== 'digital_post') continue;
    const ore = prices.ore('digital_letter_saving', r.year);
    if (ore === null) continue;
    saving = (saving ?? 0) + r.count * ore;
  }
  return saving;
}

export interface ServiceTakeUp {
  service: string;
  digital: number;
  total: number;
  /** Digital take-up = digital transactions ÷ all its transactions (every channel). */
  takeUp: number | null;
  byChannel: Partial<Record<Channel, number>>;
}

/** Digital take-up per service, from inbound transactions that name a service. */
export function takeUpByService(rows: readonly Pick<YearTotal, 'channel' | 'direction' | 'kind' | 'service' | 'count'>[]): ServiceTakeUp[] {
  const services = new Map<string, ServiceTakeUp>();
  for (const r of inbound(rows)) {
    if (r.kind !== 'transaction' || !r.service) continue;
    const s = services.get(r.service) ?? { service: r.service, digital: 0, total: 0, takeUp: null, byChannel: {} };
    s.total += r.count;
    if (isDigital(r.channel)) s.digital += r.count;
    s.byChannel[r.channel] = (s.byChannel[r.channel] ?? 0) + r.count;
    services.set(r.service, s);
  }
  return [...services.values()].map((s) => ({ ...s, takeUp: ratio(s.digital, s.total) })).sort((a, b) => a.service.localeCompare(b.service));
}

/** Take-up over several services together: their digital transactions ÷ all their transactions. */
export function overallTakeUp(services: readonly Pick<ServiceTakeUp, 'digital' | 'total'>[]): number | null {
  return ratio(services.reduce((n, s) => n + s.digital, 0), services.reduce((n, s) => n + s.total, 0));
}

/**
 * First-contact resolution = contacts resolved at first contact ÷ contacts, counting the
 * contacts where it was registered (yes or no); automatic contacts have it 'unknown'.
 */
export function firstContactResolution(rows: readonly Pick<YearTotal, 'direction' | 'resolved' | 'count'>[]): { resolved: number; registered: number; share: number | null } {
  const registered = inbound(rows).filter((r) => r.resolved === 'yes' || r.resolved === 'no');
  const resolved = sum(registered.filter((r) => r.resolved === 'yes'));
  return { resolved, registered: sum(registered), share: ratio(resolved, sum(registered)) };
}

/** Failure demand = inbound contacts marked as failure demand ÷ inbound contacts (web visits left out). */
export function failureDemand(rows: readonly Pick<YearTotal, 'channel' | 'direction' | 'failureDemand' | 'count'>[]): { count: number; of: number; share: number | null } {
  const counted = inbound(rows).filter((r) => r.channel !== 'web');
  const count = sum(counted.filter((r) => r.failureDemand === true));
  return { count, of: sum(counted), share: ratio(count, sum(counted)) };
}

export interface SavingPotential {
  topic: string;
  nonDigital: number;
  /** Øre: Σ non-digital inbound × (channel price − self-service price); null when nothing is priced. */
  potentialOre: number | null;
}

/**
 * Where self-service would save most: topics ranked by non-digital inbound volume ×
 * (the channel's price − the self-service price), each year at its own prices.
 */
export function savingPotential(rows: readonly Pick<YearTotal, 'year' | 'channel' | 'direction' | 'topic' | 'count'>[], prices: PriceBook): SavingPotential[] {
  const topics = new Map<string, SavingPotential>();
  for (const r of inbound(rows)) {
    if (isDigital(r.channel) || !r.topic) continue;
    const t = topics.get(r.topic) ?? { topic: r.topic, nonDigital: 0, potentialOre: null };
    t.nonDigital += r.count;
    const price = prices.ore(r.channel, r.year);
    const selfService = prices.ore('self_service', r.year);
    if (price !== null && selfService !== null) t.potentialOre = (t.potentialOre ?? 0) + r.count * Math.max(0, price - selfService);
    topics.set(r.topic, t);
  }
  return [...topics.values()].sort((a, b) => (b.potentialOre ?? -1) - (a.potentialOre ?? -1) || b.nonDigital - a.nonDigital || a.topic.localeCompare(b.topic));
}

/** Completion rate = completed ÷ started; abandonment ratio = abandoned ÷ completed. */
export function completion(f: { started: number; completed: number; abandoned: number }): { completionRate: number | null; abandonmentRatio: number | null } {
  return { completionRate: ratio(f.completed, f.started), abandonmentRatio: ratio(f.abandoned, f.completed) };
}
