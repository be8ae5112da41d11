// What citizens think of an answer, how often staff answer with it, and what needs work.
import { validationFailed } from '../../platform/http/errors.ts';
import { now, type Db, type Trx } from '../../platform/db/index.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { maskCpr } from '../../platform/ops/logger.ts';
import { listArticles } from './articles.ts';
import type { Article } from './schema.ts';
import * as store from './store.ts';
import { validationMessages } from './messages.ts';

export const COMMENT_MAX = 1000;

/** "Var svaret nyttigt?" — no name, no session: the answer and an optional comment. */
export async function recordFeedback(trx: Trx, articleId: number, feedback: { useful: boolean; comment?: string | undefined; lang: Lang }): Promise<void> {
  const comment = feedback.comment?.trim() ?? '';
  if (comment.length > COMMENT_MAX) throw validationFailed([{ field: 'comment', message: validationMessages[feedback.lang].commentTooLong(COMMENT_MAX) }]);
  // Citizens sometimes write their CPR number anyway: it is never stored.
  await store.insertFeedback(trx, { article_id: articleId, useful: feedback.useful, comment: comment === '' ? null : maskCpr(comment), lang: feedback.lang, given_at: now() });
}

/** Notes that an employee answered a citizen with this article (for the usefulness figures). */
export async function noteAnswerUse(trx: Trx, articleId: number, use: { channel: string; employee: string }): Promise<void> {
  await store.insertAnswerUse(trx, { article_id: articleId, channel: use.channel, used_by: use.employee, used_at: now() });
}

export interface Usefulness {
  article: Article;
  useful: number;
  notUseful: number;
  comments: number;
  /** Share of "Ja" among answers, or null when nobody answered. */
  usefulShare: number | null;
  answeredWith: number;
}

/** Per published article, most-used and least-liked first. */
export async function usefulnessFigures(db: Db, department?: string): Promise<Usefulness[]> {
  const [articles, counts, uses] = await Promise.all([listArticles(db, { status: 'published', department }), store.usefulnessCounts(db), store.answerUseCounts(db)]);
  const byArticle = new Map(counts.map((c) => [c.article_id, c]));
  return articles
    .map((article) => {
      const c = byArticle.get(article.id);
      const useful = c?.useful ?? 0;
      const notUseful = c?.not_useful ?? 0;
      return { article, useful, notUseful, comments: c?.comments ?? 0, usefulShare: useful + notUseful === 0 ? null : useful / (useful + notUseful), answeredWith: uses.get(article.id) ?? 0 };
    })
    .sort((a, b) => b.useful + b.notUseful + b.answeredWith - (a.useful + a.notUseful + a.answeredWith) || a.article.id - b.article.id);
}

export async function articleComments(db: Db, articleId: number, limit = 20) {
  return store.recentComments(db, articleId, limit);
}

/** Published and draft articles whose review-by date has passed, per department. */
export async function overdueReviews(db: Db, today: string): Promise<Map<string, Article[]>> {
  const articles = (await listArticles(db, { reviewBefore: today })).filter((a) => a.status !== 'archived');
  const byDepartment = new Map<string, Article[]>();
  for (const article of articles.sort((a, b) => a.department.localeCompare(b.department, 'da') || a.reviewBy.localeCompare(b.reviewBy))) {
    byDepartment.set(article.department, [...(byDepartment.get(article.department) ?? []), article]);
  }
  return byDepartment;
}

export async function contentGaps(db: Db, limit = 50) {
  return store.topZeroResults(db, limit);
}
