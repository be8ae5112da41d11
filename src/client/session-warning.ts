// Warns shortly before the idle logout and lets the user stay logged in with one
// click (WCAG 2.2.1). The box and its form are rendered by the server, hidden.

export function startSessionWarning(): void {
  const box = document.getElementById('kanal-session-warning');
  const form = box?.querySelector('form');
  if (!box || !form) return;
  const warnMs = Number(box.dataset.warnSeconds) * 1000;
  let deadline = Date.now() + Number(box.dataset.secondsLeft) * 1000;
  let timers: number[] = [];

  const ended = () => {
    const text = box.querySelector('.alert-text');
    if (text) text.textContent = box.dataset.endedText ?? '';
    form.hidden = true;
    box.hidden = false;
  };
  const schedule = () => {
    timers.forEach((t) => window.clearTimeout(t));
    const now = Date.now();
    timers = [
      window.setTimeout(() => {
        box.hidden = false;
      }, Math.max(0, deadline - warnMs - now)),
      window.setTimeout(ended, Math.max(0, deadline - now)),
    ];
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    fetch(form.action, {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': textOf(data.get('_csrf')) },
      body: new URLSearchParams(data as unknown as Record<string, string>),
      credentials: 'same-origin',
    })
      .then((response) => (response.ok ? (response.json() as Promise<{ secondsLeft: number }>) : Promise.reject(new Error(String(response.status)))))
      .then(({ secondsLeft }) => {
        deadline = Date.now() + secondsLeft * 1000;
        box.hidden = true;
        schedule();
      })
      .catch(ended);
  });
  schedule();
}

function textOf(value: FormDataEntryValue | null): string {
  return typeof value === 'string' ? value : '';
}
