import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultCalendarConfig, validateCalendarConfig } from './config.ts';
import { createWorkingCalendar } from './working-calendar.ts';

const validHours = defaultCalendarConfig.openingHours;

test('the default config is valid', () => {
  assert.deepEqual(validateCalendarConfig(defaultCalendarConfig), []);
});

test('opening hours with from after to', () => {
  const config = { closedDays: [], openingHours: { ...validHours, monday: { from: '17:00', to: '10:00' } } };
  assert.deepEqual(validateCalendarConfig(config), ["opening hours for monday: 'from' 17:00 is after 'to' 10:00"]);
});

test('opening hours problems are each reported', () => {
  const config = {
    closedDays: [],
    openingHours: {
      monday: { from: '9:00', to: '15:00' },
      tuesday: { from: '10:00', to: '24:00' },
      wednesday: { from: '10:00', to: '10:00' },
      thursday: '10-17',
      saturday: { from: '10:00', to: '12:00' },
      sunday: null,
      Friday: null,
    },
  };
  assert.deepEqual(validateCalendarConfig(config), [
    "opening hours: unknown weekday 'Friday' (use monday … sunday)",
    `opening hours for monday: 'from' must be a time 'HH:MM' (00:00–23:59), got "9:00"`,
    `opening hours for tuesday: 'to' must be a time 'HH:MM' (00:00–23:59), got "24:00"`,
    "opening hours for wednesday: 'from' 10:00 equals 'to' (use null for a day without opening hours)",
    "opening hours for thursday: must be { from: 'HH:MM', to: 'HH:MM' } or null",
    'opening hours for friday: missing (use null for a day without opening hours)',
    'opening hours for saturday: must be null, weekends are never working days',
  ]);
});

test('closed-day rule problems are each reported', () => {
  const config = {
    closedDays: [
      { kind: 'fixed', month: 6, day: 31, name: { da: 'Grundlovsdag', en: 'Constitution Day' } },
      { kind: 'fixed', month: 13, day: 1, name: { da: 'X', en: 'X' } },
      { kind: 'easter-offset', days: 300, name: { da: 'Sent', en: 'Late' } },
      { kind: 'easter-offset', days: 1.5, name: { da: 'Halv', en: 'Half' } },
      { kind: 'date', date: '2026-02-30', name: { da: 'Lukket', en: '' } },
      { kind: 'weekly', name: { da: 'Ugentlig', en: 'Weekly' } },
      { kind: 'date', date: '2026-09-18' },
      'Grundlovsdag',
    ],
    openingHours: validHours,
  };
  assert.deepEqual(validateCalendarConfig(config), [
    'closedDays[0] (Grundlovsdag): day must be an integer from 1 to 30 for month 6, got 31',
    'closedDays[1] (X): month must be an integer from 1 to 12, got 13',
    'closedDays[2] (Sent): days must be an integer from -80 to 250 (the day must fall in the same year as Easter), got 300',
    'closedDays[3] (Halv): days must be an integer from -80 to 250 (the day must fall in the same year as Easter), got 1.5',
    'closedDays[4] (Lukket): name.en must be a non-empty string',
    `closedDays[4] (Lukket): date must be a 'YYYY-MM-DD' date, got "2026-02-30"`,
    `closedDays[5] (Ugentlig): kind must be 'fixed', 'easter-offset' or 'date', got "weekly"`,
    'closedDays[6]: name must be an object { da, en }',
    'closedDays[7] must be an object',
  ]);
});

test('29 February is a valid fixed closed day', () => {
  const config = {
    closedDays: [{ kind: 'fixed', month: 2, day: 29, name: { da: 'Skuddag', en: 'Leap day' } }],
    openingHours: validHours,
  };
  assert.deepEqual(validateCalendarConfig(config), []);
});

test('structural problems', () => {
  assert.deepEqual(validateCalendarConfig(null), ['config must be an object with closedDays and openingHours']);
  assert.deepEqual(validateCalendarConfig({ closedDay: [], openingHours: validHours }), [
    "config: unknown key 'closedDay'",
    'closedDays must be a list (use [] for none)',
  ]);
  assert.deepEqual(validateCalendarConfig({ closedDays: [] }), [
    'openingHours must be an object with an entry for each weekday, monday to sunday',
  ]);
});

test('createWorkingCalendar refuses an invalid config and lists every problem', () => {
  const config = {
    closedDays: [],
    openingHours: { ...validHours, monday: { from: '17:00', to: '10:00' }, sunday: { from: '10:00', to: '12:00' } },
  };
  assert.throws(() => createWorkingCalendar(config), {
    message:
      'invalid calendar config:\n' +
      "- opening hours for monday: 'from' 17:00 is after 'to' 10:00\n" +
      '- opening hours for sunday: must be null, weekends are never working days',
  });
});
