// Channel insights: the strategy's figures against its goals, costs and savings, the
// half-yearly status report, the intranet page and open data. Reads the contact
// registry only through its public API (src/modules/contacts/index.ts).
import type { KanalModule } from '../../platform/module.ts';
import { migrations } from './migrations.ts';
import { registerInsightsRoutes } from './routes.tsx';
import { seedDemoInsights } from './demo.ts';

export { computeDashboard, figureFunctions, BASELINE_YEAR, type Dashboard, type FigureContext } from './figures.ts';
export { parsePeriod, type Period } from './period.ts';
export { generateStatusReport, generateAllStatusReports, statusReport, reportArchive } from './report.ts';
export { renderReportPdf } from './pdf.ts';
export { figureContext, dashboardScope, type InsightsViewer } from './service.ts';
export type { ServiceFunnel, FunnelSource } from './funnel.ts';

export const insightsModule: KanalModule = {
  name: 'insights',
  migrations,
  register: registerInsightsRoutes,
  seedDemo: seedDemoInsights,
};
