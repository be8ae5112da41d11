// The knowledge base's tables: articles, their language versions and version history,
// citizens' feedback, zero-result queries, and the change log that keeps every app
// node's search index current.
import type { Kysely, Migration } from 'kysely';
import { columnTypes } from '../../platform/db/index.ts';

export const knowledgeMigrations: Record<string, Migration> = {
  'knowledge-20261127-articles': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db);
      await db.schema
        .createTable('knowledge_articles')
        .addColumn('id', t.identity)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('topic', 'text')
        .addColumn('department', 'text', (c) => c.notNull())
        .addColumn('service_ids', t.json, (c) => c.notNull())
        .addColumn('keywords', t.json, (c) => c.notNull())
        .addColumn('synonyms', t.json, (c) => c.notNull())
        .addColumn('referral', t.json)
        .addColumn('review_by', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('knowledge_articles_department').on('knowledge_articles').columns(['department', 'review_by']).execute();

      await db.schema
        .createTable('knowledge_article_texts')
        .addColumn('article_id', 'bigint', (c) => c.notNull().references('knowledge_articles.id').onDelete('cascade'))
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('short_answer', 'text', (c) => c.notNull())
        .addColumn('body_markdown', 'text', (c) => c.notNull())
        .addColumn('body_html', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('knowledge_article_texts_pk', ['article_id', 'lang'])
        .execute();

      await db.schema
        .createTable('knowledge_article_versions')
        .addColumn('article_id', 'bigint', (c) => c.notNull().references('knowledge_articles.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('changed_at', t.timestamp, (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_fields', t.json, (c) => c.notNull())
        .addColumn('snapshot', t.json, (c) => c.notNull())
        .addPrimaryKeyConstraint('knowledge_article_versions_pk', ['article_id', 'version'])
        .execute();

      await db.schema
        .createTable('knowledge_feedback')
        .addColumn('id', t.identity)
        .addColumn('article_id', 'bigint', (c) => c.notNull().references('knowledge_articles.id').onDelete('cascade'))
        .addColumn('useful', t.boolean, (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('given_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('knowledge_feedback_article').on('knowledge_feedback').column('article_id').execute();

      await db.schema
        .createTable('knowledge_answer_uses')
        .addColumn('id', t.identity)
        .addColumn('article_id', 'bigint', (c) => c.notNull().references('knowledge_articles.id').onDelete('cascade'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('used_by', 'text', (c) => c.notNull())
        .addColumn('used_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('knowledge_answer_uses_article').on('knowledge_answer_uses').column('article_id').execute();

      // Only the normalised query text and a count: no person, session or address.
      await db.schema
        .createTable('knowledge_zero_results')
        .addColumn('query', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addColumn('first_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('knowledge_zero_results_pk', ['query', 'audience'])
        .execute();

      // One row: the generation every change bumps. Writers take the row lock, so
      // generations become visible in the order they were taken.
      await db.schema
        .createTable('knowledge_search_state')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('generation', 'bigint', (c) => c.notNull())
        .execute();
      await db.insertInto('knowledge_search_state' as never).values({ id: 1, generation: 0 }).execute();
      await db.schema
        .createTable('knowledge_search_changes')
        .addColumn('generation', 'bigint', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('changed_at', t.timestamp, (c) => c.notNull())
        .execute();
    },
  },
};
