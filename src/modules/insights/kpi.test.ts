import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channels } from '../contacts/index.ts';
import * as kpi from './kpi.ts';
import { KL_2011_PRICES, parseKroner, priceBook, type PriceVersion } from './prices.ts';
import { customPeriod, daysIn, monthsOf, parsePeriod, yearParts } from './period.ts';

const v = (item: PriceVersion['item'], fromYear: number, ore: number | null, changedAt = '2026-01-01T00:00:00.000Z'): PriceVersion => ({ item, fromYear, ore, changedAt, changedBy: 'test' });
const kl = KL_2011_PRICES.map((p) => v(p.item, 2011, p.ore, '2011-01-01T00:00:00.000Z'));
const row = (year: number, channel: kpi.YearTotal['channel'], count: number, extra: Partial<kpi.YearTotal> = {}): kpi.YearTotal => ({ year, channel, direction: 'in', count, ...extra });

test('periods: year, half, quarter, month and custom spans of Copenhagen days; bad keys refused', () => {
  assert.deepEqual(parsePeriod('2026'), { key: '2026', kind: 'year', firstDay: '2026-01-01', lastDay: '2026-12-31' });
  assert.deepEqual(parsePeriod('2026h2'), { key: '2026H2', kind: 'half', firstDay: '2026-07-01', lastDay: '2026-12-31' });
  assert.deepEqual(parsePeriod('2024Q1'), { key: '2024Q1', kind: 'quarter', firstDay: '2024-01-01', lastDay: '2024-03-31' });
  assert.equal(parsePeriod('2024-02')?.lastDay, '2024-02-29');
  assert.equal(parsePeriod('2026-12-20..2027-01-10')?.kind, 'custom');
  for (const bad of ['', '26', '2026H3', '2026Q5', '2026-13', '2026-02-30..2026-03-01', '2026-03-01..2026-02-01', '1990-01-01..2026-01-01', 'x2026']) {
    assert.equal(parsePeriod(bad), undefined, bad);
  }
  assert.equal(daysIn(parsePeriod('2024')!), 366);
  assert.deepEqual(yearParts(customPeriod('2011-12-01', '2012-01-31')!), [
    { year: 2011, firstDay: '2011-12-01', lastDay: '2011-12-31' },
    { year: 2012, firstDay: '2012-01-01', lastDay: '2012-01-31' },
  ]);
  assert.deepEqual(monthsOf(customPeriod('2011-11-15', '2012-02-01')!), ['2011-11', '2011-12', '2012-01', '2012-02']);
});

test('prices: a price applies from its year until a later one; the newest version of a year wins; null means no price', () => {
  const book = priceBook([...kl, v('phone', 2013, 4500), v('phone', 2013, 4200, '2026-02-01T00:00:00.000Z'), v('email', 2014, null)]);
  assert.equal(book.ore('phone', 2010), null);
  assert.equal(book.ore('phone', 2012), 4000);
  assert.equal(book.ore('phone', 2013), 4200);
  assert.equal(book.ore('phone', 2020), 4200);
  assert.equal(book.ore('email', 2013), 5500);
  assert.equal(book.ore('email', 2014), null);
  assert.equal(book.ore('web', 2012), null);
  assert.equal(book.ore('digital_letter_saving', 2015), 625);
  assert.deepEqual(parseKroner('6,25'), { ok: true, ore: 625 });
  assert.deepEqual(parseKroner(' 40 '), { ok: true, ore: 4000 });
  assert.deepEqual(parseKroner('—'), { ok: true, ore: null });
  assert.deepEqual(parseKroner('-4'), { ok: false });
  assert.deepEqual(parseKroner('4,255'), { ok: false });
});

test('digital share counts inbound contacts only, with web visits switchable; empty is null', () => {
  const rows = [row(2011, 'phone', 600), row(2011, 'web', 325), row(2011, 'email', 10), row(2011, 'phone', 500, { direction: 'out' })];
  assert.equal(kpi.digitalShare(rows, { includeWebVisits: true }), 335 / 935);
  assert.equal(kpi.digitalShare(rows, { includeWebVisits: false }), 10 / 610);
  assert.equal(kpi.digitalShare([], { includeWebVisits: true }), null);
  assert.equal(kpi.digitalShare([row(2011, 'phone', 5, { direction: 'out' })], { includeWebVisits: true }), null);
});

test('cost per channel over a period crossing years uses each year\'s price; unpriced channels are null, not 0', () => {
  const book = priceBook([...kl, v('phone', 2012, 4500)]);
  const rows = [row(2011, 'phone', 10), row(2012, 'phone', 20), row(2012, 'web', 1000), row(2012, 'letter', 3), row(2012, 'letter', 7, { direction: 'out' })];
  const costs = kpi.costByChannel(rows, book, channels, [2011, 2012]);
  const phone = costs.find((c) => c.channel === 'phone')!;
  assert.equal(phone.costOre, 10 * 4000 + 20 * 4500);
  assert.equal(phone.unitOre, null, 'the unit price differs between the years');
  const letter = costs.find((c) => c.channel === 'letter')!;
  assert.deepEqual([letter.inbound, letter.outbound, letter.unitOre, letter.costOre], [3, 7, 6000, 18000]);
  assert.equal(costs.find((c) => c.channel === 'web')!.costOre, null);
  assert.equal(costs.find((c) => c.channel === 'in_person')!.costOre, 0, 'priced, no contacts');
  assert.equal(costs.find((c) => c.channel === 'chat')!.costOre, null);
  assert.equal(kpi.totalCost(costs), 130000 + 18000);
  assert.deepEqual(kpi.costByChannel([], book, ['phone'], [2012]).map((c) => c.costOre), [null]);
  assert.equal(kpi.totalCost(kpi.costByChannel([], book, channels, [2012])), null);
});

