// Staff pages: the search panel every staff page can show, search results with internal
// answers, and an article with "svaret med denne artikel".
import type { ComponentChildren } from 'preact';
import { StaffLayout, type NavItem, type PageContext } from '../../../platform/ui/index.ts';
import { Alert, Button, Select, TextInput } from '../../../platform/ui/components/index.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Department } from '../../../platform/auth/index.ts';
import type { Article } from '../schema.ts';
import type { SearchHit } from '../search-index.ts';
import { staffMessages } from '../messages.ts';
import { staffArticleUrl } from '../article-search.ts';

export const STAFF_SEARCH_PATH = '/medarbejder/viden';

/** A department's name; the id if it is no longer configured. */
export function departmentName(departments: readonly Department[], id: string): string {
  return departments.find((d) => d.id === id)?.name ?? id;
}

export function knowledgeNav(lang: Lang): NavItem[] {
  const t = staffMessages[lang];
  return [
    { href: STAFF_SEARCH_PATH, text: t.navSearch },
    { href: `${STAFF_SEARCH_PATH}/redaktion`, text: t.navEditor },
    { href: `${STAFF_SEARCH_PATH}/tal`, text: t.navFigures },
  ];
}

export function KnowledgeStaffLayout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <StaffLayout ctx={ctx} title={title} nav={knowledgeNav(ctx.lang)}>
      {children}
    </StaffLayout>
  );
}

export function StaffSearchPage(props: { ctx: PageContext; query: string; department: string; audience: string; departments: readonly Department[]; total: number; hits: SearchHit[] }) {
  const { ctx, query, hits } = props;
  const t = staffMessages[ctx.lang];
  return (
    <KnowledgeStaffLayout ctx={ctx} title={t.searchTitle}>
      <h1>{t.searchTitle}</h1>
      <form action={STAFF_SEARCH_PATH} method="get" role="search" novalidate>
        <TextInput id="q" name="q" type="search" value={query} label={t.panelLabel} required={false} optionalLabel={false} autocomplete="off" />
        <Select id="department" name="afdeling" label={t.department} required={false} optionalLabel={false} value={props.department} options={[{ value: '', text: t.allDepartments }, ...props.departments.map((d) => ({ value: d.id, text: d.name }))]} />
        <Select
          id="audience"
          name="maalgruppe"
          label={t.audience}
          required={false}
          optionalLabel={false}
          value={props.audience}
          options={[
            { value: '', text: t.allAudiences },
            { value: 'public', text: t.audiencePublic },
            { value: 'internal', text: t.audienceInternal },
          ]}
        />
        <Button variant="primary">{t.filter}</Button>
      </form>
      {query !== '' && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{`${props.total} · ${query}`}</h2>
          <ol class="kanal-results unstyled-list">
            {hits.map((hit) => (
              <li key={`${hit.kind}:${hit.id}`}>
                <h3 class="h4">
                  <a href={hit.kind === 'article' ? staffArticleUrl(hit.id) : hit.url}>{hit.title}</a>
                  {hit.audience === 'internal' && <span class="kanal-tag">{t.internalTag}</span>}
                </h3>
                <p>{hit.summary}</p>
                {hit.department && <p class="kanal-meta">{departmentName(props.departments, hit.department)}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </KnowledgeStaffLayout>
  );
}

export const answerChannels = ['phone', 'in_person', 'email', 'chat', 'letter', 'digital_post'] as const;

export function StaffArticlePage({ ctx, article, departments, recorded, channelError }: { ctx: PageContext; article: Article; departments: readonly Department[]; recorded: boolean; channelError?: string | undefined }) {
  const t = staffMessages[ctx.lang];
  const lang = article.texts[ctx.lang] ? ctx.lang : 'da';
  const text = article.texts[lang]!;
  return (
    <KnowledgeStaffLayout ctx={ctx} title={text.title}>
      {recorded && <Alert variant="success" text={t.answeredDone} role={false} />}
      <h1>
        {text.title}
        {article.audience === 'internal' && <span class="kanal-tag">{t.internalTag}</span>}
      </h1>
      <p class="font-lead">{text.shortAnswer}</p>
      {article.referral && (
        <p>
          <a href={article.referral.url}>{article.referral.authority}</a>
          {article.referral.phone ? ` · ${article.referral.phone}` : ''}
          {article.referral.hours ? ` · ${article.referral.hours[ctx.lang] ?? article.referral.hours.da}` : ''}
        </p>
      )}
      <div dangerouslySetInnerHTML={{ __html: article.bodyHtml[lang] ?? '' }} />
      <p class="kanal-meta">
        {departmentName(departments, article.department)}
        {article.topic ? ` · KLE ${article.topic}` : ''} · {t.statuses[article.status]} · {t.colVersion} {article.version}
      </p>
      <ul class="unstyled-list">
        <li>
          <a href={`${staffArticleUrl(article.id)}/rediger`}>{t.edit}</a>
        </li>
        <li>
          <a href={`${staffArticleUrl(article.id)}/historik`}>{t.history}</a>
        </li>
        {article.audience === 'public' && article.status === 'published' && (
          <li>
            <a href={`/svar/${article.slug}`}>{t.viewPublic}</a>
          </li>
        )}
      </ul>
      {article.status === 'published' && (
        <section aria-labelledby="answered-heading">
          <h2 id="answered-heading">{t.answeredTitle}</h2>
          <p>{t.answeredText}</p>
          <form method="post" action={`${staffArticleUrl(article.id)}/besvaret`} novalidate>
            {ctx.csrfToken && <input type="hidden" name="_csrf" value={ctx.csrfToken} />}
            <Select
              id="channel"
              name="channel"
              label={t.channel}
              error={channelError}
              value="phone"
              options={answerChannels.map((c) => ({ value: c, text: t.channels[c] ?? c }))}
            />
            <Button variant="primary">{t.answeredButton}</Button>
          </form>
        </section>
      )}
    </KnowledgeStaffLayout>
  );
}
