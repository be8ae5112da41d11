// "mandag-onsdag kl. 10-15, torsdag kl. 10-17.30" from the working calendar's opening hours.
import { WEEKDAYS, type Weekday } from '../../../platform/calendar/days.ts';
import type { CalendarConfig } from '../../../platform/calendar/index.ts';
import type { Lang } from '../../../platform/i18n/index.ts';

const dayNames: Record<Lang, Record<Weekday, string>> = {
  da: { monday: 'mandag', tuesday: 'tirsdag', wednesday: 'onsdag', thursday: 'torsdag', friday: 'fredag', saturday: 'lørdag', sunday: 'søndag' },
  en: { monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday', saturday: 'Saturday', sunday: 'Sunday' },
};

const time = (hhmm: string) => hhmm.replace(/^0/, '').replace(/:00$/, '').replace(':', '.');

export function openingHoursText(lang: Lang, hours: CalendarConfig['openingHours']): string {
  const groups: { from: Weekday; to: Weekday; text: string }[] = [];
  for (const day of WEEKDAYS) {
    const h = hours[day];
    if (!h) continue;
    const text = `${lang === 'da' ? 'kl. ' : ''}${time(h.from)}-${time(h.to)}`;
    const last = groups.at(-1);
    if (last && last.text === text && WEEKDAYS.indexOf(last.to) === WEEKDAYS.indexOf(day) - 1) last.to = day;
    else groups.push({ from: day, to: day, text });
  }
  return groups.map((g) => `${dayNames[lang][g.from]}${g.to === g.from ? '' : `-${dayNames[lang][g.to]}`} ${g.text}`).join(', ');
}
