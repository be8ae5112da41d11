import { StaffLayout, adminNav, formatAdminTime, type PageContext } from '../../ui/index.ts';
import type { JobState, JobSummary } from '../schema.ts';
import { jobsMessages } from '../messages.ts';

export interface JobsPageProps {
  ctx: PageContext;
  counts: Record<JobState, number>;
  jobs: JobSummary[];
  limit: number;
  retried: number | undefined;
}

const shownStates: JobState[] = ['queued', 'running', 'failed', 'dead'];

export function JobsPage({ ctx, counts, jobs, limit, retried }: JobsPageProps) {
  const t = jobsMessages[ctx.lang];
  return (
    <StaffLayout ctx={ctx} title={t.title} nav={adminNav(ctx.lang)}>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      {retried !== undefined && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <p class="alert-text">{t.retried(retried)}</p>
          </div>
        </div>
      )}
      <h2>{t.counts}</h2>
      <table class="table table--compact">
        <caption class="sr-only">{t.counts}</caption>
        <thead>
          <tr>
            {shownStates.map((state) => (
              <th scope="col" key={state}>{t.state[state]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {shownStates.map((state) => (
              <td key={state} data-state={state}>{counts[state]}</td>
            ))}
          </tr>
        </tbody>
      </table>
      {jobs.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table--responsive-scroll">
          <table class="table table--zebra">
            <caption>{jobs.length >= limit ? t.showing(limit) : t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.id}</th>
                <th scope="col">{t.type}</th>
                <th scope="col">{t.stateColumn}</th>
                <th scope="col">{t.attempts}</th>
                <th scope="col">{t.runAt}</th>
                <th scope="col">{t.lastError}</th>
                <th scope="col">{t.actions}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <td>{job.id}</td>
                  <td>{job.type}</td>
                  <td>{t.state[job.state]}</td>
                  <td>{job.attempts}</td>
                  <td>{job.state === 'dead' ? '—' : formatAdminTime(ctx.lang, job.runAt)}</td>
                  <td>{job.lastError ?? ''}</td>
                  <td>
                    {(job.state === 'failed' || job.state === 'dead') && (
                      <form method="post" action={`/admin/jobs/${job.id}/retry`}>
                        {ctx.csrfToken && <input type="hidden" name="_csrf" value={ctx.csrfToken} />}
                        <button type="submit" class="button button-secondary">
                          {t.retry}
                          <span class="sr-only"> {`${t.id} ${job.id}`}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
