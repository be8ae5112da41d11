// How text becomes search terms: words → lower case → no stopwords → Snowball stem.
// The same steps run over documents and queries, in Danish or English.
import { stemmer as danishStemmer } from '@orama/stemmers/danish';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { dan, eng } from 'stopword';
import type { Lang } from '../../platform/i18n/index.ts';
import { synonymGroups } from './synonyms.ts';

// Words in the stopword list that are real search words in a municipality's answers
// ("tag" is a roof, "have" a garden, "far" a father).
const keptWords = new Set(['far', 'mand', 'tag', 'tage', 'have', 'ny', 'nyt', 'stor', 'store', 'lille', 'god']);

const stopwords: Record<Lang, Set<string>> = {
  da: new Set(dan.filter((w) => !keptWords.has(w))),
  en: new Set(eng),
};
const stemmers: Record<Lang, (word: string) => string> = { da: memoised(danishStemmer), en: memoised(englishStemmer) };

/** Stemming is the slow part of indexing, and texts repeat their words: remember each word's stem. */
function memoised(stemmer: (word: string) => string): (word: string) => string {
  const stems = new Map<string, string>();
  return (word) => {
    let result = stems.get(word);
    if (result === undefined) {
      // A bound on memory for pathological input; a real vocabulary stays far below it.
      if (stems.size >= 500_000) stems.clear();
      result = stemmer(word);
      stems.set(word, result);
    }
    return result;
  };
}

/** Unicode letters and digits; everything else (space, punctuation, hyphen) separates words. */
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

export function tokenize(text: string): string[] {
  return text.split(WORD_SEPARATOR).filter((w) => w.length > 0);
}

export function stem(lang: Lang, word: string): string {
  return stemmers[lang](word.toLowerCase());
}

/**
 * Index-side: the stem, and — where type-ahead looks (`withSurface`) — the surface
 * form too, so that a half-typed word can match as a prefix.
 */
export function indexTerms(lang: Lang, word: string, withSurface: boolean): string | string[] | null {
  const lower = word.toLowerCase();
  if (stopwords[lang].has(lower)) return null;
  const stemmed = stemmers[lang](lower);
  return stemmed === lower || !withSurface ? stemmed : [stemmed, lower];
}

export interface QueryTerm {
  /** As typed, lower-cased: matched as a prefix when it is the last word. */
  surface: string;
  stem: string;
  /** Stems of the word's synonyms. */
  synonyms: string[];
}

const synonymIndex: Record<Lang, Map<string, string[]>> = { da: buildSynonymIndex('da'), en: buildSynonymIndex('en') };

function buildSynonymIndex(lang: Lang): Map<string, string[]> {
  const index = new Map<string, Set<string>>();
  for (const group of synonymGroups[lang]) {
    const stems = group.flatMap((phrase) => tokenize(phrase).map((w) => stem(lang, w)));
    for (const s of stems) {
      const set = index.get(s) ?? new Set<string>();
      for (const other of stems) if (other !== s) set.add(other);
      index.set(s, set);
    }
  }
  return new Map([...index].map(([k, v]) => [k, [...v]]));
}

/** The query's words, without stopwords (unless the query is nothing but stopwords). */
export function analyseQuery(lang: Lang, text: string): QueryTerm[] {
  const words = tokenize(text.toLowerCase()).slice(0, 12);
  const meaningful = words.filter((w) => !stopwords[lang].has(w));
  return (meaningful.length > 0 ? meaningful : words).map((surface) => {
    const s = stemmers[lang](surface);
    return { surface, stem: s, synonyms: synonymIndex[lang].get(s) ?? [] };
  });
}
