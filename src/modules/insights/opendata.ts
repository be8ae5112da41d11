// Open data: the strategy's figures per year for the municipality and each department,
// with stable column names (documented in OpenAPI and docs/insights.md). Totals only:
// no person, no single contact, nothing below a department and a year.
import Type, { type Static } from 'typebox';
import { stringify } from 'csv-stringify/sync';
import { copenhagenDay, formatDay, yearOf } from '../../platform/calendar/days.ts';
import type { Db } from '../../platform/db/index.ts';
import { aggregateTotals, type Channel } from '../contacts/index.ts';
import * as kpi from './kpi.ts';
import { BASELINE_YEAR } from './figures.ts';
import type { PriceBook } from './prices.ts';

const share = (description: string) => Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description });
const count = Type.Integer({ minimum: 0 });

/** One row: a year for the municipality ('' department) or one department. Column names never change. */
export const OpenDataRow = Type.Object({
  year: Type.Integer({ description: 'Calendar year (Copenhagen time).' }),
  department: Type.String({ description: "Department id; '' for the whole municipality." }),
  inbound_contacts: Type.Integer({ minimum: 0, description: 'All inbound contacts, web visits included.' }),
  digital_share: share('Inbound digital contacts ÷ all inbound contacts (null when there are none).'),
  web_visits_counted: Type.Boolean({ description: 'Whether web visits count as digital contacts in digital_share.' }),
  self_service_in: count,
  web_visits: count,
  email_in: count,
  sms_in: count,
  chat_in: count,
  phone_in: count,
  letters_in: count,
  in_person: count,
  letters_out: Type.Integer({ minimum: 0, description: 'Printed letters sent.' }),
  digital_post_out: Type.Integer({ minimum: 0, description: 'Letters sent by Digital Post.' }),
  digital_post_share: share('digital_post_out ÷ (letters_out + digital_post_out); null when no letters were sent.'),
  cost_dkk: Type.Union([Type.Number(), Type.Null()], { description: 'Σ inbound contacts × channel price that year, in kroner; null when nothing is priced.' }),
  demo_data: Type.Boolean({ description: 'The figures are demo data, not real.' }),
});
export type OpenDataRow = Static<typeof OpenDataRow>;

export const OpenDataDocument = Type.Object({
  description: Type.String(),
  definitions: Type.String({ description: 'Where every column is defined.' }),
  rows: Type.Array(OpenDataRow),
});

export const openDataColumns = Object.keys(OpenDataRow.properties) as (keyof OpenDataRow)[];

const inCount = (rows: kpi.YearTotal[], channel: Channel, direction: 'in' | 'out' = 'in') => rows.filter((r) => r.channel === channel && r.direction === direction).reduce((n, r) => n + r.count, 0);

export async function openDataRows(db: Db, prices: PriceBook, countWebVisits: boolean, demo: boolean, at = new Date()): Promise<OpenDataRow[]> {
  const result: OpenDataRow[] = [];
  for (let year = BASELINE_YEAR; year <= yearOf(copenhagenDay(at)); year++) {
    const found = await aggregateTotals(db, { firstDay: formatDay(year, 1, 1), lastDay: formatDay(year, 12, 31), by: ['department', 'channel', 'direction'] });
    if (found.length === 0) continue;
    const rows = found.map((r) => ({ ...r, year }) as kpi.YearTotal & { department: string });
    const scopes: [string, typeof rows][] = [['', rows], ...[...kpi.groupBy(rows, (r) => r.department)].sort((a, b) => a[0].localeCompare(b[0]))];
    for (const [department, list] of scopes) {
      const cost = kpi.totalCost(kpi.costByChannel(list, prices, ['self_service', 'web', 'email', 'digital_post', 'sms', 'chat', 'phone', 'letter', 'in_person'], [year]));
      result.push({
        year,
        department,
        inbound_contacts: list.filter((r) => r.direction === 'in').reduce((n, r) => n + r.count, 0),
        digital_share: kpi.digitalShare(list, { includeWebVisits: countWebVisits }),
        web_visits_counted: countWebVisits,
        self_service_in: inCount(list, 'self_service'),
        web_visits: inCount(list, 'web'),
        email_in: inCount(list, 'email'),
        sms_in: inCount(list, 'sms'),
        chat_in: inCount(list, 'chat'),
        phone_in: inCount(list, 'phone'),
        letters_in: inCount(list, 'letter'),
        in_person: inCount(list, 'in_person'),
        letters_out: inCount(list, 'letter', 'out'),
        digital_post_out: inCount(list, 'digital_post', 'out'),
        digital_post_share: kpi.digitalPostShare(list),
        cost_dkk: cost === null ? null : cost / 100,
        demo_data: demo,
      });
    }
  }
  return result;
}

export function openDataCsv(rows: readonly OpenDataRow[]): string {
  return stringify([openDataColumns, ...rows.map((r) => openDataColumns.map((c) => (r[c] === null ? '' : typeof r[c] === 'boolean' ? String(r[c]) : r[c])))], { delimiter: ',' });
}
