// Articles: checking what an editor wrote, saving it as a new version, and reading it back.
import { conflict, notFound, validationFailed, type FieldProblem } from '../../platform/http/errors.ts';
import { now, type Db, type Trx } from '../../platform/db/index.ts';
import { isDay } from '../../platform/calendar/days.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { languages } from '../../platform/i18n/index.ts';
import { renderMarkdown } from './markdown.ts';
import { articleKinds, articleStatuses, audiences, type Article, type ArticleInput, type ArticleText, type ArticleVersion, type Editor } from './schema.ts';
import * as store from './store.ts';
import { noteSearchChange } from './search-index.ts';
import { validationMessages } from './messages.ts';

export const ARTICLE_KIND = 'article';

const KLE = /^\d{2}(\.\d{2}){0,2}$/;
const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/;

/** Every problem with an article, as field id + message in the editor's language. */
export function checkArticle(input: ArticleInput, lang: Lang = 'da'): FieldProblem[] {
  const t = validationMessages[lang];
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!articleKinds.includes(input.kind)) add('kind', t.kind);
  if (!audiences.includes(input.audience)) add('audience', t.audience);
  if (!articleStatuses.includes(input.status)) add('status', t.status);
  for (const l of languages) {
    const text = input.texts[l];
    if (!text) continue;
    const required = l === 'da' || text.title !== '' || text.shortAnswer !== '' || text.bodyMarkdown !== '';
    if (!required) continue;
    if (text.title.trim() === '') add(`${l}-title`, t.titleMissing[l]);
    else if (text.title.length > 200) add(`${l}-title`, t.titleTooLong);
    if (text.shortAnswer.trim() === '') add(`${l}-shortAnswer`, t.shortAnswerMissing[l]);
    else if (text.shortAnswer.length > 600) add(`${l}-shortAnswer`, t.shortAnswerTooLong);
    if (text.bodyMarkdown.length > 20000) add(`${l}-body`, t.bodyTooLong);
  }
  if (input.department.trim() === '') add('department', t.department);
  if (input.topic !== null && !KLE.test(input.topic)) add('topic', t.topic);
  if (!isDay(input.reviewBy)) add('reviewBy', t.reviewBy);
  const badService = input.serviceIds.find((id) => !SERVICE_ID.test(id));
  if (badService !== undefined) add('serviceIds', t.serviceIds(badService));
  if (input.keywords.length > 30 || input.synonyms.length > 30) add(input.keywords.length > 30 ? 'keywords' : 'synonyms', t.tooManyWords);
  if (input.kind === 'referral') {
    if (!input.referral || input.referral.authority.trim() === '') add('authority', t.authority);
    if (!input.referral || !HTTP_URL.test(input.referral.url)) add('authorityUrl', t.authorityUrl);
  }
  return problems;
}

/** Keeps a language only when it has text, and makes the optional fields uniform. */
function normalise(input: ArticleInput): ArticleInput {
  const texts: ArticleInput['texts'] = { da: trimText(input.texts.da) };
  for (const l of languages) {
    const text = input.texts[l];
    if (l !== 'da' && text && text.title.trim() !== '') texts[l] = trimText(text);
  }
  const words = (list: string[]) => [...new Set(list.map((w) => w.trim().toLowerCase()).filter(Boolean))];
  return {
    ...input,
    topic: input.topic?.trim() || null,
    department: input.department.trim(),
    serviceIds: [...new Set(input.serviceIds.map((s) => s.trim()).filter(Boolean))],
    keywords: words(input.keywords),
    synonyms: words(input.synonyms),
    referral: input.kind === 'referral' ? input.referral : null,
    texts,
  };
}

function trimText(text: ArticleText): ArticleText {
  return { title: text.title.trim(), shortAnswer: text.shortAnswer.trim(), bodyMarkdown: text.bodyMarkdown.trim() };
}

/** A readable, stable address: "Hvornår henter I storskrald?" → "hvornaar-henter-i-storskrald". */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'artikel';
}

function textRows(articleId: number, input: ArticleInput): store.TextRow[] {
  return languages.flatMap((lang) => {
    const text = input.texts[lang];
    return text ? [{ article_id: articleId, lang, title: text.title, short_answer: text.shortAnswer, body_markdown: text.bodyMarkdown, body_html: renderMarkdown(text.bodyMarkdown) }] : [];
  });
}

function rowValues(input: ArticleInput) {
  return {
    kind: input.kind,
    audience: input.audience,
    status: input.status,
    topic: input.topic,
    department: input.department,
    service_ids: input.serviceIds,
    keywords: input.keywords,
    synonyms: input.synonyms,
    referral: input.referral,
    review_by: input.reviewBy,
  };
}

