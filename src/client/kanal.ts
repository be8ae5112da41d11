// Progressive enhancement only: every page works without this file.
// It starts DKFDS's components (accordions, character counters, error summaries)
// and Kanal's own: the warning before the idle logout, knowledge search type-ahead,
// the editor's live LIX, the progress of an import of figures.
import { startKnowledge } from './knowledge.ts';
import { startSessionWarning } from './session-warning.ts';
import { startImportProgress } from './import-progress.ts';

declare global {
  interface Window {
    DKFDS?: { init(): void };
  }
}

import { enhanceAddressInputs } from './address-suggest.ts';

window.DKFDS?.init();
enhanceAddressInputs();
startSessionWarning();
startKnowledge();
startImportProgress();
