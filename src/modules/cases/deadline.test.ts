import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkingCalendar } from '../../platform/calendar/index.ts';
import { clockAfter, deadlineDay, deadlineState, startClock } from './deadline.ts';

const calendar = createWorkingCalendar();
// Noon in Copenhagen (winter time) on a day.
const at = (day: string, hour = 11) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

// [received, working days, expected deadline] — across Easter, Christmas and New Year, 2024–2030.
const workingDayCases: [string, number, string][] = [
  ['2024-03-25', 5, '2024-04-04'], // Easter 2024: Thu 28/3, Fri 29/3, Mon 1/4 closed
  ['2024-12-20', 10, '2025-01-10'], // 24, 25, 26, 31 Dec and 1 Jan closed
  ['2025-04-14', 5, '2025-04-24'], // Easter 2025: 17, 18, 21 April closed
  ['2025-12-22', 3, '2025-12-30'], // Christmas: 24, 25, 26 closed
  ['2026-03-30', 5, '2026-04-09'], // Easter 2026: 2, 3, 6 April closed
  ['2026-12-23', 5, '2027-01-05'], // the calendar doc's own example
  ['2027-03-22', 10, '2027-04-08'], // Easter 2027: 25, 26, 29 March closed
  ['2027-12-30', 1, '2028-01-03'], // 31 Dec, New Year (Sat), Sunday
  ['2028-04-10', 5, '2028-04-20'], // Easter 2028: 13, 14, 17 April closed
  ['2028-12-22', 5, '2029-01-03'], // 24–26, 31 Dec, 1 Jan: 27, 28, 29 Dec, 2, 3 Jan
  ['2029-03-26', 5, '2029-04-05'], // Easter 2029: 29, 30 March and 2 April closed
  ['2029-12-21', 7, '2030-01-08'], // 27, 28 Dec, 2, 3, 4, 7, 8 Jan
  ['2030-04-15', 5, '2030-04-25'], // Easter 2030: 18, 19, 22 April closed
  ['2030-12-23', 2, '2030-12-30'], // 24, 25, 26 closed: 27, 30
];

for (const [received, days, expected] of workingDayCases) {
  test(`${days} working days from ${received} end on ${expected}`, () => {
    const clock = startClock(calendar, { workingDays: days }, at(received));
    assert.equal(clock.deadline, expected);
    assert.equal(calendar.workingDaysBetween(received, expected), days);
  });
}

test('weeks end on the same weekday, moved on to a working day when closed', () => {
  assert.equal(startClock(calendar, { weeks: 2 }, at('2026-11-16')).deadline, '2026-11-30');
  // 4 weeks from 27 Nov 2026 is Christmas Day: the next working day is Monday 28 Dec.
  assert.equal(startClock(calendar, { weeks: 4 }, at('2026-11-27')).deadline, '2026-12-28');
  // 1 week from 2 April 2029 (2. påskedag itself) → 9 April.
  assert.equal(startClock(calendar, { weeks: 1 }, at('2029-04-02')).deadline, '2029-04-09');
});

test('a case received late in the evening counts from its Copenhagen day', () => {
  // 22:30 UTC on 31 Dec 2025 is 23:30 on New Year's Eve in Copenhagen; 1 Jan is closed.
  assert.equal(startClock(calendar, { workingDays: 1 }, new Date('2025-12-31T22:30:00Z')).deadline, '2026-01-02');
  assert.equal(startClock(calendar, { workingDays: 1 }, new Date('2025-12-31T23:30:00Z')).deadline, '2026-01-02');
});

test('waiting for the citizen over Easter 2025 moves the deadline by the working days that passed', () => {
  let clock = startClock(calendar, { workingDays: 10 }, at('2025-04-07')); // → 2025-04-24 (17, 18, 21 closed)
  assert.equal(clock.deadline, '2025-04-24');
  clock = clockAfter(calendar, clock, 'waiting_for_citizen', at('2025-04-15'));
  assert.equal(deadlineState(clock, 'waiting_for_citizen', deadlineDay(calendar, '2025-05-30')), 'paused', 'never overdue while paused');
  // Paused Tue 15/4, resumed Tue 22/4: 16, 22 are working days that began while paused.
  clock = clockAfter(calendar, clock, 'in_progress', at('2025-04-22'));
  assert.equal(clock.pausedAt, null);
  assert.equal(clock.deadline, calendar.addWorkingDays('2025-04-24', 2));
  assert.equal(clock.deadline, '2025-04-28');
});

test('two pauses over Christmas and New Year 2029/30 add up', () => {
  let clock = startClock(calendar, { workingDays: 15 }, at('2029-12-03'));
  const first = clock.deadline;
  clock = clockAfter(calendar, clock, 'waiting_for_citizen', at('2029-12-20'));
  clock = clockAfter(calendar, clock, 'in_progress', at('2030-01-02')); // working days 21, 27, 28 Dec, 2 Jan
  assert.equal(calendar.workingDaysBetween(first, clock.deadline), 4);
  const second = clock.deadline;
  clock = clockAfter(calendar, clock, 'waiting_for_citizen', at('2030-01-03'));
  clock = clockAfter(calendar, clock, 'waiting_for_citizen', at('2030-01-04')); // already paused: unchanged
  clock = clockAfter(calendar, clock, 'closed', at('2030-01-07')); // 4, 7 Jan
  assert.equal(calendar.workingDaysBetween(second, clock.deadline), 2);
});

test('pause and resume on the same day change nothing; moves without a pause leave the clock alone', () => {
  const clock = startClock(calendar, { workingDays: 5 }, at('2026-12-21'));
  const paused = clockAfter(calendar, clock, 'waiting_for_citizen', at('2026-12-22', 8));
  assert.deepEqual(clockAfter(calendar, paused, 'in_progress', at('2026-12-22', 14)), clock);
  assert.deepEqual(clockAfter(calendar, clock, 'decided', at('2026-12-28')), clock);
});

test('deadline states: on time, due soon (2 working days), overdue; none after a decision', () => {
  const clock = { unit: 'working-days', deadline: '2026-04-07', pausedAt: null } as const; // Tuesday after Easter
  assert.equal(deadlineState(clock, 'in_progress', deadlineDay(calendar, '2026-03-30')), 'on_time');
  assert.equal(deadlineState(clock, 'in_progress', deadlineDay(calendar, '2026-04-01')), 'due_soon'); // Wed 1/4: Thu–Mon are Easter, so only 7/4 is left
  assert.equal(deadlineState(clock, 'received', deadlineDay(calendar, '2026-04-07')), 'due_soon');
  assert.equal(deadlineState(clock, 'in_progress', deadlineDay(calendar, '2026-04-08')), 'overdue');
  assert.equal(deadlineState(clock, 'decided', deadlineDay(calendar, '2026-04-08')), 'none');
  assert.equal(deadlineState(clock, 'closed', deadlineDay(calendar, '2026-04-08')), 'none');
});
