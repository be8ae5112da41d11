/**
 * DKFDS three-part date ("Datofelter", `form/controls/date-input.njk`):
 * one fieldset with a legend, hint and error, and three labelled inputs
 * (day, month, year) in a `date-group`.
 */
import { FieldsetGroup, hasContent, resolveRequirement, type FieldsetProps } from './form.tsx';
import { DATE_PARTS, cx, datePartId, type DatePart } from './ids.ts';
import { resolveTexts } from './texts.ts';

export type DateParts<T> = Partial<Record<DatePart, T>>;

export interface DateInputProps extends FieldsetProps {
  /**
   * Base of the submitted names. Parts are named `${name}-day`,
   * `${name}-month`, `${name}-year` unless `names` overrides them.
   */
  name: string;
  names?: DateParts<string>;
  values?: DateParts<string>;
  /**
   * Which parts the error is about. Only these get `aria-invalid` and the red
   * border; the error-summary link should go to the first of them
   * (`dateErrorTargetId`). Omitted or empty with an `error`: the whole date is
   * wrong and all three parts are marked, as DKFDS does.
   */
  errorParts?: readonly DatePart[];
  /** Visible part labels; default from texts (Dag / Måned / År). */
  labels?: DateParts<string>;
  /** `autocomplete` per part, e.g. `{ day: 'bday-day', month: 'bday-month', year: 'bday-year' }`. */
  autocomplete?: DateParts<string>;
}

/**
 * Class Kanal adds to the date's form-group when only some parts are in
 * error. DKFDS 11's CSS paints all three inputs red whenever the group has
 * `form-error`; Kanal's stylesheet (`public/kanal.css`) narrows that to the
 * inputs with `aria-invalid="true"` under this class. Without that stylesheet
 * the page falls back to DKFDS's look (all three red) and stays correct for
 * assistive technology.
 */
export const DATE_PART_ERRORS_CLASS = 'date-input--part-errors';

/** DKFDS three-part date input with per-part error marking. */
export function DateInput(props: DateInputProps) {
  const { formGroupClass, ...group } = props;
  const { id, name, names, values, errorParts, labels, autocomplete, error } = props;
  const t = resolveTexts(props.texts);
  const { isRequired } = resolveRequirement(props);
  const hasError = hasContent(error);
  const partial = hasError && errorParts !== undefined && errorParts.length > 0 && errorParts.length < DATE_PARTS.length;
  const isInvalid = (part: DatePart) => hasError && (!partial || (errorParts?.includes(part) ?? false));
  const defaultLabels: Record<DatePart, string> = { day: t.dateDay, month: t.dateMonth, year: t.dateYear };

  const parts = (
    <div class="date-group mt-3">
      {DATE_PARTS.map((part) => {
        const partId = datePartId(id, part);
        return (
          <div class={`form-group form-group-${part}`}>
            <label class="form-label" for={partId}>
              {labels?.[part] ?? defaultLabels[part]}
            </label>
            <input
              type="number"
              id={partId}
              name={names?.[part] ?? `${name}-${part}`}
              class="form-input"
              value={values?.[part]}
              disabled={props.disabled || undefined}
              aria-invalid={isInvalid(part) ? 'true' : undefined}
              required={isRequired || undefined}
              autocomplete={autocomplete?.[part]}
            />
          </div>
        );
      })}
    </div>
  );
  return <FieldsetGroup formGroupClass={cx(formGroupClass, partial && DATE_PART_ERRORS_CLASS)} children={parts} {...group} />;
}
