// Every module of the app, in the order their routes are registered.
import type { KanalModule } from './platform/module.ts';
import { jobsModule } from './platform/jobs/index.ts';
import { notifyModule } from './platform/notify/index.ts';
import { portalModule } from './modules/portal/index.ts';
import { casesModule } from './modules/cases/index.ts';

export const modules: readonly KanalModule[] = [jobsModule, notifyModule, portalModule, casesModule];
