import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultCalendarConfig, type CalendarConfig } from './config.ts';
import { startOfCopenhagenDay } from './days.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const calendar = createWorkingCalendar(defaultCalendarConfig);
const iso = (date: Date) => date.toISOString();
const at = (utc: string) => new Date(utc);

test('closedReason names weekends, public holidays and configured closed days', () => {
  assert.equal(calendar.closedReason('2026-03-02'), null);
  assert.deepEqual(calendar.closedReason('2026-03-28'), { kind: 'weekend', name: { da: 'Lørdag', en: 'Saturday' } });
  assert.deepEqual(calendar.closedReason('2026-04-03'), { kind: 'public-holiday', name: { da: 'Langfredag', en: 'Good Friday' } });
  assert.deepEqual(calendar.closedReason('2026-06-05'), { kind: 'closed-day', name: { da: 'Grundlovsdag', en: 'Constitution Day' } });
  assert.equal(calendar.closedReason('2026-12-24')?.name.da, 'Juleaftensdag');
  assert.equal(calendar.closedReason('2026-12-31')?.name.da, 'Nytårsaftensdag');
  // Kristi himmelfartsdag 2026 is Thursday 14 May; the default config also closes the Friday.
  assert.equal(calendar.closedReason('2026-05-15')?.name.da, 'Fredag efter Kristi himmelfartsdag');
});

test('a holiday or closed day on a weekend is reported by its name, not as weekend', () => {
  assert.equal(calendar.closedReason('2026-04-05')?.name.da, 'Påskedag'); // Sunday
  assert.deepEqual(calendar.closedReason('2027-06-05'), {
    kind: 'closed-day',
    name: { da: 'Grundlovsdag', en: 'Constitution Day' },
  }); // Saturday
});

test('on a shared date a public holiday wins over a closed day, and an earlier rule over a later one', () => {
  const overlapping = createWorkingCalendar({
    ...defaultCalendarConfig,
    closedDays: [
      { kind: 'fixed', month: 12, day: 25, name: { da: 'Lukket', en: 'Closed' } },
      { kind: 'date', date: '2026-09-18', name: { da: 'Flytning', en: 'Moving offices' } },
      { kind: 'fixed', month: 9, day: 18, name: { da: 'Personaledag', en: 'Staff day' } },
    ],
  });
  assert.deepEqual(overlapping.closedReason('2026-12-25'), { kind: 'public-holiday', name: { da: 'Juledag', en: 'Christmas Day' } });
  assert.equal(overlapping.closedReason('2026-09-18')?.name.da, 'Flytning');
  assert.equal(overlapping.closedReason('2025-09-18')?.name.da, 'Personaledag');
});

test('Store bededag is closed in 2023 and an ordinary working day in 2024', () => {
  assert.equal(calendar.isWorkingDay('2023-05-05'), false);
  assert.equal(calendar.closedReason('2023-05-05')?.name.da, 'Store bededag');
  assert.equal(calendar.isWorkingDay('2024-04-26'), true); // Easter 2024 + 26
});

test('local closure dates apply only on their date; 29 February only in leap years', () => {
  const config: CalendarConfig = {
    ...defaultCalendarConfig,
    closedDays: [
      { kind: 'date', date: '2026-09-18', name: { da: 'Flytning', en: 'Moving offices' } },
      { kind: 'fixed', month: 2, day: 29, name: { da: 'Skuddag', en: 'Leap day' } },
    ],
  };
  const local = createWorkingCalendar(config);
  assert.deepEqual(local.closedReason('2026-09-18'), { kind: 'closed-day', name: { da: 'Flytning', en: 'Moving offices' } });
  assert.equal(local.isWorkingDay('2027-09-17'), true);
  assert.equal(local.closedReason('2028-02-29')?.name.da, 'Skuddag');
  assert.equal(local.isWorkingDay('2027-03-01'), true);
  // Without the default rules, Grundlovsdag is a working day.
  assert.equal(local.isWorkingDay('2026-06-05'), true);
});

