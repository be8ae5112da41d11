// The search field in every page header, and the type-ahead box the client script
// (src/client/knowledge.ts) fills from /api/knowledge/suggest. Without JavaScript the
// box stays hidden and the form submits to the results page.
import type { Lang } from '../i18n/index.ts';
import { layoutMessages } from './messages.ts';

/** Suggestions for the search input `inputId`; `suggestionsMany` has the count as its first number. */
export function SuggestionBox({ lang, inputId }: { lang: Lang; inputId: string }) {
  const t = layoutMessages[lang];
  return (
    <>
      <p class="sr-only" aria-live="polite" id={`${inputId}-suggest-status`}></p>
      <div class="kanal-suggest" data-kanal-suggest={inputId} data-lang={lang} data-status-none={t.suggestionsNone} data-status-one={t.suggestionsOne} data-status-many={t.suggestionsMany} hidden>
        <ul class="kanal-suggest-list unstyled-list" aria-label={t.suggestionsLabel}></ul>
      </div>
    </>
  );
}

/** Citizens search answers and self-services (/soeg); staff search the knowledge base. */
export function HeaderSearch({ lang, audience }: { lang: Lang; audience: 'citizen' | 'staff' }) {
  const t = layoutMessages[lang];
  const id = 'site-search';
  return (
    <div class="container">
      <form action={audience === 'citizen' ? '/soeg' : '/medarbejder/viden'} method="get" role="search" class="kanal-header-search" aria-label={audience === 'citizen' ? t.siteSearchLabel : t.staffSearchLabel}>
        <div class="form-group">
          <label class="form-label sr-only" for={id}>
            {audience === 'citizen' ? t.siteSearchLabel : t.staffSearchLabel}
          </label>
          <input class="form-input" type="search" id={id} name="q" autocomplete="off" spellcheck={false} />
        </div>
        <button class="button button-secondary" type="submit">
          {t.searchButton}
        </button>
      </form>
      {audience === 'citizen' && <SuggestionBox lang={lang} inputId={id} />}
    </div>
  );
}
