// For tests: submission ports that write the case, the contact and the jobs into tables
// of their own inside the submission's transaction, so a test can see that all of them
// commit or roll back together. The real modules replace them in the app (index.ts).
import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/index.ts';
import type { SubmissionPorts } from './ports.ts';
import type { KanalModule } from '../../platform/module.ts';
import { modules } from '../../modules.ts';
import { isVisible } from './conditions.ts';
import { exitFor } from './flow.ts';
import type { Answers, Field, ServiceDefinition, SimpleField } from './schema.ts';

export async function createPortTables(db: Db): Promise<void> {
  await sql`create table test_case (reference text primary key, department text not null, kle text not null, service text not null, submission text not null, applicant text not null)`.execute(db);
  await sql`create table test_contact (case_reference text not null, channel text not null, kind text not null, assisted integer not null, department text not null)`.execute(db);
}

export function recordingPorts(options: { beforeCase?: () => void | Promise<void>; afterContact?: () => void | Promise<void> } = {}): SubmissionPorts {
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
      await options.afterContact?.();
    },
  };
}

export async function countRows(db: Db, table: 'test_case' | 'test_contact' | 'jobs' | 'notify_messages' | 'selfservice_submission'): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

// ---- a generic driver: fills in any service with valid answers, avoiding exits ------------


export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
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
