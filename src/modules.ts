// Every module of the app, in the order their routes are registered.
import type { KanalModule } from './platform/module.ts';
import { authModule } from './platform/auth/index.ts';
import { auditModule } from './platform/audit/index.ts';
import { jobsModule } from './platform/jobs/index.ts';
import { notifyModule } from './platform/notify/index.ts';
import { portalModule } from './modules/portal/index.ts';
import { contactsModule } from './modules/contacts/index.ts';
import { casesModule } from './modules/cases/index.ts';
import { knowledgeModule } from './modules/knowledge/index.ts';
import { selfServiceModule } from './modules/selfservice/index.ts';
import { insightsModule } from './modules/insights/index.ts';

// The platform parts that own tables and pages come first.
export const modules: readonly KanalModule[] = [authModule, auditModule, jobsModule, notifyModule, portalModule, contactsModule, casesModule, knowledgeModule, selfServiceModule, insightsModule];
