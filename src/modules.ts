// Every module of the app, in the order their routes are registered.
import type { KanalModule } from './platform/module.ts';
import { portalModule } from './modules/portal/index.ts';
import { selfServiceModule } from './modules/selfservice/index.ts';

export const modules: readonly KanalModule[] = [portalModule, selfServiceModule];
