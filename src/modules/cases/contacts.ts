// The two places where the cases module records a contact in the contact registry
// (src/modules/contacts, `record(trx, …)`). That module is being built in parallel and is
// not on this branch yet: these are the single call sites to connect when it lands.
import type { Trx } from '../../platform/db/index.ts';
import type { Identity, StaffIdentity } from '../../platform/auth/index.ts';
import type { CaseRecord } from './schema.ts';
import type { PartyKey } from './store.ts';

/**
 * A citizen's reply on a case in "Mit overblik": an inbound digital contact about their own case.
 * To connect: `record(trx, { channel: 'web', direction: 'in', kind: 'own_case', topic: <the case's KLE topic>, department: c.department, service: c.service, resolved: 'unknown' })`.
 */
export async function recordCitizenContact(trx: Trx, identity: Identity, c: CaseRecord): Promise<void> {
  void trx;
  void identity;
  void c;
}

/**
 * A front-desk employee resolved the citizen's question at the first contact using the overview.
 * To connect: `record(trx, { channel: 'in_person' or 'phone', direction: 'in', kind: 'own_case', topic, department: identity.department.id, resolved: 'first_contact' })`.
 */
export async function recordFirstContactResolution(trx: Trx, identity: StaffIdentity, party: PartyKey, purpose: string): Promise<void> {
  void trx;
  void identity;
  void party;
  void purpose;
}
