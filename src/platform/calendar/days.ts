import { DateTime, IANAZone } from 'luxon';
import type { Lang } from '../i18n/index.ts';

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
  return typeof value === 'string' && DAY_PATTERN.test(value) && dayFromTime(timeOfDay(value)) === value;
}

export function assertDay(value: unknown, label = 'day'): asserts value is Day {
  if (!isDay(value)) throw new RangeError(`${label} must be a 'YYYY-MM-DD' date, got ${JSON.stringify(value)}`);
}

export function assertInstant(value: unknown, label = 'instant'): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`${label} must be a valid Date`);
  }
}

// Pure calendar arithmetic on UTC milliseconds: no zone offset can shift the date, and it is
// plain arithmetic — deadlines step through days one at a time, and luxon made that a tenth of
// a self-service submission's CPU.
const MS_PER_DAY = 86_400_000;

/** Midnight UTC of a 'YYYY-MM-DD' day; an impossible date (31 February) rolls over, so isDay compares back. */
function timeOfDay(day: Day): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps the years 0–99 as they are.
  date.setUTCFullYear(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return date.getTime();
}

function dayFromTime(time: number): Day {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`invalid date: year ${year} is outside 0000–9999`);
  return `${String(year).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

export function formatDay(year: number, month: number, dayOfMonth: number): Day {
  const day = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(dayOfMonth) || !isDay(day)) throw new RangeError(`invalid date: ${year}-${month}-${dayOfMonth}`);
  return day;
}

export function addDays(day: Day, days: number): Day {
  return dayFromTime(timeOfDay(day) + days * MS_PER_DAY);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

export function weekdayOf(day: Day): Weekday {
  // getUTCDay: 0 = Sunday ... 6 = Saturday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(timeOfDay(day)).getUTCDay() + 6) % 7]!;
}

const copenhagen = IANAZone.create(COPENHAGEN_ZONE);
const HOUR_MS = 3_600_000;
const offsetByHour = new Map<number, number>();

/**
 * Copenhagen's UTC offset in ms at an instant. Asking the zone goes through Intl each time (a
 * tenth of a submission's CPU); the offset changes only on whole UTC hours (DST at 01:00Z), so
 * it is kept per hour — for hours whose two ends agree, which leaves out the end of local mean time.
 */
function copenhagenOffset(time: number): number {
  const hour = Math.floor(time / HOUR_MS);
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  const offset = copenhagen.offset(time) * 60_000;
  if (offset === copenhagen.offset(hour * HOUR_MS) * 60_000 && offset === copenhagen.offset((hour + 1) * HOUR_MS - 1) * 60_000) {
    // A bound on memory for a long-running process that meets many years (imports of old data).
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The Copenhagen calendar day an instant falls on: 2026-07-01T22:30:00Z → '2026-07-02'. */
export function copenhagenDay(instant: Date): Day {
  assertInstant(instant);
  const time = instant.getTime();
  return dayFromTime(time + copenhagenOffset(time));
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

// One formatter per language, made once: building an Intl.DateTimeFormat costs more than using it.
const longDayFormats: Record<Lang, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};

/** A day as words: '2026-11-02' → '2. november 2026' (da), '2 November 2026' (en). */
export function longDay(day: Day, lang: Lang): string {
  assertDay(day);
  return longDayFormats[lang].format(timeOfDay(day));
}
