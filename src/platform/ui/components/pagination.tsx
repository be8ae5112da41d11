/**
 * DKFDS pagination (`pagination/pagination.njk`) as links: first / previous,
 * "Side X af Y" (small screens), the page numbers with overflow dots, next /
 * last. The current page has `aria-current="page"`.
 */
import { Icon } from './icons.tsx';
import { cx } from './ids.ts';
import { resolveTexts, type UiTexts } from './texts.ts';

export interface PaginationProps {
  currentPage: number;
  totalPages: number;
  /** URL of a page, e.g. `(n) => \`?side=${n}\``. */
  href: (page: number) => string;
  /** Accessible name of the `<nav>`; default texts.paginationLabel. */
  ariaLabel?: string;
  id?: string;
  texts?: Partial<UiTexts>;
}

type PageEntry = { kind: 'page'; page: number; isLast: boolean } | { kind: 'dots' };

/** The page numbers DKFDS shows (max 7 entries; dots mark skipped pages). */
export function paginationEntries(current: number, total: number): PageEntry[] {
  const page = (n: number, isLast = false): PageEntry => ({ kind: 'page', page: n, isLast });
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => page(from + i));
  if (total <= 7) return range(1, total);
  const dots: PageEntry = { kind: 'dots' };
  if (current < 5) return [...range(1, 5), dots, page(total, true)];
  if (current + 4 > total) return [page(1), dots, ...range(total - 4, total)];
  return [page(1), dots, page(current - 1), page(current), page(current + 1), dots, page(total, true)];
}

/** DKFDS pagination with links. */
export function Pagination(props: PaginationProps) {
  const t = resolveTexts(props.texts);
  const total = Math.max(1, Math.floor(props.totalPages));
  const current = Math.min(Math.max(1, Math.floor(props.currentPage)), total);
  const atStart = current === 1;
  const atEnd = current === total;
  // Arrow links that do not apply are kept for layout but hidden (DKFDS class `hidden` = visibility:hidden), without href.
  const arrowHref = (hidden: boolean, page: number) => (hidden ? undefined : props.href(page));
  return (
    <nav class="pagination" aria-label={props.ariaLabel ?? t.paginationLabel} id={props.id}>
      <a href={arrowHref(atStart, 1)} class={cx('button button-arrow button-first', atStart && 'hidden')}>
        <Icon name="first-page" />
        <span class="sr-only">{t.paginationFirst}</span>
      </a>
      <a
        href={arrowHref(atStart, current - 1)}
        class={cx('button button-arrow button-previous', atStart && 'hidden')}
        aria-label={t.paginationPreviousLabel}
      >
        <Icon name="chevron-left" />
        <span class="pagination-nav-link">{t.paginationPrevious}</span>
      </a>
      <span class="pagination-mobile">{t.paginationPageOf(current, total)}</span>
      <ul class="pagination__items">
        {paginationEntries(current, total).map((entry) =>
          entry.kind === 'dots' ? (
            <li class="pagination-item pagination-overflow">
              <span class="sr-only">{t.paginationEllipsis}</span>
              <span aria-hidden="true">...</span>
            </li>
          ) : (
            <li class="pagination-item pagination-number">
              <a
                href={props.href(entry.page)}
                class={entry.page === current ? 'button current-page' : 'button button-secondary'}
                aria-label={entry.isLast ? t.paginationLastPage(entry.page) : t.paginationPage(entry.page)}
                aria-current={entry.page === current ? 'page' : undefined}
              >
                {entry.page}
              </a>
            </li>
          ),
        )}
      </ul>
      <a
        href={arrowHref(atEnd, current + 1)}
        class={cx('button button-arrow button-next', atEnd && 'hidden')}
        aria-label={t.paginationNextLabel}
      >
        <span class="pagination-nav-link">{t.paginationNext}</span>
        <Icon name="chevron-right" />
      </a>
      <a href={arrowHref(atEnd, total)} class={cx('button button-arrow button-last', atEnd && 'hidden')}>
        <Icon name="last-page" />
        <span class="sr-only">{t.paginationLast}</span>
      </a>
    </nav>
  );
}
