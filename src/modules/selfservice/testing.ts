// For tests of the self-service: a database and a service wired like the app's (the real
// cases and contacts modules in the submission's transaction), a way to stop a submission
// half-way through the real calls, what a submission leaves behind, and a generic driver.
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../../platform/db/testing.ts';

export { holdLocks } from '../../platform/db/testing.ts';
import { collectMigrations, type KanalModule } from '../../platform/module.ts';
import { localDiskStorage } from '../../platform/storage/index.ts';
import { modules } from '../../modules.ts';
import { getCase, type CaseRecord } from '../cases/index.ts';
import { aggregateTotals, type TotalDimension, type TotalRow } from '../contacts/index.ts';
import { albertslundRegister } from './address-register.ts';
import { noVirusScan, storageFileStore, type FileStore } from './attachments.ts';
import type { Catalogue } from './definitions.ts';
import { livePorts } from './live-ports.ts';
import type { SubmissionPorts } from './ports.ts';
import { selfService, type SelfService } from './service.ts';
import { isVisible } from './conditions.ts';
import { exitFor } from './flow.ts';
import type { Answers, Field, ServiceDefinition, SimpleField } from './schema.ts';

/** A fresh database with every module's tables, as the app has it (the contact topics seeded). */
export async function createAppTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  await migrateToLatest(database.db, collectMigrations(modules));
  return database;
}

/** The file store the self-service uses on its own: files under `dataDir`/files. */
export const diskFileStore = (dataDir: string): FileStore => storageFileStore(localDiskStorage(path.join(dataDir, 'files'), { maxBytes: 50 * 1024 * 1024 }));

