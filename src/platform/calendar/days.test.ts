import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DateTime } from 'luxon';
import { addDays, copenhagenDay, formatDay, isDay, isLeapYear, longDay, startOfCopenhagenDay, weekdayOf, WEEKDAYS } from './days.ts';

const HOUR_MS = 3_600_000;

test('copenhagenDay at the summer (CEST, UTC+2) day boundary', () => {
  assert.equal(copenhagenDay(new Date('2026-07-01T21:59:59.999Z')), '2026-07-01');
  assert.equal(copenhagenDay(new Date('2026-07-01T22:00:00.000Z')), '2026-07-02');
  assert.equal(copenhagenDay(new Date('2026-07-01T22:30:00Z')), '2026-07-02');
});

test('copenhagenDay at the winter (CET, UTC+1) day boundary', () => {
  assert.equal(copenhagenDay(new Date('2026-01-15T22:59:59.999Z')), '2026-01-15');
  assert.equal(copenhagenDay(new Date('2026-01-15T23:00:00.000Z')), '2026-01-16');
  assert.equal(copenhagenDay(new Date('2026-12-31T23:00:00Z')), '2027-01-01');
});

test('copenhagenDay on the DST nights uses the offset valid after the change', () => {
  // 2026-03-29: clocks jump 02:00 CET → 03:00 CEST; that evening midnight is at 22:00Z.
  assert.equal(copenhagenDay(new Date('2026-03-29T21:59:59Z')), '2026-03-29');
  assert.equal(copenhagenDay(new Date('2026-03-29T22:00:00Z')), '2026-03-30');
  // 2026-10-25: clocks fall back 03:00 CEST → 02:00 CET; that evening midnight is at 23:00Z.
  assert.equal(copenhagenDay(new Date('2026-10-25T22:30:00Z')), '2026-10-25');
  assert.equal(copenhagenDay(new Date('2026-10-25T23:00:00Z')), '2026-10-26');
});

test('copenhagenDay agrees with ICU at every local midnight from 1880 to 2100', () => {
  // ICU's own answer (en-CA writes YYYY-MM-DD), independent of the offsets copenhagenDay keeps.
  const icu = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
  // Local midnight is at 22:00Z (summer), 23:00Z (winter) or, in local mean time until the 1890s, at
  // an offset of minutes and seconds: each, and the last millisecond before it, every day.
  const meanTime = Math.round(DateTime.fromMillis(Date.UTC(1880, 0, 1), { zone: 'Europe/Copenhagen' }).offset * 60_000);
  const sides = [22 * HOUR_MS, 23 * HOUR_MS, 24 * HOUR_MS - meanTime].flatMap((t) => [t - 1, t]);
  // Every day would take seconds; every third day still meets every weekday, month and DST change
  // rule, and every day of the years local mean time ended and daylight saving time began.
  const everyDay = (time: number) => new Date(time).getUTCFullYear() <= 1894 || new Date(time).getUTCFullYear() === 1916;
  for (let midnight = Date.UTC(1880, 0, 1); midnight < Date.UTC(2100, 0, 1); midnight += everyDay(midnight) ? 86_400_000 : 3 * 86_400_000) {
    for (const side of sides) {
      const instant = new Date(midnight + side);
      const expected = icu.format(instant);
      // Asked twice: the second answer comes from the offset kept for the hour.
      if (copenhagenDay(instant) !== expected || copenhagenDay(instant) !== expected) assert.fail(`${instant.toISOString()}: ${copenhagenDay(instant)}, not ${expected}`);
    }
  }
});

test('startOfCopenhagenDay gives local midnight in UTC', () => {
  assert.equal(startOfCopenhagenDay('2026-07-02').toISOString(), '2026-07-01T22:00:00.000Z');
  assert.equal(startOfCopenhagenDay('2026-01-16').toISOString(), '2026-01-15T23:00:00.000Z');
});

test('DST days last 23 and 25 hours', () => {
  const length = (day: string, next: string) => startOfCopenhagenDay(next).getTime() - startOfCopenhagenDay(day).getTime();
  assert.equal(length('2026-03-29', '2026-03-30'), 23 * HOUR_MS);
  assert.equal(length('2026-10-25', '2026-10-26'), 25 * HOUR_MS);
  assert.equal(length('2026-07-01', '2026-07-02'), 24 * HOUR_MS);
});

test('copenhagenDay and startOfCopenhagenDay round-trip', () => {
  for (const day of ['2026-03-29', '2026-03-30', '2026-10-25', '2026-10-26', '2028-02-29']) {
    assert.equal(copenhagenDay(startOfCopenhagenDay(day)), day);
  }
});

test('invalid days and instants are rejected', () => {
  assert.equal(isDay('2026-02-28'), true);
  assert.equal(isDay('2026-02-29'), false);
  assert.equal(isDay('2026-2-28'), false);
  assert.equal(isDay('2026-02-28T00:00'), false);
  assert.throws(() => startOfCopenhagenDay('2026-13-01'), RangeError);
  assert.throws(() => copenhagenDay(new Date('nonsense')), RangeError);
});

test('day arithmetic crosses month, year and leap day', () => {
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2028-03-01', -1), '2028-02-29');
  assert.equal(addDays('2026-03-28', 2), '2026-03-30');
  assert.equal(weekdayOf('2026-03-29'), 'sunday');
  assert.equal(weekdayOf('2026-03-30'), 'monday');
});

test('day arithmetic agrees with luxon on every day from 1899 to 2101', () => {
  let luxonDay = DateTime.utc(1899, 1, 1);
  let day = '1899-01-01';
  while (luxonDay.year <= 2101) {
    assert.equal(day, luxonDay.toISODate());
    assert.equal(weekdayOf(day), WEEKDAYS[luxonDay.weekday - 1]);
    assert.equal(isLeapYear(luxonDay.year), luxonDay.isInLeapYear);
    assert.equal(addDays(day, -400), luxonDay.minus({ days: 400 }).toISODate());
    luxonDay = luxonDay.plus({ days: 1 });
    day = addDays(day, 1);
  }
  // Impossible dates are no days, and formatDay refuses them.
  for (const bad of ['2025-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10']) assert.equal(isDay(bad), false, bad);
  assert.equal(isDay('2000-02-29'), true);
  assert.equal(formatDay(2028, 2, 29), '2028-02-29');
  assert.throws(() => formatDay(2027, 2, 29), RangeError);
});

test('longDay writes a day in words, in Danish or English, and refuses what is no day', () => {
  assert.equal(longDay('2026-11-02', 'da'), '2. november 2026');
  assert.equal(longDay('2026-03-05', 'en'), '5 March 2026');
  assert.equal(longDay('0099-12-31', 'da'), '31. december 99');
  assert.throws(() => longDay('2026-02-30', 'da'), RangeError);
});
