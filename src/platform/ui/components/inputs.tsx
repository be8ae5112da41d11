/**
 * Single-control fields: text input, number input, textarea, select, file
 * upload. Each is `Field` (label/hint/error wiring) around one DKFDS control.
 */
import type { ComponentChildren } from 'preact';
import { Field, countCharacters, type ControlAttributes, type FieldProps } from './form.tsx';
import { cx } from './ids.ts';

// ---------------------------------------------------------------------------
// Text input (DKFDS text-input.njk)

export type TextInputType = 'text' | 'email' | 'tel' | 'url' | 'password' | 'search';
export type InputMode = 'none' | 'text' | 'decimal' | 'numeric' | 'tel' | 'search' | 'email' | 'url';

export interface TextInputProps extends FieldProps {
  /** Submitted field name. */
  name: string;
  value?: string;
  type?: TextInputType;
  /** `autocomplete` token (WCAG 1.3.5), e.g. `name`, `email`, `postal-code`. */
  autocomplete?: string;
  inputmode?: InputMode;
  spellcheck?: boolean;
  /** DKFDS width class, e.g. `input-width-s`, `input-char-4`. */
  inputClass?: string;
  /** Text shown before the input (DKFDS `form-input-prefix`, hidden from screen readers; say it in the label or hint too). */
  prefix?: string;
  /** Text shown after the input, e.g. "kr." (DKFDS `form-input-suffix`, hidden from screen readers). */
  suffix?: string;
  /** Adds DKFDS's character-limit counter (no hard `maxlength`, like DKFDS). */
  characterLimit?: number;
  readonly?: boolean;
  /** HTML `pattern` (only use together with a matching server-side check). */
  pattern?: string;
}

interface InputCoreProps {
  control: ControlAttributes;
  name: string;
  type: string;
  value: string | undefined;
  autocomplete: string | undefined;
  inputmode: InputMode | undefined;
  spellcheck: boolean | undefined;
  inputClass: string | undefined;
  prefix: string | undefined;
  suffix: string | undefined;
  readonly: boolean | undefined;
  pattern: string | undefined;
  overLimit: boolean;
}

/** `<input class="form-input">`, inside `form-input-wrapper` when there is a prefix or suffix. */
function InputCore(p: InputCoreProps) {
  const input = (
    <input
      type={p.type}
      id={p.control.id}
      name={p.name}
      class={cx('form-input', p.inputClass, p.overLimit && 'form-limit-error')}
      value={p.value}
      disabled={p.control.disabled}
      aria-invalid={p.control['aria-invalid']}
      aria-describedby={p.control['aria-describedby']}
      readonly={p.readonly || undefined}
      required={p.control.required}
      autocomplete={p.autocomplete}
      inputmode={p.inputmode}
      spellcheck={p.spellcheck}
      pattern={p.pattern}
    />
  );
  if (!p.prefix && !p.suffix) return input;
  return (
    <div
      class={cx(
        'form-input-wrapper',
        p.prefix && 'form-input-wrapper--prefix',
        p.suffix && 'form-input-wrapper--suffix',
        p.control.disabled && 'disabled',
        p.readonly && 'readonly',
      )}
    >
      {p.prefix && (
        <div class="form-input-prefix" aria-hidden="true">
          {p.prefix}
        </div>
      )}
      {input}
      {p.suffix && (
        <div class="form-input-suffix" aria-hidden="true">
          {p.suffix}
        </div>
      )}
    </div>
  );
}

function limitOf(max: number | undefined, value: string | undefined) {
  return max === undefined ? undefined : { max, value };
}

/** DKFDS text input. */
export function TextInput(props: TextInputProps) {
  const { characterLimit, ...field } = props;
  const limit = limitOf(characterLimit, props.value);
  return (
    <Field
      characterLimit={limit}
      children={(control) => (
        <InputCore
          control={control}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
          spellcheck={props.spellcheck}
          inputClass={props.inputClass}
          prefix={props.prefix}
          suffix={props.suffix}
          readonly={props.readonly}
          pattern={props.pattern}
          overLimit={limit !== undefined && countCharacters(props.value) > limit.max}
        />
      )}
      {...field}
    />
  );
}

// ---------------------------------------------------------------------------
// Number input