/** The self-service on its own (no app), on the real cases and contacts modules unless `ports` says otherwise. */
export function selfServiceOn(db: Db, dataDir: string, options: { catalogue: Catalogue; clock?: () => Date; ports?: SubmissionPorts; files?: FileStore }): SelfService {
  return selfService({
    db,
    catalogue: options.catalogue,
    ports: options.ports ?? livePorts,
    files: options.files ?? diskFileStore(dataDir),
    scan: noVirusScan,
    addresses: albertslundRegister(),
    draftDays: 30,
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

/** The real ports with a hook after each real call: a test stops or fails the submission there. */
export function livePortsWithHooks(hooks: { afterCase?: () => void | Promise<void>; afterContact?: () => void | Promise<void> }): SubmissionPorts {
  return {
    takeCaseReference: (trx) => livePorts.takeCaseReference(trx),
    async createCase(trx, request) {
      await livePorts.createCase(trx, request);
      await hooks.afterCase?.();
    },
    async recordContact(trx, contact) {
      await livePorts.recordContact(trx, contact);
      await hooks.afterContact?.();
    },
  };
}

export async function countRows(db: Db, table: 'cases' | 'jobs' | 'notify_messages' | 'selfservice_submission' | 'selfservice_attachment'): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The contact registry's totals over every day, grouped as asked (what insights reads). */
export function contactTotals(db: Db, by: readonly TotalDimension[] = []): Promise<TotalRow[]> {
  return aggregateTotals(db, { firstDay: '2000-01-01', lastDay: '2099-12-31', by });
}

/** What submissions leave behind: submissions, cases, contacts in the registry and outbox jobs. */
export async function submissionCounts(db: Db): Promise<{ submissions: number; cases: number; contacts: number; jobs: number }> {
  const contacts = (await contactTotals(db)).reduce((sum, row) => sum + row.count, 0);
  return { submissions: await countRows(db, 'selfservice_submission'), cases: await countRows(db, 'cases'), contacts, jobs: await countRows(db, 'jobs') };
}

/** The case a submission (by its receipt number) made, from the cases module. */
export async function caseOfSubmission(db: Db, service: SelfService, reference: string): Promise<CaseRecord | undefined> {
  const submission = await service.submission(reference);
  return submission ? getCase(db, submission.case_reference) : undefined;
}

// ---- a generic driver: fills in any service with valid answers, avoiding exits ------------

export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
/** Valid API answers for henvendelse-eller-klage (its optional file field "bilag" left to the caller). */
export const complaintAnswers = { type: 'klage', omraade: 'veje', emne: 'Hul i vejen', besked: 'Der er et stort hul i vejen ved nummer 12.', 'vil-have-svar': 'no' };
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A valid raw value for a simple field (as the page would post it), and its answer. */
export function sampleValue(field: SimpleField, today = new Date()): { raw: Record<string, string | string[]>; value: Answers[string] } {
  const year = today.getUTCFullYear();
  const name = field.id;
  switch (field.type) {
    case 'text':
      return { raw: { [name]: 'Prøve' }, value: 'Prøve' };
    case 'textarea':
      return { raw: { [name]: 'En kort tekst.' }, value: 'En kort tekst.' };
    case 'number': {
      const n = field.min ?? 1;
      return { raw: { [name]: String(n) }, value: n };
    }
    case 'date': {
      const y = field.when === 'past' ? year - 1 : year + 1;
      return { raw: { [`${name}-day`]: '1', [`${name}-month`]: '6', [`${name}-year`]: String(y) }, value: `${y}-06-01` };
    }
    case 'email':
      return { raw: { [name]: 'anne@eksempel.dk' }, value: 'anne@eksempel.dk' };
    case 'phone':
      return { raw: { [name]: '43686868' }, value: '43686868' };
    case 'cpr':
      return { raw: { [name]: '010107-1237' }, value: '0101071237' };
    case 'cvr':
      return { raw: { [name]: '29188505' }, value: '29188505' };
    case 'address':
      return { raw: { [name]: 'Bygaden 12' }, value: { text: 'Bygaden 12, 2620 Albertslund' } };
    case 'checkboxes':
      return { raw: { [name]: [field.options[0]!.value] }, value: [field.options[0]!.value] };
    case 'radio':
    case 'select':
      return { raw: { [name]: field.options[0]!.value }, value: field.options[0]!.value };
    case 'yesno':
      return { raw: { [name]: 'yes' }, value: 'yes' };
  }
}

/** Choices that would end in an exit are avoided: the next option is taken. */
function choose(def: ServiceDefinition, field: SimpleField, answers: Answers): string | undefined {
  const options = field.type === 'yesno' ? ['yes', 'no'] : 'options' in field ? field.options.map((o) => o.value) : [];
  return options.find((o) => !exitFor(def, { ...answers, [field.id]: o }));
}

export interface PlannedStep {
  stepId: string;
  form: FormData;
}

/** Valid answers for every step a citizen would see, step by step. */
export function planAnswers(def: ServiceDefinition): PlannedStep[] {
  const answers: Answers = {};
  const plan: PlannedStep[] = [];
  for (const step of def.steps) {
    if (!isVisible(step.showIf, answers)) continue;
    const form = new FormData();
    for (const field of step.fields as Field[]) {
      if (field.type === 'guidance' || !isVisible(field.showIf, answers)) continue;
      if (field.type === 'file') {
        const pdf = !(field.accept ?? ['image', 'pdf']).includes('image');
        form.append(field.id, new Blob([pdf ? PDF : PNG]), pdf ? 'bilag.pdf' : 'foto.png');
        answers[field.id] = [{ id: 'x', name: 'x', type: 'x', size: 1 }];
        continue;
      }
      if (field.type === 'group') {
        form.append(`${field.id}-count`, '1');
        for (const inner of field.fields) for (const [k, v] of Object.entries(sampleValue(inner).raw)) for (const one of [v].flat()) form.append(`${field.id}-0-${k}`, one);
        answers[field.id] = [{}];
        continue;
      }
      const { raw, value } = sampleValue(field);
      const chosen = field.type === 'radio' || field.type === 'select' || field.type === 'yesno' ? choose(def, field, answers) : undefined;
      if (chosen !== undefined) {
        form.append(field.id, chosen);
        answers[field.id] = chosen;
        continue;
      }
      for (const [k, v] of Object.entries(raw)) for (const one of [v].flat()) form.append(k, one);
      answers[field.id] = value;
    }
    form.append('_action', 'next');
    plan.push({ stepId: step.id, form });
  }
  return plan;
}

/** The app's modules with this self-service module in place of the default one. */
export function appModulesWith(selfservice: KanalModule): KanalModule[] {
  return modules.map((m) => (m.name === 'selfservice' ? selfservice : m));
}
