// Progressive enhancement only: every page works without this file.
// It starts DKFDS's components (accordions, character counters, error summaries)
// and the warning before the idle logout.
import { startSessionWarning } from './session-warning.ts';

declare global {
  interface Window {
    DKFDS?: { init(): void };
  }
}

window.DKFDS?.init();
startSessionWarning();

export {};
