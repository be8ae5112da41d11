// The service definition format (one JSON file per service in src/services/), the
// shapes of answers, and the API's schemas. One TypeBox schema validates the files at
// start-up and in tests, types the code and documents the API in OpenAPI.
import Type, { type Static, type TSchema } from 'typebox';

const Id = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60, description: 'lower-case letters, digits and dashes' });

/** A citizen text in Danish and English. */
export const Text = Type.Object({ da: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, { additionalProperties: false });
export type Text = Static<typeof Text>;

/** A test on an earlier answer. `equals` on a yes/no field takes 'yes' or 'no'. */
const Test = Type.Object(
  {
    field: Id,
    equals: Type.Optional(Type.String()),
    notEquals: Type.Optional(Type.String()),
    in: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
    includes: Type.Optional(Type.String({ description: 'for checkboxes: this option is ticked' })),
    atLeast: Type.Optional(Type.Number({ description: 'for numbers' })),
    above: Type.Optional(Type.Number({ description: 'for numbers' })),
    atMost: Type.Optional(Type.Number({ description: 'for numbers' })),
    below: Type.Optional(Type.Number({ description: 'for numbers' })),
  },
  { additionalProperties: false },
);
export const Condition = Type.Union([
  Test,
  Type.Object({ all: Type.Array(Test, { minItems: 1 }) }, { additionalProperties: false }),
  Type.Object({ any: Type.Array(Test, { minItems: 1 }) }, { additionalProperties: false }),
]);
export type Condition = Static<typeof Condition>;
export type ConditionTest = Static<typeof Test>;

const Option = Type.Object({ value: Id, label: Text, hint: Type.Optional(Text) }, { additionalProperties: false });

const common = {
  id: Id,
  label: Text,
  hint: Type.Optional(Text),
  /** Shown in a "Hjælp til …" disclosure under the field. */
  help: Type.Optional(Text),
  /** Default true; optional fields show "(frivilligt)". */
  required: Type.Optional(Type.Boolean()),
  showIf: Type.Optional(Condition),
};
const prefill = (...from: string[]) => Type.Optional(Type.Union(from.map((f) => Type.Literal(f)), { description: 'filled in from the login or the person register' }));

const field = <T extends string, P extends Record<string, TSchema>>(type: T, props: P) =>
  Type.Object({ type: Type.Literal(type), ...common, ...props }, { additionalProperties: false });

export const fieldSchemas = {
  text: field('text', { maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })), prefill: prefill('name', 'organisation') }),
  textarea: field('textarea', { maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) }),
  number: field('number', {
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 4 })),
    unit: Type.Optional(Text),
  }),
  date: field('date', { when: Type.Optional(Type.Union([Type.Literal('past'), Type.Literal('future')], { description: 'past: today or earlier; future: today or later' })) }),
  email: field('email', { prefill: prefill('email') }),
  phone: field('phone', {}),
  cpr: field('cpr', { prefill: prefill('cpr') }),
  cvr: field('cvr', { prefill: prefill('cvr') }),
  address: field('address', { prefill: prefill('address') }),
  radio: field('radio', { options: Type.Array(Option, { minItems: 2 }) }),
  select: field('select', { options: Type.Array(Option, { minItems: 2 }) }),
  checkboxes: field('checkboxes', { options: Type.Array(Option, { minItems: 1 }), maxSelected: Type.Optional(Type.Integer({ minimum: 1 })) }),
  yesno: field('yesno', {}),
  file: field('file', {
    maxFiles: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    maxSizeMb: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 50 })),
    /** Allowed kinds, judged by the file's content. Default: images and PDF. */
    accept: Type.Optional(Type.Array(Type.Union([Type.Literal('image'), Type.Literal('pdf')]), { minItems: 1 })),
  }),
  guidance: Type.Object(
    { type: Type.Literal('guidance'), id: Id, heading: Type.Optional(Text), text: Text, variant: Type.Optional(Type.Union([Type.Literal('info'), Type.Literal('warning')])), showIf: Type.Optional(Condition) },
    { additionalProperties: false },
  ),
};
export type FieldType = keyof typeof fieldSchemas | 'group';
export const fieldTypes = [...Object.keys(fieldSchemas), 'group'] as FieldType[];