test('cost per transaction and the saving against the baseline use the period\'s prices on both sides', () => {
  const book = priceBook([...kl, v('phone', 2015, 5000)]);
  const t = { kind: 'transaction' as const };
  assert.equal(kpi.costPerTransaction([row(2015, 'phone', 1, t), row(2015, 'self_service', 3, t), row(2015, 'web', 50, t), row(2015, 'phone', 9)], book), (5000 + 1500) / 4);
  assert.equal(kpi.costPerTransaction([row(2015, 'web', 5, t)], book), null);
  const baseline = [row(2011, 'phone', 100), row(2011, 'in_person', 10)];
  // Half a year against a whole baseline year: scale 0.5 → 50 calls and 5 visits expected.
  const period = [row(2015, 'phone', 30), row(2015, 'self_service', 20), row(2015, 'in_person', 5)];
  assert.equal(kpi.savingAgainstBaseline(period, baseline, 0.5, book), 50 * 5000 + 5 * 7500 - (30 * 5000 + 20 * 500 + 5 * 7500));
  assert.equal(kpi.savingAgainstBaseline([], baseline, 1, book), null);
  assert.equal(kpi.savingAgainstBaseline(period, [], 1, book), null);
});

test('digital post share and the saving from digital letters', () => {
  const book = priceBook([...kl, v('digital_letter_saving', 2013, 700)]);
  const out = { direction: 'out' as const };
  const rows = [row(2012, 'digital_post', 80, out), row(2012, 'letter', 20, out), row(2013, 'digital_post', 10, out), row(2013, 'letter', 5)];
  assert.equal(kpi.digitalPostShare(rows), 90 / 110);
  assert.equal(kpi.digitalLetterSaving(rows, book), 80 * 625 + 10 * 700);
  assert.equal(kpi.digitalPostShare([row(2012, 'letter', 5)]), null);
  assert.equal(kpi.digitalLetterSaving([], book), null);
  // The seed's own example: 80 % of 240,000 letters digitally saves 1.2 mio. kr.
  assert.equal(kpi.digitalLetterSaving([row(2011, 'digital_post', 192_000, out)], priceBook(kl)), 120_000_000);
});

test('take-up per service counts inbound transactions naming the service on every channel', () => {
  const t = (channel: kpi.YearTotal['channel'], count: number, service: string) => row(2015, channel, count, { kind: 'transaction', service });
  const result = kpi.takeUpByService([t('self_service', 80, 'flytning'), t('phone', 15, 'flytning'), t('in_person', 5, 'flytning'), t('phone', 3, ''), row(2015, 'phone', 9, { kind: 'information', service: 'pas' }), t('letter', 2, 'byg')]);
  assert.deepEqual(result.map((s) => [s.service, s.digital, s.total, s.takeUp]), [['byg', 0, 2, 0], ['flytning', 80, 100, 0.8]]);
});

test('first-contact resolution counts registered contacts; failure demand leaves web visits out', () => {
  assert.deepEqual(kpi.firstContactResolution([row(2015, 'phone', 6, { resolved: 'yes' }), row(2015, 'phone', 2, { resolved: 'no' }), row(2015, 'web', 90, { resolved: 'unknown' })]), { resolved: 6, registered: 8, share: 0.75 });
  assert.equal(kpi.firstContactResolution([]).share, null);
  assert.deepEqual(kpi.failureDemand([row(2015, 'phone', 3, { failureDemand: true }), row(2015, 'phone', 7, { failureDemand: false }), row(2015, 'web', 100, { failureDemand: false })]), { count: 3, of: 10, share: 0.3 });
});

test('saving potential ranks topics by non-digital volume × (price − self-service price)', () => {
  const book = priceBook(kl);
  const ranked = kpi.savingPotential([row(2015, 'phone', 100, { topic: 'affald' }), row(2015, 'in_person', 60, { topic: 'pas' }), row(2015, 'web', 900, { topic: 'affald' }), row(2015, 'letter', 1, { topic: 'x' })], book);
  assert.deepEqual(ranked.map((t) => [t.topic, t.nonDigital, t.potentialOre]), [['pas', 60, 60 * 7000], ['affald', 100, 100 * 3500], ['x', 1, 5500]]);
});

test('completion rate and abandonment ratio; nothing started is null', () => {
  assert.deepEqual(kpi.completion({ started: 95, completed: 20, abandoned: 75 }), { completionRate: 20 / 95, abandonmentRatio: 3.75 });
  assert.deepEqual(kpi.completion({ started: 0, completed: 0, abandoned: 0 }), { completionRate: null, abandonmentRatio: null });
});
