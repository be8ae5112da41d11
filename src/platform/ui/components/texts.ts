/**
 * The fixed words the components print themselves (DKFDS's built-in Danish
 * wording). Every component takes an optional `texts` prop with any subset of
 * these; missing keys fall back to Danish. Pass `EN_TEXTS` (or a partial
 * override) on English pages.
 *
 * Everything the page author writes (labels, legends, hints, error messages,
 * titles) is a normal prop and never comes from here.
 */
export interface UiTexts {
  /** Marker after the label of an optional field. DKFDS: "(frivilligt)". */
  optional: string;
  /** Marker after the label of a required field, when shown. DKFDS: "(*skal udfyldes)". */
  required: string;
  /** Screen-reader-only prefix of an inline error message. DKFDS: "Fejl:". */
  errorPrefix: string;

  /** Screen-reader text describing a character limit (referenced by aria-describedby). */
  characterLimitInfo: (max: number) => string;
  /** Visible counter while under the limit (DKFDS's character-limit.js replaces it when it runs). */
  charactersRemaining: (left: number) => string;
  /** Visible counter once the limit is exceeded. */
  charactersTooMany: (over: number) => string;

  dateDay: string;
  dateMonth: string;
  dateYear: string;

  /** Accessible names of the alert icons (also used for the accordion status icons). */
  alertInfo: string;
  alertSuccess: string;
  alertWarning: string;
  alertError: string;

  /** Default title of the error summary. */
  errorSummaryTitle: string;

  stepIndicatorLabel: string;
  stepCompleted: (step: number) => string;
  stepHasError: (step: number) => string;
  stepOf: (current: number, total: number) => string;

  paginationLabel: string;
  paginationFirst: string;
  paginationPrevious: string;
  paginationPreviousLabel: string;
  paginationNext: string;
  paginationNextLabel: string;
  paginationLast: string;
  paginationPage: (page: number) => string;
  paginationLastPage: (page: number) => string;
  paginationPageOf: (current: number, total: number) => string;
  paginationEllipsis: string;

  breadcrumbsLabel: string;
  back: string;
  skipToContent: string;
  /** Visible text of the change link in a summary list; the row key follows it as sr-only text. */
  change: string;
}

/** DKFDS 11's own wording (copied from the njk templates and JS). */
export const DA_TEXTS: UiTexts = {
  optional: '(frivilligt)',
  required: '(*skal udfyldes)',
  errorPrefix: 'Fejl:',
  characterLimitInfo: (max) => `Du kan indtaste op til ${max} tegn`,
  charactersRemaining: (left) => `Du har ${left} tegn tilbage`,
  charactersTooMany: (over) => `Du har ${over} tegn for meget`,
  dateDay: 'Dag',
  dateMonth: 'Måned',
  dateYear: 'År',
  alertInfo: 'Information',
  alertSuccess: 'Succes',
  alertWarning: 'Advarsel',
  alertError: 'Fejl',
  errorSummaryTitle: 'Der er problemer',
  stepIndicatorLabel: 'Trinindikator',
  stepCompleted: (step) => `Trin ${step} gennemført`,
  stepHasError: (step) => `Fejl i trin ${step}`,
  stepOf: (current, total) => `Trin ${current} af ${total}`,
  paginationLabel: 'Paginering',
  paginationFirst: 'Første side',
  paginationPrevious: 'Forrige',
  paginationPreviousLabel: 'Forrige side',
  paginationNext: 'Næste',
  paginationNextLabel: 'Næste side',
  paginationLast: 'Sidste side',
  paginationPage: (page) => `Side ${page}`,
  paginationLastPage: (page) => `Sidste side, side ${page}`,
  paginationPageOf: (current, total) => `Side ${current} af ${total}`,
  paginationEllipsis: 'Prikker som indikerer skjulte sider',
  breadcrumbsLabel: 'Brødkrumme',
  back: 'Tilbage',
  skipToContent: 'Gå til sidens indhold',
  change: 'Redigér',
};

export const EN_TEXTS: UiTexts = {
  optional: '(optional)',
  required: '(*required)',
  errorPrefix: 'Error:',
  characterLimitInfo: (max) => `You can enter up to ${max} characters`,
  charactersRemaining: (left) => `You have ${left} ${left === 1 ? 'character' : 'characters'} remaining`,
  charactersTooMany: (over) => `You have ${over} ${over === 1 ? 'character' : 'characters'} too many`,
  dateDay: 'Day',
  dateMonth: 'Month',
  dateYear: 'Year',
  alertInfo: 'Information',
  alertSuccess: 'Success',
  alertWarning: 'Warning',
  alertError: 'Error',
  errorSummaryTitle: 'There is a problem',
  stepIndicatorLabel: 'Steps',
  stepCompleted: (step) => `Step ${step} completed`,
  stepHasError: (step) => `Error in step ${step}`,
  stepOf: (current, total) => `Step ${current} of ${total}`,
  paginationLabel: 'Pagination',
  paginationFirst: 'First page',
  paginationPrevious: 'Previous',
  paginationPreviousLabel: 'Previous page',
  paginationNext: 'Next',
  paginationNextLabel: 'Next page',
  paginationLast: 'Last page',
  paginationPage: (page) => `Page ${page}`,
  paginationLastPage: (page) => `Last page, page ${page}`,
  paginationPageOf: (current, total) => `Page ${current} of ${total}`,
  paginationEllipsis: 'Dots indicating hidden pages',
  breadcrumbsLabel: 'Breadcrumb',
  back: 'Back',
  skipToContent: 'Skip to main content',
  change: 'Change',
};

/** Danish defaults overlaid with the given overrides. */
export function resolveTexts(overrides?: Partial<UiTexts>): UiTexts {
  if (!overrides) return DA_TEXTS;
  // Pages pass the same few catalogues to every component: merge each once.
  let merged = resolved.get(overrides);
  if (!merged) {
    const all: Record<string, unknown> = { ...DA_TEXTS };
    for (const [key, value] of Object.entries(overrides)) {
      if (value !== undefined) all[key] = value;
    }
    merged = all as unknown as UiTexts;
    resolved.set(overrides, merged);
  }
  return merged;
}

const resolved = new WeakMap<Partial<UiTexts>, UiTexts>();
