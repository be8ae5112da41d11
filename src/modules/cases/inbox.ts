// A department's inbox: filters, sorting, pages of 50, counts per status.
import { startOfCopenhagenDay, type Day } from '../../platform/calendar/index.ts';
import { addDays } from '../../platform/calendar/days.ts';
import { toTimestamp, type Db } from '../../platform/db/index.ts';
import { validationFailed } from '../../platform/http/errors.ts';
import { deadlineDay, deadlineState, type DeadlineState } from './deadline.ts';
import { calendar } from './service.ts';
import { caseStatuses, clockRunningStatuses, openStatuses, type CaseStatus } from './status.ts';
import * as store from './store.ts';

export const PAGE_SIZE = 50;
export const inboxSorts = ['deadline', 'received_newest', 'received_oldest'] as const;
export type InboxSort = (typeof inboxSorts)[number];

export type InboxFilter = {
  /** One status, 'open' (everything not closed; the default) or 'all'. */
  status?: CaseStatus | 'open' | 'all' | undefined;
  mine?: boolean | undefined;
  unassigned?: boolean | undefined;
  overdue?: boolean | undefined;
  service?: string | undefined;
  /** Copenhagen days, both included. */
  receivedFrom?: Day | undefined;
  receivedTo?: Day | undefined;
  sort?: InboxSort | undefined;
  /** From 1. */
  page?: number | undefined;
};

export type InboxItem = store.InboxRow & { deadlineState: DeadlineState };

export type Inbox = {
  items: InboxItem[];
  total: number;
  page: number;
  pages: number;
  counts: Record<CaseStatus, number>;
};

/** Turns the filter into the store's query; refuses contradictions with a clear message. */
export function inboxQuery(department: string, viewerId: string, filter: InboxFilter, today: Day): store.InboxQuery {
  const status = filter.status ?? 'open';
  let statuses: readonly CaseStatus[] = status === 'open' ? openStatuses : status === 'all' ? caseStatuses : [status];
  if (filter.overdue) statuses = statuses.filter((s) => clockRunningStatuses.includes(s));
  if (filter.mine && filter.unassigned) throw validationFailed([{ field: 'assignee', message: 'Vælg enten "mine" eller "ikke fordelt".' }]);
  if (filter.receivedFrom && filter.receivedTo && filter.receivedTo < filter.receivedFrom) {
    throw validationFailed([{ field: 'receivedTo', message: '"Modtaget til" skal være samme dag som eller efter "modtaget fra".' }]);
  }
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  return {
    department,
    statuses,
    assignee: filter.mine ? viewerId : undefined,
    unassigned: filter.unassigned,
    deadlineBefore: filter.overdue ? today : undefined,
    service: filter.service || undefined,
    receivedFrom: filter.receivedFrom ? toTimestamp(startOfCopenhagenDay(filter.receivedFrom)) : undefined,
    receivedBefore: filter.receivedTo ? toTimestamp(startOfCopenhagenDay(addDays(filter.receivedTo, 1))) : undefined,
    sort: filter.sort ?? 'deadline',
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

export async function departmentInbox(db: Db, department: string, viewerId: string, filter: InboxFilter, today: Day): Promise<Inbox> {
  const query = inboxQuery(department, viewerId, filter, today);
  // An overdue filter with no status whose clock runs matches nothing.
  const empty = query.statuses.length === 0;
  const counted = await store.countByStatus(db, department);
  const [rows, total] = await Promise.all([empty ? [] : store.findInboxPage(db, query), empty ? 0 : store.countInbox(db, query, counted)]);
  const counts = Object.fromEntries(caseStatuses.map((s) => [s, counted.get(s) ?? 0])) as Record<CaseStatus, number>;
  const day = deadlineDay(calendar, today);
  const items = rows.map((row) => ({ ...row, deadlineState: deadlineState({ deadline: row.deadline, pausedAt: row.deadline_paused_at === null ? null : new Date(row.deadline_paused_at) }, row.status, day) }));
  return { items, total, page: query.offset / PAGE_SIZE + 1, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), counts };
}
