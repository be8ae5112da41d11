import type { VNode } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import { renderToString } from 'preact-render-to-string';

/** A rendered page component. Its props were checked where the page was built. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- VNode is invariant in its props; any page component fits
export type PageNode = VNode<any>;

/** Renders a full page. Preact escapes every text and attribute value. */
export function renderDocument(page: PageNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}

const renderedParts = new WeakMap<object, Map<string, string>>();

/**
 * Markup that is the same on every page for one `scope` and `key` (the municipality's settings
 * and the language, say): rendered by Preact the first time, then put in as that HTML. The
 * page shell's fixed parts were a sizeable share of the CPU every page took to render.
 * `render` may use nothing but what `scope` and `key` stand for.
 */
export function renderedOnce(scope: object, key: string, render: () => VNode): PageNode {
  let parts = renderedParts.get(scope);
  if (!parts) renderedParts.set(scope, (parts = new Map<string, string>()));
  let html = parts.get(key);
  if (html === undefined) parts.set(key, (html = renderToString(render())));
  // Preact's template node (what precompiled JSX renders to): the string goes in as it is.
  return jsxTemplate([html]);
}
