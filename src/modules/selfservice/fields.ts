// Reading and checking answers, field by field. The same code serves the web form
// (raw text from the page) and the API (JSON answers are first turned into the same raw
// form), so both get the same validation and the same plain-Danish messages.
import { isDay, longDay } from '../../platform/calendar/index.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { formatNumber } from '../../platform/i18n/index.ts';
import type { AddressRegister } from './address-register.ts';
import { isVisible } from './conditions.ts';
import { checkCpr } from '../../platform/auth/index.ts';
import { cvrCheck } from './identifiers.ts';
import { selfServiceMessages } from './messages.ts';
import type { Address, Answers, AnswerValue, Field, FieldOf, FileRef, GroupField, GroupItem, InputField, SimpleField, SimpleValue } from './schema.ts';

/** The posted form: a value, or several for checkboxes. */
export type RawForm = Record<string, string | string[] | undefined>;

/** One problem, pointing at the control the error summary links to. */
export interface FieldError {
  /** Field id in the definition (group fields: the group's id). */
  field: string;
  /** The DOM id the error summary links to. */
  target: string;
  message: string;
}

export interface CheckContext {
  lang: Lang;
  addresses: AddressRegister;
  /** Today in Europe/Copenhagen, YYYY-MM-DD (a parameter, so tests can fix it). */
  today: string;
  /** The CVR number the login gave (MitID Erhverv): the organisation's own, not checked again. */
  loginCvr?: string | undefined;
}

export const DEFAULT_TEXT_MAX = 200;
export const DEFAULT_TEXTAREA_MAX = 2000;
export const DEFAULT_MAX_FILES = 3;
export const DEFAULT_MAX_SIZE_MB = 10;

export function isInput(field: Field): field is InputField {
  return field.type !== 'guidance';
}

export const isRequired = (field: InputField) => field.required !== false;

/** DOM id of a field's control (first option for choices, day for dates). */
export function targetId(field: Field, name: string): string {
  if (field.type === 'radio' || field.type === 'checkboxes' || field.type === 'yesno') return `${name}-option1`;
  if (field.type === 'date') return `${name}-day`;
  return name;
}

function one(raw: RawForm, name: string): string {
  const v = raw[name];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
}

