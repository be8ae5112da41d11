// The audit-log search form: raw fields in, a search (or the problems) out.
import Type, { type Static } from 'typebox';
import type { FieldProblem } from '../http/index.ts';
import { formatDay, type Day } from '../calendar/days.ts';
import { normaliseCpr, normaliseCvr } from '../auth/cpr.ts';
import type { Lang } from '../i18n/index.ts';
import { auditMessages } from './messages.ts';
import type { AuditSearch } from './service.ts';

const optional = Type.Optional(Type.String({ maxLength: 200 }));
export const searchFormBody = Type.Object({
  person: optional,
  medarbejder: optional,
  'fra-day': optional,
  'fra-month': optional,
  'fra-year': optional,
  'til-day': optional,
  'til-month': optional,
  'til-year': optional,
  formaal: Type.Optional(Type.String({ maxLength: 1000 })),
  _csrf: optional,
});
export type SearchFormBody = Static<typeof searchFormBody>;

export type SearchFormResult = { ok: true; search: AuditSearch; purpose: string } | { ok: false; problems: FieldProblem[] };

const INVALID = Symbol('invalid date');

/** undefined when all three parts are empty; INVALID when they are not a real date. */
function dateFrom(day: string | undefined, month: string | undefined, year: string | undefined): Day | typeof INVALID | undefined {
  const parts = [day, month, year].map((p) => p?.trim() ?? '');
  if (parts.every((p) => p === '')) return undefined;
  if (!parts.every((p) => /^\d+$/.test(p)) || parts[2]!.length !== 4) return INVALID;
  try {
    return formatDay(Number(parts[2]), Number(parts[1]), Number(parts[0]));
  } catch {
    return INVALID; // e.g. 31 February
  }
}

export function parseSearchForm(body: SearchFormBody, lang: Lang): SearchFormResult {
  const t = auditMessages[lang];
  const problems: FieldProblem[] = [];
  const search: AuditSearch = {};
  const person = body.person?.trim();
  if (person) {
    const cpr = normaliseCpr(person);
    const cvr = cpr ? undefined : normaliseCvr(person);
    if (cpr) search.cpr = cpr;
    else if (cvr) search.cvr = cvr;
    else problems.push({ field: 'person', message: t.errorPerson });
  }
  const employee = body.medarbejder?.trim();
  if (employee) search.actor = employee;
  const from = dateFrom(body['fra-day'], body['fra-month'], body['fra-year']);
  const to = dateFrom(body['til-day'], body['til-month'], body['til-year']);
  if (from === INVALID) problems.push({ field: 'fra-day', message: t.errorDate });
  else search.from = from;
  if (to === INVALID) problems.push({ field: 'til-day', message: t.errorDate });
  else search.to = to;
  if (search.from && search.to && search.to < search.from) problems.push({ field: 'til-day', message: t.errorOrder });
  const purpose = body.formaal?.trim() ?? '';
  if (!purpose) problems.push({ field: 'formaal', message: t.errorPurpose });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, search, purpose };
}
