// `kanal seed --demo`: the demo articles, once.
import type { AppContext, Progress } from '../../../platform/module.ts';
import { copenhagenDay } from '../../../platform/calendar/days.ts';
import { createArticle, getArticleBySlug, slugify } from '../articles.ts';
import { seedArticles, seedInput } from './articles.ts';

export async function seedKnowledge(ctx: Pick<AppContext, 'db'>, progress: Progress = () => {}): Promise<void> {
  const today = copenhagenDay(new Date());
  let done = 0;
  for (const seed of seedArticles) {
    // Idempotent: an article whose address exists is left as it is (it may have been edited).
    if (!(await getArticleBySlug(ctx.db, slugify(seed.da[0])))) {
      await ctx.db.transaction().execute((trx) => createArticle(trx, seedInput(seed, today), { id: 'seed' }));
    }
    progress(++done, seedArticles.length, 'knowledge articles');
  }
}
