// LIX for the article editor: the platform's one LIX count (src/platform/i18n/lix.ts),
// rounded as the editor shows it, with the Danish scale's level and Markdown stripped.
import { lixDetails } from '../../platform/i18n/lix.ts';

export type LixLevel = 'very-easy' | 'easy' | 'medium' | 'hard' | 'very-hard';

export interface LixResult {
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
  level: LixLevel;
}

export function lix(text: string): LixResult {
  const { lix: value, words, sentences, longWords } = lixDetails(text);
  return { lix: Math.round(value), words, sentences, longWords, level: lixLevel(value) };
}

/** The Danish scale: ≤ 24 very easy, 25–34 easy, 35–44 medium, 45–54 hard, ≥ 55 very hard. */
export function lixLevel(value: number): LixLevel {
  const v = Math.round(value);
  if (v <= 24) return 'very-easy';
  if (v <= 34) return 'easy';
  if (v <= 44) return 'medium';
  if (v <= 54) return 'hard';
  return 'very-hard';
}

/** Public texts above this get a warning in the editor (DESIGN.md: plain Danish is LIX ≤ 40). */
export const LIX_WARNING_ABOVE = 40;

/**
 * The words a reader sees in a Markdown text: link targets, HTML tags and markup
 * characters removed. Small enough to run in the editor's browser script too.
 */
export function markdownWords(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(#{1,6}|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`>~|]/g, ' ');
}

/** LIX of a Markdown text, as the editor shows it. */
export function lixOfMarkdown(markdown: string): LixResult {
  return lix(markdownWords(markdown));
}
