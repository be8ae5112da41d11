// Address type-ahead: inputs with data-address-suggest get a native <datalist> filled from
// the address register as the citizen types. Without JavaScript the server finds the
// address from what was typed, so this only saves keystrokes.
export function enhanceAddressInputs(root: ParentNode = document): void {
  root.querySelectorAll<HTMLInputElement>('input[data-address-suggest]').forEach((input) => {
    const list = document.createElement('datalist');
    list.id = `${input.id}-suggestions`;
    input.after(list);
    input.setAttribute('list', list.id);
    let timer: number | undefined;
    let asked = '';
    input.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void suggest(), 150);
    });
    const suggest = async () => {
      const q = input.value.trim();
      if (q.length < 2 || q === asked) return;
      asked = q;
      try {
        const res = await fetch(`${input.dataset.addressSuggest}?q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' } });
        if (!res.ok) return;
        const { addresses } = (await res.json()) as { addresses: { text: string }[] };
        list.replaceChildren(...addresses.map((a) => Object.assign(document.createElement('option'), { value: a.text })));
      } catch {
        // No suggestions: typing the address still works.
      }
    };
  });
}
