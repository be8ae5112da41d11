/**
 * Page-level navigation: breadcrumbs (`breadcrumbs/breadcrumbs.njk`), back
 * link (`back-link/back-link.njk`) and skip link (`skip-link/skip-link.njk`).
 */
import type { ComponentChildren } from 'preact';
import { Icon } from './icons.tsx';
import { cx } from './ids.ts';
import { resolveTexts, type UiTexts } from './texts.ts';

export interface BreadcrumbItem {
  text: ComponentChildren;
  /** Omit on the last item (the current page): it is rendered as text with `aria-current="page"`. */
  href?: string;
}

export interface BreadcrumbsProps {
  items: readonly BreadcrumbItem[];
  /** Accessible name of the `<nav>`; default texts.breadcrumbsLabel ("Brødkrumme"). */
  ariaLabel?: string;
  class?: string;
  texts?: Partial<UiTexts>;
}

/** DKFDS breadcrumbs: `<nav class="breadcrumbs" aria-label="Brødkrumme"><ol class="breadcrumbs__list">…`. */
export function Breadcrumbs({ items, ariaLabel, class: cls, texts }: BreadcrumbsProps) {
  const t = resolveTexts(texts);
  return (
    <nav class={cx('breadcrumbs', cls)} aria-label={ariaLabel ?? t.breadcrumbsLabel}>
      <ol class="breadcrumbs__list">
        {items.map((item, index) =>
          item.href !== undefined ? (
            <li class="breadcrumbs__list-item">
              {index > 0 && <Icon name="chevron-right" />}
              <a class="breadcrumbs__link" href={item.href}>
                {item.text}
              </a>
            </li>
          ) : (
            <li class="breadcrumbs__list-item" aria-current="page">
              <Icon name="chevron-right" />
              {item.text}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

export interface BackLinkProps {
  href: string;
  /** Default texts.back ("Tilbage"). */
  children?: ComponentChildren;
  texts?: Partial<UiTexts>;
}

/** DKFDS back link. Always a real URL (the previous step), never `history.back()`. */
export function BackLink({ href, children, texts }: BackLinkProps) {
  const t = resolveTexts(texts);
  return (
    <div>
      <a href={href} class="back-link">
        <Icon name="chevron-left" />
        {children ?? t.back}
      </a>
    </div>
  );
}

export interface SkipLinkProps {
  /** Default `#main-content`; the target must exist (e.g. `<main id="main-content">`). */
  href?: string;
  /** Default texts.skipToContent ("Gå til sidens indhold"). */
  children?: ComponentChildren;
  texts?: Partial<UiTexts>;
}

/** DKFDS skip link (`a.skipnav`), first focusable element of the page. */
export function SkipLink({ href = '#main-content', children, texts }: SkipLinkProps) {
  const t = resolveTexts(texts);
  return (
    <a class="skipnav" href={href}>
      {children ?? t.skipToContent}
    </a>
  );
}
