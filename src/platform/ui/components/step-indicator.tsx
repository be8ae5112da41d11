/**
 * DKFDS 11 step indicator ("Trinindikator", `stepguide/stepguide.njk`):
 * `<ol class="step-indicator">` with one `<li>` per step.
 *
 * DKFDS also has a responsive variant where small screens get a
 * "Trin X af Y" button opening a modal with the list; that needs JavaScript,
 * so Kanal always renders the list itself (it wraps on narrow screens) and
 * offers `StepCounter` (DKFDS `simpleStepIndicator`) for the short form.
 */
import type { ComponentChildren } from 'preact';
import { hasContent } from './form.tsx';
import { Icon } from './icons.tsx';
import { cx } from './ids.ts';
import { resolveTexts, type UiTexts } from './texts.ts';

export interface Step {
  title: ComponentChildren;
  /** Link to the step. Without it (or with `disabled`) the step is not a link. */
  href?: string;
  /** `number` (default): shows the step number; `success`: completed (check icon); `error`: has errors. */
  state?: 'number' | 'success' | 'error';
  current?: boolean;
  /** Step not reachable yet. */
  disabled?: boolean;
  /** Extra line under the title (DKFDS `step-information`). */
  information?: ComponentChildren;
}

export interface StepIndicatorProps {
  steps: readonly Step[];
  /** Accessible name of the surrounding `<nav>`; default texts.stepIndicatorLabel. */
  ariaLabel?: string;
  class?: string;
  texts?: Partial<UiTexts>;
}

/** DKFDS step indicator inside a labelled `<nav>`; the current step has `aria-current="step"`. */
export function StepIndicator({ steps, ariaLabel, class: cls, texts }: StepIndicatorProps) {
  const t = resolveTexts(texts);
  return (
    <nav aria-label={ariaLabel ?? t.stepIndicatorLabel} class={cls || undefined}>
      <ol class="step-indicator">
        {steps.map((step, index) => {
          const number = index + 1;
          const state = step.state ?? 'number';
          const isLink = !step.disabled && step.href !== undefined;
          const liClass = cx(step.disabled && 'disabled', step.current && 'current', state === 'error' && 'error');
          const inner = (
            <>
              <span class={state === 'number' ? 'step-number' : 'step-icon'}>
                {state === 'number' && <span>{number}</span>}
                {state === 'success' && <Icon name="check" label={t.stepCompleted(number)} />}
                {state === 'error' && <Icon name="error" label={t.stepHasError(number)} />}
              </span>
              <div>
                <span class="step-title">{step.title}</span>
                {hasContent(step.information) && <span class="step-information">{step.information}</span>}
              </div>
            </>
          );
          return (
            <li class={liClass || undefined}>
              {isLink ? (
                <a class="step" href={step.href} aria-current={step.current ? 'step' : undefined}>
                  {inner}
                </a>
              ) : (
                <div class="step" aria-current={step.current ? 'step' : undefined}>
                  {inner}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

export interface StepCounterProps {
  current: number;
  total: number;
  texts?: Partial<UiTexts>;
}

/** "Trin 2 af 5" above the page heading (DKFDS `simpleStepIndicator`, class `step-subheading`). */
export function StepCounter({ current, total, texts }: StepCounterProps) {
  const t = resolveTexts(texts);
  return <p class="step-subheading">{t.stepOf(current, total)}</p>;
}
