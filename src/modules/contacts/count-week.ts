// KOMHEN count weeks: configured ISO weeks in which staff tally every contact.
import { DateTime } from 'luxon';
import { copenhagenDay, type Day } from '../../platform/calendar/index.ts';

export interface CountWeek {
  /** ISO week, e.g. '2026-W46'. */
  week: string;
  /** Monday and Sunday of the week (Copenhagen days). */
  firstDay: Day;
  lastDay: Day;
}

export function countWeek(week: string): CountWeek {
  const monday = DateTime.fromISO(`${week}-1`, { zone: 'Europe/Copenhagen' });
  return { week, firstDay: monday.toISODate()!, lastDay: monday.plus({ days: 6 }).toISODate()! };
}

/** The configured count week that `at` falls in, if any. */
export function currentCountWeek(weeks: readonly string[], at: Date): CountWeek | undefined {
  const today = copenhagenDay(at);
  return weeks.map(countWeek).find((w) => w.firstDay <= today && today <= w.lastDay);
}

/** The ISO week of a moment in Copenhagen, e.g. '2026-W48' (for tests and demo settings). */
export function isoWeekOf(at: Date): string {
  return DateTime.fromJSDate(at, { zone: 'Europe/Copenhagen' }).toFormat("kkkk-'W'WW");
}
