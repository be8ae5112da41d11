// HTTP for the knowledge base: citizen search and articles, the staff panel and editor, the JSON API.
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { AppContext, KanalApp } from '../../platform/module.ts';
import { pageContext, renderDocument } from '../../platform/ui/index.ts';
import { KanalError, notFound } from '../../platform/http/errors.ts';
import { defaultCalendarConfig } from '../../platform/calendar/index.ts';
import { copenhagenDay } from '../../platform/calendar/days.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { ApiArticle, ApiSearchResult, SearchQuery, StaffSearchQuery, type Article, type Editor } from './schema.ts';
import { createArticle, getArticle, getArticleBySlug, inputOf, isForCitizens, listArticles, articleVersions, updateArticle } from './articles.ts';
import { citizenArticleUrl, noteZeroResult, searchForCitizens, searchForStaff } from './article-search.ts';
import { ResultsPageCache } from './results-cache.ts';
import { contentGaps, overdueReviews, recordFeedback, usefulnessFigures } from './feedback.ts';
import { answeredWithArticle } from './first-contact.ts';
import { formToInput, inputToForm, type ArticleForm } from './article-form.ts';
import { renderMarkdown } from './markdown.ts';
import { departments, requireStaff } from '../../platform/auth/index.ts';
import type { SearchIndex, SearchResult } from './search-index.ts';
import { validationMessages } from './messages.ts';
import { ArticlePage, SearchPage, type FeedbackState } from './views/citizen.tsx';
import { StaffArticlePage, StaffSearchPage, answerChannels, STAFF_SEARCH_PATH } from './views/staff.tsx';
import { EditorOverviewPage, EditorPage, FiguresPage, HistoryPage } from './views/editor.tsx';
import { openingHoursText } from './views/opening-hours.ts';

const open = { access: { public: true } } as const;
/** Everyone who answers citizens may search and read internal answers. */
const readers = { access: { roles: ['frontdesk', 'caseworker', 'manager', 'admin'] } } as const;
const editors = { access: { roles: ['caseworker', 'manager', 'admin'] } } as const;

const PAGE_SIZE = 20;
const FormBody = Type.Record(Type.String(), Type.String());
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });

/** Who made a change, as the version history shows it. */
function editorOf(request: FastifyRequest): Editor {
  return { id: requireStaff(request).name };
}

const langOf = (request: FastifyRequest, asked?: Lang): Lang => asked ?? request.lang;
const withLang = (path: string, lang: Lang, extra = '') => {
  const params = [lang !== 'da' ? `lang=${lang}` : '', extra].filter(Boolean).join('&');
  return params ? `${path}?${params}` : path;
};

function apiResult(query: string, result: SearchResult) {
  return { query, total: result.total, hits: result.hits.map(({ kind, id, title, summary, url, audience, department, score }) => ({ kind, id, title, summary, url, audience, department, score })) };
}

function apiArticle(article: Article) {
  const texts: Record<string, { title: string; shortAnswer: string; bodyHtml: string }> = {};
  for (const [lang, text] of Object.entries(article.texts)) texts[lang] = { title: text.title, shortAnswer: text.shortAnswer, bodyHtml: article.bodyHtml[lang as Lang] ?? '' };
  const r = article.referral;
  return {
    id: article.id,
    slug: article.slug,
    kind: article.kind,
    topic: article.topic,
    department: article.department,
    serviceIds: article.serviceIds,
    url: citizenArticleUrl(article.slug),
    updatedAt: article.updatedAt,
    texts,
    referral: r ? { authority: r.authority, url: r.url, ...(r.phone ? { phone: r.phone } : {}), ...(r.hours ? { hours: Object.fromEntries(Object.entries(r.hours).filter(([, v]) => v !== undefined)) as Record<string, string> } : {}) } : null,
  };
}

