/**
 * The building blocks every form control shares, following DKFDS 11's
 * `form/controls/*.njk` macros:
 *
 *   <div class="form-group[ form-error]">
 *     <label class="form-label" for="ID">Label<span class="weight-normal"> (frivilligt)</span></label>
 *     <span class="form-hint" id="ID-hint">…</span>
 *     <span class="form-error-message" id="ID-error"><span class="sr-only">Fejl: </span>…</span>
 *     <input id="ID" aria-describedby="ID-hint ID-error" aria-invalid="true" …>
 *   </div>
 *
 * `Field` renders that shell once and hands the wired-up attributes to the
 * control, so the individual inputs never repeat the wiring. `FieldsetGroup`
 * is the same for groups (radios, checkboxes, the three-part date).
 */
import type { ComponentChildren } from 'preact';
import { Heading, type HeadingLevel } from './heading.tsx';
import { characterLimitId, cx, describedBy, errorId, hintId } from './ids.ts';
import { resolveTexts, type UiTexts } from './texts.ts';

/** True when a prop holds something to render (so `''`, `null`, `false` count as absent). */
export function hasContent(x: ComponentChildren): boolean {
  return x !== undefined && x !== null && x !== false && x !== '';
}

// ---------------------------------------------------------------------------
// Required / optional

export interface RequirementProps {
  /**
   * Whether the field must be answered. Default `true` (as in DKFDS). Sets the
   * `required` attribute on the control.
   */
  required?: boolean;
  /**
   * Show the "(frivilligt)" / "(optional)" marker after the label. Default: on
   * for every field that is not required. Turn it off on forms where most
   * fields are optional and mark the required ones with `requiredLabel`.
   */
  optionalLabel?: boolean;
  /** Show the "(*skal udfyldes)" marker after the label. Default off (DKFDS). */
  requiredLabel?: boolean;
  disabled?: boolean;
}

export interface Requirement {
  isRequired: boolean;
  showOptional: boolean;
  showRequired: boolean;
}

/** DKFDS's `isRequired` rules, plus Kanal's default of labelling optional fields. */
export function resolveRequirement({ required, optionalLabel, requiredLabel, disabled }: RequirementProps): Requirement {
  let isRequired = required !== false;
  if (requiredLabel === true) isRequired = true;
  if (optionalLabel === true) isRequired = false;
  if (disabled === true) isRequired = false;
  return {
    isRequired,
    showOptional: disabled !== true && (optionalLabel ?? !isRequired),
    showRequired: disabled !== true && requiredLabel === true,
  };
}

/** The " (frivilligt)" / " (*skal udfyldes)" span after a label or legend text. */
export function RequirementMarker({ requirement, texts }: { requirement: Requirement; texts: UiTexts }) {
  return (
    <>
      {requirement.showOptional && <span class="weight-normal">{' ' + texts.optional}</span>}
      {requirement.showRequired && <span class="weight-normal">{' ' + texts.required}</span>}
    </>
  );
}

// ---------------------------------------------------------------------------
// Label, hint, error message

export interface LabelProps {
  /** id of the control this labels. */
  for: string;
  children: ComponentChildren;
  class?: string;
  disabled?: boolean;
  /** Extra text for screen readers only, appended to the label (DKFDS `srOnly`). */
  srOnly?: string;
  requirement?: Requirement;
  texts?: Partial<UiTexts>;
}

/** `<label class="form-label" for="…">` (DKFDS `label.njk`). */
export function Label({ for: forId, children, class: cls, disabled, srOnly, requirement, texts }: LabelProps) {
  const t = resolveTexts(texts);
  return (
    <label class={cx('form-label', cls, disabled && 'disabled')} for={forId}>
      {children}
      {requirement && <RequirementMarker requirement={requirement} texts={t} />}
      {srOnly && <span class="sr-only">{' ' + srOnly}</span>}
    </label>
  );
}

export interface HintProps {
  /** id of the field the hint belongs to; the hint gets id `${fieldId}-hint`. */
  fieldId: string;
  children: ComponentChildren;
}

