// Factories for tests of the cases module and of modules that use it.
import type { Db } from '../../platform/db/index.ts';
import { collectMigrations } from '../../platform/module.ts';
import { modules } from '../../modules.ts';
import { createCase, type NewCase } from './service.ts';
import type { CaseRecord } from './schema.ts';

/** The migrations a cases test database needs: the platform's (outbox, notifications, audit log) and the cases module's. */
export const casesTestMigrations = () => collectMigrations(modules);

let counter = 0;

/** A new case's input with sensible defaults; override what the test is about. */
export function newCaseInput(overrides: Partial<NewCase> = {}): NewCase {
  counter++;
  return {
    title: `Ansøgning ${counter}`,
    service: 'byggetilladelse',
    kle: '02.34.02',
    department: 'miljoe-teknik',
    party: { kind: 'person', cpr: '0101901234', name: 'Anne Jensen', email: 'anne@example.dk' },
    submission: { sections: [{ title: 'Byggeriet', answers: [{ label: 'Hvad vil du bygge?', value: 'En carport' }] }] },
    deadline: { workingDays: 10 },
    actor: { kind: 'citizen', id: 'sub-anne', name: 'Anne Jensen' },
    ...overrides,
  };
}

/** A case with sensible defaults, created in a transaction of its own. */
export async function makeCase(db: Db, overrides: Partial<NewCase> = {}): Promise<CaseRecord> {
  const input = newCaseInput(overrides);
  return db.transaction().execute((trx) => createCase(trx, input));
}

export const caseworker = { kind: 'staff', id: 'sub-cw', name: 'Karin Sagsbehandler' } as const;
