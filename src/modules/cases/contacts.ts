// The two places where the cases module records a contact in the contact registry.
import type { Trx } from '../../platform/db/index.ts';
import type { Identity, StaffIdentity } from '../../platform/auth/index.ts';
import { recordForKle } from '../contacts/index.ts';
import type { CaseRecord } from './schema.ts';

/** A citizen's reply on a case in "Mit overblik": an inbound digital contact about their own case. */
export async function recordCitizenContact(trx: Trx, identity: Identity, c: CaseRecord): Promise<void> {
  await recordForKle(trx, {
    channel: 'web',
    direction: 'in',
    kind: 'own_case',
    kle: c.kle,
    department: c.department,
    service: c.service,
    person: identity.subject,
  });
}

/** A front-desk employee resolved the citizen's question at the first contact, using the overview. */
// The registry keeps no CPR number: the audit log of the look-up already says whose data it was.
export async function recordFirstContactResolution(trx: Trx, identity: StaffIdentity): Promise<void> {
  await recordForKle(trx, {
    channel: 'in_person',
    direction: 'in',
    kind: 'own_case',
    kle: '00.01',
    department: identity.department.id,
    resolved: 'yes',
    source: 'manual',
    recordedBy: identity.subject,
  });
}
