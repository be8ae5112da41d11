import { StaffLayout, type NavItem, type PageContext } from '../../../platform/ui/index.ts';
import { Alert, Button, Checkboxes, PageHeading, Pagination, Select, Table, TextInput } from '../../../platform/ui/components/index.ts';
import { formatNumber } from '../../../platform/i18n/index.ts';
import type { Inbox, InboxFilter } from '../inbox.ts';
import { casesMessages } from '../messages.ts';
import { caseStatuses, staffStatusNames } from '../status.ts';
import { casePath, dayOf, formatDay } from './format.ts';

export type InboxPageProps = {
  ctx: PageContext;
  nav: NavItem[];
  csrfToken: string;
  departmentName: string;
  inbox: Inbox;
  filter: InboxFilter;
  /** Query string of the current filter without page, to build page links. */
  query: string;
  notice?: string | undefined;
};

export function InboxPage({ ctx, nav, csrfToken, departmentName, inbox, filter, query, notice }: InboxPageProps) {
  const t = casesMessages[ctx.lang];
  const assigneeValue = filter.mine ? 'mine' : filter.unassigned ? 'unassigned' : '';
  return (
    <StaffLayout ctx={ctx} nav={nav} title={t.inboxTitle}>
      <PageHeading caption={departmentName}>{t.inboxTitle}</PageHeading>
      {notice && <Alert variant="success" text={notice} />}
      <ul class="nobullet-list kanal-status-counts" aria-label={t.countsCaption}>
        {caseStatuses.map((s) => (
          <li key={s}>
            <a href={`/sager?status=${s}`}>
              {staffStatusNames[s][ctx.lang]}: {formatNumber(ctx.lang, inbox.counts[s])}
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action="/sager" novalidate>
        <fieldset>
          <legend class="h3">{t.filters}</legend>
          <Select
            id="status"
            name="status"
            label={t.status}
            value={filter.status ?? 'open'}
            options={[{ value: 'open', text: t.statusOpen }, ...caseStatuses.map((s) => ({ value: s, text: staffStatusNames[s][ctx.lang] })), { value: 'all', text: t.statusAll }]}
          />
          <Select
            id="assignee"
            name="assignee"
            label={t.assignee}
            value={assigneeValue}
            options={[
              { value: '', text: t.anyone },
              { value: 'mine', text: t.mine },
              { value: 'unassigned', text: t.unassigned },
            ]}
          />
          <TextInput id="service" name="service" label={t.service} value={filter.service ?? ''} required={false} />
          <Checkboxes id="overdue" name="overdue" legend={t.overdueOnly} required={false} optionalLabel={false} items={[{ value: '1', label: t.overdueOnly, checked: !!filter.overdue }]} />
          <TextInput id="from" name="from" label={t.receivedFrom} value={filter.receivedFrom ?? ''} required={false} inputClass="input-width-s" />
          <TextInput id="to" name="to" label={t.receivedTo} value={filter.receivedTo ?? ''} required={false} inputClass="input-width-s" />
          <Select
            id="sort"
            name="sort"
            label={t.sort}
            value={filter.sort ?? 'deadline'}
            options={[
              { value: 'deadline', text: t.sortDeadline },
              { value: 'received_newest', text: t.sortNewest },
              { value: 'received_oldest', text: t.sortOldest },
            ]}
          />
          <Button variant="secondary">{t.showCases}</Button>
        </fieldset>
      </form>

      <form method="post" action="/sager/fordel">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <p>{t.totalCases(formatNumber(ctx.lang, inbox.total))}</p>
        {inbox.items.length === 0 ? (
          <p>{t.noCases}</p>
        ) : (
          <Table
            caption={t.inboxCaption(departmentName)}
            responsiveBreakpoint="md"
            columns={[{ header: t.select, srOnlyHeader: true }, { header: t.reference }, { header: t.title }, { header: t.party }, { header: t.status }, { header: t.deadline }, { header: t.assignee }, { header: t.received }]}
            rows={inbox.items.map((c) => [
              <div class="form-group-checkbox" key="c">
                <input class="form-checkbox" type="checkbox" id={`case-${c.reference}`} name="cases" value={c.reference} />
                <label class="form-label" for={`case-${c.reference}`}>
                  <span class="sr-only">{t.selectCase(c.reference)}</span>
                </label>
              </div>,
              <a href={casePath(c.reference)} key="r">{c.reference}</a>,
              c.title,
              c.party_name,
              staffStatusNames[c.status][ctx.lang],
              <span key="d" class={`kanal-deadline kanal-deadline-${c.deadlineState}`}>
                {formatDay(ctx.lang, c.deadline)}
                {c.deadlineState !== 'on_time' && c.deadlineState !== 'none' && <strong> ({t.deadlineStates[c.deadlineState]})</strong>}
              </span>,
              c.assignee_name ?? t.unassigned,
              formatDay(ctx.lang, dayOf(c.received_at)),
            ])}
          />
        )}
        {inbox.pages > 1 && <Pagination currentPage={inbox.page} totalPages={inbox.pages} href={(page) => `/sager?${query}${query ? '&' : ''}page=${page}`} />}
        {inbox.items.length > 0 && (
          <fieldset>
            <legend class="h3">{t.bulkAssign}</legend>
            <Select
              id="assign-to"
              name="assignTo"
              label={t.assignTo}
              options={[
                { value: 'me', text: t.assignToMe },
                { value: 'nobody', text: t.assignToNobody },
              ]}
            />
            <Button variant="secondary">{t.bulkAssign}</Button>
          </fieldset>
        )}
      </form>
    </StaffLayout>
  );
}
