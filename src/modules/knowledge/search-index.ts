// Danish search over everything citizens and staff look for: an in-process MiniSearch
// index per language, built from the database and kept current through the
// database's change log, so every app node (SQLite or PostgreSQL) answers the same.
//
// Other modules feed it: they register a SearchSource for their kind of document and
// call noteSearchChange(trx, kind, id) in the transaction that changes one.
import MiniSearch, { type Query, type SearchResult as MiniResult } from 'minisearch';
import type { Db, Trx } from '../../platform/db/index.ts';
import { now } from '../../platform/db/index.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { Audience } from './schema.ts';
import { analyseQuery, indexTerms, tokenize } from './text-analysis.ts';
import { currentGeneration, logSearchChange, searchChangesAfter } from './store.ts';

/** One searchable thing in one language: an article, a self-service, … */
export interface SearchDocument {
  /** Which source it comes from, e.g. "article" or "service". */
  kind: string;
  id: string;
  lang: Lang;
  audience: Audience;
  department: string | null;
  title: string;
  /** The short answer or description, shown under the title in results. */
  summary: string;
  /** Plain text of the rest. */
  body: string;
  keywords: string[];
  synonyms: string[];
  url: string;
}

/** Where documents of one kind come from. */
export interface SearchSource {
  kind: string;
  /** All searchable documents of this kind, or only those with these ids (an id without documents is removed from the index). */
  load(db: Db, ids?: readonly string[]): Promise<SearchDocument[]>;
}

const sources = new Map<string, SearchSource>();

/** Lets a module's documents be found. Call once, when the module is loaded. */
export function registerSearchSource(source: SearchSource): void {
  sources.set(source.kind, source);
}

/** Tells every app node's index that a document changed; call in the transaction that changes it. */
export async function noteSearchChange(trx: Trx, kind: string, id: string): Promise<void> {
  await logSearchChange(trx, kind, id, now());
}

export interface SearchRequest {
  text: string;
  lang: Lang;
  audiences: readonly Audience[];
  department?: string | undefined;
  kinds?: readonly string[] | undefined;
  limit?: number;
  offset?: number;
}

export interface SearchHit {
  kind: string;
  id: string;
  lang: Lang;
  title: string;
  summary: string;
  url: string;
  audience: Audience;
  department: string | null;
  score: number;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

/** A result and the index generation it was found in: whatever is kept from it is stale once the index has moved on. */
export interface IndexResult extends SearchResult {
  generation: number;
}

type Stored = Omit<SearchHit, 'score' | 'id'>;

const fields = ['title', 'summary', 'keywords', 'synonyms', 'body'] as const;
/** Where a half-typed last word is looked for (type-ahead). */
const prefixFields: readonly string[] = ['title', 'keywords', 'summary'];
// Title and short answer count most: they are what the reader sees first.
const boost = { title: 4, summary: 2, keywords: 3, synonyms: 2, body: 1 };

function newMiniSearch(lang: Lang): MiniSearch<SearchDocument & { key: string }> {
  return new MiniSearch({
    idField: 'key',
    fields: [...fields],
    storeFields: ['kind', 'lang', 'title', 'summary', 'url', 'audience', 'department'],
    extractField: (doc, field) => {
      const value = (doc as unknown as Record<string, unknown>)[field];
      return Array.isArray(value) ? value.join(' ') : (value as string | null | undefined) ?? '';
    },
    tokenize,
    processTerm: (term, field) => indexTerms(lang, term, field !== undefined && prefixFields.includes(field)),
    // Queries are analysed by analyseQuery(): terms arrive as stems already.
    searchOptions: { tokenize: (text) => [text], processTerm: (term) => term },
  });
}

const keyOf = (doc: { kind: string; id: string; lang: Lang }) => `${doc.kind}:${doc.id}:${doc.lang}`;

/** Typos are forgiven in longer words only, and only in titles and keywords. */
function fuzziness(term: string): number | false {
  if (term.length >= 8) return 2;
  if (term.length >= 4) return 1;
  return false;
}

function buildQuery(lang: Lang, text: string): Query | null {
  const terms = analyseQuery(lang, text);
  if (terms.length === 0) return null;
  const synonymTerms = new Set(terms.flatMap((t) => t.synonyms));
  const exact: Query = {
    combineWith: 'OR',
    queries: [...new Set(terms.flatMap((t) => [t.stem, ...t.synonyms]))],
    boostTerm: (term) => (synonymTerms.has(term) && !terms.some((t) => t.stem === term) ? 0.6 : 1),
  };
  const typos: Query = {
    combineWith: 'OR',
    queries: terms.map((t) => t.stem).filter((s) => fuzziness(s) !== false),
    fields: ['title', 'keywords'],
    fuzzy: (term) => fuzziness(term),
  };
  const last = terms[terms.length - 1]!;
  // Type-ahead: the last word may be half-typed (from three letters: shorter prefixes match half the index).
  const prefix: Query = { combineWith: 'OR', queries: last.surface.length >= 3 ? [last.surface] : [], fields: [...prefixFields], prefix: true };
  return { combineWith: 'OR', queries: [exact, typos, prefix].filter((q) => typeof q === 'object' && 'queries' in q && q.queries.length > 0) };
}

export interface SearchIndexOptions {
  /** How old (ms) the last look at the change log may be before a search looks again; 0 = every search. */
  freshnessMs: number;
}

export class SearchIndex {
  private readonly indexes: Record<Lang, MiniSearch<SearchDocument & { key: string }>> = { da: newMiniSearch('da'), en: newMiniSearch('en') };
  /** The documents as indexed, needed to remove them again exactly. */
  private readonly docs = new Map<string, SearchDocument & { key: string }>();
  private generation = -1;
  private checkedAt = 0;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: SearchIndexOptions,
  ) {}

