/**
 * Show/hide content: the DKFDS details component (native `<details>`) and the
 * DKFDS accordion.
 *
 * Use `Details` for "Hjælp til …" help text. DKFDS's accordion hides its
 * panels with CSS (`.accordion-content[aria-hidden=true]` and
 * `.accordion-content:not([aria-hidden])` are `display:none`) and only
 * accordion.js can open them, so without JavaScript collapsed panels can never
 * be read. Rendering them open instead would not help: accordion.js keeps the
 * state it finds in `aria-expanded`, so they would stay open for everyone.
 * `<details>`/`<summary>` opens and closes natively, is keyboard and
 * screen-reader accessible with no script, and is DKFDS's own component for
 * this ("Detaljer").
 */
import type { ComponentChildren } from 'preact';
import { Alert } from './alert.tsx';
import { hasContent } from './form.tsx';
import { Heading, type HeadingLevel } from './heading.tsx';
import { Icon, type DkfdsIconName } from './icons.tsx';
import { cx, errorId } from './ids.ts';
import { resolveTexts, type UiTexts } from './texts.ts';

// ---------------------------------------------------------------------------
// Details

export interface DetailsProps {
  /** The always-visible toggle text, e.g. "Hjælp til at finde dit matrikelnummer". */
  summary: ComponentChildren;
  children: ComponentChildren;
  open?: boolean;
  id?: string;
  class?: string;
}

/** DKFDS details: `<details class="details"><summary class="details-summary">…</summary><div class="details-text">…`. Works without JavaScript. */
export function Details({ summary, children, open, id, class: cls }: DetailsProps) {
  return (
    <details class={cx('details', cls)} id={id} open={open || undefined}>
      <summary class="details-summary">{summary}</summary>
      <div class="details-text">{children}</div>
    </details>
  );
}

// ---------------------------------------------------------------------------
// Accordion

export type AccordionVariant = 'success' | 'warning' | 'error' | 'info';

export interface AccordionItem {
  title: ComponentChildren;
  content: ComponentChildren;
  expanded?: boolean;
  /** Status icon after the title, with its text from texts (Succes / Advarsel / Fejl / Information). */
  variant?: AccordionVariant;
  /** Error shown as an error alert at the top of the panel; marks the item (`accordion-error`) and describes its button. */
  errorMessage?: ComponentChildren;
}

export interface AccordionProps {
  /** Panels get ids `${id}-1`, `${id}-2`, … (referenced by `aria-controls`). */
  id: string;
  items: readonly AccordionItem[];
  /** Level of the heading around each button; DKFDS default 3. */
  headingLevel?: HeadingLevel;
  class?: string;
  texts?: Partial<UiTexts>;
}

const VARIANT_ICON: Record<AccordionVariant, { icon: DkfdsIconName; text: (t: UiTexts) => string }> = {
  success: { icon: 'success', text: (t) => t.alertSuccess },
  warning: { icon: 'warning', text: (t) => t.alertWarning },
  error: { icon: 'error', text: (t) => t.alertError },
  info: { icon: 'info', text: (t) => t.alertInfo },
};

/**
 * DKFDS accordion: heading > `button.accordion-button[aria-expanded][aria-controls]`
 * and `div.accordion-content[aria-hidden]`. Needs DKFDS's accordion.js to open
 * collapsed items, so only use it where that is acceptable; use `Details` for
 * help text. Buttons are `type="button"` so they never submit a surrounding
 * form.
 */
export function Accordion({ id, items, headingLevel = 3, class: cls, texts }: AccordionProps) {
  const t = resolveTexts(texts);
  return (
    <ul class={cx('accordion', cls)}>
      {items.map((item, index) => {
        const panelId = `${id}-${index + 1}`;
        const hasError = hasContent(item.errorMessage);
        const expanded = item.expanded === true;
        const variant = item.variant ? VARIANT_ICON[item.variant] : undefined;
        return (
          <li class={hasError ? 'accordion-error' : undefined}>
            <Heading level={headingLevel}>
              <button
                type="button"
                class="accordion-button"
                aria-expanded={expanded ? 'true' : 'false'}
                aria-describedby={hasError ? errorId(panelId) : undefined}
                aria-controls={panelId}
              >
                <span class="accordion-title">{item.title}</span>
                {variant && (
                  <span class="accordion-icon">
                    <span class="icon_text">{variant.text(t)}</span>
                    <Icon name={variant.icon} />
                  </span>
                )}
              </button>
            </Heading>
            <div id={panelId} aria-hidden={expanded ? 'false' : 'true'} class="accordion-content">
              {hasError && <Alert variant="error" id={errorId(panelId)} text={item.errorMessage} texts={t} />}
              {item.content}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
