/**
 * DKFDS buttons (`buttons/buttons.njk`): `button button-primary` etc., as a
 * `<button>` or, with `href`, as an `<a>` (a link styled as a button, e.g.
 * "Start nu" or "Annullér").
 */
import type { ComponentChildren } from 'preact';
import { Icon, type DkfdsIconName } from './icons.tsx';
import { cx } from './ids.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'warning';

interface ButtonCommonProps {
  variant?: ButtonVariant;
  children: ComponentChildren;
  /** Decorative icon before the text. */
  icon?: DkfdsIconName;
  /** Screen-reader-only text appended to the visible text. */
  srOnly?: string;
  id?: string;
  class?: string;
}

export interface ButtonElementProps extends ButtonCommonProps {
  href?: undefined;
  /** Default `submit`. Use `button` for buttons that do nothing on their own. */
  type?: 'submit' | 'button' | 'reset';
  /** Submitted with the form when this button is used (e.g. `name="action" value="save-draft"`). */
  name?: string;
  value?: string;
  disabled?: boolean;
  /** Skip browser validation for this submit button (e.g. "Gem og fortsæt senere"). */
  formnovalidate?: boolean;
  /** Submit to another URL (e.g. a "Tilføj" button inside a larger form). */
  formaction?: string;
}

export interface ButtonLinkProps extends ButtonCommonProps {
  href: string;
}

export type ButtonProps = ButtonElementProps | ButtonLinkProps;

/** DKFDS button; renders `<a class="button …">` when `href` is given. */
export function Button(props: ButtonProps) {
  const cls = cx('button', props.variant && `button-${props.variant}`, props.class);
  const content = (
    <>
      {props.icon && <Icon name={props.icon} />}
      {props.children}
      {props.srOnly && <span class="sr-only">{' ' + props.srOnly}</span>}
    </>
  );
  if (props.href !== undefined) {
    return (
      <a class={cls} id={props.id} href={props.href}>
        {content}
      </a>
    );
  }
  return (
    <button
      class={cls}
      id={props.id}
      type={props.type ?? 'submit'}
      name={props.name}
      value={props.value}
      disabled={props.disabled || undefined}
      formnovalidate={props.formnovalidate || undefined}
      formaction={props.formaction}
    >
      {content}
    </button>
  );
}

/** Lays buttons out side by side with DKFDS spacing (`button-group`). */
export function ButtonGroup({ children, class: cls }: { children: ComponentChildren; class?: string }) {
  return <div class={cx('button-group', cls)}>{children}</div>;
}
