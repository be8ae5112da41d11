// For tests: submission ports that write the case, the contact and the jobs into tables
// of their own inside the submission's transaction, so a test can see that all of them
// commit or roll back together. The real modules replace them in the app (index.ts).
import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/index.ts';
import type { SubmissionPorts } from './ports.ts';

export async function createPortTables(db: Db): Promise<void> {
  await sql`create table test_case (reference text primary key, department text not null, kle text not null, service text not null, submission text not null, applicant text not null)`.execute(db);
  await sql`create table test_contact (case_reference text not null, channel text not null, kind text not null, assisted integer not null, department text not null)`.execute(db);
  await sql`create table test_job (key text primary key, type text not null)`.execute(db);
}

export function recordingPorts(options: { beforeCase?: () => void | Promise<void>; afterJobs?: () => void | Promise<void> } = {}): SubmissionPorts {
  let n = 0;
  return {
    async createCase(trx: Trx, request) {
      await options.beforeCase?.();
      n += 1;
      const reference = `S-2026-${String(n).padStart(5, '0')}-${Math.random().toString(36).slice(2, 6)}`;
      await sql`insert into test_case (reference, department, kle, service, submission, applicant) values (${reference}, ${request.department}, ${request.kle}, ${request.serviceId}, ${request.submissionReference}, ${JSON.stringify(request.applicant)})`.execute(trx);
      return { reference };
    },
    async recordContact(trx: Trx, contact) {
      await sql`insert into test_contact (case_reference, channel, kind, assisted, department) values (${contact.caseReference}, ${contact.channel}, ${contact.kind}, ${contact.assisted ? 1 : 0}, ${contact.department})`.execute(trx);
    },
    async enqueue(trx: Trx, type, _payload, { key }) {
      await sql`insert into test_job (key, type) values (${key}, ${type})`.execute(trx);
      await options.afterJobs?.();
    },
  };
}

export async function countRows(db: Db, table: 'test_case' | 'test_contact' | 'test_job' | 'selfservice_submission'): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
