// LIX (læsbarhedsindeks): words ÷ sentences + 100 × long words ÷ words, where a
// long word has more than six letters. Every line (heading, list item) ends a
// sentence too, so lists are not read as one endless sentence.

export type LixLevel = 'very-easy' | 'easy' | 'medium' | 'hard' | 'very-hard';

export interface LixResult {
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
  level: LixLevel;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?:]+(?=\s|$)|\n+/u;

export function lix(text: string): LixResult {
  let words = 0;
  let longWords = 0;
  let sentences = 0;
  for (const part of text.split(SENTENCE_END)) {
    const found = part.match(WORD);
    if (!found) continue;
    sentences += 1;
    words += found.length;
    for (const word of found) if ((word.match(/\p{L}/gu)?.length ?? 0) > 6) longWords += 1;
  }
  const value = words === 0 ? 0 : words / sentences + (100 * longWords) / words;
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
