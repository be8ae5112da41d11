// What every contacts page shares: the staff menu, the CSRF field, time and number formats.
import type { ComponentChildren } from 'preact';
import { StaffLayout, type NavItem, type PageContext } from '../../../platform/ui/index.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';

export const paths = {
  register: '/medarbejder/henvendelser/ny',
  correct: (id: number) => `/medarbejder/henvendelser/${id}/ret`,
  remove: (id: number) => `/medarbejder/henvendelser/${id}/fjern`,
  countWeek: '/medarbejder/henvendelser/taelleuge',
  topics: '/medarbejder/henvendelser/emner',
  newTopic: '/medarbejder/henvendelser/emner/ny',
  topic: (code: string) => `/medarbejder/henvendelser/emner/${code}`,
  import: '/medarbejder/henvendelser/import',
  importRun: (id: number) => `/medarbejder/henvendelser/import/${id}`,
  importConfirm: (id: number) => `/medarbejder/henvendelser/import/${id}/godkend`,
  /** The run's status as JSON, for the page's script. */
  importStatus: (id: number) => `/api/contacts/imports/${id}`,
} as const;

/** A contacts page's context: the page's, plus the staff menu for the employee's roles. */
export type StaffPageContext = PageContext & { nav: NavItem[] };

export function ContactsLayout({ ctx, title, children }: { ctx: StaffPageContext; title: string; children: ComponentChildren }) {
  return (
    <StaffLayout ctx={ctx} title={title} nav={ctx.nav}>
      {children}
    </StaffLayout>
  );
}

/** The CSRF token every form carries (once the identity layer issues one). */
export function Csrf({ ctx }: { ctx: PageContext }) {
  return ctx.csrfToken ? <input type="hidden" name="_csrf" value={ctx.csrfToken} /> : null;
}

export const number = (ctx: PageContext, n: number) => formatNumber(ctx.lang, n);

/** Copenhagen wall-clock time of a timestamp, e.g. 14:05. */
export function clock(timestamp: string): string {
  return new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit' }).format(new Date(timestamp));
}
