// The citizen overview for first-contact resolution. Look-ups are POSTed: no CPR number in a URL.
import { StaffLayout, type NavItem, type PageContext } from '../../../platform/ui/index.ts';
import { Alert, Button, ErrorSummary, PageHeading, Table, TextInput } from '../../../platform/ui/components/index.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import { casesMessages } from '../messages.ts';
import type { CitizenOverview } from '../overview.ts';
import { staffStatusNames } from '../status.ts';
import { casePath, formatDay } from './format.ts';

export type OverviewPageProps = {
  ctx: PageContext;
  nav: NavItem[];
  csrfToken: string;
  viewerDepartment: string;
  search?: string | undefined;
  purpose?: string | undefined;
  errors?: FieldProblem[] | undefined;
  /** Name search: people to choose from. */
  people?: { cpr: string; name: string }[] | undefined;
  /** The chosen party's overview. */
  result?: { name: string; overview: CitizenOverview } | undefined;
  notFound?: boolean | undefined;
};

export function OverviewPage({ ctx, nav, csrfToken, viewerDepartment, search, purpose, errors = [], people, result, notFound }: OverviewPageProps) {
  const t = casesMessages[ctx.lang];
  const csrf = <input type="hidden" name="_csrf" value={csrfToken} />;
  return (
    <StaffLayout ctx={ctx} nav={nav} title={t.overviewTitle}>
      <ErrorSummary errors={errors.map((e) => ({ fieldId: e.field === 'purpose' ? 'purpose' : 'search', message: e.message }))} />
      <PageHeading>{t.overviewTitle}</PageHeading>
      <p class="font-lead">{t.overviewLead}</p>
      <form method="post" action="/borgeroverblik" novalidate>
        {csrf}
        <TextInput id="search" name="search" label={t.searchFor} hint={t.searchHint} value={search} error={errors.find((e) => e.field === 'search')?.message} autocomplete="off" />
        <TextInput id="purpose" name="purpose" label={t.purpose} hint={t.purposeHint} value={purpose} error={errors.find((e) => e.field === 'purpose')?.message} />
        <Button>{t.search}</Button>
      </form>

      {notFound && <Alert variant="info" text={t.noOneFound} />}

      {people && people.length > 0 && (
        <>
          <h2>{t.peopleFound}</h2>
          <ul class="nobullet-list">
            {people.map((p, i) => (
              <li key={i}>
                <form method="post" action="/borgeroverblik">
                  {csrf}
                  <input type="hidden" name="party" value={p.cpr} />
                  <input type="hidden" name="purpose" value={purpose} />
                  <input type="hidden" name="search" value={search} />
                  <Button variant="tertiary">
                    {p.name}, {p.cpr.slice(0, 6)}-xxxx<span class="sr-only"> – {t.open}</span>
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}

      {result && (
        <>
          <h2>{t.casesOf(result.name)}</h2>
          {result.overview.cases.length === 0 ? (
            <p>{t.noOneFound}</p>
          ) : (
            <Table
              caption={t.casesOf(result.name)}
              captionSrOnly
              responsiveBreakpoint="md"
              columns={[{ header: t.reference }, { header: t.title }, { header: t.status }, { header: t.deadline }, { header: t.responsible }]}
              rows={result.overview.cases.map((c) => [
                c.department.id === viewerDepartment ? <a key="r" href={casePath(c.reference)}>{c.reference}</a> : c.reference,
                c.title,
                staffStatusNames[c.status][ctx.lang],
                `${formatDay(ctx.lang, c.deadline)}${c.deadlineState === 'overdue' ? ` (${t.deadlineStates.overdue})` : ''}`,
                c.assigneeName ? `${c.department.name}, ${c.assigneeName}` : c.department.name,
              ])}
            />
          )}
          {result.overview.contactOnly.length > 0 && (
            <>
              <h3>{t.sensitiveHeading}</h3>
              <ul>
                {result.overview.contactOnly.map((d) => (
                  <li key={d.id}>{t.contactDepartment(d.name)}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </StaffLayout>
  );
}