export interface NumberInputProps extends FieldProps {
  name: string;
  /** The raw text the user typed (kept as text so "0045" or "12,5" round-trips unchanged). */
  value?: string;
  /** Allow decimals: `inputmode="decimal"` instead of `numeric`. */
  decimal?: boolean;
  autocomplete?: string;
  /** DKFDS width class; defaults to `input-width-s`. */
  inputClass?: string;
  prefix?: string;
  /** Unit after the field, e.g. "kr." or "m²". Also put the unit in the label or hint: the suffix is aria-hidden. */
  suffix?: string;
  readonly?: boolean;
}

/**
 * Number field. Renders `type="text"` with `inputmode="numeric"` (or
 * `decimal`) rather than `type="number"`: the latter silently drops invalid
 * input, changes value on scroll, and rejects Danish decimal commas, so the
 * server could not show a helpful error. Parse and validate on the server.
 */
export function NumberInput(props: NumberInputProps) {
  return (
    <Field
      children={(control) => (
        <InputCore
          control={control}
          name={props.name}
          type="text"
          value={props.value}
          autocomplete={props.autocomplete ?? 'off'}
          inputmode={props.decimal ? 'decimal' : 'numeric'}
          spellcheck={false}
          inputClass={props.inputClass ?? 'input-width-s'}
          prefix={props.prefix}
          suffix={props.suffix}
          readonly={props.readonly}
          pattern={undefined}
          overLimit={false}
        />
      )}
      {...props}
    />
  );
}

// ---------------------------------------------------------------------------
// Textarea (DKFDS text-area.njk)

export interface TextareaProps extends FieldProps {
  name: string;
  value?: string;
  rows?: number;
  /** Adds DKFDS's character-limit counter (character-limit.js updates it live). */
  characterLimit?: number;
  autocomplete?: string;
  spellcheck?: boolean;
  readonly?: boolean;
  textareaClass?: string;
}

/** DKFDS textarea, with the optional character-limit markup. */
export function Textarea(props: TextareaProps) {
  const { characterLimit, ...field } = props;
  const limit = limitOf(characterLimit, props.value);
  const overLimit = limit !== undefined && countCharacters(props.value) > limit.max;
  return (
    <Field
      characterLimit={limit}
      children={(control) => (
        <textarea
          class={cx('form-input', props.textareaClass, overLimit && 'form-limit-error')}
          id={control.id}
          name={props.name}
          rows={props.rows}
          required={control.required}
          disabled={control.disabled}
          readOnly={props.readonly || undefined}
          aria-invalid={control['aria-invalid']}
          aria-describedby={control['aria-describedby']}
          autocomplete={props.autocomplete}
          spellcheck={props.spellcheck}
          value={props.value ?? ''}
        />
      )}
      {...field}
    />
  );
}

// ---------------------------------------------------------------------------
// Select (DKFDS select.njk)

export interface SelectOption {
  value: string;
  text: ComponentChildren;
  disabled?: boolean;
}

export interface SelectProps extends FieldProps {
  name: string;
  options: readonly SelectOption[];
  /** Value of the selected option. */
  value?: string;
  autocomplete?: string;
  selectClass?: string;
}

/** DKFDS select. */
export function Select(props: SelectProps) {
  return (
    <Field
      children={(control) => (
        <select
          class={cx('form-select', props.selectClass)}
          name={props.name}
          id={control.id}
          disabled={control.disabled}
          aria-invalid={control['aria-invalid']}
          aria-describedby={control['aria-describedby']}
          required={control.required}
          autocomplete={props.autocomplete}
        >
          {props.options.map((option) => (
            <option
              value={option.value}
              selected={props.value !== undefined && option.value === props.value ? true : undefined}
              disabled={option.disabled || undefined}
            >
              {option.text}
            </option>
          ))}
        </select>
      )}
      {...props}
    />
  );
}

// ---------------------------------------------------------------------------
// File upload (DKFDS "Vedhæft fil": a native file input in a form-group)

export interface FileUploadProps extends FieldProps {
  name: string;
  /** e.g. `.pdf,.jpg,image/png`. Say the allowed types in the hint as well. */
  accept?: string;
  multiple?: boolean;
}

/**
 * Native `<input type="file">` as in DKFDS's file-upload examples. The form
 * needs `method="post" enctype="multipart/form-data"`.
 */
export function FileUpload(props: FileUploadProps) {
  return (
    <Field
      children={(control) => (
        <input
          type="file"
          id={control.id}
          name={props.name}
          accept={props.accept}
          multiple={props.multiple || undefined}
          disabled={control.disabled}
          required={control.required}
          aria-invalid={control['aria-invalid']}
          aria-describedby={control['aria-describedby']}
        />
      )}
      {...props}
    />
  );
}
