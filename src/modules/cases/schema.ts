// The cases module's types and TypeBox schemas (for routes and the JSON API).
import Type, { type Static } from 'typebox';
import type { LocalizedName } from '../../platform/calendar/index.ts';
import type { Day } from '../../platform/calendar/index.ts';
import type { Timestamp } from '../../platform/db/index.ts';
import type { CaseStatus } from './status.ts';
import type { DeadlineRule } from './deadline.ts';

export type { CaseStatus, DeadlineRule };

/** Who the case is about: a person (CPR) or a business/association (CVR). */
export type Party =
  | { kind: 'person'; cpr: string; name: string; email?: string | null; phone?: string | null }
  | { kind: 'business'; cvr: string; name: string; email?: string | null; phone?: string | null }
  /** Someone who used a self-service without logging in (e.g. a street or rat report). */
  | { kind: 'anonymous'; name: string; email?: string | null; phone?: string | null };

/** Who did something on a case. Ids are login subjects or API key names, never CPR numbers. */
export type Actor =
  | { kind: 'citizen'; id: string; name: string }
  | { kind: 'staff'; id: string; name: string }
  | { kind: 'api'; id: string; name: string }
  | { kind: 'system'; name: string };

/** The submission as the citizen gave it: labelled answers in sections, shown readably. */
export type Submission = { sections: { title: string; answers: { label: string; value: string }[] }[] };

export type Priority = 'normal' | 'high';

export type CaseRecord = {
  id: number;
  reference: string;
  title: string;
  service: string;
  kle: string;
  kleAction: string | null;
  department: string;
  party: Party;
  status: CaseStatus;
  assignee: { id: string; name: string } | null;
  priority: Priority;
  deadline: Day;
  deadlinePausedAt: Timestamp | null;
  submission: Submission;
  receivedAt: Timestamp;
  updatedAt: Timestamp;
  closedAt: Timestamp | null;
  transferCount: number;
  handoffConfirmedAt: Timestamp | null;
  handoffReference: string | null;
};

export const timelineKinds = [
  'submitted',
  'note',
  'status_changed',
  'reassigned',
  'transferred',
  'message_to_citizen',
  'message_from_citizen',
  'attachment_added',
  'decision_sent',
  'handoff_confirmed',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** What each kind of entry carries. */
export type TimelineDetails = {
  submitted: Record<string, never>;
  note: { text: string };
  status_changed: { from: CaseStatus; to: CaseStatus; reason: string | null; citizenText: LocalizedName | null };
  reassigned: { from: string | null; to: string | null };
  transferred: { from: string; to: string; reason: string; citizenText: LocalizedName };
  message_to_citizen: { subject: string };
  message_from_citizen: { text: string };
  attachment_added: { filename: string };
  decision_sent: { subject: string; result: Decision['result'] };
  handoff_confirmed: { reference: string | null };
};

export type TimelineEntry = {
  [K in TimelineKind]: {
    id: number;
    caseId: number;
    at: Timestamp;
    kind: K;
    public: boolean;
    actor: Actor;
    details: TimelineDetails[K];
  };
}[TimelineKind];

/** A decision (afgørelse) per forvaltningsloven §§ 22–25: result, reasons, appeal guidance. */
export type Decision = {
  result: 'granted' | 'partly_granted' | 'refused';
  /** Begrundelse (§§ 22–24): the rules applied and the facts that decided. */
  reasons: string;
  /** Klagevejledning (§ 25): where, how and by when to appeal. */
  appealGuidance: string;
};

export type Letter = {
  id: number;
  caseId: number;
  /** The timeline entry the letter was sent with. */
  timelineId: number;
  kind: 'message' | 'decision';
  subject: string;
  body: string;
  decision: Decision | null;
  channel: 'overview';
  senderName: string;
  sentAt: Timestamp;
  readAt: Timestamp | null;
};

export type Attachment = {
  id: number;
  caseId: number;
  /** The timeline entry the file came with (a note, a message, a citizen's reply). */
  timelineId: number;
  fileKey: string;
  filename: string;
  contentType: string;
  size: number;
  public: boolean;
  createdAt: Timestamp;
};

// ---- JSON API schemas ----

export const CaseStatusSchema = Type.Union([Type.Literal('received'), Type.Literal('in_progress'), Type.Literal('waiting_for_citizen'), Type.Literal('decided'), Type.Literal('closed')]);
/** A status, or 'open' (not closed) or 'all': the inbox's status filter. */
export const StatusFilterSchema = Type.Union([CaseStatusSchema, Type.Literal('open'), Type.Literal('all')]);
export const InboxSortSchema = Type.Union([Type.Literal('deadline'), Type.Literal('received_newest'), Type.Literal('received_oldest')]);

export const ApiCase = Type.Object({
  reference: Type.String({ examples: ['2026-004211'] }),
  title: Type.String(),
  service: Type.String(),
  kle: Type.String(),
  kleAction: Type.Union([Type.String(), Type.Null()]),
  department: Type.String(),
  party: Type.Object({
    kind: Type.Union([Type.Literal('person'), Type.Literal('business'), Type.Literal('anonymous')]),
    cpr: Type.Optional(Type.String()),
    cvr: Type.Optional(Type.String()),
    name: Type.String(),
  }),
  status: CaseStatusSchema,
  assignee: Type.Union([Type.String(), Type.Null()]),
  priority: Type.Union([Type.Literal('normal'), Type.Literal('high')]),
  deadline: Type.String({ format: 'date' }),
  receivedAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  transferCount: Type.Integer(),
  handoffConfirmedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  submission: Type.Unknown(),
});
export type ApiCase = Static<typeof ApiCase>;
