// The half-yearly status report each department gives the Digitalisation Forum, and the
// municipality's: the figures as they stood when it was generated (kept in the archive,
// so a later correction of the data does not rewrite history), with the department's comment.
import type { Config } from '../../config.ts';
import { now, type Db, type Trx } from '../../platform/db/index.ts';
import { validationFailed } from '../../platform/http/errors.ts';
import { computeDashboard, type Dashboard } from './figures.ts';
import type { Period } from './period.ts';
import { figureContext, demoData, NoSuchReport } from './service.ts';
import * as store from './store.ts';

export interface ReportFigures extends Dashboard {
  municipality: string;
  /** The figures were computed from demo data. */
  demo: boolean;
}

export type { StoredReport, ReportListing } from './store.ts';

/** Generates (or regenerates) one report and stores it in the archive; the comment stays. */
export async function generateStatusReport(trx: Trx, config: Config, period: Period, department: string | null, by: string): Promise<ReportFigures> {
  const ctx = await figureContext(trx, config, period, department);
  // The municipality's report is aggregates only, so every manager may read it; a department's is in detail.
  const figures: ReportFigures = { ...(await computeDashboard(ctx, department !== null)), municipality: config.municipality.name, demo: (await demoData(trx)) !== undefined };
  await store.saveReport(trx, { period: period.key, department, generatedAt: now(), generatedBy: by, figures });
  return figures;
}

/** The municipality's report and every department's, as `kanal report status` makes them. */
export async function generateAllStatusReports(trx: Trx, config: Config, period: Period, by: string): Promise<(string | null)[]> {
  const scopes: (string | null)[] = [null, ...config.auth.departments.map((d) => d.id)];
  for (const department of scopes) await generateStatusReport(trx, config, period, department, by);
  return scopes;
}

export async function statusReport(db: Db, period: string, department: string | null): Promise<store.StoredReport> {
  const report = await store.findReport(db, period, department);
  if (!report) throw new NoSuchReport();
  return report;
}

export const reportArchive = (db: Db) => store.listReports(db);

/** Longest comment: about two pages. */
export const MAX_COMMENT = 6000;

export async function writeComment(trx: Trx, period: string, department: string | null, text: string, by: string): Promise<void> {
  if (text.trim().length > MAX_COMMENT) throw validationFailed([{ field: 'comment', message: 'commentTooLong' }]);
  if (!(await store.setReportComment(trx, period, department, text.trim(), by, now()))) throw new NoSuchReport();
}
