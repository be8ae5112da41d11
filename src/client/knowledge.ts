// Enhancements for the knowledge base; every page works without them.
//   - type-ahead under the search field (/api/knowledge/suggest), keyboard usable;
//   - the editor's LIX, kept current while typing (the same function the server uses).
// CSP: no inline styles or handlers — only the hidden attribute, classes and text.
import { lixOfMarkdown, type LixLevel } from '../modules/knowledge/lix.ts';

interface SuggestHit {
  title: string;
  url: string;
}

function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function startTypeahead(box: HTMLElement): void {
  const input = document.getElementById(box.dataset.kanalSuggest ?? '') as HTMLInputElement | null;
  const list = box.querySelector('ul');
  const status = document.getElementById(`${input?.id ?? ''}-suggest-status`);
  if (!input || !list || !status) return;
  let latest = 0;
  let controller: AbortController | undefined;

  const links = () => Array.from(list.querySelectorAll('a'));
  const close = () => {
    box.hidden = true;
    list.replaceChildren();
  };
  const show = (hits: SuggestHit[]) => {
    list.replaceChildren(
      ...hits.map((hit) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = hit.url;
        a.textContent = hit.title;
        li.append(a);
        return li;
      }),
    );
    box.hidden = hits.length === 0;
    status.textContent = hits.length === 0 ? (box.dataset.statusNone ?? '') : hits.length === 1 ? (box.dataset.statusOne ?? '') : (box.dataset.statusMany ?? '').replace(/^\d+/, String(hits.length));
  };

  const fetchSuggestions = async (q: string) => {
    const ticket = ++latest;
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`/api/knowledge/suggest?q=${encodeURIComponent(q)}&lang=${box.dataset.lang ?? 'da'}`, { headers: { accept: 'application/json' }, signal: controller.signal });
      if (!response.ok) return;
      const body = (await response.json()) as { hits: SuggestHit[] };
      if (ticket === latest) show(body.hits);
    } catch {
      // Aborted or offline: the plain search still works.
    }
  };
  const lookUp = debounce((q: string) => void fetchSuggestions(q), 150);

  input.addEventListener('input', () => {
    const q = input.value.trim();
    if (q.length < 2) {
      latest++;
      close();
      return;
    }
    lookUp(q);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && !box.hidden) {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === 'Escape') close();
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      all[Math.min(at + 1, all.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (at <= 0) input.focus();
      else all[at - 1]?.focus();
    } else if (event.key === 'Escape') {
      close();
      input.focus();
    }
  });
}

function startLix(display: HTMLElement): void {
  const source = document.getElementById(display.dataset.lixSource ?? '') as HTMLTextAreaElement | null;
  if (!source) return;
  const levels = JSON.parse(display.dataset.lixLevels ?? '{}') as Record<LixLevel, string>;
  const warnAbove = Number(display.dataset.lixWarnAbove ?? '40');
  const update = () => {
    const result = lixOfMarkdown(source.value);
    const audience = document.querySelector<HTMLInputElement>('input[name="audience"]:checked')?.value;
    display.textContent = `LIX ${result.lix} – ${levels[result.level] ?? result.level}`;
    if (audience === 'public' && result.lix > warnAbove) {
      const warning = document.createElement('strong');
      warning.className = 'kanal-lix-warning';
      warning.textContent = ` ${display.dataset.lixWarning ?? ''}`;
      display.append(warning);
    }
  };
  // Announced after a pause in typing, not on every key.
  source.addEventListener('input', debounce(update, 700));
  document.querySelectorAll('input[name="audience"]').forEach((radio) => radio.addEventListener('change', update));
}

export function startKnowledge(): void {
  document.querySelectorAll<HTMLElement>('[data-kanal-suggest]').forEach(startTypeahead);
  document.querySelectorAll<HTMLElement>('[data-lix-source]').forEach(startLix);
}
