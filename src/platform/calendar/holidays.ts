import { addDays, formatDay, type Day } from './days.ts';
import { easterSunday } from './easter.ts';

export type LocalizedName = { da: string; en: string };

export type Holiday = { date: Day; name: LocalizedName };

/** Store bededag was abolished as a public holiday from 2024 on. */
const LAST_YEAR_WITH_STORE_BEDEDAG = 2023;

/** Danish public holidays (helligdage) of a year, sorted by date. */
export function publicHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fromEaster = (offset: number, da: string, en: string): Holiday => ({
    date: addDays(easter, offset),
    name: { da, en },
  });
  const fixed = (month: number, dayOfMonth: number, da: string, en: string): Holiday => ({
    date: formatDay(year, month, dayOfMonth),
    name: { da, en },
  });

  return [
    fixed(1, 1, 'Nytårsdag', "New Year's Day"),
    fromEaster(-3, 'Skærtorsdag', 'Maundy Thursday'),
    fromEaster(-2, 'Langfredag', 'Good Friday'),
    fromEaster(0, 'Påskedag', 'Easter Sunday'),
    fromEaster(1, '2. påskedag', 'Easter Monday'),
    ...(year <= LAST_YEAR_WITH_STORE_BEDEDAG ? [fromEaster(26, 'Store bededag', 'General Prayer Day')] : []),
    fromEaster(39, 'Kristi himmelfartsdag', 'Ascension Day'),
    fromEaster(49, 'Pinsedag', 'Whit Sunday'),
    fromEaster(50, '2. pinsedag', 'Whit Monday'),
    fixed(12, 25, 'Juledag', 'Christmas Day'),
    fixed(12, 26, '2. juledag', 'Boxing Day'),
  ];
}
