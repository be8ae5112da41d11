// A small HTTP client with a cookie jar for flow tests over real HTTP (no browser).
export interface Reply {
  status: number;
  location: string | undefined;
  text: string;
  headers: Headers;
}

export class FormClient {
  private cookies = new Map<string, string>();
  /** The CSRF token of the last page seen; sent with every form, as a browser would. */
  private csrfToken: string | undefined;
  constructor(readonly baseUrl: string) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, path: string, body?: URLSearchParams | FormData | string, headers: Record<string, string> = {}): Promise<Reply> {
    const res = await fetch(new URL(path, this.baseUrl), { method, body, redirect: 'manual', headers: { cookie: this.cookieHeader(), ...headers } });
    this.remember(res);
    const text = await res.text();
    this.csrfToken = FormClient.csrf(text) ?? this.csrfToken;
    return { status: res.status, location: res.headers.get('location') ?? undefined, text, headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }

  /** Posts a form with the page's CSRF token; values may repeat (checkboxes). */
  post(path: string, form: Record<string, string | string[]> | FormData) {
    if (form instanceof FormData) {
      if (this.csrfToken && !form.has('_csrf')) form.append('_csrf', this.csrfToken);
      return this.request('POST', path, form);
    }
    const body = new URLSearchParams();
    if (this.csrfToken && !('_csrf' in form)) body.append('_csrf', this.csrfToken);
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
    return this.request('POST', path, body);
  }

  /** The CSRF token on the last page, when the identity layer puts one there. */
  static csrf(html: string): string | undefined {
    return /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  }
}
