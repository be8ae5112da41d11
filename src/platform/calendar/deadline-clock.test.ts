import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultCalendarConfig } from './config.ts';
import { pauseClock, resumeClock, type OpeningTimeClock, type WorkingDayClock } from './deadline-clock.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const calendar = createWorkingCalendar(defaultCalendarConfig);
const at = (utc: string) => new Date(utc);

function pausedWorkingDayClock(deadline: string, pausedAt: string): WorkingDayClock {
  return pauseClock({ unit: 'working-days', deadline, pausedAt: null }, at(pausedAt));
}

test('a 10-working-day deadline is extended by the working days that began while paused', () => {
  const deadline = calendar.addWorkingDaysToInstant(at('2026-03-02T09:30:00Z'), 10);
  assert.equal(deadline, '2026-03-16');
  const running: WorkingDayClock = { unit: 'working-days', deadline, pausedAt: null };

  const paused = pauseClock(running, at('2026-03-04T09:00:00Z')); // Wed 10:00
  assert.deepEqual(paused, { unit: 'working-days', deadline: '2026-03-16', pausedAt: at('2026-03-04T09:00:00Z') });
  assert.equal(running.pausedAt, null, 'pauseClock must not mutate its input');

  // Resumed Mon 9 March: Thu 5, Fri 6 and Mon 9 began while paused → 3 working days more.
  const resumed = resumeClock(calendar, paused, at('2026-03-09T13:00:00Z'));
  assert.deepEqual(resumed, { unit: 'working-days', deadline: '2026-03-19', pausedAt: null });
});

test('pausing and resuming on the same day leaves the deadline unchanged', () => {
  const clock = pausedWorkingDayClock('2026-03-16', '2026-03-04T08:00:00Z');
  assert.equal(resumeClock(calendar, clock, at('2026-03-04T14:00:00Z')).deadline, '2026-03-16');
});

test('a deadline set by hand on a closed day is kept when no working day began while paused', () => {
  const clock = pausedWorkingDayClock('2026-03-28', '2026-03-04T08:00:00Z'); // deadline on a Saturday
  assert.equal(resumeClock(calendar, clock, at('2026-03-04T14:00:00Z')).deadline, '2026-03-28');
  // One working day paused moves it to the first working day after it.
  const overnight = pausedWorkingDayClock('2026-03-28', '2026-03-04T14:00:00Z');
  assert.equal(resumeClock(calendar, overnight, at('2026-03-05T08:00:00Z')).deadline, '2026-03-30');
});

test('a pause over a weekend counts only the Monday', () => {
  const clock = pausedWorkingDayClock('2026-03-16', '2026-03-06T12:00:00Z'); // Fri
  assert.equal(resumeClock(calendar, clock, at('2026-03-09T08:00:00Z')).deadline, '2026-03-17'); // Mon
});

test('a pause over Easter counts only the working days in it', () => {
  const clock = pausedWorkingDayClock('2026-04-15', '2026-04-01T10:00:00Z'); // Wed before Easter
  // Skærtorsdag to 2. påskedag are closed: only Tue 7 April began while paused.
  assert.equal(resumeClock(calendar, clock, at('2026-04-07T07:00:00Z')).deadline, '2026-04-16');
});

test('a pause across Copenhagen midnight counts the new day even within one UTC date', () => {
  // Wed 23:30 CET → Thu 00:30 CET, both on 4 March in UTC.
  const clock = pausedWorkingDayClock('2026-03-16', '2026-03-04T22:30:00Z');
  assert.equal(resumeClock(calendar, clock, at('2026-03-04T23:30:00Z')).deadline, '2026-03-17');
});

test('an opening-time deadline is extended by the opening time that passed while paused', () => {
  // "Answer within 4 opening hours", received Thu 26 March 15:00 CET → Fri 11:30 CET.
  const deadline = calendar.addOpeningHours(at('2026-03-26T14:00:00Z'), 4);
  assert.equal(deadline.toISOString(), '2026-03-27T10:30:00.000Z');

  // Paused Thu 17:00 → resumed Fri 11:30: 30 + 90 = 120 opening minutes passed.
  const paused = pauseClock<OpeningTimeClock>({ unit: 'opening-time', deadline, pausedAt: null }, at('2026-03-26T16:00:00Z'));
  const resumed = resumeClock(calendar, paused, at('2026-03-27T10:30:00Z'));
  // 2 h left at resumption: Fri 11:30–13:00 CET, then Mon 10:00–10:30 CEST (after the DST night).
  assert.deepEqual(resumed, { unit: 'opening-time', deadline: at('2026-03-30T08:30:00.000Z'), pausedAt: null });
});

test('a pause entirely outside opening hours leaves an opening-time deadline unchanged', () => {
  const deadline = at('2026-03-27T12:00:00Z'); // Fri 13:00 CET, a closing time
  const paused = pauseClock<OpeningTimeClock>({ unit: 'opening-time', deadline, pausedAt: null }, at('2026-03-27T13:00:00Z'));
  const resumed = resumeClock(calendar, paused, at('2026-03-30T07:00:00Z')); // Mon 09:00 CEST
  assert.equal(resumed.deadline.toISOString(), '2026-03-27T12:00:00.000Z');
});

test('pause and resume reject invalid transitions', () => {
  const running: WorkingDayClock = { unit: 'working-days', deadline: '2026-03-16', pausedAt: null };
  const paused = pauseClock(running, at('2026-03-04T09:00:00Z'));
  assert.throws(() => pauseClock(paused, at('2026-03-05T09:00:00Z')), /already paused/);
  assert.throws(() => resumeClock(calendar, running, at('2026-03-05T09:00:00Z')), /not paused/);
  assert.throws(() => resumeClock(calendar, paused, at('2026-03-03T09:00:00Z')), RangeError);
});
