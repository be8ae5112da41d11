/**
 * Alerts ("Beskeder", DKFDS `alerts/alerts.njk`) and the error summary
 * ("Fejlopsummering", an error alert wired to DKFDS error-summary.js).
 */
import type { ComponentChildren } from 'preact';
import { hasContent } from './form.tsx';
import { Heading, type HeadingLevel } from './heading.tsx';
import { Icon, type DkfdsIconName } from './icons.tsx';
import { cx } from './ids.ts';
import { resolveTexts, type UiTexts } from './texts.ts';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

const ALERT_ICONS: Record<AlertVariant, { icon: DkfdsIconName; label: (t: UiTexts) => string }> = {
  info: { icon: 'info', label: (t) => t.alertInfo },
  success: { icon: 'success', label: (t) => t.alertSuccess },
  warning: { icon: 'warning', label: (t) => t.alertWarning },
  error: { icon: 'error', label: (t) => t.alertError },
};

/** The alert's icon, named for screen readers ("Information", "Advarsel", …) as in DKFDS. */
function AlertIcon({ variant, texts }: { variant: AlertVariant; texts: UiTexts }) {
  const spec = ALERT_ICONS[variant];
  return <Icon name={spec.icon} class="alert-icon" label={spec.label(texts)} />;
}

export interface AlertProps {
  variant: AlertVariant;
  heading?: ComponentChildren;
  /** Heading level; DKFDS's default is 3. Pick the level that fits the page outline. */
  headingLevel?: HeadingLevel;
  headingId?: string;
  /** Body text, wrapped in `<p class="alert-text">`. */
  text?: ComponentChildren;
  /** Body markup rendered as is (after `text`), for lists, several paragraphs, links. */
  children?: ComponentChildren;
  /**
   * Add `role="alert"`. DKFDS does this for `warning` and `error`; set it
   * explicitly to override. Only use it for messages that appear as the
   * result of the user's action.
   */
  role?: boolean;
  /** Limit the width to a text column (DKFDS `alert--paragraph`). */
  paragraph?: boolean;
  id?: string;
  class?: string;
  texts?: Partial<UiTexts>;
}

/** DKFDS alert (info / success / warning / error) with icon, optional heading and body. */
export function Alert(props: AlertProps) {
  const { variant, heading, headingLevel = 3, headingId, text, children, paragraph, id, class: cls } = props;
  const t = resolveTexts(props.texts);
  const hasRole = props.role ?? (variant === 'warning' || variant === 'error');
  return (
    <div class={cx('alert', `alert-${variant}`, cls, paragraph && 'alert--paragraph')} role={hasRole ? 'alert' : undefined} id={id}>
      <AlertIcon variant={variant} texts={t} />
      <div class="alert-body">
        {hasContent(heading) && (
          <Heading level={headingLevel} class="alert-heading" id={headingId}>
            {heading}
          </Heading>
        )}
        {hasContent(text) && <p class="alert-text">{text}</p>}
        {children}
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------
// Error summary

export interface ErrorSummaryItem {
  /** id of the control to focus: the input, the first radio/checkbox (`firstOptionId`), or the first wrong date part (`dateErrorTargetId`). */
  fieldId: string;
  /** Same text as the field's inline error message. */
  message: ComponentChildren;
}

export interface ErrorSummaryProps {
  errors: readonly ErrorSummaryItem[];
  /** Default "Der er problemer" (texts.errorSummaryTitle). */
  title?: ComponentChildren;
  headingLevel?: HeadingLevel;
  /** Optional sentence under the title. */
  description?: ComponentChildren;
  /** id of the summary; the title gets `${id}-title`. Default `error-summary`. */
  id?: string;
  /**
   * Render the `autofocus` attribute so the browser moves focus to the summary
   * on load even without JavaScript (DKFDS error-summary.js focuses it too).
   * Default `true`.
   */
  autofocus?: boolean;
  class?: string;
  texts?: Partial<UiTexts>;
}

/**
 * DKFDS error summary: an error alert with `role="alert"`,
 * `tabindex="-1"` (focus target) and `data-module="error-summary"` (picked up
 * by dkfds.js, which focuses it and scrolls the label into view when a link is
 * used). Each message links to `#fieldId`. Renders nothing when there are no
 * errors. Place it above the `<h1>`, below breadcrumbs/back link.
 */
export function ErrorSummary(props: ErrorSummaryProps) {
  const { errors, title, headingLevel = 2, description, id = 'error-summary', autofocus = true, class: cls } = props;
  if (errors.length === 0) return null;
  const t = resolveTexts(props.texts);
  const titleId = `${id}-title`;
  return (
    <div
      class={cx('alert', 'alert-error', cls)}
      id={id}
      role="alert"
      aria-labelledby={titleId}
      tabindex={-1}
      data-module="error-summary"
      autofocus={autofocus || undefined}
    >
      <AlertIcon variant="error" texts={t} />
      <div class="alert-body">
        <Heading level={headingLevel} class="alert-heading" id={titleId}>
          {hasContent(title) ? title : t.errorSummaryTitle}
        </Heading>
        {hasContent(description) && <p class="alert-text">{description}</p>}
        <ul class="alert-text nobullet-list">
          {errors.map((error) => (
            <li>
              <a class="function-link" href={`#${error.fieldId}`}>
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
