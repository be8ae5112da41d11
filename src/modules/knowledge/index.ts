// The knowledge base: answers for citizens' self-help and for staff's first-contact
// resolution, with Danish search that other modules can feed (see docs/knowledge.md).
import type { KanalModule } from '../../platform/module.ts';
import { knowledgeMigrations } from './migrations.ts';
import { registerKnowledgeRoutes } from './routes.tsx';
import { SearchIndex } from './search-index.ts';
import { seedKnowledge } from './seed/seed.ts';
import './article-search.ts';

export const knowledgeModule: KanalModule = {
  name: 'knowledge',
  migrations: knowledgeMigrations,
  register(app, ctx) {
    const index = new SearchIndex(ctx.db, { freshnessMs: ctx.config.searchFreshnessMs });
    // Built once every module has registered its search source.
    app.addHook('onReady', () => index.build());
    registerKnowledgeRoutes(app, ctx, index);
  },
  seedDemo: seedKnowledge,
};

export { registerSearchSource, noteSearchChange, SearchIndex, type SearchDocument, type SearchSource, type SearchHit, type SearchRequest, type SearchResult, type IndexResult } from './search-index.ts';
export { createArticle, updateArticle, getArticle, getArticleBySlug, listArticles, articleVersions, isForCitizens } from './articles.ts';
export { searchForCitizens, searchForStaff } from './article-search.ts';
export { recordFeedback, usefulnessFigures, overdueReviews, contentGaps } from './feedback.ts';
export { answeredWithArticle } from './first-contact.ts';
export { lix, lixLevel, LIX_WARNING_ABOVE, type LixResult } from './lix.ts';
export { renderMarkdown } from './markdown.ts';
export type { Article, ArticleInput, ArticleText, Referral, Editor } from './schema.ts';
