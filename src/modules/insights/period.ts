// Periods the dashboard and reports are computed for: spans of Copenhagen calendar days.
// The registry keys its aggregates by Copenhagen day, so a period never needs a time of day.
import { addDays, copenhagenDay, formatDay, isDay, yearOf, type Day } from '../../platform/calendar/days.ts';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'custom';

export interface Period {
  /** The period as written in URLs and on the command line: 2026, 2026H1, 2026Q3, 2026-03, 2026-01-01..2026-02-15. */
  key: string;
  kind: PeriodKind;
  firstDay: Day;
  lastDay: Day;
}

const lastDayOfMonth = (year: number, month: number): Day => addDays(month === 12 ? formatDay(year + 1, 1, 1) : formatDay(year, month + 1, 1), -1);
const span = (key: string, kind: PeriodKind, year: number, firstMonth: number, lastMonth: number): Period => ({
  key,
  kind,
  firstDay: formatDay(year, firstMonth, 1),
  lastDay: lastDayOfMonth(year, lastMonth),
});

/** Longest custom period: about 20 years. */
const MAX_CUSTOM_DAYS = 7400;

/** Reads a period key; undefined when it is not one (the caller answers with a clear message). */
export function parsePeriod(text: string): Period | undefined {
  const key = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(key))) return span(key, 'year', Number(m[1]), 1, 12);
  if ((m = /^(\d{4})H([12])$/i.exec(key))) {
    const h = Number(m[2]);
    return span(`${m[1]}H${h}`, 'half', Number(m[1]), h === 1 ? 1 : 7, h === 1 ? 6 : 12);
  }
  if ((m = /^(\d{4})Q([1-4])$/i.exec(key))) {
    const q = Number(m[2]);
    return span(`${m[1]}Q${q}`, 'quarter', Number(m[1]), q * 3 - 2, q * 3);
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(key))) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return span(key, 'month', Number(m[1]), month, month);
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key))) {
    const [, first, last] = m;
    if (!isDay(first) || !isDay(last) || first > last || daysIn({ firstDay: first, lastDay: last }) > MAX_CUSTOM_DAYS) return undefined;
    return { key, kind: 'custom', firstDay: first, lastDay: last };
  }
  return undefined;
}

export const customPeriod = (firstDay: Day, lastDay: Day) => parsePeriod(`${firstDay}..${lastDay}`);

export function daysIn(p: Pick<Period, 'firstDay' | 'lastDay'>): number {
  return Math.round((Date.parse(`${p.lastDay}T00:00:00Z`) - Date.parse(`${p.firstDay}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The calendar-year parts of a period, so each part is priced with its own year's prices. */
export function yearParts(p: Pick<Period, 'firstDay' | 'lastDay'>): { year: number; firstDay: Day; lastDay: Day }[] {
  const parts = [];
  for (let year = yearOf(p.firstDay); year <= yearOf(p.lastDay); year++) {
    const first = formatDay(year, 1, 1);
    const last = formatDay(year, 12, 31);
    parts.push({ year, firstDay: p.firstDay > first ? p.firstDay : first, lastDay: p.lastDay < last ? p.lastDay : last });
  }
  return parts;
}

/** The half-year a moment falls in, in Copenhagen time (the status report's period). */
export function halfYearOf(at: Date): Period {
  const day = copenhagenDay(at);
  return parsePeriod(`${day.slice(0, 4)}H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`)!;
}

/** The previous whole calendar year in Copenhagen time: the dashboard's default. */
export function previousYear(at: Date): Period {
  return parsePeriod(String(yearOf(copenhagenDay(at)) - 1))!;
}

/** The months a period touches, as 'YYYY-MM', for the channel mix over time. */
export function monthsOf(p: Pick<Period, 'firstDay' | 'lastDay'>): string[] {
  const months: string[] = [];
  let y = yearOf(p.firstDay);
  let m = Number(p.firstDay.slice(5, 7));
  const end = p.lastDay.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= end) return months;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
}
