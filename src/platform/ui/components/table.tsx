/**
 * Tables (DKFDS `table/table.njk`) and the "Tjek dine svar" summary list
 * (DKFDS "structured list", `structured-list/structured-list.njk`).
 */
import type { ComponentChildren } from 'preact';
import { hasContent } from './form.tsx';
import { cx } from './ids.ts';
import { resolveTexts, type UiTexts } from './texts.ts';

export type ResponsiveBreakpoint = 'sm' | 'md' | 'lg';

/** The scroll container DKFDS puts around every table. */
function ScrollWrapper({ enabled, children }: { enabled: boolean; children: ComponentChildren }) {
  if (!enabled) return <>{children}</>;
  return (
    <div class="table--responsive-scroll" tabindex={0}>
      {children}
    </div>
  );
}

// ---------------------------------------------------------------------------
// Table

export interface TableColumn {
  /** Header text. A plain string is also used as the stacked-layout label (`data-title`). */
  header: ComponentChildren;
  /** Right-align the column (header and cells) with DKFDS `align-text-right`, for numbers and amounts. */
  numeric?: boolean;
  /** Hide the header visually (DKFDS `sr-header`), e.g. for an actions column; still read by screen readers. */
  srOnlyHeader?: boolean;
}

export interface TableProps {
  /** Table caption (`<caption>`): the table's accessible name. */
  caption: ComponentChildren;
  /** Hide the caption visually (still read by screen readers). */
  captionSrOnly?: boolean;
  columns: readonly TableColumn[];
  /** Cell contents, one array per row, in column order. */
  rows: ReadonlyArray<readonly ComponentChildren[]>;
  /** Make the first cell of each row a row header (`<th scope="row">`). */
  rowHeaders?: boolean;
  zebra?: boolean;
  borderless?: boolean;
  density?: 'normal' | 'compact' | 'extracompact';
  /**
   * Stack cells with their header as label below this breakpoint (DKFDS
   * `table-{bp}-responsive-headers`). The `data-title` labels DKFDS's table.js
   * would add are rendered server-side, so it also works without JavaScript.
   */
  responsiveBreakpoint?: ResponsiveBreakpoint;
  /** Wrap in DKFDS's horizontally scrolling, keyboard-focusable container. Default `true`. */
  scrollWrapper?: boolean;
  id?: string;
  class?: string;
}

/** DKFDS table with caption, header row and optional right-aligned numeric columns. */
export function Table(props: TableProps) {
  const { caption, captionSrOnly, columns, rows, rowHeaders, zebra, borderless, density, responsiveBreakpoint, id } = props;
  const tableClass = cx(
    'table',
    zebra && 'table--zebra',
    borderless && 'table--borderless',
    density === 'compact' && 'table--compact',
    density === 'extracompact' && 'table--extracompact',
    props.class,
    responsiveBreakpoint && `table-${responsiveBreakpoint}-responsive-headers`,
  );
  const titles = columns.map((c) =>
    responsiveBreakpoint && !c.srOnlyHeader && (typeof c.header === 'string' || typeof c.header === 'number')
      ? String(c.header)
      : undefined,
  );
  return (
    <ScrollWrapper enabled={props.scrollWrapper !== false}>
      <table class={tableClass} id={id}>
        <caption class={captionSrOnly ? 'sr-only' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                scope="col"
                class={cx(column.numeric && 'align-text-right', column.srOnlyHeader && 'sr-header') || undefined}
              >
                {column.srOnlyHeader ? <span class="sr-only">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              {row.map((cell, index) => {
                const column = columns[index];
                const cls = column?.numeric ? 'align-text-right' : undefined;
                const title = titles[index];
                return rowHeaders && index === 0 ? (
                  <th scope="row" class={cls} data-title={title}>
                    {cell}
                  </th>
                ) : (
                  <td class={cls} data-title={title}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollWrapper>
  );
}

// ---------------------------------------------------------------------------
// Summary list ("Tjek dine svar")

export interface SummaryListRow {
  /** The question, as plain text (it is also read out after the change link's text). */
  key: string;
  value: ComponentChildren;
  /** Link to the page where the answer can be changed. */
  href?: string;
  /**
   * Screen-reader-only part of the change link, so each link has a unique
   * name ("Redigér navn"). Default: `key` in lower case, as DKFDS does.
   */
  changeLabel?: string;
}

export interface SummaryListProps {
  rows: readonly SummaryListRow[];
  /** Stack key and value below this breakpoint (DKFDS `table-{bp}-responsive-headers`). */
  responsiveBreakpoint?: ResponsiveBreakpoint;
  /** Optional caption naming the list, e.g. the section ("Om dig"). */
  caption?: ComponentChildren;
  captionSrOnly?: boolean;
  class?: string;
  texts?: Partial<UiTexts>;
}

/**
 * DKFDS structured list used as "Tjek dine svar": a borderless table with the
 * question as row header, the answer, and a change link
 * (`Redigér<span class="sr-only"> navn</span>`) when a row has `href`.
 */
export function SummaryList({ rows, responsiveBreakpoint, caption, captionSrOnly, class: cls, texts }: SummaryListProps) {
  const t = resolveTexts(texts);
  const editable = rows.some((row) => row.href !== undefined);
  return (
    <ScrollWrapper enabled>
      <table
        class={cx('table structured-list', responsiveBreakpoint && `table-${responsiveBreakpoint}-responsive-headers`, cls)}
      >
        {hasContent(caption) && <caption class={captionSrOnly ? 'sr-only' : undefined}>{caption}</caption>}
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">{row.key}</th>
              <td>{row.value}</td>
              {editable && (
                <td class="d-print-none">
                  {row.href !== undefined && (
                    <a href={row.href}>
                      {t.change}
                      <span class="sr-only">{' ' + (row.changeLabel ?? row.key.toLocaleLowerCase('da'))}</span>
                    </a>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollWrapper>
  );
}