test('addWorkingDays across Easter', () => {
  assert.equal(calendar.addWorkingDays('2026-04-01', 1), '2026-04-07'); // Wed → skips Skærtorsdag..2. påskedag
  assert.equal(calendar.addWorkingDays('2026-04-03', 10), '2026-04-20'); // from Langfredag
  assert.equal(calendar.addWorkingDays('2026-03-27', 5), '2026-04-08'); // Friday a week before Easter, over DST night
});

test('addWorkingDays across Christmas and New Year', () => {
  assert.equal(calendar.addWorkingDays('2026-12-23', 1), '2026-12-28');
  assert.equal(calendar.addWorkingDays('2026-12-23', 5), '2027-01-05');
  assert.equal(calendar.addWorkingDays('2027-01-05', -5), '2026-12-23');
  assert.equal(calendar.addWorkingDays('2026-12-28', -1), '2026-12-23');
});

test('addWorkingDays across Kristi himmelfartsdag and the closed Friday after it', () => {
  assert.equal(calendar.addWorkingDays('2026-05-13', 1), '2026-05-18');
});

test('addWorkingDays with n = 0 rolls a closed day forward, keeps a working day', () => {
  assert.equal(calendar.addWorkingDays('2026-04-01', 0), '2026-04-01');
  assert.equal(calendar.addWorkingDays('2026-04-02', 0), '2026-04-07');
  assert.equal(calendar.addWorkingDays('2026-03-28', 0), '2026-03-30');
});

test('addWorkingDays with negative n from a weekend goes back to the last working day', () => {
  assert.equal(calendar.addWorkingDays('2026-03-28', -1), '2026-03-27');
  assert.throws(() => calendar.addWorkingDays('2026-03-28', 1.5), RangeError);
  assert.throws(() => calendar.addWorkingDays('28-03-2026', 1), RangeError);
});

test('addWorkingDaysToInstant uses the Copenhagen day of the instant', () => {
  // Fri 27 March 00:30 CET (still Thursday in UTC).
  assert.equal(calendar.addWorkingDaysToInstant(at('2026-03-26T23:30:00Z'), 1), '2026-03-30');
  // Mon 30 March 00:30 CEST, right after the spring DST night (still Sunday in CET).
  assert.equal(calendar.addWorkingDaysToInstant(at('2026-03-29T22:30:00Z'), 1), '2026-03-31');
  // Sun 25 October 23:30 CET, right after the autumn DST night (already Monday in CEST).
  assert.equal(calendar.addWorkingDaysToInstant(at('2026-10-25T22:30:00Z'), 1), '2026-10-26');
  // Received 23 December: 10 working days skips Christmas, New Year and their closed eves.
  assert.equal(calendar.addWorkingDaysToInstant(at('2026-12-23T09:00:00Z'), 10), '2027-01-12');
});

test('workingDaysBetween counts days after from up to and including to, negated when reversed', () => {
  assert.equal(calendar.workingDaysBetween('2026-12-23', '2027-01-05'), 5);
  assert.equal(calendar.workingDaysBetween('2027-01-05', '2026-12-23'), -5);
  assert.equal(calendar.workingDaysBetween('2026-03-02', '2026-03-02'), 0);
  assert.equal(calendar.workingDaysBetween('2026-03-02', '2026-03-09'), 5);
  assert.equal(calendar.workingDaysBetween('2026-03-27', '2026-03-30'), 1); // over the spring DST night
  assert.equal(calendar.workingDaysBetween('2026-10-23', '2026-10-26'), 1); // over the autumn DST night
  assert.equal(calendar.workingDaysBetween('2026-03-31', '2026-04-30'), 19); // April 2026: 22 weekdays − 3 Easter holidays
  // 2026: 261 weekdays − 7 weekday holidays − 4 default closed days.
  assert.equal(calendar.workingDaysBetween('2025-12-31', '2026-12-31'), 250);
});

