// What a submission needs from other modules, called inside the submission's own
// transaction: the case (cases.createCase) and the contact (contacts.record). The app
// wires the real modules in (index.ts); the interfaces are the exact call sites.
import type { Trx } from '../../platform/db/index.ts';

export interface CaseRequest {
  /** Taken with takeCaseReference earlier in the same transaction. */
  reference: string;
  department: string;
  kle: string;
  title: string;
  /** The self-service and its version. */
  serviceId: string;
  serviceVersion: number;
  /** The receipt number the citizen has. */
  submissionReference: string;
  deadlineDays: number;
  applicant: { cpr?: string; cvr?: string; name?: string; subject?: string };
  /** The answers as the citizen saw them, question by question. */
  summary: { question: string; answer: string }[];
  attachmentKeys: string[];
  /** Filled in together with a front-desk employee (medbetjening). */
  assisted: boolean;
}

export interface ContactRecord {
  channel: 'self_service';
  direction: 'in';
  kind: 'transaction';
  kle: string;
  department: string;
  serviceId: string;
  assisted: boolean;
  caseReference: string;
  at: string;
  cpr?: string;
  cvr?: string;
}

export interface SubmissionPorts {
  /** The case's reference before the case is written, so the submission row is written once, complete. */
  takeCaseReference(trx: Trx): Promise<string>;
  createCase(trx: Trx, request: CaseRequest): Promise<void>;
  recordContact(trx: Trx, contact: ContactRecord): Promise<void>;
}
