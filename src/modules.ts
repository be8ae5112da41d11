// Every module of the app, in the order their routes are registered.
import type { KanalModule } from './platform/module.ts';
import { portalModule } from './modules/portal/index.ts';
import { casesModule } from './modules/cases/index.ts';

export const modules: readonly KanalModule[] = [portalModule, casesModule];
