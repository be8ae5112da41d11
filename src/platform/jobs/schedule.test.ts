import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextOccurrence, occurrenceKey, validateCron } from './schedule.ts';

const next = (cron: string, after: string) => nextOccurrence(cron, new Date(after)).toISOString();

test('"every night 02:00" is 02:00 Copenhagen time, winter and summer', () => {
  assert.equal(next('0 2 * * *', '2026-01-15T12:00:00Z'), '2026-01-16T01:00:00.000Z'); // CET = UTC+1
  assert.equal(next('0 2 * * *', '2026-07-15T12:00:00Z'), '2026-07-16T00:00:00.000Z'); // CEST = UTC+2
});

test('on the night the clocks go forward, 02:00 does not exist: the job runs at 03:00, once', () => {
  // 29 March 2026: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
  assert.equal(next('0 2 * * *', '2026-03-28T12:00:00Z'), '2026-03-29T01:00:00.000Z');
  assert.equal(next('0 2 * * *', '2026-03-29T01:00:00Z'), '2026-03-30T00:00:00.000Z');
});

test('on the night the clocks go back, 02:00 comes twice: the job runs once', () => {
  // 25 October 2026: 03:00 CEST goes back to 02:00 CET; 02:00 local is 00:00 and 01:00 UTC.
  assert.equal(next('0 2 * * *', '2026-10-24T12:00:00Z'), '2026-10-25T00:00:00.000Z');
  assert.equal(next('0 2 * * *', '2026-10-25T00:00:00Z'), '2026-10-26T01:00:00.000Z');
});

test('an hourly job runs every real hour across the change back', () => {
  const times: string[] = [];
  let at = '2026-10-24T22:30:00Z';
  for (let i = 0; i < 4; i++) times.push((at = next('0 * * * *', at)));
  assert.deepEqual(times, ['2026-10-24T23:00:00.000Z', '2026-10-25T00:00:00.000Z', '2026-10-25T01:00:00.000Z', '2026-10-25T02:00:00.000Z']);
});

test('weekday schedules follow the Copenhagen date, not the UTC one', () => {
  // Monday 07:00 in Copenhagen is Monday 06:00 UTC in winter; Sunday 23:30 UTC is already Monday there.
  assert.equal(next('0 7 * * 1', '2026-11-29T23:30:00Z'), '2026-11-30T06:00:00.000Z');
});

test('the occurrence key names the type and the instant', () => {
  assert.equal(occurrenceKey('jobs.cleanup', new Date('2026-03-29T01:00:00Z')), 'schedule:jobs.cleanup:2026-03-29T01:00:00.000Z');
});

test('a bad cron expression is refused with the expression in the message', () => {
  assert.throws(() => validateCron('every night'), /"every night" is not a valid cron expression/);
  assert.throws(() => validateCron('61 * * * *'), /not a valid cron expression/);
  validateCron('30 3 * * *');
});
