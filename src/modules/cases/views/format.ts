// Small formatting helpers shared by the cases pages.
import { copenhagenDay } from '../../../platform/calendar/index.ts';
import type { Lang } from '../../../platform/i18n/index.ts';

/** '2026-11-27' → '27.11.2026' (da) or '27 Nov 2026' (en). */
export function formatDay(lang: Lang, day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: lang === 'da' ? 'numeric' : 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

/** A timestamp as Copenhagen date and time. */
export function formatTime(lang: Lang, timestamp: string): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(timestamp));
}

export function dayOf(timestamp: string): string {
  return copenhagenDay(new Date(timestamp));
}

export const casePath = (reference: string) => `/sager/${reference}`;
export const myCasePath = (reference: string) => `/mit-overblik/sager/${reference}`;
