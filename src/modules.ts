// Every module of the app, in the order their routes are registered.
import type { KanalModule } from './platform/module.ts';
import { portalModule } from './modules/portal/index.ts';
import { contactsModule } from './modules/contacts/index.ts';
import { insightsModule } from './modules/insights/index.ts';

// contacts before insights: the demo data of insights builds on the registry's topics.
export const modules: readonly KanalModule[] = [portalModule, contactsModule, insightsModule];
