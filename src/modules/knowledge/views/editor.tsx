// The editor's pages: the article list with overdue reviews, figures and gaps, version
// history, and the article form with live LIX.
import { Alert, Button, DateInput, ErrorSummary, Radios, Select, Table, TextInput, Textarea, dateErrorTargetId, firstOptionId, type ErrorSummaryItem } from '../../../platform/ui/components/index.ts';
import type { PageContext } from '../../../platform/ui/index.ts';
import { formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { Article, ArticleVersion, Audience } from '../schema.ts';
import type { Usefulness } from '../feedback.ts';
import type { ArticleForm } from '../article-form.ts';
import { lixOfMarkdown, LIX_WARNING_ABOVE, type LixResult } from '../lix.ts';
import { staffMessages } from '../messages.ts';
import { staffArticleUrl } from '../article-search.ts';
import { KnowledgeStaffLayout, STAFF_SEARCH_PATH, departmentName } from './staff.tsx';
import type { Department } from '../../../platform/auth/index.ts';

const titleOf = (article: Article, lang: Lang) => (article.texts[lang] ?? article.texts.da).title;

export function EditorOverviewPage({ ctx, articles, overdue, departments }: { ctx: PageContext; articles: Article[]; overdue: Map<string, Article[]>; departments: readonly Department[] }) {
  const t = staffMessages[ctx.lang];
  return (
    <KnowledgeStaffLayout ctx={ctx} title={t.editorTitle}>
      <h1>{t.editorTitle}</h1>
      <p>
        <Button variant="primary" href={`${STAFF_SEARCH_PATH}/ny`}>
          {t.newArticle}
        </Button>
      </p>
      <h2>{t.overdueTitle}</h2>
      {overdue.size === 0 ? (
        <p>{t.overdueNone}</p>
      ) : (
        [...overdue].map(([department, list]) => (
          <Table
            key={department}
            caption={t.overdueCaption(departmentName(departments, department))}
            columns={[{ header: t.colTitle }, { header: t.colReviewBy }, { header: t.colStatus }]}
            rows={list.map((a) => [<a href={`${staffArticleUrl(a.id)}/rediger`}>{titleOf(a, ctx.lang)}</a>, a.reviewBy, t.statuses[a.status]])}
            responsiveBreakpoint="md"
          />
        ))
      )}
      <h2>{t.articlesCaption}</h2>
      <Table
        caption={t.articlesCaption}
        captionSrOnly
        columns={[{ header: t.colTitle }, { header: t.colAudience }, { header: t.colStatus }, { header: t.colDepartment }, { header: t.colReviewBy }, { header: t.colVersion, numeric: true }]}
        rows={articles.map((a) => [
          <a href={staffArticleUrl(a.id)}>{titleOf(a, ctx.lang)}</a>,
          a.audience === 'public' ? t.audiencePublic : t.audienceInternal,
          t.statuses[a.status],
          departmentName(departments, a.department),
          a.reviewBy,
          String(a.version),
        ])}
        responsiveBreakpoint="md"
        zebra
      />
    </KnowledgeStaffLayout>
  );
}

export function FiguresPage({ ctx, usefulness, gaps }: { ctx: PageContext; usefulness: Usefulness[]; gaps: { query: string; audience: Audience; count: number }[] }) {
  const t = staffMessages[ctx.lang];
  const n = (v: number) => formatNumber(ctx.lang, v);
  return (
    <KnowledgeStaffLayout ctx={ctx} title={t.figuresTitle}>
      <h1>{t.figuresTitle}</h1>
      <Table
        caption={t.usefulnessCaption}
        columns={[{ header: t.colTitle }, { header: t.colUseful, numeric: true }, { header: t.colNotUseful, numeric: true }, { header: t.colShare, numeric: true }, { header: t.colComments, numeric: true }, { header: t.colAnswered, numeric: true }]}
        rows={usefulness.map((u) => [
          <a href={staffArticleUrl(u.article.id)}>{titleOf(u.article, ctx.lang)}</a>,
          n(u.useful),
          n(u.notUseful),
          u.usefulShare === null ? '—' : `${formatNumber(ctx.lang, u.usefulShare * 100)} %`,
          n(u.comments),
          n(u.answeredWith),
        ])}
        responsiveBreakpoint="md"
        zebra
      />
      {gaps.length === 0 ? (
        <p>{t.gapsNone}</p>
      ) : (
        <Table caption={t.gapsCaption} columns={[{ header: t.colQuery }, { header: t.colWho }, { header: t.colCount, numeric: true }]} rows={gaps.map((g) => [g.query, t.who[g.audience], n(g.count)])} responsiveBreakpoint="md" zebra />
      )}
    </KnowledgeStaffLayout>
  );
}

export function HistoryPage({ ctx, article, versions }: { ctx: PageContext; article: Article; versions: ArticleVersion[] }) {
  const t = staffMessages[ctx.lang];
  return (
    <KnowledgeStaffLayout ctx={ctx} title={t.historyTitle(titleOf(article, ctx.lang))}>
      <h1>{t.historyTitle(titleOf(article, ctx.lang))}</h1>
      <Table
        caption={t.historyCaption}
        columns={[{ header: t.colVersion, numeric: true }, { header: t.colChangedAt }, { header: t.colChangedBy }, { header: t.colChanges }]}
        rows={versions.map((v) => [String(v.version), v.changedAt.slice(0, 16).replace('T', ' '), v.changedBy, v.changedFields.includes('created') ? t.created : v.changedFields.join(', ')])}
        responsiveBreakpoint="md"
      />
    </KnowledgeStaffLayout>
  );
}

/** The LIX of a text as the editor shows it; src/client/knowledge.ts keeps it current while typing. */
function LixDisplay({ lang, source, result }: { lang: Lang; source: string; result: LixResult }) {
  const t = staffMessages[lang];
  const levels = t.lixLevels;
  return (
    <p class="kanal-lix" id={`${source}-lix`} data-lix-source={source} data-lix-levels={JSON.stringify(levels)} data-lix-warning={t.lixWarningShort} data-lix-warn-above={String(LIX_WARNING_ABOVE)} aria-live="polite">
      {t.lix(result.lix, levels[result.level] ?? result.level)}
      {result.lix > LIX_WARNING_ABOVE && <strong class="kanal-lix-warning"> {t.lixWarningShort}</strong>}
    </p>
  );
}

/** Names of the public texts whose LIX is above the limit. */
export function lixWarnings(form: ArticleForm, lang: Lang): string[] {
  if (form.audience !== 'public') return [];
  const t = staffMessages[lang];
  const fields: [string, string][] = [
    ['da-shortAnswer', `${t.shortAnswerLabel} (${t.danish})`],
    ['da-body', `${t.body} (${t.danish})`],
    ['en-shortAnswer', `${t.shortAnswerLabel} (${t.english})`],
    ['en-body', `${t.body} (${t.english})`],
  ];
  return fields.filter(([field]) => lixOfMarkdown(form[field] ?? '').lix > LIX_WARNING_ABOVE).map(([, name]) => name);
}

export interface EditorPageProps {
  ctx: PageContext;
  article?: Article | undefined;
  form: ArticleForm;
  problems: FieldProblem[];
  preview?: { shortAnswer: string; bodyHtml: string } | undefined;
  saved?: boolean;
  conflict?: boolean;
  departments: readonly Department[];
}

export function EditorPage({ ctx, article, form, problems, preview, saved, conflict, departments }: EditorPageProps) {
  const t = staffMessages[ctx.lang];
  const title = article ? t.formTitleEdit : t.formTitleNew;
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const target = (field: string) => (['kind', 'audience'].includes(field) ? firstOptionId(field) : field === 'reviewBy' ? dateErrorTargetId('reviewBy') : field);
  const summary: ErrorSummaryItem[] = problems.map((p) => ({ fieldId: target(p.field), message: p.message }));
  const warnings = lixWarnings(form, ctx.lang);
  const textFields = (lang: 'da' | 'en') => (
    <fieldset>
      <legend class="h3">{lang === 'da' ? t.danish : t.english}</legend>
      <TextInput id={`${lang}-title`} name={`${lang}-title`} label={t.title} value={form[`${lang}-title`]} error={errorOf(`${lang}-title`)} required={lang === 'da'} optionalLabel={false} />
      <Textarea id={`${lang}-shortAnswer`} name={`${lang}-shortAnswer`} label={t.shortAnswerLabel} hint={t.shortAnswerHint} rows={3} value={form[`${lang}-shortAnswer`]} error={errorOf(`${lang}-shortAnswer`)} required={lang === 'da'} optionalLabel={false} />
      <LixDisplay lang={ctx.lang} source={`${lang}-shortAnswer`} result={lixOfMarkdown(form[`${lang}-shortAnswer`] ?? '')} />
      <Textarea id={`${lang}-body`} name={`${lang}-body`} label={t.body} hint={t.bodyHint} rows={12} value={form[`${lang}-body`]} error={errorOf(`${lang}-body`)} required={false} optionalLabel={false} />
      <LixDisplay lang={ctx.lang} source={`${lang}-body`} result={lixOfMarkdown(form[`${lang}-body`] ?? '')} />
    </fieldset>
  );
  return (
    <KnowledgeStaffLayout ctx={ctx} title={title}>
      <ErrorSummary errors={summary} />
      <h1>{title}</h1>
      {saved && <Alert variant="success" text={t.saved} role={false} />}
      {conflict && <Alert variant="error" text={t.conflict} />}
      {warnings.length > 0 && <Alert variant="warning" heading={t.lixWarningTitle} headingLevel={2} text={t.lixWarning(warnings.join(', '))} role={false} />}
      {preview && (
        <section class="kanal-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t.previewTitle}</h2>
          <p class="font-lead">{preview.shortAnswer}</p>
          <div dangerouslySetInnerHTML={{ __html: preview.bodyHtml }} />
        </section>
      )}
      <form method="post" action={article ? `${staffArticleUrl(article.id)}/rediger` : `${STAFF_SEARCH_PATH}/ny`} novalidate class="kanal-editor">
        {ctx.csrfToken && <input type="hidden" name="_csrf" value={ctx.csrfToken} />}
        {article && <input type="hidden" name="version" value={String(article.version)} />}
        <Radios id="kind" name="kind" legend={t.kind} value={form.kind} error={errorOf('kind')} items={[{ value: 'answer', label: t.kindAnswer }, { value: 'referral', label: t.kindReferral }]} />
        <Radios id="audience" name="audience" legend={t.audience} value={form.audience} error={errorOf('audience')} items={[{ value: 'public', label: t.audiencePublic }, { value: 'internal', label: t.audienceInternal }]} />
        <Select id="status" name="status" label={t.status} value={form.status} error={errorOf('status')} options={(['draft', 'published', 'archived'] as const).map((s) => ({ value: s, text: t.statuses[s] ?? s }))} />
        {textFields('da')}
        {textFields('en')}
        <Select id="department" name="department" label={t.department} value={form.department} error={errorOf('department')} options={[{ value: '', text: '' }, ...departments.map((d) => ({ value: d.id, text: d.name }))]} />
        <TextInput id="topic" name="topic" label={t.topic} hint={t.topicHint} value={form.topic} error={errorOf('topic')} required={false} inputClass="input-width-s" />
        <DateInput
          id="reviewBy"
          name="reviewBy"
          legend={t.reviewBy}
          hint={t.reviewByHint}
          values={{ day: form['reviewBy-day'], month: form['reviewBy-month'], year: form['reviewBy-year'] }}
          error={errorOf('reviewBy')}
        />
        <TextInput id="keywords" name="keywords" label={t.keywords} hint={t.keywordsHint} value={form.keywords} error={errorOf('keywords')} required={false} />
        <TextInput id="synonyms" name="synonyms" label={t.synonyms} hint={t.synonymsHint} value={form.synonyms} error={errorOf('synonyms')} required={false} />
        <TextInput id="serviceIds" name="serviceIds" label={t.serviceIds} hint={t.serviceIdsHint} value={form.serviceIds} error={errorOf('serviceIds')} required={false} />
        <fieldset>
          <legend class="h3">{t.referralLegend}</legend>
          <TextInput id="authority" name="authority" label={t.authority} value={form.authority} error={errorOf('authority')} required={false} optionalLabel={false} />
          <TextInput id="authorityUrl" name="authorityUrl" type="url" label={t.authorityUrl} value={form.authorityUrl} error={errorOf('authorityUrl')} required={false} optionalLabel={false} />
          <TextInput id="authorityPhone" name="authorityPhone" type="tel" label={t.authorityPhone} value={form.authorityPhone} required={false} />
          <TextInput id="authorityHoursDa" name="authorityHoursDa" label={t.authorityHoursDa} value={form.authorityHoursDa} required={false} />
          <TextInput id="authorityHoursEn" name="authorityHoursEn" label={t.authorityHoursEn} value={form.authorityHoursEn} required={false} />
        </fieldset>
        <div class="button-group">
          <Button variant="secondary" name="action" value="preview">
            {t.preview}
          </Button>
          <Button variant="primary" name="action" value="save">
            {t.save}
          </Button>
        </div>
      </form>
    </KnowledgeStaffLayout>
  );
}
