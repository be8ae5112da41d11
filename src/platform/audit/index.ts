// The append-only audit log: who looked at or changed whose data, when and why.
// Modules write to it with record(trx, …) in the same transaction as the action.
import type { KanalModule } from '../module.ts';
import { auditMigrations } from './migrations.ts';
import { registerAuditRoutes } from './routes.tsx';

export { record, type AuditEntry, type AuditActor, type AuditOutcome, type SystemActor } from './service.ts';

export const auditModule: KanalModule = {
  name: 'audit',
  migrations: auditMigrations,
  register: registerAuditRoutes,
};
