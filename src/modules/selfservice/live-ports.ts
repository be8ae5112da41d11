// The submission's two calls into other modules, in the submission's own transaction:
// the case (cases.createCase) and the contact (contacts.record).
import { createCase, takeCaseReference } from '../cases/index.ts';
import { recordForKle } from '../contacts/index.ts';
import type { Party } from '../cases/index.ts';
import type { CaseRequest, SubmissionPorts } from './ports.ts';

function partyOf(applicant: CaseRequest['applicant']): Party {
  const name = applicant.name?.trim() || 'Ukendt';
  if (applicant.cvr) return { kind: 'business', cvr: applicant.cvr, name };
  if (applicant.cpr) return { kind: 'person', cpr: applicant.cpr, name };
  return { kind: 'anonymous', name: applicant.name?.trim() || 'Anonym' };
}

export const livePorts: SubmissionPorts = {
  takeCaseReference,
  async createCase(trx, request) {
    await createCase(trx, {
      reference: request.reference,
      title: request.title,
      service: request.serviceId,
      kle: request.kle,
      department: request.department,
      party: partyOf(request.applicant),
      submission: {
        sections: [
          { title: `Ansøgning ${request.submissionReference}`, answers: request.summary.map((a) => ({ label: a.question, value: a.answer })) },
          // The caseworker sees that the citizen had help filling it in.
          ...(request.assisted ? [{ title: 'Medbetjening', answers: [{ label: 'Udfyldt', value: 'Sammen med en medarbejder i Borgerservice' }] }] : []),
        ],
      },
      deadline: { workingDays: request.deadlineDays },
      actor: { kind: 'system', name: 'Selvbetjening' },
    });
  },
  async recordContact(trx, contact) {
    await recordForKle(trx, {
      at: contact.at,
      channel: contact.channel,
      direction: contact.direction,
      kind: contact.kind,
      kle: contact.kle,
      service: contact.serviceId,
      department: contact.department,
      assisted: contact.assisted,
    });
  },
};