  get size(): number {
    return this.docs.size;
  }

  /** Changes as of the index's last look at the change log: pages cached under an older generation are stale. */
  get currentGeneration(): number {
    return this.generation;
  }

  /** Loads every source's documents. Changes made meanwhile are applied by the next refresh. */
  async build(): Promise<void> {
    const generation = await currentGeneration(this.db);
    for (const index of Object.values(this.indexes)) index.removeAll();
    this.docs.clear();
    for (const source of sources.values()) this.addAll(await source.load(this.db));
    this.generation = generation;
    this.checkedAt = Date.now();
  }

  /** Applies changes other nodes (or this one) logged since the last look. */
  refresh(force = false): Promise<void> {
    if (!force && Date.now() - this.checkedAt < this.options.freshnessMs) return Promise.resolve();
    this.pending ??= this.applyChanges().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async applyChanges(): Promise<void> {
    if (this.generation < 0) return this.build();
    const startedAt = Date.now();
    const latest = await currentGeneration(this.db);
    if (latest > this.generation) {
      const changes = await searchChangesAfter(this.db, this.generation);
      const byKind = new Map<string, Set<string>>();
      for (const change of changes) {
        const ids = byKind.get(change.kind) ?? new Set<string>();
        ids.add(change.doc_id);
        byKind.set(change.kind, ids);
      }
      for (const [kind, ids] of byKind) {
        const source = sources.get(kind);
        if (!source) continue;
        for (const id of ids) this.removeDocument(kind, id);
        this.addAll(await source.load(this.db, [...ids]));
      }
      this.generation = changes.at(-1)?.generation ?? latest;
    }
    this.checkedAt = startedAt;
  }

  private addAll(documents: SearchDocument[]): void {
    for (const doc of documents) {
      const entry = { ...doc, key: keyOf(doc) };
      if (this.docs.has(entry.key)) this.indexes[doc.lang].remove(this.docs.get(entry.key)!);
      this.docs.set(entry.key, entry);
      this.indexes[doc.lang].add(entry);
    }
  }

  private removeDocument(kind: string, id: string): void {
    for (const lang of ['da', 'en'] as const) {
      const key = keyOf({ kind, id, lang });
      const doc = this.docs.get(key);
      if (doc) {
        this.indexes[lang].remove(doc);
        this.docs.delete(key);
      }
    }
  }

  /** Indexed documents of one kind by id, in a language (Danish when not translated): e.g. related self-services. */
  documents(kind: string, ids: readonly string[], lang: Lang): SearchHit[] {
    return ids.flatMap((id) => {
      const doc = this.docs.get(keyOf({ kind, id, lang })) ?? this.docs.get(keyOf({ kind, id, lang: 'da' }));
      return doc ? [{ kind: doc.kind, id: doc.id, lang: doc.lang, title: doc.title, summary: doc.summary, url: doc.url, audience: doc.audience, department: doc.department, score: 0 }] : [];
    });
  }

  /** Looks at the change log when due, then searches. */
  async search(request: SearchRequest): Promise<IndexResult> {
    await this.refresh();
    return this.searchNow(request);
  }

  /** Searches the index as it is, in-process. */
  searchNow(request: SearchRequest): IndexResult {
    const { lang, limit = 20, offset = 0 } = request;
    const filter = (r: MiniResult) =>
      request.audiences.includes(r.audience as Audience) &&
      (request.department === undefined || r.department === request.department) &&
      (request.kinds === undefined || request.kinds.includes(r.kind as string));
    let ranked = this.run(lang, request.text, filter);
    if (lang === 'en') {
      // Not everything is translated: Danish answers follow the English ones.
      const seen = new Set(ranked.map((r) => r.id.slice(0, -3)));
      ranked = ranked.concat(this.run('da', request.text, filter).filter((r) => !seen.has(r.id.slice(0, -3))));
    }
    // Only the page shown becomes hits.
    return { total: ranked.length, hits: ranked.slice(offset, offset + limit).map(toHit), generation: this.generation };
  }

  private run(lang: Lang, text: string, filter: (r: MiniResult) => boolean): Ranked[] {
    const query = buildQuery(lang, text);
    if (!query) return [];
    const results = this.indexes[lang].search(query, { filter, boost }) as unknown as Ranked[];
    // Equal scores are ordered by key, so every node lists them the same way.
    return results.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** A MiniSearch result: its id is the document key, the stored fields are on it. */
type Ranked = Stored & { id: string; score: number };

function toHit(r: Ranked): SearchHit {
  const key = r.id.split(':');
  return { kind: r.kind, id: key.slice(1, -1).join(':'), lang: r.lang, title: r.title, summary: r.summary, url: r.url, audience: r.audience, department: r.department, score: r.score };
}
