// Cases: the public API other modules use. Every function that writes takes the caller's
// transaction first, so one user action across modules commits or fails as a whole.
import type { KanalModule } from '../../platform/module.ts';
import { casesMigrations } from './migrations.ts';
import { registerCaseRoutes } from './routes.tsx';
import { casesJobs } from './jobs.ts';
import { seedDemoCases } from './demo.ts';

export {
  createCase,
  takeCaseReference,
  addTimelineEntry,
  listCasesForParty,
  getCase,
  changeStatus,
  assignCase,
  transferCase,
  addNote,
  addAttachments,
  recordCitizenReply,
  sendMessage,
  sendDecision,
  confirmHandoff,
  type NewCase,
  type NewTimelineEntry,
  type NewAttachment,
  type PartyKey,
} from './service.ts';
export { departmentInbox, type Inbox, type InboxFilter } from './inbox.ts';
export { sendLetter, type OutgoingLetter } from './letters.ts';
export { normaliseReference } from './reference.ts';
export { transfersBetween } from './store.ts';
export { caseStatuses, statusNames, transitions, type CaseStatus } from './status.ts';
export type { DeadlineRule } from './deadline.ts';
export type { Actor, CaseRecord, Decision, Party, Submission, TimelineEntry, TimelineKind } from './schema.ts';

export const casesModule: KanalModule = {
  name: 'cases',
  migrations: casesMigrations,
  register: registerCaseRoutes,
  jobs: casesJobs,
  seedDemo: seedDemoCases,
};
