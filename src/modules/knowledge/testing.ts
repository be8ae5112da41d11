// Test helpers: a migrated database with the demo articles, and a search index on it.
import { createTestDatabase, migrateToLatest, type TestDatabase } from '../../platform/db/testing.ts';
import { knowledgeMigrations } from './migrations.ts';
import { seedKnowledge } from './seed/seed.ts';
import { SearchIndex } from './search-index.ts';
import './article-search.ts';

export async function seededKnowledgeDatabase(): Promise<{ database: TestDatabase; index: SearchIndex }> {
  const database = await createTestDatabase();
  await migrateToLatest(database.db, knowledgeMigrations);
  await seedKnowledge(database);
  const index = new SearchIndex(database.db, { freshnessMs: 0 });
  await index.build();
  return { database, index };
}
