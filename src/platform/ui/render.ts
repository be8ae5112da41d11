import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** Renders a full page. Preact escapes every text and attribute value. */
export function renderDocument(page: VNode<any>): string {
  return `<!DOCTYPE html>${render(page)}`;
}
