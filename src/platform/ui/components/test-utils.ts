/**
 * Tiny helpers for asserting on preact-render-to-string output in the
 * component tests. The renderer always writes attributes as `name="value"`
 * (or bare `name`) with `"` escaped, so a start-tag scan is reliable here.
 * Not exported from index.ts.
 */
import assert from 'node:assert/strict';

export interface El {
  tag: string;
  attrs: Map<string, string>;
  /** Offset of the start tag's `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  end: number;
}

const START_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTR = /([^\s"'=<>/]+)(?:="([^"]*)")?/g;

function decode(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Every start tag in the markup, in document order. */
export function elements(html: string): El[] {
  const out: El[] = [];
  for (const m of html.matchAll(START_TAG)) {
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').matchAll(ATTR)) {
      if (a[1] !== undefined) attrs.set(a[1], decode(a[2] ?? ''));
    }
    const start = m.index ?? 0;
    out.push({ tag: (m[1] ?? '').toLowerCase(), attrs, start, end: start + m[0].length });
  }
  return out;
}

/** Elements matching a tag and/or attribute values (`true` = attribute present). */
export function query(html: string, tag?: string, attrs: Record<string, string | true> = {}): El[] {
  return elements(html).filter(
    (el) =>
      (tag === undefined || el.tag === tag) &&
      Object.entries(attrs).every(([k, v]) => (v === true ? el.attrs.has(k) : el.attrs.get(k) === v)),
  );
}

/** The single element with this id (fails the test if there is not exactly one). */
export function byId(html: string, id: string): El {
  const found = query(html, undefined, { id });
  assert.equal(found.length, 1, `expected exactly one element with id="${id}", found ${found.length}`);
  return found[0] as El;
}

/** The single element matching; fails if there is not exactly one. */
export function one(html: string, tag?: string, attrs: Record<string, string | true> = {}): El {
  const found = query(html, tag, attrs);
  assert.equal(found.length, 1, `expected one <${tag ?? '*'}> matching ${JSON.stringify(attrs)}, found ${found.length}`);
  return found[0] as El;
}

export function attr(el: El, name: string): string | undefined {
  return el.attrs.get(name);
}

/** Class list of an element. */
export function classes(el: El): string[] {
  return (el.attrs.get('class') ?? '').split(/\s+/).filter(Boolean);
}

/** Raw inner HTML of an element (matching its closing tag, counting nesting of the same tag). */
export function innerHtml(html: string, el: El): string {
  const open = new RegExp(`<${el.tag}[\\s>/]`, 'gi');
  const close = new RegExp(`</${el.tag}>`, 'gi');
  let depth = 1;
  let pos = el.end;
  while (depth > 0) {
    open.lastIndex = pos;
    close.lastIndex = pos;
    const o = open.exec(html);
    const c = close.exec(html);
    assert.ok(c, `no closing </${el.tag}>`);
    if (o && o.index < c.index) {
      depth++;
      pos = o.index + 1;
    } else {
      depth--;
      if (depth === 0) return html.slice(el.end, c.index);
      pos = c.index + 1;
    }
  }
  return '';
}

/** Text content of an element (tags removed, entities decoded, whitespace collapsed). */
export function textOf(html: string, el: El): string {
  return decode(innerHtml(html, el).replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

/** Ids listed in an element's aria-describedby. */
export function describedByIds(el: El): string[] {
  return (el.attrs.get('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
}
