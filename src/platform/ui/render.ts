import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** A rendered page component. Its props were checked where the page was built. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- VNode is invariant in its props; any page component fits
export type PageNode = VNode<any>;

/** Renders a full page. Preact escapes every text and attribute value. */
export function renderDocument(page: PageNode): string {
  return `<!DOCTYPE html>${render(page)}`;
}
