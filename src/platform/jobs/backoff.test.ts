import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryDelayMs } from './backoff.ts';

const backoff = { baseMs: 10_000, maxMs: 3_600_000 };

test('the delay doubles with each attempt, between half and all of it', () => {
  assert.equal(retryDelayMs(1, backoff, () => 0), 5_000);
  assert.equal(retryDelayMs(1, backoff, () => 1), 10_000);
  assert.equal(retryDelayMs(2, backoff, () => 1), 20_000);
  assert.equal(retryDelayMs(4, backoff, () => 0.5), 60_000); // 80 s: between 40 and 80 s
});

test('the delay stops growing at the maximum', () => {
  assert.equal(retryDelayMs(30, backoff, () => 1), 3_600_000);
  assert.equal(retryDelayMs(30, backoff, () => 0), 1_800_000);
});

test('jitter spreads jobs that failed together', () => {
  const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, backoff)));
  assert.ok(delays.size > 40);
  for (const d of delays) assert.ok(d >= 20_000 && d <= 40_000);
});
