// LIX (læsbarhedsindeks, Björnsson 1968): the readability measure Danish plain-language
// guidance uses. LIX = words per sentence + percentage of long words (more than 6 letters).
// Kanal's rule: every citizen text of 10 words or more has LIX ≤ 40 (DESIGN.md).

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
// A sentence ends at . ! ? : or ; followed by a space or the end, or at a line break
// (list items and headings are sentences of their own). "f.eks." and "kr." are not
// sentence ends when a lower-case word follows.
const SENTENCE_END = /[.!?:;]+(?=\s+[^\p{Ll}]|\s*$)|\n+/gu;

export interface LixResult {
  words: number;
  sentences: number;
  longWords: number;
  lix: number;
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export function lixDetails(text: string): LixResult {
  const all = words(text);
  const sentences = Math.max(1, text.trim().split(SENTENCE_END).filter((part) => words(part).length > 0).length);
  const longWords = all.filter((w) => w.replace(/[-'’]/g, '').length > 6).length;
  const lix = all.length === 0 ? 0 : all.length / sentences + (longWords * 100) / all.length;
  return { words: all.length, sentences, longWords, lix };
}

/** The LIX of a text, rounded to one decimal. */
export function lix(text: string): number {
  return Math.round(lixDetails(text).lix * 10) / 10;
}
