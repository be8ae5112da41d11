/**
 * Radio buttons and checkboxes (DKFDS `radiobuttons/*.njk`, `checkboxes/*.njk`),
 * each a fieldset with legend, hint and error, with optional hint per option
 * and conditionally revealed content.
 *
 * Conditional content and JavaScript: DKFDS hides `.radio-content` /
 * `.checkbox-content` with `aria-hidden="true"` (CSS `display:none`) and
 * relies on radio-toggle-content.js / checkbox-toggle-content.js to reveal it.
 * Without JavaScript the content of an option chosen on the page could then
 * never be seen. So by default the panels are rendered visible; when DKFDS's
 * JS runs it collapses the panels of unchecked options at once. Pass
 * `noJsShowAllConditional={false}` to render DKFDS's initial state instead
 * (only the checked option's panel visible). Server-side, ignore conditional
 * fields of options that were not chosen.
 */
import type { ComponentChildren } from 'preact';
import { FieldsetGroup, Hint, Label, hasContent, type FieldsetProps } from './form.tsx';
import { conditionalId, cx, hintId, optionId } from './ids.ts';

export interface ChoiceItem {
  value: string;
  label: ComponentChildren;
  /** Hint under this option's label (`${optionId}-hint`, referenced by the input's aria-describedby). */
  hint?: ComponentChildren;
  checked?: boolean;
  disabled?: boolean;
  /** Screen-reader-only text appended to the option's label. */
  srOnly?: string;
  /** Content revealed when this option is chosen, e.g. a follow-up field. */
  conditional?: ComponentChildren;
}

interface ChoiceGroupProps extends FieldsetProps {
  /** Submitted name, shared by every option. */
  name: string;
  items: readonly ChoiceItem[];
  /** See the module comment. Default `true`. */
  noJsShowAllConditional?: boolean;
}

export interface RadiosProps extends ChoiceGroupProps {
  /** Value of the chosen option (alternative to `checked` on an item). */
  value?: string;
}

export interface CheckboxesProps extends ChoiceGroupProps {
  /** Values of the ticked options (alternative to `checked` on the items). */
  values?: readonly string[];
}

interface OptionMarkupProps {
  kind: 'radio' | 'checkbox';
  groupId: string;
  name: string;
  position: number;
  item: ChoiceItem;
  checked: boolean;
  showConditional: boolean;
}

function Option({ kind, groupId, name, position, item, checked, showConditional }: OptionMarkupProps) {
  const id = optionId(groupId, position);
  const panelId = conditionalId(id);
  const hasPanel = hasContent(item.conditional);
  const panelVisible = hasPanel && (checked || showConditional);
  const hasHint = hasContent(item.hint);
  const isRadio = kind === 'radio';

  const control = (
    <div class={isRadio ? 'form-group-radio' : 'form-group-checkbox'}>
      <input
        type={kind}
        id={id}
        name={name}
        class={cx(isRadio ? 'form-radio' : 'form-checkbox', !isRadio && hasPanel && 'js-checkbox-toggle-content')}
        value={item.value}
        aria-describedby={hasHint ? hintId(id) : undefined}
        disabled={item.disabled || undefined}
        checked={checked || undefined}
        data-controls={isRadio && hasPanel ? `#${panelId}` : undefined}
        data-expanded={isRadio && hasPanel ? String(checked) : undefined}
        data-aria-controls={!isRadio && hasPanel ? panelId : undefined}
        data-aria-expanded={!isRadio && hasPanel ? String(checked) : undefined}
      />
      <Label for={id} srOnly={item.srOnly}>
        {item.label}
      </Label>
      {hasHint && <Hint fieldId={id}>{item.hint}</Hint>}
    </div>
  );

  if (!hasPanel) return control;
  return (
    <div class={cx('hidden-content-wrapper', panelVisible && 'show-content')}>
      {control}
      <div
        id={panelId}
        aria-hidden={panelVisible ? 'false' : 'true'}
        class={cx(isRadio ? 'radio-content' : 'checkbox-content', !isRadio && !panelVisible && 'collapsed')}
      >
        {item.conditional}
      </div>
    </div>
  );
}

/** The group's options, numbered from 1; an item's own `checked` wins over `isChecked`. */
function options(kind: OptionMarkupProps['kind'], group: ChoiceGroupProps, isChecked: (item: ChoiceItem) => boolean) {
  const { id, name, items, noJsShowAllConditional = true } = group;
  return items.map((item, index) => (
    <Option
      kind={kind}
      groupId={id}
      name={name}
      position={index + 1}
      item={item}
      checked={item.checked ?? isChecked(item)}
      showConditional={noJsShowAllConditional}
    />
  ));
}

/**
 * DKFDS radio buttons. Option ids are `${id}-option1`, `${id}-option2`, …;
 * link the error summary to `firstOptionId(id)`.
 */
export function Radios(props: RadiosProps) {
  const { formGroupClass, ...group } = props;
  const { id, items, value } = props;
  const anyConditional = items.some((item) => hasContent(item.conditional));
  const children = options('radio', props, (item) => value !== undefined && item.value === value);
  return <FieldsetGroup legendId={`${id}-legend`} formGroupClass={cx(formGroupClass, anyConditional && 'js-radio-toggle-group')} children={children} {...group} />;
}

/**
 * DKFDS checkboxes. Option ids are `${id}-option1`, …; link the error summary
 * to `firstOptionId(id)`.
 */
export function Checkboxes(props: CheckboxesProps) {
  const { values } = props;
  return <FieldsetGroup children={options('checkbox', props, (item) => values?.includes(item.value) ?? false)} {...props} />;
}
