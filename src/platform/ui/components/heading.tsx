import type { ComponentChildren } from 'preact';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface HeadingProps {
  level: HeadingLevel;
  class?: string;
  id?: string;
  children?: ComponentChildren;
}

/** `<h1>`…`<h6>` chosen by `level`; used wherever DKFDS lets the heading level vary. */
export function Heading({ level, class: cls, id, children }: HeadingProps) {
  const Tag = `h${level}` as 'h2';
  return (
    <Tag class={cls || undefined} id={id}>
      {children}
    </Tag>
  );
}

export interface PageHeadingProps {
  /** The page's one `<h1>` text. */
  children: ComponentChildren;
  /**
   * Short context shown above the title, e.g. the name of the service or the
   * section ("Ansøg om parkeringstilladelse"). Rendered inside the `<h1>` as a
   * DKFDS `subheading` span so screen-reader users hear it with the heading.
   */
  caption?: ComponentChildren;
  id?: string;
  class?: string;
}

/** The page title: `<h1>` with an optional caption (DKFDS `.subheading`). */
export function PageHeading({ children, caption, id, class: cls }: PageHeadingProps) {
  const hasCaption = caption !== undefined && caption !== null && caption !== false && caption !== '';
  return (
    <h1 class={cls || undefined} id={id}>
      {hasCaption && <span class="subheading d-block">{caption}</span>}
      {hasCaption && ' '}
      {children}
    </h1>
  );
}