/** `<span class="form-hint" id="ID-hint">` (DKFDS `helptext.njk`). */
export function Hint({ fieldId, children }: HintProps) {
  return (
    <span class="form-hint" id={hintId(fieldId)}>
      {children}
    </span>
  );
}

export interface ErrorMessageProps {
  /** id of the field the message belongs to; the message gets id `${fieldId}-error`. */
  fieldId: string;
  children: ComponentChildren;
  texts?: Partial<UiTexts>;
}

/** `<span class="form-error-message" id="ID-error"><span class="sr-only">Fejl: </span>…</span>` (DKFDS `errormessage.njk`). */
export function ErrorMessage({ fieldId, children, texts }: ErrorMessageProps) {
  const t = resolveTexts(texts);
  return (
    <span class="form-error-message" id={errorId(fieldId)}>
      <span class="sr-only">{t.errorPrefix + ' '}</span>
      {children}
    </span>
  );
}

// ---------------------------------------------------------------------------
// Character limit (enhanced by DKFDS character-limit.js)

export interface CharacterLimitProps {
  fieldId: string;
  max: number;
  /** Current value, so the counter is right even without JavaScript. */
  value?: string;
  texts?: Partial<UiTexts>;
}

/** Number of characters the browser (and character-limit.js) counts: newlines count once. */
export function countCharacters(value: string | undefined): number {
  return value === undefined ? 0 : value.replace(/\r\n/g, '\n').length;
}

/**
 * The three spans from DKFDS `characterlimit.njk`. The surrounding form-group
 * must carry `form-limit` and `data-maxlength` (Field does this), and the
 * control must have class `form-input`.
 */
export function CharacterLimit({ fieldId, max, value, texts }: CharacterLimitProps) {
  const t = resolveTexts(texts);
  const left = max - countCharacters(value);
  const message = left >= 0 ? t.charactersRemaining(left) : t.charactersTooMany(-left);
  return (
    <>
      <span id={characterLimitId(fieldId)} class="sr-only">
        {t.characterLimitInfo(max)}
      </span>
      <span class={cx('form-hint character-limit', left < 0 && 'limit-exceeded')} aria-hidden="true">
        {message}
      </span>
      <span class="character-limit-sr-only sr-only" aria-live="polite">
        {message}
      </span>
    </>
  );
}

// ---------------------------------------------------------------------------
// Form group

export interface FormGroupProps {
  /** Adds `form-error` (red bar on the left, red control borders). */
  error?: boolean;
  class?: string;
  children?: ComponentChildren;
}

/** `<div class="form-group[ form-error]">`: the DKFDS wrapper around one question. */
export function FormGroup({ error, class: cls, children }: FormGroupProps) {
  return <div class={cx('form-group', error && 'form-error', cls)}>{children}</div>;
}

// ---------------------------------------------------------------------------
// Field: label + hint + error + control

/** What every single-control field takes. */
export interface FieldProps extends RequirementProps {
  /** id of the control. Hint, error and limit ids derive from it. */
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  /** Error message. When present the group gets `form-error` and the control `aria-invalid="true"`. */
  error?: ComponentChildren;
  labelClass?: string;
  formGroupClass?: string;
  /** Screen-reader-only text appended to the label. */
  labelSrOnly?: string;
  texts?: Partial<UiTexts>;
}

/** Attributes `Field` wires onto its control. Spread them onto the element. */
export interface ControlAttributes {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
  required?: boolean;
  disabled?: boolean;
}

export interface FieldShellProps extends FieldProps {
  /** Adds the DKFDS character-limit markup (form-limit + data-maxlength + counter spans). */
  characterLimit?: { max: number; value?: string };
  /** Renders the control with the wired attributes. */
  children: (control: ControlAttributes) => ComponentChildren;
}

