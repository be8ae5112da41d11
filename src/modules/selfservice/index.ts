// Self-service: declarative services (src/services/*.json) run as guided flows with
// drafts, attachments, receipts and funnel figures. Other modules use what is exported here.
import path from 'node:path';
import type { AppContext, KanalApp, KanalModule } from '../../platform/module.ts';
import { KanalError } from '../../platform/http/errors.ts';
import { albertslundRegister, type AddressRegister } from './address-register.ts';
import { diskFileStore, noVirusScan, type FileStore, type VirusScanner } from './attachments.ts';
import { defaultServicesDir, loadCatalogue, type Catalogue } from './definitions.ts';
import { migrations } from './migrations.ts';
import type { SubmissionPorts } from './ports.ts';
import { registerSelfServiceRoutes } from './routes.tsx';
import { registerSelfServiceApi } from './api-routes.ts';
import { registerFunnelRoutes } from './staff-routes.tsx';
import { selfService, type SelfService } from './service.ts';

export { checkDefinition, loadCatalogue, DefinitionError, type Catalogue } from './definitions.ts';
export { albertslundRegister, type AddressRegister, type AddressHit } from './address-register.ts';
export { funnel, funnelCsv, type Funnel } from './funnel.ts';
export type { SubmissionPorts, CaseRequest, ContactRecord } from './ports.ts';
export type { FileStore, VirusScanner } from './attachments.ts';
export type { ServiceDefinition } from './schema.ts';
export type { SelfService } from './service.ts';

/** Until the cases, contacts and jobs modules are wired in, submitting says so instead of half-working. */
export const unwiredPorts: SubmissionPorts = {
  async createCase() {
    throw new KanalError('service_unavailable', 'Self-service submissions need the cases module (createCase).');
  },
  async recordContact() {
    throw new KanalError('service_unavailable', 'Self-service submissions need the contacts module (record).');
  },
  async enqueue() {
    throw new KanalError('service_unavailable', 'Self-service submissions need the jobs module (enqueue).');
  },
};

export interface SelfServiceOptions {
  ports?: SubmissionPorts;
  files?: (ctx: AppContext) => FileStore;
  scan?: VirusScanner;
  addresses?: AddressRegister;
  catalogue?: Catalogue;
  clock?: () => Date;
  /** Called with the running service, e.g. for tests or the drafts job. */
  onReady?: (service: SelfService) => void;
}

export function createSelfServiceModule(options: SelfServiceOptions = {}): KanalModule {
  return {
    name: 'selfservice',
    migrations,
    register(app: KanalApp, ctx: AppContext) {
      // An invalid definition throws DefinitionError here: start-up stops with file, path and problem.
      const catalogue = options.catalogue ?? loadCatalogue(ctx.config.selfService.servicesDir ?? defaultServicesDir);
      const service = selfService({
        db: ctx.db,
        catalogue,
        ports: options.ports ?? unwiredPorts,
        files: options.files?.(ctx) ?? diskFileStore(path.join(ctx.config.dataDir, 'selfservice-files')),
        scan: options.scan ?? noVirusScan,
        addresses: options.addresses ?? albertslundRegister(),
        draftDays: ctx.config.selfService.draftDays,
        ...(options.clock ? { clock: options.clock } : {}),
      });
      registerSelfServiceRoutes(app, ctx, service);
      registerSelfServiceApi(app, ctx, service);
      registerFunnelRoutes(app, ctx, service);
      options.onReady?.(service);
    },
  };
}

export const selfServiceModule = createSelfServiceModule();