/** Creates an article as version 1. Throws validation_failed with every problem, and writes nothing then. */
export async function createArticle(trx: Trx, input: ArticleInput, editor: Editor, lang: Lang = 'da'): Promise<Article> {
  const problems = checkArticle(input, lang);
  if (problems.length > 0) throw validationFailed(problems);
  const article = normalise(input);
  const base = slugify(article.texts.da.title);
  let slug = base;
  for (let n = 2; await store.slugExists(trx, slug); n++) slug = `${base}-${n}`;
  const at = now();
  const id = await store.insertArticle(trx, { slug, ...rowValues(article), version: 1, created_at: at, updated_at: at, updated_by: editor.id });
  await store.replaceTexts(trx, id, textRows(id, article));
  await store.insertVersion(trx, id, 1, at, editor.id, ['created'], article);
  await noteSearchChange(trx, ARTICLE_KIND, String(id));
  return (await getArticle(trx, id))!;
}

/** The names of what differs between two versions, e.g. ["status", "da.shortAnswer"]. */
export function changedFields(before: ArticleInput, after: ArticleInput): string[] {
  const changed: string[] = [];
  for (const key of ['kind', 'audience', 'status', 'topic', 'department', 'serviceIds', 'keywords', 'synonyms', 'referral', 'reviewBy'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed.push(key);
  }
  for (const lang of languages) {
    const a = before.texts[lang];
    const b = after.texts[lang];
    if (!a || !b) {
      if (a || b) changed.push(`${lang}`);
      continue;
    }
    for (const key of ['title', 'shortAnswer', 'bodyMarkdown'] as const) if (a[key] !== b[key]) changed.push(`${lang}.${key}`);
  }
  return changed;
}

/**
 * Saves a new version of an article. `expectedVersion` is the version the editor
 * started from: if someone saved in between, nothing is written (conflict).
 */
export async function updateArticle(trx: Trx, id: number, expectedVersion: number, input: ArticleInput, editor: Editor, lang: Lang = 'da'): Promise<Article> {
  const current = await getArticle(trx, id);
  if (!current) throw notFound('No such article.');
  const problems = checkArticle(input, lang);
  if (problems.length > 0) throw validationFailed(problems);
  if (current.version !== expectedVersion) throw conflict(`The article was changed by someone else (now version ${current.version}).`);
  const article = normalise(input);
  const changed = changedFields(inputOf(current), article);
  if (changed.length === 0) return current;
  const at = now();
  const version = current.version + 1;
  const updated = await store.updateArticleRow(trx, id, expectedVersion, { ...rowValues(article), version, updated_at: at, updated_by: editor.id });
  if (!updated) throw conflict('The article was changed by someone else.');
  await store.replaceTexts(trx, id, textRows(id, article));
  await store.insertVersion(trx, id, version, at, editor.id, changed, article);
  await noteSearchChange(trx, ARTICLE_KIND, String(id));
  return (await getArticle(trx, id))!;
}

/** The editable part of an article. */
export function inputOf(article: Article): ArticleInput {
  const { kind, audience, status, topic, department, serviceIds, keywords, synonyms, referral, reviewBy, texts } = article;
  return { kind, audience, status, topic, department, serviceIds, keywords, synonyms, referral, reviewBy, texts };
}

function toArticle(row: store.ArticleRow, texts: store.TextRow[]): Article {
  const own = texts.filter((t) => t.article_id === row.id);
  const da = own.find((t) => t.lang === 'da');
  const articleTexts: Article['texts'] = { da: da ? { title: da.title, shortAnswer: da.short_answer, bodyMarkdown: da.body_markdown } : { title: '', shortAnswer: '', bodyMarkdown: '' } };
  const bodyHtml: Article['bodyHtml'] = {};
  for (const t of own) {
    articleTexts[t.lang] = { title: t.title, shortAnswer: t.short_answer, bodyMarkdown: t.body_markdown };
    bodyHtml[t.lang] = t.body_html;
  }
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    audience: row.audience,
    status: row.status,
    topic: row.topic,
    department: row.department,
    serviceIds: row.service_ids,
    keywords: row.keywords,
    synonyms: row.synonyms,
    referral: row.referral,
    reviewBy: row.review_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    texts: articleTexts,
    bodyHtml,
  };
}

export async function listArticles(db: Db | Trx, filter: store.ArticleFilter = {}): Promise<Article[]> {
  const rows = await store.findArticles(db, filter);
  const texts = await store.findTexts(db, rows.map((r) => r.id));
  return rows.map((row) => toArticle(row, texts));
}

export async function getArticle(db: Db | Trx, id: number): Promise<Article | undefined> {
  return (await listArticles(db, { ids: [id] }))[0];
}

export async function getArticleBySlug(db: Db | Trx, slug: string): Promise<Article | undefined> {
  return (await listArticles(db, { slug }))[0];
}

/** Citizens see published public articles only — in pages, search and the API. */
export function isForCitizens(article: Article): boolean {
  return article.audience === 'public' && article.status === 'published';
}

export async function articleVersions(db: Db | Trx, id: number): Promise<ArticleVersion[]> {
  return (await store.findVersions(db, id)).map((v) => ({ version: v.version, changedAt: v.changed_at, changedBy: v.changed_by, changedFields: v.changed_fields, snapshot: v.snapshot }));
}
