// Self-service: declarative services (src/services/*.json) run as guided flows with
// drafts, attachments, receipts and funnel figures. Other modules use what is exported here.
import type { AppContext, KanalApp, KanalModule } from '../../platform/module.ts';
import { KanalError } from '../../platform/http/errors.ts';
import { albertslundRegister, type AddressRegister } from './address-register.ts';
import { noVirusScan, storageFileStore, type FileStore, type VirusScanner } from './attachments.ts';
import { createStorage } from '../../platform/storage/index.ts';
import { selfServiceJobs } from './jobs.ts';
import { defaultServicesDir, loadCatalogue, type Catalogue } from './definitions.ts';
import { migrations } from './migrations.ts';
import type { SubmissionPorts } from './ports.ts';
import { livePorts } from './live-ports.ts';
import { registerSelfServiceRoutes } from './routes.tsx';
import { registerSelfServiceApi } from './api-routes.ts';
import { registerFunnelRoutes } from './staff-routes.tsx';
import { selfService, type SelfService } from './service.ts';
import { overviewDrafts, type OverviewDraft } from './overview.ts';
import type { Lang } from '../../platform/i18n/index.ts';

export { checkDefinition, loadCatalogue, DefinitionError, type Catalogue } from './definitions.ts';
export { albertslundRegister, type AddressRegister, type AddressHit } from './address-register.ts';
export { funnel, funnelCsv, attemptTotals, type Funnel } from './funnel.ts';
export type { OverviewDraft } from './overview.ts';
export type { SubmissionPorts, CaseRequest, ContactRecord } from './ports.ts';
export type { FileStore, VirusScanner } from './attachments.ts';
export type { ServiceDefinition } from './schema.ts';
export type { SelfService } from './service.ts';

/** Until the cases and contacts modules are wired in, submitting says so instead of half-working. */
export const unwiredPorts: SubmissionPorts = {
  async takeCaseReference() {
    throw new KanalError('service_unavailable', 'Self-service submissions need the cases module (takeCaseReference).');
  },
  async createCase() {
    throw new KanalError('service_unavailable', 'Self-service submissions need the cases module (createCase).');
  },
  async recordContact() {
    throw new KanalError('service_unavailable', 'Self-service submissions need the contacts module (record).');
  },
};

export interface SelfServiceOptions {
  ports?: SubmissionPorts;
  files?: (ctx: AppContext) => FileStore;
  scan?: VirusScanner;
  addresses?: AddressRegister;
  catalogue?: Catalogue;
  clock?: () => Date;
}

// The service each app runs, so other modules' calls use the catalogue it loaded at start-up.
const serviceOfApp = new WeakMap<KanalApp, SelfService>();

/** The self-service an app runs (once registered), e.g. for tests and benchmarks; undefined in an app without this module. */
export const selfServiceOf = (app: KanalApp): SelfService | undefined => serviceOfApp.get(app);

/** The user's unsubmitted drafts for "Mit overblik"; none in an app without the self-service module. */
export async function draftsInOverview(app: KanalApp, subject: string, lang: Lang): Promise<OverviewDraft[]> {
  const service = selfServiceOf(app);
  return service ? overviewDrafts(service, subject, lang) : [];
}

export function createSelfServiceModule(options: SelfServiceOptions = {}): KanalModule {
  // One service per database handle: the routes and the jobs of one app (or worker) share it,
  // and a second app in the same process (another node in a test) gets its own.
  const running = new WeakMap<AppContext['db'], SelfService>();
  const build = (ctx: AppContext): SelfService => {
    const kept = running.get(ctx.db);
    if (kept) return kept;
    const service = selfService({
      db: ctx.db,
      // An invalid definition throws DefinitionError here: start-up stops with file, path and problem.
      catalogue: options.catalogue ?? loadCatalogue(ctx.config.selfService.servicesDir ?? defaultServicesDir, ctx.config.auth.departments.map((d) => d.id)),
      ports: options.ports ?? unwiredPorts,
      files: options.files?.(ctx) ?? storageFileStore(createStorage(ctx.config)),
      scan: options.scan ?? noVirusScan,
      addresses: options.addresses ?? albertslundRegister(),
      draftDays: ctx.config.selfService.draftDays,
      webhookUrl: ctx.config.selfService.webhookUrl,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    running.set(ctx.db, service);
    return service;
  };
  return {
    name: 'selfservice',
    migrations,
    // The worker may run without the web app (kanal worker): it builds the service itself.
    jobs: (ctx) => selfServiceJobs(ctx, () => build(ctx)),
    register(app: KanalApp, ctx: AppContext) {
      const service = build(ctx);
      serviceOfApp.set(app, service);
      registerSelfServiceRoutes(app, ctx, service);
      registerSelfServiceApi(app, ctx, service);
      registerFunnelRoutes(app, ctx, service);
    },
  };
}

export const selfServiceModule = createSelfServiceModule({ ports: livePorts });
