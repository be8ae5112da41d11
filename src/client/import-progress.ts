// Follows an import of figures on its page: polls the status route and updates the
// progress bar; when the worker is done, reloads the page to show the result and moves
// focus to its heading. Without this script the page says so and has a refresh link
// (no meta refresh: WCAG 2.2.1). CSP: no inline styles or handlers.
// The status's type only: esbuild erases the import, the bundle takes nothing from the server.
import type { RunStatus } from '../modules/contacts/schema.ts';

const FOCUS_KEY = 'kanal-import-focus';
const POLL_MS = 1000;

function focusAfterReload(): void {
  try {
    if (sessionStorage.getItem(FOCUS_KEY) === null) return;
    sessionStorage.removeItem(FOCUS_KEY);
  } catch {
    return; // storage blocked: the page still shows the result
  }
  document.getElementById('import-heading')?.focus();
}

export function startImportProgress(): void {
  focusAfterReload();
  const box = document.querySelector<HTMLElement>('[data-import-status]');
  const phase = document.getElementById('import-phase');
  const bar = document.getElementById('import-progress') as HTMLProgressElement | null;
  const text = document.getElementById('import-progress-text');
  if (!box || !phase || !bar || !text) return;
  const url = box.dataset.importStatus ?? '';
  let shown = phase.textContent ?? '';
  box.querySelectorAll<HTMLElement>('.kanal-no-script').forEach((el) => (el.hidden = true));

  const show = (status: RunStatus) => {
    // The live region speaks when the phase changes, not at every step of the bar.
    if (status.text !== shown) phase.textContent = shown = status.text;
    if (status.total) {
      bar.max = status.total;
      bar.value = status.done;
    } else bar.removeAttribute('value');
    bar.textContent = status.progressText;
    text.textContent = status.progressText;
  };

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
      if (response.ok) {
        const status = (await response.json()) as RunStatus;
        if (!status.busy) {
          try {
            sessionStorage.setItem(FOCUS_KEY, '1');
          } catch {
            // focus stays at the top of the page
          }
          window.location.reload();
          return;
        }
        show(status);
      }
    } catch {
      // Offline for a moment: try again at the next poll.
    }
    window.setTimeout(() => void poll(), POLL_MS);
  };
  window.setTimeout(() => void poll(), POLL_MS);
}
