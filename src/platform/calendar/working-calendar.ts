import {
  defaultCalendarConfig,
  minutesOfDay,
  validateCalendarConfig,
  type CalendarConfig,
  type ClosedDayRule,
} from './config.ts';
import {
  addDays,
  assertDay,
  assertInstant,
  copenhagenDay,
  copenhagenInstant,
  formatDay,
  isLeapYear,
  weekdayOf,
  yearOf,
  type Day,
} from './days.ts';
import { easterSunday } from './easter.ts';
import { publicHolidays, type LocalizedName } from './holidays.ts';

/** Why a day is not a working day. A public holiday wins over a configured closed day, both over the weekend. */
export type ClosedReason = { kind: 'public-holiday' | 'closed-day' | 'weekend'; name: LocalizedName };

/** The opening interval of one day: open from `opens` (inclusive) until `closes` (exclusive). */
export type OpeningInterval = { opens: Date; closes: Date };

export type WorkingCalendar = {
  isWorkingDay(day: Day): boolean;
  closedReason(day: Day): ClosedReason | null;
  /**
   * n > 0: the n-th working day after `day` (`day` itself never counts);
   * n < 0: the |n|-th working day before `day`;
   * n = 0: `day` if it is a working day, else the next working day.
   * The result is always a working day.
   */
  addWorkingDays(day: Day, n: number): Day;
  /** addWorkingDays from the Copenhagen day the instant falls on. */
  addWorkingDaysToInstant(instant: Date, n: number): Day;
  /** Working days d with fromDay < d <= toDay; negated when toDay is before fromDay. */
  workingDaysBetween(fromDay: Day, toDay: Day): number;
  /** Opening interval of a day, or null when the day is closed or has no opening hours. */
  openingInterval(day: Day): OpeningInterval | null;
  /**
   * The instant at which `minutes` of opening time have passed, counting from `instant`
   * (or from the next opening if the office is closed at `instant`). A result can be a
   * closing time. minutes = 0 gives the first open instant at or after `instant`.
   */
  addOpeningMinutes(instant: Date, minutes: number): Date;
  addOpeningHours(instant: Date, hours: number): Date;
  /** Opening time between two instants, in minutes; negated when b is before a. */
  openingMinutesBetween(a: Date, b: Date): number;
};

const WEEKEND_NAMES = {
  saturday: { da: 'Lørdag', en: 'Saturday' },
  sunday: { da: 'Søndag', en: 'Sunday' },
} as const satisfies Record<string, LocalizedName>;

// A calendar with no working day / opening for a whole year is a broken config; stop
// searching instead of looping forever.
const MAX_SEARCH_DAYS = 366;

const MS_PER_MINUTE = 60_000;