export function registerKnowledgeRoutes(app: KanalApp, ctx: AppContext, index: SearchIndex): void {
  const { db, config } = ctx;
  const hours = (lang: Lang) => openingHoursText(lang, defaultCalendarConfig.openingHours);

  async function citizenArticle(slug: string): Promise<Article> {
    const article = await getArticleBySlug(db, slug);
    // Internal articles and drafts do not exist for citizens.
    if (!article || !isForCitizens(article)) throw notFound();
    return article;
  }

  async function staffArticle(id: number): Promise<Article> {
    const article = await getArticle(db, id);
    if (!article) throw notFound();
    return article;
  }

  function renderArticle(request: FastifyRequest, article: Article, feedback: FeedbackState) {
    const page = pageContext(request, config);
    const services = index.documents('service', article.serviceIds, page.lang);
    return <ArticlePage ctx={page} article={article} services={services} feedback={feedback} phone={config.municipality.phone} hours={hours(page.lang)} />;
  }

  // --- Citizens ---------------------------------------------------------------------------

  const resultsCache = new ResultsPageCache(index);
  app.get('/soeg', { config: open, schema: { hide: true, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), side: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }) } }, async (request, reply) => {
    const query = (request.query.q ?? '').trim();
    const pageNo = request.query.side ?? 1;
    const render = (result: SearchResult) =>
      <SearchPage ctx={pageContext(request, config)} query={query} total={result.total} hits={result.hits} page={pageNo} pageSize={PAGE_SIZE} phone={config.municipality.phone} hours={hours(request.lang)} />;
    if (query === '') return reply.page(render({ total: 0, hits: [] }));
    // A logged-in viewer sees their name in the header: only anonymous pages are shared.
    const key = request.viewer ? undefined : `${request.lang}:${pageNo}:${query.toLowerCase()}`;
    await index.refresh();
    const cached = key === undefined ? undefined : resultsCache.get(key);
    if (cached) {
      if (cached.total === 0 && pageNo === 1) await noteZeroResult(db, query, 'public');
      return reply.type('text/html; charset=utf-8').send(cached.html);
    }
    const result = await searchForCitizens(db, index, { text: query, lang: request.lang, limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE, countZero: pageNo === 1 });
    if (key === undefined) return reply.page(render(result));
    const html = renderDocument(render(result));
    resultsCache.set(key, result.generation, result.total, html);
    return reply.type('text/html; charset=utf-8').send(html);
  });

  app.get('/svar/:slug', { config: open, schema: { hide: true, params: SlugParams, querystring: Type.Object({ tak: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const article = await citizenArticle(request.params.slug);
    return reply.page(renderArticle(request, article, { thanks: request.query.tak !== undefined, problems: [] }));
  });

  app.post('/svar/:slug/nyttigt', { config: open, schema: { hide: true, params: SlugParams, body: FormBody } }, async (request, reply) => {
    const article = await citizenArticle(request.params.slug);
    const { useful, comment } = request.body;
    const t = validationMessages[request.lang];
    if (useful !== 'ja' && useful !== 'nej') {
      return reply.page(renderArticle(request, article, { thanks: false, problems: [{ field: 'useful', message: t.usefulMissing }], comment }), 400);
    }
    try {
      await db.transaction().execute((trx) => recordFeedback(trx, article.id, { useful: useful === 'ja', comment, lang: request.lang }));
    } catch (error) {
      if (error instanceof KanalError && error.details) return reply.page(renderArticle(request, article, { thanks: false, problems: error.details, useful, comment }), 400);
      throw error;
    }
    return reply.redirect(`${withLang(citizenArticleUrl(article.slug), request.lang, 'tak=1')}#nyttigt`, 303);
  });

  app.get('/api/knowledge/search', { config: open, schema: { tags: ['knowledge'], summary: 'Search public answers', querystring: SearchQuery, response: { 200: ApiSearchResult } } }, async (request) => {
    const query = (request.query.q ?? '').trim();
    const result = await searchForCitizens(db, index, { text: query, lang: langOf(request, request.query.lang), limit: request.query.limit ?? PAGE_SIZE });
    return apiResult(query, result);
  });

  app.get('/api/knowledge/suggest', { config: open, schema: { tags: ['knowledge'], summary: 'Type-ahead suggestions among public answers', querystring: SearchQuery, response: { 200: ApiSearchResult } } }, async (request) => {
    const query = (request.query.q ?? '').trim();
    const result = query.length < 2 ? { total: 0, hits: [] } : await searchForCitizens(db, index, { text: query, lang: langOf(request, request.query.lang), limit: request.query.limit ?? 6 });
    return apiResult(query, result);
  });

  app.get('/api/knowledge/articles/:slug', { config: open, schema: { tags: ['knowledge'], summary: 'A public, published article', params: SlugParams, response: { 200: ApiArticle } } }, async (request) => apiArticle(await citizenArticle(request.params.slug)));

  // --- Staff ------------------------------------------------------------------------------

  app.get('/api/staff/knowledge/search', { config: readers, schema: { tags: ['knowledge'], summary: 'Search internal and public answers', querystring: StaffSearchQuery, response: { 200: ApiSearchResult } } }, async (request) => {
    const query = (request.query.q ?? '').trim();
    const result = await searchForStaff(db, index, { text: query, lang: langOf(request, request.query.lang), department: request.query.department, audience: request.query.audience, limit: request.query.limit ?? PAGE_SIZE });
    return apiResult(query, result);
  });

  app.get(STAFF_SEARCH_PATH, { config: readers, schema: { hide: true, querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), afdeling: Type.Optional(Type.String({ maxLength: 100 })), maalgruppe: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('public'), Type.Literal('internal')])) }) } }, async (request, reply) => {
    const query = (request.query.q ?? '').trim();
    const department = request.query.afdeling ?? '';
    const audience = request.query.maalgruppe ?? '';
    const result = query ? await searchForStaff(db, index, { text: query, lang: request.lang, department: department || undefined, audience: audience || undefined, limit: 50 }) : { total: 0, hits: [] };
    return reply.page(<StaffSearchPage ctx={pageContext(request, config)} query={query} department={department} audience={audience} departments={departments(config)} total={result.total} hits={result.hits} />);
  });

  app.get(`${STAFF_SEARCH_PATH}/redaktion`, { config: editors, schema: { hide: true } }, async (request, reply) => {
    const [articles, overdue] = await Promise.all([listArticles(db), overdueReviews(db, copenhagenDay(new Date()))]);
    return reply.page(<EditorOverviewPage ctx={pageContext(request, config)} articles={articles} overdue={overdue} departments={departments(config)} />);
  });

  app.get(`${STAFF_SEARCH_PATH}/tal`, { config: editors, schema: { hide: true } }, async (request, reply) => {
    const [usefulness, gaps] = await Promise.all([usefulnessFigures(db), contentGaps(db)]);
    return reply.page(<FiguresPage ctx={pageContext(request, config)} usefulness={usefulness} gaps={gaps} />);
  });

  app.get(`${STAFF_SEARCH_PATH}/ny`, { config: editors, schema: { hide: true } }, (request, reply) => {
    const nextYear = copenhagenDay(new Date(Date.now() + 365 * 24 * 3600 * 1000));
    const form = inputToForm({ kind: 'answer', audience: 'public', status: 'draft', topic: null, department: requireStaff(request).department.id, serviceIds: [], keywords: [], synonyms: [], referral: null, reviewBy: nextYear, texts: { da: { title: '', shortAnswer: '', bodyMarkdown: '' } } });
    return reply.page(<EditorPage departments={departments(config)} ctx={pageContext(request, config)} form={form} problems={[]} />);
  });

  app.get(`${STAFF_SEARCH_PATH}/:id`, { config: readers, schema: { hide: true, params: IdParams, querystring: Type.Object({ besvaret: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const article = await staffArticle(request.params.id);
    return reply.page(<StaffArticlePage ctx={pageContext(request, config)} article={article} departments={departments(config)} recorded={request.query.besvaret !== undefined} />);
  });

  app.post(`${STAFF_SEARCH_PATH}/:id/besvaret`, { config: readers, schema: { hide: true, params: IdParams, body: FormBody } }, async (request, reply) => {
    const article = await staffArticle(request.params.id);
    const channel = request.body.channel ?? '';
    if (!(answerChannels as readonly string[]).includes(channel) || article.status !== 'published') {
      return reply.page(<StaffArticlePage ctx={pageContext(request, config)} article={article} departments={departments(config)} recorded={false} channelError={validationMessages[request.lang].channel} />, 400);
    }
    await db.transaction().execute((trx) => answeredWithArticle(trx, article, { channel, employee: editorOf(request).id }));
    return reply.redirect(`${STAFF_SEARCH_PATH}/${article.id}?besvaret=1`, 303);
  });

  app.get(`${STAFF_SEARCH_PATH}/:id/historik`, { config: editors, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    const article = await staffArticle(request.params.id);
    return reply.page(<HistoryPage ctx={pageContext(request, config)} article={article} versions={await articleVersions(db, article.id)} />);
  });

  app.get(`${STAFF_SEARCH_PATH}/:id/rediger`, { config: editors, schema: { hide: true, params: IdParams, querystring: Type.Object({ gemt: Type.Optional(Type.String()) }) } }, async (request, reply) => {
    const article = await staffArticle(request.params.id);
    return reply.page(<EditorPage departments={departments(config)} ctx={pageContext(request, config)} article={article} form={inputToForm(inputOf(article))} problems={[]} saved={request.query.gemt !== undefined} />);
  });

  async function handleEditor(request: FastifyRequest, form: ArticleForm, article: Article | undefined) {
    const page = pageContext(request, config);
    const input = formToInput(form);
    if (form.action !== 'save') {
      const preview = { shortAnswer: input.texts.da.shortAnswer, bodyHtml: renderMarkdown(input.texts.da.bodyMarkdown) };
      return { status: 200, node: <EditorPage departments={departments(config)} ctx={page} article={article} form={form} problems={[]} preview={preview} /> };
    }
    try {
      const saved = await db.transaction().execute((trx) =>
        article ? updateArticle(trx, article.id, Number(form.version), input, editorOf(request), request.lang) : createArticle(trx, input, editorOf(request), request.lang),
      );
      await index.refresh(true);
      return { redirect: `${STAFF_SEARCH_PATH}/${saved.id}/rediger?gemt=1` };
    } catch (error) {
      if (error instanceof KanalError && error.code === 'validation_failed') return { status: 400, node: <EditorPage departments={departments(config)} ctx={page} article={article} form={form} problems={error.details ?? []} /> };
      if (error instanceof KanalError && error.code === 'conflict') return { status: 409, node: <EditorPage departments={departments(config)} ctx={page} article={article} form={form} problems={[]} conflict /> };
      throw error;
    }
  }

  app.post(`${STAFF_SEARCH_PATH}/ny`, { config: editors, schema: { hide: true, body: FormBody } }, async (request, reply) => {
    const outcome = await handleEditor(request, request.body, undefined);
    return 'redirect' in outcome ? reply.redirect(outcome.redirect!, 303) : reply.page(outcome.node, outcome.status);
  });

  app.post(`${STAFF_SEARCH_PATH}/:id/rediger`, { config: editors, schema: { hide: true, params: IdParams, body: FormBody } }, async (request, reply) => {
    const outcome = await handleEditor(request, request.body, await staffArticle(request.params.id));
    return 'redirect' in outcome ? reply.redirect(outcome.redirect!, 303) : reply.page(outcome.node, outcome.status);
  });
}
