import { DateTime } from 'luxon';

/** The time zone every calendar rule is evaluated in. */
export const COPENHAGEN_ZONE = 'Europe/Copenhagen';

/** A calendar day as an ISO date string, 'YYYY-MM-DD' (no time, no zone). */
export type Day = string;

/** Weekday names in ISO order (index 0 = Monday), as used in configuration. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (rejects '2026-02-30', '2026-3-1'). */
export function isDay(value: unknown): value is Day {
  return typeof value === 'string' && DAY_PATTERN.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;
}

export function assertDay(value: unknown, label = 'day'): asserts value is Day {
  if (!isDay(value)) throw new RangeError(`${label} must be a 'YYYY-MM-DD' date, got ${JSON.stringify(value)}`);
}

export function assertInstant(value: unknown, label = 'instant'): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${label} must be a valid Date`);
  }
}

// Pure calendar arithmetic: evaluated in UTC so no zone offset can shift the date.
function dayToDateTime(day: Day): DateTime {
  return DateTime.fromISO(day, { zone: 'utc' });
}

function dateTimeToDay(dateTime: DateTime): Day {
  const day = dateTime.toISODate();
  if (day === null) throw new RangeError(`invalid date: ${dateTime.invalidExplanation ?? 'unknown reason'}`);
  return day;
}

export function formatDay(year: number, month: number, dayOfMonth: number): Day {
  return dateTimeToDay(DateTime.fromObject({ year, month, day: dayOfMonth }, { zone: 'utc' }));
}

export function addDays(day: Day, days: number): Day {
  return dateTimeToDay(dayToDateTime(day).plus({ days }));
}

export function isLeapYear(year: number): boolean {
  return DateTime.utc(year).isInLeapYear;
}

export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

export function weekdayOf(day: Day): Weekday {
  // luxon weekday: 1 = Monday ... 7 = Sunday
  return WEEKDAYS[dayToDateTime(day).weekday - 1]!;
}

/** The Copenhagen calendar day an instant falls on: 2026-07-01T22:30:00Z → '2026-07-02'. */
export function copenhagenDay(instant: Date): Day {
  assertInstant(instant);
  return dateTimeToDay(DateTime.fromJSDate(instant, { zone: COPENHAGEN_ZONE }));
}

/** The instant a Copenhagen day begins (local midnight), e.g. '2026-07-02' → 2026-07-01T22:00:00Z. */
export function startOfCopenhagenDay(day: Day): Date {
  assertDay(day);
  return DateTime.fromISO(day, { zone: COPENHAGEN_ZONE }).startOf('day').toJSDate();
}

/** The instant of a local wall-clock time on a Copenhagen day; luxon resolves DST gaps/overlaps. */
export function copenhagenInstant(day: Day, hour: number, minute: number): Date {
  return DateTime.fromISO(day, { zone: COPENHAGEN_ZONE }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}
