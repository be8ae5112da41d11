import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicHolidays } from './holidays.ts';

const asPairs = (year: number) => publicHolidays(year).map((holiday) => [holiday.date, holiday.name.da]);

test('2026: all Danish public holidays (Easter 5 April, no Store bededag)', () => {
  assert.deepEqual(asPairs(2026), [
    ['2026-01-01', 'Nytårsdag'],
    ['2026-04-02', 'Skærtorsdag'],
    ['2026-04-03', 'Langfredag'],
    ['2026-04-05', 'Påskedag'],
    ['2026-04-06', '2. påskedag'],
    ['2026-05-14', 'Kristi himmelfartsdag'],
    ['2026-05-24', 'Pinsedag'],
    ['2026-05-25', '2. pinsedag'],
    ['2026-12-25', 'Juledag'],
    ['2026-12-26', '2. juledag'],
  ]);
});

test('2023: the last year with Store bededag (5 May)', () => {
  assert.deepEqual(asPairs(2023), [
    ['2023-01-01', 'Nytårsdag'],
    ['2023-04-06', 'Skærtorsdag'],
    ['2023-04-07', 'Langfredag'],
    ['2023-04-09', 'Påskedag'],
    ['2023-04-10', '2. påskedag'],
    ['2023-05-05', 'Store bededag'],
    ['2023-05-18', 'Kristi himmelfartsdag'],
    ['2023-05-28', 'Pinsedag'],
    ['2023-05-29', '2. pinsedag'],
    ['2023-12-25', 'Juledag'],
    ['2023-12-26', '2. juledag'],
  ]);
});

test('2024: Store bededag is abolished; Easter in March moves the spring holidays', () => {
  assert.deepEqual(asPairs(2024), [
    ['2024-01-01', 'Nytårsdag'],
    ['2024-03-28', 'Skærtorsdag'],
    ['2024-03-29', 'Langfredag'],
    ['2024-03-31', 'Påskedag'],
    ['2024-04-01', '2. påskedag'],
    ['2024-05-09', 'Kristi himmelfartsdag'],
    ['2024-05-19', 'Pinsedag'],
    ['2024-05-20', '2. pinsedag'],
    ['2024-12-25', 'Juledag'],
    ['2024-12-26', '2. juledag'],
  ]);
  assert.equal(
    publicHolidays(2024).some((holiday) => holiday.name.da === 'Store bededag'),
    false,
  );
});

test('holidays carry English names', () => {
  const byDate = new Map(publicHolidays(2025).map((holiday) => [holiday.date, holiday.name]));
  assert.deepEqual(byDate.get('2025-04-18'), { da: 'Langfredag', en: 'Good Friday' });
  assert.deepEqual(byDate.get('2025-05-29'), { da: 'Kristi himmelfartsdag', en: 'Ascension Day' });
  assert.deepEqual(byDate.get('2025-12-26'), { da: '2. juledag', en: 'Boxing Day' });
});
