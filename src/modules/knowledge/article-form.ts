// The editor's form ⇄ an ArticleInput. Lists are comma-separated; the review date has three parts.
import type { Lang } from '../../platform/i18n/index.ts';
import type { ArticleInput, ArticleKind, ArticleStatus, Audience } from './schema.ts';

export type ArticleForm = Record<string, string | undefined>;

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const str = (value: unknown) => (typeof value === 'string' ? value : '');

function reviewDay(form: ArticleForm): string {
  const d = str(form['reviewBy-day']).trim();
  const m = str(form['reviewBy-month']).trim();
  const y = str(form['reviewBy-year']).trim();
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return '';
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

export function formToInput(form: ArticleForm): ArticleInput {
  const text = (lang: Lang) => ({ title: str(form[`${lang}-title`]), shortAnswer: str(form[`${lang}-shortAnswer`]), bodyMarkdown: str(form[`${lang}-body`]).replace(/\r\n/g, '\n') });
  const hoursDa = str(form.authorityHoursDa).trim();
  const hoursEn = str(form.authorityHoursEn).trim();
  return {
    kind: str(form.kind) as ArticleKind,
    audience: str(form.audience) as Audience,
    status: str(form.status) as ArticleStatus,
    topic: str(form.topic).trim() || null,
    department: str(form.department),
    serviceIds: list(form.serviceIds),
    keywords: list(form.keywords),
    synonyms: list(form.synonyms),
    reviewBy: reviewDay(form),
    referral:
      str(form.kind) === 'referral'
        ? { authority: str(form.authority).trim(), url: str(form.authorityUrl).trim(), phone: str(form.authorityPhone).trim() || undefined, hours: hoursDa ? { da: hoursDa, en: hoursEn || undefined } : undefined }
        : null,
    texts: { da: text('da'), en: text('en') },
  };
}

export function inputToForm(input: ArticleInput): ArticleForm {
  const [y, m, d] = input.reviewBy.split('-');
  const form: ArticleForm = {
    kind: input.kind,
    audience: input.audience,
    status: input.status,
    topic: input.topic ?? '',
    department: input.department,
    serviceIds: input.serviceIds.join(', '),
    keywords: input.keywords.join(', '),
    synonyms: input.synonyms.join(', '),
    'reviewBy-day': d,
    'reviewBy-month': m,
    'reviewBy-year': y,
    authority: input.referral?.authority ?? '',
    authorityUrl: input.referral?.url ?? '',
    authorityPhone: input.referral?.phone ?? '',
    authorityHoursDa: input.referral?.hours?.da ?? '',
    authorityHoursEn: input.referral?.hours?.en ?? '',
  };
  for (const lang of ['da', 'en'] as const) {
    const text = input.texts[lang];
    form[`${lang}-title`] = text?.title ?? '';
    form[`${lang}-shortAnswer`] = text?.shortAnswer ?? '';
    form[`${lang}-body`] = text?.bodyMarkdown ?? '';
  }
  return form;
}
