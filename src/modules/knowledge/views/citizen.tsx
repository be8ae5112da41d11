// The citizen's pages: search results and an article with the short answer first.
import { CitizenLayout, SuggestionBox, type PageContext } from '../../../platform/ui/index.ts';
import { Alert, Button, ErrorSummary, Pagination, Radios, Textarea, TextInput, firstOptionId, type ErrorSummaryItem } from '../../../platform/ui/components/index.ts';
import type { FieldProblem } from '../../../platform/http/errors.ts';
import type { Article } from '../schema.ts';
import type { SearchHit } from '../search-index.ts';
import { citizenMessages } from '../messages.ts';
import { COMMENT_MAX } from '../feedback.ts';

/** The search field, with type-ahead when JavaScript runs (src/client/knowledge.ts). */
export function SearchForm({ ctx, query, id = 'q', labelSrOnly = false }: { ctx: PageContext; query: string; id?: string; labelSrOnly?: boolean }) {
  const t = citizenMessages[ctx.lang];
  return (
    <form action="/soeg" method="get" role="search" class="kanal-search" novalidate>
      {ctx.lang !== 'da' && <input type="hidden" name="lang" value={ctx.lang} />}
      <TextInput
        id={id}
        name="q"
        type="search"
        value={query}
        label={t.searchLabel}
        labelClass={labelSrOnly ? 'sr-only' : undefined}
        hint={labelSrOnly ? undefined : t.searchHint}
        required={false}
        optionalLabel={false}
        autocomplete="off"
        spellcheck={false}
        inputClass="kanal-suggest-input"
      />
      <SuggestionBox lang={ctx.lang} inputId={id} />
      <Button variant="primary">{t.searchButton}</Button>
    </form>
  );
}

export function SearchPage({ ctx, query, total, hits, page, pageSize, phone, hours }: { ctx: PageContext; query: string; total: number; hits: SearchHit[]; page: number; pageSize: number; phone: string; hours: string }) {
  const t = citizenMessages[ctx.lang];
  return (
    <CitizenLayout ctx={ctx} title={query ? `${t.searchTitle}: ${query}` : t.searchTitle}>
      <h1>{t.searchTitle}</h1>
      <SearchForm ctx={ctx} query={query} />
      {query !== '' && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t.resultsFor(query, total)}</h2>
          {hits.length === 0 ? (
            <Alert variant="info" heading={t.noResultsTitle} headingLevel={3} text={`${t.noResults} ${t.nextChannelPhone(phone)} ${t.nextChannelHours(hours)}`} />
          ) : (
            <ol class="kanal-results unstyled-list">
              {hits.map((hit) => (
                <li key={`${hit.kind}:${hit.id}`} lang={hit.lang !== ctx.lang ? hit.lang : undefined}>
                  <h3 class="h4">
                    <a href={hit.url}>{hit.title}</a>
                  </h3>
                  <p>{hit.summary}</p>
                </li>
              ))}
            </ol>
          )}
          {total > pageSize && (
            <Pagination currentPage={page} totalPages={Math.ceil(total / pageSize)} href={(n) => `/soeg?q=${encodeURIComponent(query)}&side=${n}${ctx.lang !== 'da' ? `&lang=${ctx.lang}` : ''}`} />
          )}
        </section>
      )}
    </CitizenLayout>
  );
}

export interface FeedbackState {
  thanks: boolean;
  problems: FieldProblem[];
  useful?: string | undefined;
  comment?: string | undefined;
}

export function ArticlePage({ ctx, article, services, feedback, phone, hours }: { ctx: PageContext; article: Article; services: SearchHit[]; feedback: FeedbackState; phone: string; hours: string }) {
  const t = citizenMessages[ctx.lang];
  const lang = article.texts[ctx.lang] ? ctx.lang : 'da';
  const text = article.texts[lang]!;
  const referral = article.referral;
  const errorOf = (field: string) => feedback.problems.find((p) => p.field === field)?.message;
  const summary: ErrorSummaryItem[] = feedback.problems.map((p) => ({ fieldId: p.field === 'useful' ? firstOptionId('useful') : p.field, message: p.message }));
  return (
    <CitizenLayout ctx={ctx} title={text.title}>
      <ErrorSummary errors={summary} title={t.errorTitle} />
      <article lang={lang !== ctx.lang ? lang : undefined}>
        <h1>{text.title}</h1>
        <p class="font-lead kanal-short-answer">{text.shortAnswer}</p>
        {referral && (
          <div class="kanal-referral">
            <h2>{t.referralTitle(referral.authority)}</h2>
            <ul>
              <li>
                <a href={referral.url}>{t.referralLink(referral.authority)}</a>
              </li>
              {referral.phone && (
                <li>
                  {t.referralPhone}: <a href={`tel:${referral.phone.replace(/\s+/g, '')}`}>{referral.phone}</a>
                </li>
              )}
              {referral.hours && (
                <li>
                  {t.referralHours}: {referral.hours[ctx.lang] ?? referral.hours.da}
                </li>
              )}
            </ul>
          </div>
        )}
        {text.bodyMarkdown !== '' && (
          <section class="kanal-article-body" aria-label={t.fullAnswer}>
            {/* Sanitised when saved (markdown.ts): only plain tags and http(s)/mailto/tel links remain. */}
            <div dangerouslySetInnerHTML={{ __html: article.bodyHtml[lang] ?? '' }} />
          </section>
        )}
      </article>
      {services.length > 0 && (
        <section aria-labelledby="services-heading">
          <h2 id="services-heading">{t.relatedServices}</h2>
          <ul>
            {services.map((s) => (
              <li key={s.id}>
                <a href={s.url}>{s.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">{t.nextChannelTitle}</h2>
        <p>{services.length > 0 ? `${t.nextChannelSelf} ` : ''}{t.nextChannelPhone(phone)} {t.nextChannelHours(hours)}</p>
      </section>
      <section id="nyttigt" class="kanal-feedback">
        {feedback.thanks ? (
          <>
            <h2>{t.usefulLegend}</h2>
            <Alert variant="success" heading={t.usefulThanks} headingLevel={3} text={t.usefulThanksText} role={false} />
          </>
        ) : (
          <form method="post" action={`/svar/${article.slug}/nyttigt${ctx.lang !== 'da' ? `?lang=${ctx.lang}` : ''}`} novalidate>
            {ctx.csrfToken && <input type="hidden" name="_csrf" value={ctx.csrfToken} />}
            <Radios
              id="useful"
              name="useful"
              legend={t.usefulLegend}
              legendHeading={2}
              value={feedback.useful}
              error={errorOf('useful')}
              items={[
                { value: 'ja', label: t.usefulYes },
                { value: 'nej', label: t.usefulNo },
              ]}
            />
            <Textarea id="comment" name="comment" label={t.usefulComment} hint={t.usefulCommentHint} required={false} rows={3} characterLimit={COMMENT_MAX} value={feedback.comment} error={errorOf('comment')} />
            <Button variant="secondary">{t.usefulSend}</Button>
          </form>
        )}
      </section>
    </CitizenLayout>
  );
}
