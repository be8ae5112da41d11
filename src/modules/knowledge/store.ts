// The only file with the knowledge base's queries.
import { sql, type Generated, type Selectable } from 'kysely';
import { json, type Db, type JsonColumn, type Timestamp, type Trx } from '../../platform/db/index.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import type { ArticleInput, ArticleKind, ArticleStatus, Audience, Referral } from './schema.ts';

type Tables = {
  knowledge_articles: {
    id: Generated<number>;
    slug: string;
    kind: ArticleKind;
    audience: Audience;
    status: ArticleStatus;
    topic: string | null;
    department: string;
    service_ids: JsonColumn<string[]>;
    keywords: JsonColumn<string[]>;
    synonyms: JsonColumn<string[]>;
    referral: JsonColumn<Referral | null>;
    review_by: string;
    version: number;
    created_at: Timestamp;
    updated_at: Timestamp;
    updated_by: string;
  };
  knowledge_article_texts: {
    article_id: number;
    lang: Lang;
    title: string;
    short_answer: string;
    body_markdown: string;
    body_html: string;
  };
  knowledge_article_versions: {
    article_id: number;
    version: number;
    changed_at: Timestamp;
    changed_by: string;
    changed_fields: JsonColumn<string[]>;
    snapshot: JsonColumn<ArticleInput>;
  };
  knowledge_feedback: {
    id: Generated<number>;
    article_id: number;
    useful: boolean;
    comment: string | null;
    lang: Lang;
    given_at: Timestamp;
  };
  knowledge_answer_uses: {
    id: Generated<number>;
    article_id: number;
    channel: string;
    used_by: string;
    used_at: Timestamp;
  };
  knowledge_zero_results: {
    query: string;
    audience: Audience;
    count: number;
    first_at: Timestamp;
    last_at: Timestamp;
  };
  knowledge_search_state: { id: number; generation: number };
  knowledge_search_changes: { generation: number; kind: string; doc_id: string; changed_at: Timestamp };
};

const q = (db: Db | Trx) => db.withTables<Tables>();

export type ArticleRow = Selectable<Tables['knowledge_articles']>;
/** An article row as written: JSON columns as values. */
export type ArticleValues = Omit<ArticleRow, 'id'>;
export type TextRow = Tables['knowledge_article_texts'];

export interface ArticleFilter {
  ids?: readonly number[];
  slug?: string;
  status?: ArticleStatus;
  audience?: Audience;
  department?: string;
  reviewBefore?: string;
}

export async function findArticles(db: Db | Trx, filter: ArticleFilter = {}): Promise<ArticleRow[]> {
  let query = q(db).selectFrom('knowledge_articles').selectAll();
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('id', 'in', filter.ids);
  }
  if (filter.slug !== undefined) query = query.where('slug', '=', filter.slug);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.audience) query = query.where('audience', '=', filter.audience);
  if (filter.department) query = query.where('department', '=', filter.department);
  if (filter.reviewBefore) query = query.where('review_by', '<', filter.reviewBefore);
  return (await query.orderBy('id').execute()).map((r) => ({ ...r, id: Number(r.id) }));
}

export async function findTexts(db: Db | Trx, articleIds: readonly number[]): Promise<TextRow[]> {
  if (articleIds.length === 0) return [];
  // Large id lists (index builds) are read in chunks to stay under bind-parameter limits.
  const rows: TextRow[] = [];
  for (let i = 0; i < articleIds.length; i += 500) {
    const chunk = articleIds.slice(i, i + 500);
    rows.push(...(await q(db).selectFrom('knowledge_article_texts').selectAll().where('article_id', 'in', chunk).orderBy('article_id').orderBy('lang').execute()));
  }
  return rows.map((r) => ({ ...r, article_id: Number(r.article_id) }));
}