function many(raw: RawForm, name: string): string[] {
  const v = raw[name];
  return (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}

type Checked = { value?: SimpleValue; error?: string; target?: string };

function checkDate(field: FieldOf<'date'>, raw: RawForm, name: string, ctx: CheckContext): Checked {
  const t = selfServiceMessages[ctx.lang];
  const parts = { day: one(raw, `${name}-day`), month: one(raw, `${name}-month`), year: one(raw, `${name}-year`) };
  const filled = Object.values(parts).filter(Boolean).length;
  if (filled === 0) return isRequired(field) ? { error: t.required(field.label[ctx.lang]), target: `${name}-day` } : {};
  const missing = (['day', 'month', 'year'] as const).filter((p) => !parts[p]);
  if (missing.length > 0) {
    const words = missing.map((p) => ({ day: t.partDay, month: t.partMonth, year: t.partYear })[p]);
    return { error: t.dateMissing(words.join(` ${t.and} `)), target: `${name}-${missing[0]}` };
  }
  if (!Object.values(parts).every((p) => /^\d+$/.test(p))) return { error: t.dateParts, target: `${name}-day` };
  if (parts.year.length !== 4) return { error: t.dateYear, target: `${name}-year` };
  const iso = `${parts.year}-${String(Number(parts.month)).padStart(2, '0')}-${String(Number(parts.day)).padStart(2, '0')}`;
  if (!isDay(iso)) return { error: t.dateNotReal, target: `${name}-day` };
  if (field.when === 'past' && iso > ctx.today) return { error: t.datePast, target: `${name}-day` };
  if (field.when === 'future' && iso < ctx.today) return { error: t.dateFuture, target: `${name}-day` };
  return { value: iso };
}

function checkNumber(field: FieldOf<'number'>, text: string, ctx: CheckContext): Checked {
  const t = selfServiceMessages[ctx.lang];
  const cleaned = text.replace(/\s|\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { error: t.notNumber };
  const decimals = field.decimals ?? 0;
  const fraction = cleaned.split('.')[1] ?? '';
  if (fraction.length > decimals) return { error: decimals === 0 ? t.notWholeNumber : t.tooFewDecimals(decimals) };
  const value = Number(cleaned);
  if (field.min !== undefined && value < field.min) return { error: t.numberMin(formatNumber(ctx.lang, field.min, decimals)) };
  if (field.max !== undefined && value > field.max) return { error: t.numberMax(formatNumber(ctx.lang, field.max, decimals)) };
  return { value };
}

function checkPhone(text: string): string | undefined {
  const compact = text.replace(/[\s-]/g, '');
  if (/^(\+45|0045)?\d{8}$/.test(compact)) return compact.replace(/^(\+45|0045)/, '');
  if (/^\+\d{7,15}$/.test(compact)) return compact;
  return undefined;
}

// The practical e-mail check forms use (WHATWG's, as <input type=email>), not RFC 5322.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

async function checkSimple(field: SimpleField, raw: RawForm, name: string, ctx: CheckContext): Promise<Checked> {
  const t = selfServiceMessages[ctx.lang];
  const label = field.label[ctx.lang];
  if (field.type === 'date') return checkDate(field, raw, name, ctx);
  if (field.type === 'checkboxes') {
    const values = many(raw, name);
    if (values.some((v) => !field.options.some((o) => o.value === v))) return { error: t.chooseOne(label) };
    if (values.length === 0) return isRequired(field) ? { error: t.chooseOne(label) } : {};
    if (field.maxSelected !== undefined && values.length > field.maxSelected) return { error: t.tooManyChoices(field.maxSelected) };
    return { value: values };
  }
  const text = one(raw, name);
  if (text === '') {
    if (!isRequired(field)) return {};
    const choice = field.type === 'radio' || field.type === 'select' || field.type === 'yesno';
    return { error: choice ? t.chooseOne(label) : t.required(label) };
  }
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const max = field.maxLength ?? (field.type === 'text' ? DEFAULT_TEXT_MAX : DEFAULT_TEXTAREA_MAX);
      const length = [...text].length;
      return length > max ? { error: t.tooLong(max, length) } : { value: text };
    }
    case 'number':
      return checkNumber(field, text, ctx);
    case 'email':
      return EMAIL.test(text) && text.length <= 254 ? { value: text } : { error: t.email };
    case 'phone': {
      const phone = checkPhone(text);
      return phone ? { value: phone } : { error: t.phone };
    }
    case 'cpr': {
      const result = checkCpr(text);
      if ('cpr' in result) return { value: result.cpr };
      return { error: result.problem === 'format' ? t.cprFormat : t.cprDate };
    }
    case 'cvr': {
      if (ctx.loginCvr && text.replace(/\s+/g, '') === ctx.loginCvr) return { value: ctx.loginCvr };
      const result = cvrCheck(text);
      return result === 'ok' ? { value: text.replace(/\s+/g, '') } : { error: result === 'format' ? t.cvrFormat : t.cvrChecksum };
    }
    case 'address': {
      const hits = await ctx.addresses.resolve(text);
      if (hits.length === 0) return { error: t.addressNone };
      if (hits.length > 1) return { error: t.addressMany };
      const address: Address = { text: hits[0]!.text, id: hits[0]!.id };
      return { value: address };
    }
    case 'radio':
    case 'select':
      return field.options.some((o) => o.value === text) ? { value: text } : { error: t.chooseOne(label) };
    case 'yesno':
      return text === 'yes' || text === 'no' ? { value: text } : { error: t.chooseOne(label) };
  }
}

/** How many items a repeatable group has on the page (hidden `<id>-count`, at least `min` or 1). */
export function groupCount(field: GroupField, raw: RawForm): number {
  const n = Number(one(raw, `${field.id}-count`));
  const max = field.max ?? 50;
  return Math.min(max, Math.max(Number.isInteger(n) && n > 0 ? n : 1, field.min ?? 0));
}