test('workingDaysBetween inverts addWorkingDays for positive n', () => {
  for (const start of ['2026-03-27', '2026-03-28', '2026-04-02', '2026-12-23', '2026-12-24']) {
    for (let n = 1; n <= 30; n++) {
      assert.equal(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n)), n, `${start} + ${n}`);
    }
  }
});

test('openingInterval follows the local offset of the day', () => {
  const interval = (day: string) => {
    const opening = calendar.openingInterval(day);
    return opening && [iso(opening.opens), iso(opening.closes)];
  };
  assert.deepEqual(interval('2026-03-27'), ['2026-03-27T09:00:00.000Z', '2026-03-27T12:00:00.000Z']); // Fri 10–13 CET
  assert.deepEqual(interval('2026-03-30'), ['2026-03-30T08:00:00.000Z', '2026-03-30T13:00:00.000Z']); // Mon 10–15 CEST
  assert.deepEqual(interval('2026-03-26'), ['2026-03-26T09:00:00.000Z', '2026-03-26T16:30:00.000Z']); // Thu 10–17:30 CET
  assert.equal(calendar.openingInterval('2026-03-28'), null);
  assert.equal(calendar.openingInterval('2026-04-06'), null);
});

test('a weekday without opening hours is still a working day', () => {
  const noWednesday = createWorkingCalendar({
    ...defaultCalendarConfig,
    openingHours: { ...defaultCalendarConfig.openingHours, wednesday: null },
  });
  assert.equal(noWednesday.isWorkingDay('2026-03-04'), true);
  assert.equal(noWednesday.openingInterval('2026-03-04'), null);
  // Tue 14:00 CET + 2 h: 1 h on Tuesday, nothing on Wednesday, 1 h from Thursday 10:00.
  assert.equal(iso(noWednesday.addOpeningHours(at('2026-03-03T13:00:00Z'), 2)), '2026-03-05T10:00:00.000Z');
});

test('addOpeningHours within one day and from outside opening hours', () => {
  assert.equal(iso(calendar.addOpeningHours(at('2026-03-02T10:00:00Z'), 2)), '2026-03-02T12:00:00.000Z'); // Mon 11:00 → 13:00
  assert.equal(iso(calendar.addOpeningHours(at('2026-03-02T07:00:00Z'), 1)), '2026-03-02T10:00:00.000Z'); // before opening → 11:00
  assert.equal(iso(calendar.addOpeningHours(at('2026-03-02T15:00:00Z'), 1)), '2026-03-03T10:00:00.000Z'); // after closing → Tue 11:00
  assert.equal(iso(calendar.addOpeningMinutes(at('2026-03-05T16:00:00Z'), 45)), '2026-03-06T09:15:00.000Z'); // Thu 17:00 → Fri 10:15
});

test('addOpeningHours across a closed weekend', () => {
  // Fri 12:00 CET + 4 h: 1 h until 13:00, then Monday 10:00–13:00.
  assert.equal(iso(calendar.addOpeningHours(at('2026-03-06T11:00:00Z'), 4)), '2026-03-09T12:00:00.000Z');
});

test('addOpeningHours across the DST nights', () => {
  // Fri 12:00 CET + 4 h → Mon 13:00 CEST (11:00Z); a naive +72 h in UTC would give 12:00Z.
  assert.equal(iso(calendar.addOpeningHours(at('2026-03-27T11:00:00Z'), 4)), '2026-03-30T11:00:00.000Z');
  // Fri 12:00 CEST + 4 h → Mon 13:00 CET (12:00Z).
  assert.equal(iso(calendar.addOpeningHours(at('2026-10-23T10:00:00Z'), 4)), '2026-10-26T12:00:00.000Z');
});

test('addOpeningHours across Easter', () => {
  // Wed 1 April 14:00 CEST + 2 h: 1 h Wednesday, closed Thu–Mon, 1 h Tuesday from 10:00.
  assert.equal(iso(calendar.addOpeningHours(at('2026-04-01T12:00:00Z'), 2)), '2026-04-07T09:00:00.000Z');
});

