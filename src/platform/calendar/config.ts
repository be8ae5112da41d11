import { isDay, WEEKDAYS, type Day, type Weekday } from './days.ts';
import type { LocalizedName } from './holidays.ts';

/** Local wall-clock time 'HH:MM', 00:00–23:59. */
export type TimeOfDay = string;

/** One opening interval on a day: open from `from` (inclusive) until `to` (exclusive). */
export type OpeningHours = { from: TimeOfDay; to: TimeOfDay };

/** A day closed on top of the public holidays. */
export type ClosedDayRule =
  /** Same date every year, e.g. Grundlovsdag 5 June. */
  | { kind: 'fixed'; month: number; day: number; name: LocalizedName }
  /** Easter Sunday + `days` every year, e.g. 40 = the Friday after Kristi himmelfartsdag. */
  | { kind: 'easter-offset'; days: number; name: LocalizedName }
  /** A single date, e.g. a local closure for moving offices. */
  | { kind: 'date'; date: Day; name: LocalizedName };

export type CalendarConfig = {
  closedDays: readonly ClosedDayRule[];
  /** Every weekday must be present; null = no opening hours. Saturday and Sunday must be null. */
  openingHours: Readonly<Record<Weekday, OpeningHours | null>>;
};

/** A typical Danish town hall (rådhus / borgerservice). */
export const defaultCalendarConfig: CalendarConfig = {
  closedDays: [
    { kind: 'fixed', month: 6, day: 5, name: { da: 'Grundlovsdag', en: 'Constitution Day' } },
    { kind: 'fixed', month: 12, day: 24, name: { da: 'Juleaftensdag', en: 'Christmas Eve' } },
    { kind: 'fixed', month: 12, day: 31, name: { da: 'Nytårsaftensdag', en: "New Year's Eve" } },
    {
      kind: 'easter-offset',
      days: 40,
      name: { da: 'Fredag efter Kristi himmelfartsdag', en: 'Friday after Ascension Day' },
    },
  ],
  openingHours: {
    monday: { from: '10:00', to: '15:00' },
    tuesday: { from: '10:00', to: '15:00' },
    wednesday: { from: '10:00', to: '15:00' },
    thursday: { from: '10:00', to: '17:30' },
    friday: { from: '10:00', to: '13:00' },
    saturday: null,
    sunday: null,
  },
};

// Easter falls between 22 March and 25 April; these bounds keep Easter + days inside
// Easter's own year, so closed days can be computed one year at a time.
const MIN_EASTER_OFFSET = -80;
const MAX_EASTER_OFFSET = 250;

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes after local midnight of a valid 'HH:MM'. */
export function minutesOfDay(time: TimeOfDay): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Checks a configuration (typically parsed JSON) and returns one readable message per
 * problem; an empty list means the config is valid.
 */
export function validateCalendarConfig(config: unknown): string[] {
  if (!isRecord(config)) return ['config must be an object with closedDays and openingHours'];
  const unknownKeys = Object.keys(config)
    .filter((key) => key !== 'closedDays' && key !== 'openingHours')
    .map((key) => `config: unknown key '${key}'`);
  return [...unknownKeys, ...validateClosedDays(config.closedDays), ...validateOpeningHours(config.openingHours)];
}

function validateClosedDays(closedDays: unknown): string[] {
  if (!Array.isArray(closedDays)) return ['closedDays must be a list (use [] for none)'];
  return closedDays.flatMap((rule: unknown, index) => validateClosedDayRule(rule, `closedDays[${index}]`));
}

function validateClosedDayRule(rule: unknown, position: string): string[] {
  if (!isRecord(rule)) return [`${position} must be an object`];
  const label = isRecord(rule.name) && typeof rule.name.da === 'string' ? `${position} (${rule.name.da})` : position;
  const errors = validateName(rule.name, label);

  switch (rule.kind) {
    case 'fixed': {
      if (!isIntegerIn(rule.month, 1, 12)) {
        errors.push(`${label}: month must be an integer from 1 to 12, got ${JSON.stringify(rule.month)}`);
      } else {
        const maxDay = DAYS_IN_MONTH_OF_LEAP_YEAR[rule.month - 1]!;
        if (!isIntegerIn(rule.day, 1, maxDay)) {
          errors.push(
            `${label}: day must be an integer from 1 to ${maxDay} for month ${rule.month}, got ${JSON.stringify(rule.day)}`,
          );
        }
      }
      break;
    }
    case 'easter-offset':
      if (!isIntegerIn(rule.days, MIN_EASTER_OFFSET, MAX_EASTER_OFFSET)) {
        errors.push(
          `${label}: days must be an integer from ${MIN_EASTER_OFFSET} to ${MAX_EASTER_OFFSET} ` +
            `(the day must fall in the same year as Easter), got ${JSON.stringify(rule.days)}`,
        );
      }
      break;
    case 'date':
      if (!isDay(rule.date)) errors.push(`${label}: date must be a 'YYYY-MM-DD' date, got ${JSON.stringify(rule.date)}`);
      break;
    default:
      errors.push(`${label}: kind must be 'fixed', 'easter-offset' or 'date', got ${JSON.stringify(rule.kind)}`);
  }
  return errors;
}

function validateName(name: unknown, label: string): string[] {
  if (!isRecord(name)) return [`${label}: name must be an object { da, en }`];
  return (['da', 'en'] as const)
    .filter((language) => typeof name[language] !== 'string' || String(name[language]).trim() === '')
    .map((language) => `${label}: name.${language} must be a non-empty string`);
}

function validateOpeningHours(openingHours: unknown): string[] {
  if (!isRecord(openingHours)) return ['openingHours must be an object with an entry for each weekday, monday to sunday'];
  const errors = Object.keys(openingHours)
    .filter((key) => !(WEEKDAYS as readonly string[]).includes(key))
    .map((key) => `opening hours: unknown weekday '${key}' (use monday … sunday)`);

  for (const weekday of WEEKDAYS) {
    const hours = openingHours[weekday];
    const label = `opening hours for ${weekday}`;
    if (hours === undefined) {
      errors.push(`${label}: missing (use null for a day without opening hours)`);
    } else if (hours === null) {
      continue;
    } else if (weekday === 'saturday' || weekday === 'sunday') {
      errors.push(`${label}: must be null, weekends are never working days`);
    } else if (!isRecord(hours)) {
      errors.push(`${label}: must be { from: 'HH:MM', to: 'HH:MM' } or null`);
    } else {
      const { from, to } = hours;
      const fromValid = isTimeOfDay(from);
      const toValid = isTimeOfDay(to);
      if (!fromValid) errors.push(`${label}: 'from' must be a time 'HH:MM' (00:00–23:59), got ${JSON.stringify(from)}`);
      if (!toValid) errors.push(`${label}: 'to' must be a time 'HH:MM' (00:00–23:59), got ${JSON.stringify(to)}`);
      if (fromValid && toValid) {
        if (minutesOfDay(from) > minutesOfDay(to)) {
          errors.push(`${label}: 'from' ${from} is after 'to' ${to}`);
        } else if (from === to) {
          errors.push(`${label}: 'from' ${from} equals 'to' (use null for a day without opening hours)`);
        }
      }
    }
  }
  return errors;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

function isTimeOfDay(value: unknown): value is TimeOfDay {
  return typeof value === 'string' && TIME_PATTERN.test(value);
}

// 29 February is accepted for 'fixed' rules; it only applies in leap years.
const DAYS_IN_MONTH_OF_LEAP_YEAR = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
