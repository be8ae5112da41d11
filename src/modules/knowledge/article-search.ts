// Feeds published articles into the search index, and answers searches for citizens and staff.
import type { Db } from '../../platform/db/index.ts';
import { now } from '../../platform/db/index.ts';
import { languages, type Lang } from '../../platform/i18n/index.ts';
import { maskCpr } from '../../platform/ops/logger.ts';
import { ARTICLE_KIND, listArticles } from './articles.ts';
import { markdownWords } from './lix.ts';
import type { Article } from './schema.ts';
import { registerSearchSource, type SearchDocument, type SearchIndex, type IndexResult, type SearchResult } from './search-index.ts';
import { countZeroResult } from './store.ts';

/** Where citizens read a public article, and staff read any article. */
export const citizenArticleUrl = (slug: string) => `/svar/${slug}`;
export const staffArticleUrl = (id: number | string) => `/medarbejder/viden/${id}`;

function documentsOf(article: Article): SearchDocument[] {
  return languages.flatMap((lang) => {
    const text = article.texts[lang];
    if (!text) return [];
    const referral = article.referral ? ` ${article.referral.authority}` : '';
    return [
      {
        kind: ARTICLE_KIND,
        id: String(article.id),
        lang,
        audience: article.audience,
        department: article.department,
        title: text.title,
        summary: text.shortAnswer,
        body: markdownWords(text.bodyMarkdown) + referral,
        keywords: article.keywords,
        synonyms: article.synonyms,
        url: article.audience === 'public' ? citizenArticleUrl(article.slug) : staffArticleUrl(article.id),
      },
    ];
  });
}

registerSearchSource({
  kind: ARTICLE_KIND,
  async load(db, ids) {
    const articles = await listArticles(db, { status: 'published', ...(ids ? { ids: ids.map(Number) } : {}) });
    return articles.flatMap(documentsOf);
  },
});

export interface CitizenSearch {
  text: string;
  lang: Lang;
  limit?: number;
  offset?: number;
  /** Count the query when nothing is found (a full search; not type-ahead). */
  countZero?: boolean;
}

/**
 * Public answers (and later self-services) only. The result keeps the generation it was
 * found in: counting a zero result awaits the database, and the index may move on meanwhile.
 */
export async function searchForCitizens(db: Db, index: SearchIndex, search: CitizenSearch): Promise<IndexResult> {
  const result = await index.search({ text: search.text, lang: search.lang, audiences: ['public'], limit: search.limit, offset: search.offset });
  if (result.total === 0 && search.countZero) await noteZeroResult(db, search.text, 'public');
  return result;
}

export interface StaffSearch {
  text: string;
  lang: Lang;
  department?: string | undefined;
  audience?: 'public' | 'internal' | undefined;
  limit?: number;
  offset?: number;
}

/** Internal and public answers, optionally for one department or audience. */
export async function searchForStaff(db: Db, index: SearchIndex, search: StaffSearch): Promise<SearchResult> {
  const result = await index.search({
    text: search.text,
    lang: search.lang,
    audiences: search.audience ? [search.audience] : ['public', 'internal'],
    department: search.department,
    limit: search.limit,
    offset: search.offset,
  });
  if (result.total === 0 && search.department === undefined && search.audience === undefined) await noteZeroResult(db, search.text, 'internal');
  return result;
}

/**
 * Counts a query that found nothing, for the content-gaps list. Only the
 * normalised words are kept — no person, session, time of day or address — and
 * queries that look like they hold personal data (long numbers, e-mail
 * addresses) are not kept at all.
 */
export async function noteZeroResult(db: Db, text: string, audience: 'public' | 'internal'): Promise<void> {
  const query = normaliseQuery(text);
  if (query === null) return;
  await countZeroResult(db, query, audience, now());
}

export function normaliseQuery(text: string): string | null {
  const query = text.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 100);
  if (query === '' || /\d{4,}/.test(query.replace(/[\s-]/g, '')) || query.includes('@') || maskCpr(query) !== query) return null;
  return query;
}
