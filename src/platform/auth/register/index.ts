// The person register as modules use it: every lookup is written to the audit log.
import type { Config } from '../../../config.ts';
import type { Trx } from '../../db/index.ts';
import { record } from '../../audit/service.ts';
import type { Identity } from '../identity.ts';
import { noRegister, testRegister } from './test-register.ts';

export { testPeople, testBusinesses } from './test-register.ts';
import type { Business, Person, PersonRegister } from './types.ts';

export type { Address, Business, Child, Person, PersonRegister } from './types.ts';

/** The register the configuration names (KANAL_PERSON_REGISTER). */
export function personRegister(config: Config): PersonRegister {
  return config.auth.personRegister === 'test' ? testRegister : noRegister;
}

/** Who looks, and why: both go to the audit log with the lookup. */
export interface LookupBy {
  config: Config;
  actor: Identity;
  /** E.g. 'Vis egne oplysninger', 'Henvendelse i Borgerservice'. */
  purpose: string;
  requestId?: string | undefined;
}

/** Looks a person up by CPR number and records the lookup in the caller's transaction. */
export async function lookupPerson(trx: Trx, by: LookupBy, cpr: string): Promise<Person | undefined> {
  const person = await personRegister(by.config).lookupPerson(cpr);
  await record(trx, { actor: by.actor, action: 'person.lookup', subject: { cpr }, purpose: by.purpose, requestId: by.requestId, outcome: person ? 'success' : 'not_found' });
  return person;
}

/** Looks a business up by CVR number and records the lookup in the caller's transaction. */
export async function lookupBusiness(trx: Trx, by: LookupBy, cvr: string): Promise<Business | undefined> {
  const business = await personRegister(by.config).lookupBusiness(cvr);
  await record(trx, { actor: by.actor, action: 'business.lookup', subject: { cvr }, purpose: by.purpose, requestId: by.requestId, outcome: business ? 'success' : 'not_found' });
  return business;
}