/**
 * The generic field shell. Renders, in DKFDS order: form-group, label (with
 * the optional/required marker), hint, error message, the control (via
 * `children`), and the character-limit counter when asked for.
 *
 * Controls pass their props on with the spread last and `children` as a prop before it
 * (`<Field children={control} {...props} />`). On Node 20 an object that starts as a
 * spread and then gets more properties (`{ ...props, children }`, which is what
 * `<Field {...props}>…</Field>` compiles to) gets a hidden class of its own every time:
 * every property read on it misses V8's caches, and a form field took about twice
 * as long to render.
 */
export function Field(props: FieldShellProps) {
  const { id, label, hint, error, labelClass, formGroupClass, labelSrOnly, characterLimit, disabled, children } = props;
  const t = resolveTexts(props.texts);
  const requirement = resolveRequirement(props);
  const hasHint = hasContent(hint);
  const hasError = hasContent(error);
  const control: ControlAttributes = {
    id,
    'aria-describedby': describedBy(hasHint && hintId(id), hasError && errorId(id), characterLimit && characterLimitId(id)),
    'aria-invalid': hasError ? 'true' : undefined,
    required: requirement.isRequired || undefined,
    disabled: disabled || undefined,
  };
  return (
    <div
      class={cx('form-group', hasError && 'form-error', formGroupClass, characterLimit && 'form-limit')}
      data-maxlength={characterLimit ? characterLimit.max : undefined}
    >
      <Label for={id} class={labelClass} disabled={disabled} srOnly={labelSrOnly} requirement={requirement} texts={t}>
        {label}
      </Label>
      {hasHint && <Hint fieldId={id}>{hint}</Hint>}
      {hasError && (
        <ErrorMessage fieldId={id} texts={t}>
          {error}
        </ErrorMessage>
      )}
      {children(control)}
      {characterLimit && (
        <CharacterLimit fieldId={id} max={characterLimit.max} value={characterLimit.value} texts={t} />
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------
// Fieldset group: legend + hint + error + several controls

/** What every fieldset-based group (radios, checkboxes, date) takes. */
export interface FieldsetProps extends RequirementProps {
  /** id of the group. Hint and error ids derive from it. */
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: ComponentChildren;
  /**
   * Wrap the legend text in a heading, e.g. `1` on a one-question page so the
   * question is the page's `<h1>` (DKFDS styles `legend h1`).
   */
  legendHeading?: HeadingLevel;
  formGroupClass?: string;
  texts?: Partial<UiTexts>;
}

export interface FieldsetGroupProps extends FieldsetProps {
  /** Gives the legend this id and points the fieldset's aria-labelledby at it (DKFDS radios do this). */
  legendId?: string;
  children?: ComponentChildren;
}

/**
 * `<div class="form-group"><fieldset aria-describedby="…"><legend class="form-label">…`
 * as in DKFDS `radiobuttons.njk`, `checkboxes.njk` and `date-input.njk`.
 */
export function FieldsetGroup(props: FieldsetGroupProps) {
  const { id, legend, hint, error, legendHeading, formGroupClass, legendId, disabled, children } = props;
  const t = resolveTexts(props.texts);
  const requirement = resolveRequirement(props);
  const hasHint = hasContent(hint);
  const hasError = hasContent(error);
  const legendContent = (
    <>
      {legend}
      <RequirementMarker requirement={requirement} texts={t} />
    </>
  );
  return (
    <div class={cx('form-group', hasError && 'form-error', formGroupClass)}>
      <fieldset
        aria-labelledby={legendId}
        aria-describedby={describedBy(hasHint && hintId(id), hasError && errorId(id))}
        disabled={disabled || undefined}
      >
        <legend class="form-label" id={legendId}>
          {legendHeading ? <Heading level={legendHeading}>{legendContent}</Heading> : legendContent}
        </legend>
        {hasHint && <Hint fieldId={id}>{hint}</Hint>}
        {hasError && (
          <ErrorMessage fieldId={id} texts={t}>
            {error}
          </ErrorMessage>
        )}
        {children}
      </fieldset>
    </div>
  );
}
