/**
 * Deterministic id scheme shared by all components. Every derived id is built
 * from the field's own `id`, exactly as the DKFDS njk macros build them, so
 * pages, error summaries and tests can compute them without rendering.
 */

/** `<span class="form-hint">` of a field (DKFDS `helptext_id`). */
export const hintId = (fieldId: string): string => `${fieldId}-hint`;

/** `<span class="form-error-message">` of a field (DKFDS `errorMessage_id`). */
export const errorId = (fieldId: string): string => `${fieldId}-error`;

/** Screen-reader description of a character limit (DKFDS `characterlimit_id`). */
export const characterLimitId = (fieldId: string): string => `${fieldId}-limit-message`;

/** One radio button or checkbox in a group: `${groupId}-option${n}`, n counted from 1 (DKFDS). */
export const optionId = (groupId: string, position: number): string => `${groupId}-option${position}`;

/** Conditional-reveal panel of one radio button or checkbox (DKFDS `-collapse`). */
export const conditionalId = (inputId: string): string => `${inputId}-collapse`;

export type DatePart = 'day' | 'month' | 'year';
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** One input of the three-part date: `${id}-day`, `${id}-month`, `${id}-year` (DKFDS). */
export const datePartId = (dateId: string, part: DatePart): string => `${dateId}-${part}`;

/**
 * Where an error-summary link for a radio or checkbox group must point: the
 * first option (DKFDS "fejlopsummering" guideline).
 */
export const firstOptionId = (groupId: string): string => optionId(groupId, 1);

/**
 * Where an error-summary link for a date must point: the first part that has
 * an error, or the day field when the whole date is wrong (DKFDS guideline).
 */
export function dateErrorTargetId(dateId: string, errorParts?: readonly DatePart[]): string {
  const first = DATE_PARTS.find((part) => errorParts?.includes(part));
  return datePartId(dateId, first ?? 'day');
}

/** Joins ids for `aria-describedby`; `undefined` when there is none, so the attribute is omitted. */
export function describedBy(...ids: ReadonlyArray<string | false | null | undefined>): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return list.length > 0 ? list.join(' ') : undefined;
}

/** Joins class names, skipping empty ones. */
export function cx(...classes: ReadonlyArray<string | false | null | undefined>): string {
  return classes.filter((x): x is string => typeof x === 'string' && x.length > 0).join(' ');
}