async function checkGroup(field: GroupField, raw: RawForm, ctx: CheckContext): Promise<{ value?: GroupItem[]; errors: FieldError[] }> {
  const t = selfServiceMessages[ctx.lang];
  const errors: FieldError[] = [];
  const items: GroupItem[] = [];
  const count = groupCount(field, raw);
  for (let i = 0; i < count; i++) {
    const prefix = `${field.id}-${i}-`;
    // A wholly empty extra item is ignored ("tilføj en mere" pressed, then not used).
    const empty = field.fields.every((f) => (f.type === 'date' ? ['day', 'month', 'year'].every((p) => !one(raw, `${prefix}${f.id}-${p}`)) : many(raw, `${prefix}${f.id}`).length === 0));
    if (empty && i >= Math.max(1, field.min ?? 0)) continue;
    if (empty && !isRequired(field) && (field.min ?? 0) === 0) continue;
    const item: GroupItem = {};
    for (const inner of field.fields as SimpleField[]) {
      const name = `${prefix}${inner.id}`;
      const checked = await checkSimple(inner, raw, name, ctx);
      if (checked.error) errors.push({ field: field.id, target: checked.target ?? targetId(inner, name), message: `${t.item(field.itemLabel[ctx.lang], i + 1)}: ${checked.error}` });
      else if (checked.value !== undefined) item[inner.id] = checked.value;
    }
    items.push(item);
  }
  if (field.min !== undefined && items.length < field.min) errors.push({ field: field.id, target: `${field.id}-add`, message: t.groupMin(field.min, field.itemLabel[ctx.lang]) });
  return { value: items.length > 0 ? items : undefined, errors };
}

/**
 * Reads and checks the visible fields of one step, in order: a field's condition may
 * depend on an answer given earlier on the same page. Files are checked on upload
 * (attachments.ts) and arrive here as `files`.
 */
export async function checkStep(
  fields: readonly Field[],
  raw: RawForm,
  earlier: Answers,
  ctx: CheckContext,
  files: Record<string, FileRef[]> = {},
): Promise<{ values: Answers; errors: FieldError[] }> {
  const t = selfServiceMessages[ctx.lang];
  const values: Answers = {};
  const errors: FieldError[] = [];
  for (const field of fields) {
    if (!isInput(field) || !isVisible(field.showIf, { ...earlier, ...values })) continue;
    if (field.type === 'group') {
      const result = await checkGroup(field, raw, ctx);
      errors.push(...result.errors);
      if (result.value) values[field.id] = result.value;
      continue;
    }
    if (field.type === 'file') {
      const list = files[field.id] ?? [];
      if (list.length > 0) values[field.id] = list;
      else if (isRequired(field)) errors.push({ field: field.id, target: field.id, message: t.chooseFile(field.label[ctx.lang]) });
      continue;
    }
    const checked = await checkSimple(field, raw, field.id, ctx);
    if (checked.error) errors.push({ field: field.id, target: checked.target ?? targetId(field, field.id), message: checked.error });
    else if (checked.value !== undefined) values[field.id] = checked.value;
  }
  return { values, errors };
}

/** Answers as the page's raw form, to fill the fields in again (and to re-check them). */
export function rawFromAnswers(fields: readonly Field[], answers: Answers): RawForm {
  const raw: RawForm = {};
  for (const field of fields) {
    if (!isInput(field) || field.type === 'file') continue;
    const value = answers[field.id];
    if (field.type === 'group') {
      const items = Array.isArray(value) ? (value as GroupItem[]) : [];
      raw[`${field.id}-count`] = String(Math.max(items.length, 1));
      items.forEach((item, i) => (field.fields as SimpleField[]).forEach((inner) => putRaw(raw, inner, `${field.id}-${i}-${inner.id}`, item[inner.id])));
      continue;
    }
    putRaw(raw, field, field.id, value);
  }
  return raw;
}

