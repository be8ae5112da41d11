// "Svaret med denne artikel": the employee answered the citizen with an article,
// so the contact was resolved at first contact.
import type { Trx } from '../../platform/db/index.ts';
import type { Article } from './schema.ts';
import { noteAnswerUse } from './feedback.ts';
import { recordForKle, type Channel } from '../contacts/index.ts';

export interface AnswerUse {
  /** The channel the citizen used (DESIGN.md's channel names). */
  channel: string;
  /** The employee who answered. */
  employee: string;
}

export async function answeredWithArticle(trx: Trx, article: Article, use: AnswerUse): Promise<void> {
  await noteAnswerUse(trx, article.id, use);
  await recordForKle(trx, {
    channel: use.channel as Channel,
    direction: 'in',
    kind: 'information',
    kle: article.topic ?? '00.01',
    department: article.department,
    resolved: 'yes',
    source: 'manual',
    recordedBy: use.employee,
  });
}
