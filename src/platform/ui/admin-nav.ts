// The menu of the administrators' operations pages (jobs, notification outbox, …).
import type { Lang } from '../i18n/index.ts';
import type { NavItem } from './layout.tsx';

const items: { href: string; text: Record<Lang, string> }[] = [
  { href: '/admin/jobs', text: { da: 'Baggrundsjob', en: 'Background jobs' } },
  { href: '/admin/notifications', text: { da: 'Udbakke', en: 'Outbox' } },
];

export function adminNav(lang: Lang): NavItem[] {
  return items.map((item) => ({ href: item.href, text: item.text[lang] }));
}

/** A time as administrators read it: Copenhagen local time, to the second. */
export function formatAdminTime(lang: Lang, timestamp: string): string {
  return new Date(timestamp).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'medium' });
}