test('addOpeningHours ending exactly at closing time stays on that day', () => {
  assert.equal(iso(calendar.addOpeningHours(at('2026-03-06T11:00:00Z'), 1)), '2026-03-06T12:00:00.000Z'); // Fri 13:00
  // A full week of opening hours (5+5+5+7.5+3 h) from Monday's opening ends at Friday's closing.
  assert.equal(iso(calendar.addOpeningHours(at('2026-03-02T09:00:00Z'), 25.5)), '2026-03-06T12:00:00.000Z');
});

test('adding zero opening time gives the first open instant', () => {
  assert.equal(iso(calendar.addOpeningMinutes(at('2026-03-02T10:17:00Z'), 0)), '2026-03-02T10:17:00.000Z');
  assert.equal(iso(calendar.addOpeningMinutes(at('2026-03-07T10:00:00Z'), 0)), '2026-03-09T09:00:00.000Z'); // Saturday → Mon 10:00
  assert.equal(iso(calendar.addOpeningMinutes(at('2026-03-06T12:00:00Z'), 0)), '2026-03-09T09:00:00.000Z'); // at Friday's closing
  assert.throws(() => calendar.addOpeningMinutes(at('2026-03-02T10:00:00Z'), -1), RangeError);
});

test('openingMinutesBetween', () => {
  assert.equal(calendar.openingMinutesBetween(at('2026-03-27T11:00:00Z'), at('2026-03-30T11:00:00Z')), 240);
  assert.equal(calendar.openingMinutesBetween(at('2026-03-30T11:00:00Z'), at('2026-03-27T11:00:00Z')), -240);
  assert.equal(calendar.openingMinutesBetween(at('2026-03-02T15:00:00Z'), at('2026-03-02T22:00:00Z')), 0); // one closed evening
  const week = (monday: string, nextMonday: string) =>
    calendar.openingMinutesBetween(startOfCopenhagenDay(monday), startOfCopenhagenDay(nextMonday));
  assert.equal(week('2026-03-02', '2026-03-09'), 1530);
  assert.equal(week('2026-03-23', '2026-03-30'), 1530); // week ending in the spring DST night
  assert.equal(week('2026-10-19', '2026-10-26'), 1530); // week ending in the autumn DST night
});

test('openingMinutesBetween inverts addOpeningMinutes from an open instant', () => {
  const start = at('2026-03-26T14:20:00Z'); // Thu 15:20 CET
  for (const minutes of [1, 130, 131, 600, 1530, 5000]) {
    assert.equal(calendar.openingMinutesBetween(start, calendar.addOpeningMinutes(start, minutes)), minutes);
  }
});

test('changing the config object after creation does not change the calendar', () => {
  const config = structuredClone(defaultCalendarConfig) as CalendarConfig & { closedDays: unknown[] };
  const snapshot = createWorkingCalendar(config);
  config.closedDays.length = 0;
  assert.equal(snapshot.isWorkingDay('2026-06-05'), false);
});

test('a calendar without any working day or opening hours fails instead of looping forever', () => {
  const noOpeningHours = createWorkingCalendar({
    closedDays: [],
    openingHours: { monday: null, tuesday: null, wednesday: null, thursday: null, friday: null, saturday: null, sunday: null },
  });
  assert.equal(noOpeningHours.addWorkingDays('2026-03-02', 1), '2026-03-03'); // working days still work
  assert.throws(() => noOpeningHours.addOpeningHours(at('2026-03-02T10:00:00Z'), 1), /no opening hours within 366 days/);

  const everyDate = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31].flatMap((days, month) =>
    Array.from({ length: days }, (_, index) => ({
      kind: 'fixed' as const,
      month: month + 1,
      day: index + 1,
      name: { da: 'Lukket', en: 'Closed' },
    })),
  );
  const alwaysClosed = createWorkingCalendar({ ...defaultCalendarConfig, closedDays: everyDate });
  assert.throws(() => alwaysClosed.addWorkingDays('2026-03-02', 1), /no working day within 366 days after 2026-03-02/);
});
