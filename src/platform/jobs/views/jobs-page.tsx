import { StaffLayout, formatAdminTime, type NavItem, type PageContext } from '../../ui/index.ts';
import { Alert, Button, DA_TEXTS, EN_TEXTS, Table } from '../../ui/components/index.ts';
import type { JobState, JobSummary } from '../schema.ts';
import { jobsMessages } from '../messages.ts';

export interface JobsPageProps {
  ctx: PageContext;
  nav: NavItem[];
  counts: Record<JobState, number>;
  jobs: JobSummary[];
  limit: number;
  retried: number | undefined;
}

const shownStates: JobState[] = ['queued', 'running', 'failed', 'dead'];

function RetryForm({ ctx, job }: { ctx: PageContext; job: JobSummary }) {
  const t = jobsMessages[ctx.lang];
  return (
    <form method="post" action={`/admin/jobs/${job.id}/retry`}>
      {ctx.csrfToken && <input type="hidden" name="_csrf" value={ctx.csrfToken} />}
      <Button variant="secondary" srOnly={`${t.id} ${job.id}`}>
        {t.retry}
      </Button>
    </form>
  );
}

export function JobsPage({ ctx, nav, counts, jobs, limit, retried }: JobsPageProps) {
  const t = jobsMessages[ctx.lang];
  const texts = ctx.lang === 'da' ? DA_TEXTS : EN_TEXTS;
  return (
    <StaffLayout ctx={ctx} title={t.title} nav={nav}>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      {retried !== undefined && <Alert variant="success" role text={t.retried(retried)} texts={texts} />}
      <h2>{t.counts}</h2>
      <Table
        caption={t.counts}
        captionSrOnly
        density="compact"
        rowHeaders
        columns={[{ header: t.stateColumn }, { header: t.counts, numeric: true }]}
        rows={shownStates.map((state) => [t.state[state], <span data-state={state}>{counts[state]}</span>])}
      />
      {jobs.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <Table
          caption={jobs.length >= limit ? t.showing(limit) : t.title}
          zebra
          responsiveBreakpoint="md"
          columns={[{ header: t.id }, { header: t.type }, { header: t.stateColumn }, { header: t.attempts, numeric: true }, { header: t.runAt }, { header: t.lastError }, { header: t.actions, srOnlyHeader: true }]}
          rows={jobs.map((job) => [
            job.id,
            job.type,
            t.state[job.state],
            job.attempts,
            job.state === 'dead' ? '—' : formatAdminTime(ctx.lang, job.runAt),
            job.lastError ?? '',
            job.state === 'failed' || job.state === 'dead' ? <RetryForm ctx={ctx} job={job} /> : '',
          ])}
        />
      )}
    </StaffLayout>
  );
}
