// Full answers are Markdown rendered to HTML that cannot carry scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderMarkdown } from './markdown.ts';

test('ordinary Markdown becomes headings (from h2), lists, links and emphasis', () => {
  const html = renderMarkdown('# Sådan\n\n- **Bestil** tid\n- Læs [mere](https://www.borger.dk/)\n\nRing på [tlf.](tel:43686868)');
  assert.match(html, /<h2>Sådan<\/h2>/);
  assert.match(html, /<li><strong>Bestil<\/strong> tid<\/li>/);
  assert.match(html, /<a href="https:\/\/www\.borger\.dk\/">mere<\/a>/);
  assert.match(html, /<a href="tel:43686868">/);
});

test('script tags and raw HTML are shown as text, never as markup', () => {
  const html = renderMarkdown('Hej <script>alert(1)</script>\n\n<div onclick="x()">klik</div>\n\n<img src=x onerror=alert(1)>');
  assert.doesNotMatch(html, /<script|<div|<img/i);
  assert.doesNotMatch(html, /<[^>]+\son\w+=/i);
});

test('javascript: and data: links lose their address', () => {
  for (const md of ['[klik](javascript:alert(1))', '[klik](JaVaScRiPt:alert(1))', '[klik](data:text/html;base64,PHNjcmlwdD4=)', '<a href="javascript:alert(1)">klik</a>']) {
    const html = renderMarkdown(md);
    // Raw HTML shows as text; no element carries the address.
    assert.doesNotMatch(html, /<a[^>]*href|<a[^>]*(javascript|data):/i, md);
  }
});

test('event handlers and styles are removed even from allowed tags', () => {
  // Markdown cannot add attributes; a sanitiser pass on its output guards the rest.
  const html = renderMarkdown('[klik](https://example.dk "titel")');
  assert.equal(html.trim(), '<p><a href="https://example.dk">klik</a></p>');
});