/** Builds a calendar; throws with all validation messages if the config is invalid. */
export function createWorkingCalendar(config: CalendarConfig = defaultCalendarConfig): WorkingCalendar {
  const errors = validateCalendarConfig(config);
  if (errors.length > 0) throw new Error(`invalid calendar config:\n- ${errors.join('\n- ')}`);
  // Copy so later changes to the caller's object cannot disagree with the cache below.
  const { closedDays, openingHours } = structuredClone(config);

  const closedByYear = new Map<number, Map<Day, ClosedReason>>();

  function closedDaysOfYear(year: number): Map<Day, ClosedReason> {
    let closed = closedByYear.get(year);
    if (closed === undefined) {
      closed = new Map();
      for (const holiday of publicHolidays(year)) {
        closed.set(holiday.date, { kind: 'public-holiday', name: holiday.name });
      }
      for (const rule of closedDays) {
        const date = ruleDate(rule, year);
        // Public holidays and earlier rules keep their name on a shared date.
        if (date !== null && !closed.has(date)) closed.set(date, { kind: 'closed-day', name: rule.name });
      }
      closedByYear.set(year, closed);
    }
    return closed;
  }

  function closedReason(day: Day): ClosedReason | null {
    assertDay(day);
    const closed = closedDaysOfYear(yearOf(day)).get(day);
    if (closed !== undefined) return closed;
    const weekday = weekdayOf(day);
    if (weekday === 'saturday' || weekday === 'sunday') return { kind: 'weekend', name: WEEKEND_NAMES[weekday] };
    return null;
  }

  function isWorkingDay(day: Day): boolean {
    return closedReason(day) === null;
  }

  /** The first working day strictly after (direction 1) or before (-1) `day`. */
  function stepToWorkingDay(day: Day, direction: 1 | -1): Day {
    let candidate = day;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      candidate = addDays(candidate, direction);
      if (isWorkingDay(candidate)) return candidate;
    }
    throw new Error(`no working day within ${MAX_SEARCH_DAYS} days ${direction === 1 ? 'after' : 'before'} ${day}`);
  }

  function addWorkingDays(day: Day, n: number): Day {
    assertDay(day);
    if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    if (n === 0) return isWorkingDay(day) ? day : stepToWorkingDay(day, 1);
    const direction = n > 0 ? 1 : -1;
    let result = day;
    for (let i = 0; i < Math.abs(n); i++) result = stepToWorkingDay(result, direction);
    return result;
  }

  function workingDaysBetween(fromDay: Day, toDay: Day): number {
    assertDay(fromDay, 'fromDay');
    assertDay(toDay, 'toDay');
    // 'YYYY-MM-DD' strings sort chronologically.
    if (toDay < fromDay) return -workingDaysBetween(toDay, fromDay);
    let count = 0;
    for (let day = addDays(fromDay, 1); day <= toDay; day = addDays(day, 1)) {
      if (isWorkingDay(day)) count++;
    }
    return count;
  }

  function openingInterval(day: Day): OpeningInterval | null {
    if (!isWorkingDay(day)) return null;
    const hours = openingHours[weekdayOf(day)];
    if (hours === null) return null;
    const at = (time: string) => {
      const minutes = minutesOfDay(time);
      return copenhagenInstant(day, Math.floor(minutes / 60), minutes % 60);
    };
    return { opens: at(hours.from), closes: at(hours.to) };
  }

  function addOpeningMinutes(instant: Date, minutes: number): Date {
    assertInstant(instant);
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
    }
    let remaining = Math.round(minutes * MS_PER_MINUTE);
    const from = instant.getTime();
    let day = copenhagenDay(instant);
    let daysWithoutOpening = 0;
    for (;;) {
      const interval = openingInterval(day);
      if (interval !== null && interval.closes.getTime() > from) {
        const start = Math.max(from, interval.opens.getTime());
        const available = interval.closes.getTime() - start;
        if (remaining <= available) return new Date(start + remaining);
        remaining -= available;
        daysWithoutOpening = 0;
      } else if (++daysWithoutOpening > MAX_SEARCH_DAYS) {
        throw new Error(`no opening hours within ${MAX_SEARCH_DAYS} days after ${day}`);
      }
      day = addDays(day, 1);
    }
  }

  function openingMinutesBetween(a: Date, b: Date): number {
    assertInstant(a, 'a');
    assertInstant(b, 'b');
    if (b < a) return -openingMinutesBetween(b, a);
    const lastDay = copenhagenDay(b);
    let total = 0;
    for (let day = copenhagenDay(a); day <= lastDay; day = addDays(day, 1)) {
      const interval = openingInterval(day);
      if (interval === null) continue;
      const overlap = Math.min(b.getTime(), interval.closes.getTime()) - Math.max(a.getTime(), interval.opens.getTime());
      if (overlap > 0) total += overlap;
    }
    return total / MS_PER_MINUTE;
  }

  return {
    isWorkingDay,
    closedReason,
    addWorkingDays,
    addWorkingDaysToInstant: (instant, n) => addWorkingDays(copenhagenDay(instant), n),
    workingDaysBetween,
    openingInterval: (day) => {
      assertDay(day);
      return openingInterval(day);
    },
    addOpeningMinutes,
    addOpeningHours: (instant, hours) => addOpeningMinutes(instant, hours * 60),
    openingMinutesBetween,
  };
}

/** The date a closed-day rule gives in `year`, or null if it does not apply that year. */
function ruleDate(rule: ClosedDayRule, year: number): Day | null {
  switch (rule.kind) {
    case 'fixed':
      if (rule.month === 2 && rule.day === 29 && !isLeapYear(year)) return null;
      return formatDay(year, rule.month, rule.day);
    case 'easter-offset':
      return addDays(easterSunday(year), rule.days);
    case 'date':
      return yearOf(rule.date) === year ? rule.date : null;
  }
}