// Not a closure inside rawFromAnswers: under tsx a named closure gets its name set
// (Object.defineProperty) each time it is made, about 1% of a step page's CPU.
function putRaw(raw: RawForm, field: SimpleField, name: string, value: AnswerValue | undefined): void {
  if (value === undefined) return;
  if (field.type === 'date' && typeof value === 'string') {
    const [y, m, d] = value.split('-');
    raw[`${name}-day`] = String(Number(d));
    raw[`${name}-month`] = String(Number(m));
    raw[`${name}-year`] = y;
  } else if (Array.isArray(value)) raw[name] = value.filter((v): v is string => typeof v === 'string');
  else if (typeof value === 'object') raw[name] = value.text;
  else raw[name] = field.type === 'number' && typeof value === 'number' ? String(value).replace('.', ',') : String(value);
}

/** JSON answers from the API → the raw form, so the API is checked exactly like the page. */
export function rawFromJson(fields: readonly Field[], json: Record<string, unknown>): RawForm {
  const asText = (v: unknown): string | string[] | undefined =>
    typeof v === 'string' ? v : typeof v === 'number' ? String(v).replace('.', ',') : typeof v === 'boolean' ? (v ? 'yes' : 'no') : Array.isArray(v) ? v.map(String) : v && typeof v === 'object' && 'text' in v ? String((v as Address).text) : undefined;
  const raw: RawForm = {};
  const put = (field: SimpleField, name: string, value: unknown) => {
    if (field.type === 'date' && typeof value === 'string') {
      // 'YYYY-MM-DD' as three parts, so 2026-02-31 gets the page's "Datoen findes ikke".
      const m = /^(\d{1,4})-(\d{1,2})-(\d{1,2})$/.exec(value);
      if (m) Object.assign(raw, { [`${name}-year`]: m[1], [`${name}-month`]: m[2], [`${name}-day`]: m[3] });
      else raw[`${name}-day`] = value;
    } else raw[name] = asText(value);
  };
  for (const field of fields) {
    if (!isInput(field) || field.type === 'file') continue;
    const value = json[field.id];
    if (field.type === 'group') {
      const items = Array.isArray(value) ? value : [];
      raw[`${field.id}-count`] = String(items.length);
      items.forEach((item, i) => (field.fields as SimpleField[]).forEach((inner) => put(inner, `${field.id}-${i}-${inner.id}`, (item as Record<string, unknown>)?.[inner.id])));
      continue;
    }
    put(field, field.id, value);
  }
  return raw;
}

/** An answer as text, for "Tjek dine svar", the receipt and the PDF. */
export function displayValue(field: InputField, value: AnswerValue | undefined, lang: Lang): string {
  const t = selfServiceMessages[lang];
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return t.notAnswered;
  const optionLabel = (v: string) => ('options' in field ? (field.options.find((o) => o.value === v)?.label[lang] ?? v) : v);
  // Text answers (choices, dates, CPR, text); the other kinds are read below by their type.
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  switch (field.type) {
    case 'yesno':
      return value === 'yes' ? t.yes : t.no;
    case 'radio':
    case 'select':
      return optionLabel(text);
    case 'checkboxes':
      return (value as string[]).map(optionLabel).join(', ');
    case 'date':
      return longDay(text, lang);
    case 'cpr':
      return `${text.slice(0, 6)}-${text.slice(6)}`;
    case 'number':
      return `${formatNumber(lang, value as number, field.decimals ?? 0)}${field.unit ? ` ${field.unit[lang]}` : ''}`;
    case 'address':
      return (value as Address).text;
    case 'file':
      return (value as FileRef[]).map((f) => f.name).join(', ');
    case 'group':
      return (value as GroupItem[])
        .map((item, i) => `${t.item(field.itemLabel[lang], i + 1)}: ${(field.fields as SimpleField[]).map((f) => (item[f.id] === undefined ? '' : displayValue(f, item[f.id], lang))).filter(Boolean).join(', ')}`)
        .join('\n');
    default:
      return text;
  }
}
