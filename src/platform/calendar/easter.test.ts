import assert from 'node:assert/strict';
import { test } from 'node:test';
import { easterSunday } from './easter.ts';

// Verified against published Easter tables (and python-dateutil's easter()).
const KNOWN_EASTER_SUNDAYS: Record<number, string> = {
  2020: '2020-04-12',
  2021: '2021-04-04',
  2022: '2022-04-17',
  2023: '2023-04-09',
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2028: '2028-04-16',
  2029: '2029-04-01',
  2030: '2030-04-21',
  2031: '2031-04-13',
  2032: '2032-03-28',
  2033: '2033-04-17',
  2034: '2034-04-09',
  2035: '2035-03-25',
};

test('easterSunday matches the known dates for 2020–2035', () => {
  for (let year = 2020; year <= 2035; year++) {
    assert.equal(easterSunday(year), KNOWN_EASTER_SUNDAYS[year], `Easter ${year}`);
  }
});

test('easterSunday handles the extremes of the Easter range', () => {
  assert.equal(easterSunday(1818), '1818-03-22'); // earliest possible date
  assert.equal(easterSunday(1943), '1943-04-25'); // latest possible date
  assert.equal(easterSunday(2285), '2285-03-22');
});

test('easterSunday rejects years outside the Gregorian calendar or not integers', () => {
  assert.throws(() => easterSunday(1582), RangeError);
  assert.throws(() => easterSunday(2026.5), RangeError);
  assert.throws(() => easterSunday(Number.NaN), RangeError);
});