export async function slugExists(trx: Trx, slug: string): Promise<boolean> {
  const row = await q(trx).selectFrom('knowledge_articles').select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertArticle(trx: Trx, row: ArticleValues): Promise<number> {
  const { id } = await q(trx)
    .insertInto('knowledge_articles')
    .values({ ...row, service_ids: json(row.service_ids), keywords: json(row.keywords), synonyms: json(row.synonyms), referral: row.referral === null ? null : json(row.referral) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export async function updateArticleRow(trx: Trx, id: number, expectedVersion: number, row: Omit<ArticleValues, 'slug' | 'created_at'>): Promise<boolean> {
  const result = await q(trx)
    .updateTable('knowledge_articles')
    .set({ ...row, service_ids: json(row.service_ids), keywords: json(row.keywords), synonyms: json(row.synonyms), referral: row.referral === null ? null : json(row.referral) })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceTexts(trx: Trx, articleId: number, texts: TextRow[]): Promise<void> {
  await q(trx).deleteFrom('knowledge_article_texts').where('article_id', '=', articleId).execute();
  if (texts.length > 0) await q(trx).insertInto('knowledge_article_texts').values(texts).execute();
}

export async function insertVersion(trx: Trx, articleId: number, version: number, changedAt: Timestamp, changedBy: string, changedFields: string[], snapshot: ArticleInput): Promise<void> {
  await q(trx)
    .insertInto('knowledge_article_versions')
    .values({ article_id: articleId, version, changed_at: changedAt, changed_by: changedBy, changed_fields: json(changedFields), snapshot: json(snapshot) })
    .execute();
}

export async function findVersions(db: Db | Trx, articleId: number) {
  const rows = await q(db).selectFrom('knowledge_article_versions').selectAll().where('article_id', '=', articleId).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ ...r, article_id: Number(r.article_id) }));
}

export async function insertFeedback(trx: Trx, row: { article_id: number; useful: boolean; comment: string | null; lang: Lang; given_at: Timestamp }): Promise<void> {
  await q(trx).insertInto('knowledge_feedback').values(row).execute();
}

export async function insertAnswerUse(trx: Trx, row: { article_id: number; channel: string; used_by: string; used_at: Timestamp }): Promise<void> {
  await q(trx).insertInto('knowledge_answer_uses').values(row).execute();
}

export interface UsefulnessRow {
  article_id: number;
  useful: number;
  not_useful: number;
  comments: number;
}

export async function usefulnessCounts(db: Db | Trx): Promise<UsefulnessRow[]> {
  const rows = await q(db)
    .selectFrom('knowledge_feedback')
    .select((eb) => [
      'article_id',
      eb.fn.count<number>(eb.case().when('useful', '=', true).then(1).end()).as('useful'),
      eb.fn.count<number>(eb.case().when('useful', '=', false).then(1).end()).as('not_useful'),
      eb.fn.count<number>('comment').as('comments'),
    ])
    .groupBy('article_id')
    .execute();
  return rows.map((r) => ({ article_id: Number(r.article_id), useful: Number(r.useful), not_useful: Number(r.not_useful), comments: Number(r.comments) }));
}

export async function answerUseCounts(db: Db | Trx): Promise<Map<number, number>> {
  const rows = await q(db).selectFrom('knowledge_answer_uses').select((eb) => ['article_id', eb.fn.countAll<number>().as('uses')]).groupBy('article_id').execute();
  return new Map(rows.map((r) => [Number(r.article_id), Number(r.uses)]));
}

export async function recentComments(db: Db | Trx, articleId: number, limit: number) {
  return q(db)
    .selectFrom('knowledge_feedback')
    .select(['useful', 'comment', 'lang', 'given_at'])
    .where('article_id', '=', articleId)
    .where('comment', 'is not', null)
    .orderBy('given_at', 'desc')
    .limit(limit)
    .execute();
}

export async function countZeroResult(db: Db | Trx, query: string, audience: Audience, at: Timestamp): Promise<void> {
  await q(db)
    .insertInto('knowledge_zero_results')
    .values({ query, audience, count: 1, first_at: at, last_at: at })
    .onConflict((oc) => oc.columns(['query', 'audience']).doUpdateSet({ count: sql`knowledge_zero_results.count + 1`, last_at: at }))
    .execute();
}

export async function topZeroResults(db: Db | Trx, limit: number) {
  const rows = await q(db).selectFrom('knowledge_zero_results').selectAll().orderBy('count', 'desc').orderBy('query').limit(limit).execute();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Takes the next search generation (locking the state row until the transaction ends) and logs the change. */
export async function logSearchChange(trx: Trx, kind: string, docId: string, at: Timestamp): Promise<number> {
  const { generation } = await q(trx)
    .updateTable('knowledge_search_state')
    .set({ generation: sql`generation + 1` })
    .where('id', '=', 1)
    .returning('generation')
    .executeTakeFirstOrThrow();
  await q(trx).insertInto('knowledge_search_changes').values({ generation, kind, doc_id: docId, changed_at: at }).execute();
  return Number(generation);
}

export async function currentGeneration(db: Db): Promise<number> {
  const row = await q(db).selectFrom('knowledge_search_state').select('generation').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.generation);
}

export async function searchChangesAfter(db: Db, generation: number): Promise<{ generation: number; kind: string; doc_id: string }[]> {
  const rows = await q(db).selectFrom('knowledge_search_changes').select(['generation', 'kind', 'doc_id']).where('generation', '>', generation).orderBy('generation').execute();
  return rows.map((r) => ({ ...r, generation: Number(r.generation) }));
}
