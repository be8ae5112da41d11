// The data-protection officer's search in the audit log.
import { StaffLayout, type PageContext } from '../../ui/index.ts';
import { Button, ButtonGroup, DA_TEXTS, DateInput, EN_TEXTS, ErrorSummary, Table, TextInput, Textarea } from '../../ui/components/index.ts';
import type { FieldProblem } from '../../http/index.ts';
import type { StaffIdentity } from '../../auth/identity.ts';
import { staffNav } from '../../auth/staff-nav.ts';
import { formatCpr } from '../../auth/cpr.ts';
import { auditMessages } from '../messages.ts';
import type { SearchFormBody } from '../search-form.ts';
import { localTime, SHOWN_ROWS } from '../service.ts';
import type { AuditRow } from '../store.ts';

export interface AuditPageProps {
  ctx: PageContext;
  identity: StaffIdentity;
  action: string;
  exportAction: string;
  values: SearchFormBody;
  problems: readonly FieldProblem[];
  /** undefined before the first search. */
  rows: readonly AuditRow[] | undefined;
}

const summaryTarget: Record<string, string> = { 'fra-day': 'fra-day', 'til-day': 'til-day' };

export function AuditPage({ ctx, identity, action, exportAction, values, problems, rows }: AuditPageProps) {
  const t = auditMessages[ctx.lang];
  const texts = ctx.lang === 'en' ? EN_TEXTS : DA_TEXTS;
  const error = (field: string) => problems.find((p) => p.field === field)?.message;
  const shown = rows?.slice(0, SHOWN_ROWS);
  return (
    <StaffLayout ctx={ctx} title={t.title} nav={staffNav(identity, ctx.lang)}>
      <ErrorSummary errors={problems.map((p) => ({ fieldId: summaryTarget[p.field] ?? p.field, message: p.message }))} texts={texts} />
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <form method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
        <TextInput id="person" name="person" label={t.person} hint={t.personHint} value={values.person} required={false} inputClass="input-width-s" inputmode="numeric" error={error('person')} texts={texts} />
        <TextInput id="medarbejder" name="medarbejder" label={t.employee} hint={t.employeeHint} value={values.medarbejder} required={false} error={error('medarbejder')} texts={texts} />
        <DateInput id="fra" name="fra" legend={t.from} required={false} values={{ day: values['fra-day'], month: values['fra-month'], year: values['fra-year'] }} error={error('fra-day')} texts={texts} />
        <DateInput id="til" name="til" legend={t.to} required={false} values={{ day: values['til-day'], month: values['til-month'], year: values['til-year'] }} error={error('til-day')} texts={texts} />
        <Textarea id="formaal" name="formaal" label={t.purpose} hint={t.purposeHint} value={values.formaal} rows={3} error={error('formaal')} texts={texts} />
        <ButtonGroup>
          <Button variant="primary">{t.search}</Button>
          <Button variant="secondary" formaction={exportAction}>
            {t.export}
          </Button>
        </ButtonGroup>
      </form>
      {shown && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">
            {t.results}: {t.count(shown.length)}
          </h2>
          {rows && rows.length > SHOWN_ROWS && <p>{t.shown(SHOWN_ROWS)}</p>}
          {shown.length === 0 ? (
            <p>{t.noResults}</p>
          ) : (
            <Table
              caption={t.results}
              captionSrOnly
              responsiveBreakpoint="md"
              density="compact"
              columns={[
                { header: t.colTime },
                { header: t.colAction },
                { header: t.colActor },
                { header: t.colRole },
                { header: t.colDepartment },
                { header: t.colSubject },
                { header: t.colPurpose },
                { header: t.colOutcome },
              ]}
              rows={shown.map((r) => [
                localTime(r.at),
                r.action,
                `${r.actor_name} (${r.actor_id})`,
                r.actor_role,
                r.actor_department ?? '',
                [r.subject_cpr && formatCpr(r.subject_cpr), r.subject_cvr && `CVR ${r.subject_cvr}`].filter(Boolean).join(', '),
                r.purpose,
                r.outcome,
              ])}
            />
          )}
        </section>
      )}
    </StaffLayout>
  );
}