const f = fieldSchemas;
/** A field inside a repeatable group: no files, no guidance, no nested groups. */
export const GroupItemField = Type.Union([f.text, f.textarea, f.number, f.date, f.email, f.phone, f.cpr, f.cvr, f.address, f.radio, f.select, f.checkboxes, f.yesno]);
export const GroupField = field('group', {
  fields: Type.Array(GroupItemField, { minItems: 1 }),
  itemLabel: Text,
  addLabel: Text,
  min: Type.Optional(Type.Integer({ minimum: 0 })),
  max: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

export const Field = Type.Union([f.text, f.textarea, f.number, f.date, f.email, f.phone, f.cpr, f.cvr, f.address, f.radio, f.select, f.checkboxes, f.yesno, f.file, f.guidance, GroupField]);

type FieldSchemas = typeof fieldSchemas;
export type FieldOf<T extends keyof FieldSchemas> = Static<FieldSchemas[T]>;
type PlainField = { [K in keyof FieldSchemas]: Static<FieldSchemas[K]> }[keyof FieldSchemas];
/** A field that holds one answer: not a group, a file or a guidance block. */
export type SimpleField = Exclude<PlainField, FieldOf<'file'> | FieldOf<'guidance'>>;
export type GroupField = Static<typeof GroupField>;
export type Field = PlainField | GroupField;
export type InputField = Exclude<Field, FieldOf<'guidance'>>;

/** "Du kan ikke bruge denne løsning, fordi … — gør i stedet …", checked after the step is answered. */
export const Exit = Type.Object(
  {
    id: Id,
    when: Condition,
    title: Text,
    reason: Text,
    instead: Text,
    link: Type.Optional(Type.Object({ href: Type.String({ pattern: '^(https://|/)' }), text: Text }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type Exit = Static<typeof Exit>;

export const Step = Type.Object(
  {
    id: Id,
    title: Text,
    intro: Type.Optional(Text),
    showIf: Type.Optional(Condition),
    fields: Type.Array(Field, { minItems: 1 }),
    exits: Type.Optional(Type.Array(Exit)),
  },
  { additionalProperties: false },
);
export type Step = Static<typeof Step>;

export const audiences = ['anonymous', 'citizen', 'business', 'association'] as const;
export type Audience = (typeof audiences)[number];

export const lifeSituations = ['bolig-og-byggeri', 'affald-og-miljoe', 'veje-og-trafik', 'boern-og-familie', 'sundhed-og-hjaelp', 'digitalt', 'foreninger-og-fritid', 'kontakt'] as const;
export type LifeSituation = (typeof lifeSituations)[number];
const LifeSituationSchema = Type.Union([
  Type.Literal('bolig-og-byggeri'), Type.Literal('affald-og-miljoe'), Type.Literal('veje-og-trafik'), Type.Literal('boern-og-familie'),
  Type.Literal('sundhed-og-hjaelp'), Type.Literal('digitalt'), Type.Literal('foreninger-og-fritid'), Type.Literal('kontakt'),
]);

const serviceProps = {
  $schema: Type.Optional(Type.String()),
  id: Id,
  /** Raise it when steps or fields change; drafts remember the version they started on. */
  version: Type.Integer({ minimum: 1 }),
  title: Text,
  description: Text,
  /** Extra words the catalogue's filter box matches. */
  keywords: Type.Optional(Type.Array(Type.String())),
  topic: Type.Object({ kle: Type.String({ pattern: '^\\d{2}\\.\\d{2}(\\.\\d{2})?$' }), lifeSituation: LifeSituationSchema }, { additionalProperties: false }),
  /** The department whose inbox gets the case (an id from KANAL_DEPARTMENTS). */
  department: Id,
  /** Who may use it: anonymous, a citizen (MitID), a business (MitID Erhverv), a citizen for an association. */
  audience: Type.Array(Type.Union([Type.Literal('anonymous'), Type.Literal('citizen'), Type.Literal('business'), Type.Literal('association')]), { minItems: 1 }),
  loa: Type.Optional(Type.Union([Type.Literal('low'), Type.Literal('substantial'), Type.Literal('high')])),
  /** The case's deadline in days. */
  caseDeadlineDays: Type.Integer({ minimum: 1, maximum: 365 }),
  /** Limited places (e.g. a course): later submissions go on a waiting list. */
  capacity: Type.Optional(Type.Integer({ minimum: 1 })),
  declaration: Text,
  receipt: Text,
  nextSteps: Text,
  waitingListText: Type.Optional(Text),
  /** Another way for those who cannot use the self-service. */
  alternative: Text,
  steps: Type.Array(Step, { minItems: 1 }),
};
/** The format of a file in src/services/. */
export const ServiceDefinition = Type.Object(serviceProps, { additionalProperties: false });
export type ServiceDefinition = Static<typeof ServiceDefinition>;

// ---- Answers -------------------------------------------------------------------------

/** An uploaded file as the answers keep it; the bytes are in the attachment store. */
export const FileRef = Type.Object({ id: Type.String(), name: Type.String(), type: Type.String(), size: Type.Integer() });
export type FileRef = Static<typeof FileRef>;
export type Address = { text: string; id?: string };
export type SimpleValue = string | number | string[] | Address;
export type GroupItem = Record<string, SimpleValue>;
export type AnswerValue = SimpleValue | FileRef[] | GroupItem[];
/** Answers by field id. Dates are 'YYYY-MM-DD', yes/no 'yes'/'no', CPR ten digits. */
export type Answers = Record<string, AnswerValue>;

// ---- API ------------------------------------------------------------------------------

export const ServiceSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Text,
  description: Text,
  kle: Type.String(),
  lifeSituation: Type.String(),
  department: Type.String(),
  audience: Type.Array(Type.String()),
  deepLink: Type.String({ description: 'stable address for borger.dk and the municipality\'s website' }),
  alternative: Text,
});
export const ServiceList = Type.Object({ services: Type.Array(ServiceSummary) });
export const ServiceIdParams = Type.Object({ id: Id });
export const SubmissionBody = Type.Object(
  {
    answers: Type.Union([
      Type.Record(Type.String(), Type.Unknown(), { description: 'application/json: answers by field id, as in the definition (file fields excepted)' }),
      Type.String({ contentMediaType: 'application/json', description: 'multipart/form-data: the same answers as JSON text' }),
    ]),
  },
  {
    // multipart/form-data: one file part per file, named by the file field's id (repeat the name for several files).
    additionalProperties: Type.Unknown({ description: 'multipart/form-data: a file part (binary) named by a file field id' }),
  },
);
export const SubmissionHeaders = Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 200, description: 'the same key gives the same submission, never a second one' }) });
export const SubmissionReceipt = Type.Object({
  reference: Type.String(),
  caseReference: Type.String(),
  serviceId: Type.String(),
  serviceVersion: Type.Integer(),
  submittedAt: Type.String({ format: 'date-time' }),
  waitingList: Type.Boolean(),
  replayed: Type.Boolean({ description: 'true when this key was already used: the first submission is returned' }),
});
export const ServiceDefinitionResponse = Type.Object(serviceProps, { additionalProperties: false });
