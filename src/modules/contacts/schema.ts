// The dimensions of a contact, as DESIGN.md ("Measuring the strategy") defines them.
import Type, { type Static } from 'typebox';
import type { Day } from '../../platform/calendar/index.ts';
import type { Timestamp } from '../../platform/db/index.ts';

export const channels = ['self_service', 'web', 'email', 'digital_post', 'sms', 'chat', 'phone', 'letter', 'in_person'] as const;
export type Channel = (typeof channels)[number];

/** The digital channels; the rest (phone, letter, in person) are not digital. */
export const digitalChannels: ReadonlySet<Channel> = new Set<Channel>(['self_service', 'web', 'email', 'digital_post', 'sms', 'chat']);

export const directions = ['in', 'out'] as const;
export type Direction = (typeof directions)[number];

/** information, transaction (e.g. an application) or about the citizen's own case. */
export const kinds = ['information', 'transaction', 'own_case'] as const;
export type Kind = (typeof kinds)[number];

/** Resolved at first contact (straksafklaring): yes, no, or not known (most automatic contacts). */
export const resolutions = ['yes', 'no', 'unknown'] as const;
export type Resolution = (typeof resolutions)[number];

/** Who recorded it: a module automatically, a member of staff by hand, or an import of figures. */
export const sources = ['automatic', 'manual', 'import'] as const;
export type Source = (typeof sources)[number];


/** What a module hands to `record()`. Everything but channel, kind and topic has a default. */
export interface ContactInput {
  /** When it happened; default now. The Copenhagen day is derived from it. */
  at?: Date | Timestamp;
  channel: Channel;
  /** Default 'in'. */
  direction?: Direction;
  kind: Kind;
  /** A topic code from the municipality's topic list. */
  topic: string;
  /** The self-service (service id) it concerned, if any. */
  service?: string | null;
  /** Default: the topic's department. */
  department?: string;
  /** Default 'unknown'. */
  resolved?: Resolution;
  /** A contact caused by a failure to do something or do it right for the citizen (default false). */
  failureDemand?: boolean;
  /** Staff helped the citizen through self-service (medbetjening) (default false). */
  assisted?: boolean;
  /** 'automatic' (default) or 'manual'; imports record through the importer. */
  source?: Exclude<Source, 'import'>;
  /** How many identical contacts this record stands for (default 1). */
  count?: number;
  /**
   * Whose contact it was, only where the recording module needs it (e.g. for the citizen
   * overview): an identifier the caller owns. Never part of the aggregates.
   */
  person?: string | null;
  /** The employee who registered it by hand. */
  recordedBy?: string | null;
}

/** A recorded contact as stored. */
export interface Contact {
  id: number;
  occurredAt: Timestamp;
  day: Day;
  channel: Channel;
  direction: Direction;
  kind: Kind;
  topic: string;
  service: string | null;
  department: string;
  resolved: Resolution;
  failureDemand: boolean;
  assisted: boolean;
  source: Source;
  batchId: number | null;
  count: number;
  person: string | null;
  recordedBy: string | null;
  createdAt: Timestamp;
}

/** The dimensions one daily aggregate row is kept per. */
export interface AggregateKey {
  day: Day;
  channel: Channel;
  direction: Direction;
  kind: Kind;
  topic: string;
  department: string;
  /** '' when the contact concerned no particular service (so the key stays unique). */
  service: string;
  resolved: Resolution;
  failureDemand: boolean;
  assisted: boolean;
  source: Source;
}

export interface DailyAggregate extends AggregateKey {
  count: number;
}

export interface Topic {
  code: string;
  name: string;
  /** KLE number, e.g. '02.34.02'. */
  kle: string;
  department: string;
  /** Another authority that handles the matter (e.g. Udbetaling Danmark); Borgerservice guides. */
  handledBy: string | null;
  /** Shown as one-click buttons in quick registration and count weeks. */
  frequent: boolean;
  active: boolean;
}

// ---------------------------------------------------------------------------
// Route schemas

const optionalText = Type.Optional(Type.String({ maxLength: 200 }));

/** The quick-registration form. Everything is text: the service validates and answers in Danish. */
export const QuickRegistrationBody = Type.Object({
  _csrf: optionalText,
  channel: optionalText,
  kind: optionalText,
  topic: optionalText,
  topicText: optionalText,
  resolved: optionalText,
  failureDemand: optionalText,
  assisted: optionalText,
});

/** A count-week click: the channel, and the button's `kind:topic`. */
export const TallyBody = Type.Object({
  _csrf: optionalText,
  channel: Type.String({ maxLength: 40 }),
  cell: Type.String({ maxLength: 120 }),
});

export const TopicBody = Type.Object({
  _csrf: optionalText,
  code: optionalText,
  name: optionalText,
  kle: optionalText,
  department: optionalText,
  handledBy: optionalText,
  frequent: optionalText,
  active: optionalText,
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const CodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }) });

/** The status route's answer (views/import-pages.tsx runStatus). */
export const RunStatusSchema = Type.Object({
  id: Type.Integer(),
  phase: Type.String({ description: 'reading, checking, rejected, waiting, importing, imported, unchanged or failed' }),
  busy: Type.Boolean({ description: 'The worker is at it: ask again.' }),
  done: Type.Integer({ description: 'Lines done.' }),
  total: Type.Union([Type.Integer(), Type.Null()], { description: 'Lines in all; null while not known.' }),
  percent: Type.Union([Type.Integer(), Type.Null()]),
  text: Type.String({ description: 'The phase, in the request\'s language.' }),
  progressText: Type.String(),
  problemCount: Type.Integer(),
  problems: Type.Array(Type.Object({ line: Type.Integer(), column: Type.String(), problem: Type.String({ description: 'In Danish.' }) })),
});
/**
 * A run's state as the status route sends it and the page shows it: the same texts both ways.
 * The page's script (src/client/import-progress.ts) reads it too.
 */
export type RunStatus = Static<typeof RunStatusSchema>;
