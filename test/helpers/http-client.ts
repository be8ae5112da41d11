// A cookie-keeping HTTP client over real HTTP: a browser without JavaScript, for
// tests that walk the login flow through the test identity provider.
import net from 'node:net';
import { startTestApp, type TestApp, type TestAppOptions } from './app.ts';

export interface Page {
  status: number;
  /** The URL the answer came from (after redirects). */
  url: string;
  headers: Headers;
  body: string;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private store(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) <= Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** One request, no redirects followed. */
  async send(method: string, url: string, options: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(new URL(url, this.baseUrl), { method, headers, body, redirect: 'manual' });
    this.store(response.headers);
    return response;
  }

  /**
   * A request and every redirect after it, as a browser would (303 and 302 after POST
   * become GET). `stopAt` stops before following a redirect to a matching URL: the
   * answer is then the redirect, with `url` the address it points to.
   */
  async go(method: string, url: string, options: { form?: Record<string, string>; headers?: Record<string, string>; stopAt?: (url: URL) => boolean } = {}): Promise<Page> {
    let response = await this.send(method, url, options);
    let current = new URL(url, this.baseUrl).href;
    for (let hops = 0; response.status >= 300 && response.status < 400; hops++) {
      if (hops > 20) throw new Error(`Too many redirects from ${url}`);
      current = new URL(response.headers.get('location')!, current).href;
      if (options.stopAt?.(new URL(current))) break;
      response = await this.send('GET', current);
    }
    return { status: response.status, url: current, headers: response.headers, body: await response.text() };
  }

  get(url: string): Promise<Page> {
    return this.go('GET', url);
  }

  post(url: string, form: Record<string, string>, headers?: Record<string, string>): Promise<Page> {
    return this.go('POST', url, { form, headers });
  }
}

/** The value of a hidden form field on a page, e.g. the CSRF token. */
export function hiddenField(html: string, name: string): string {
  const value = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`No hidden field ${name} on the page.`);
  return value.replaceAll('&amp;', '&');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ListeningTestApp extends TestApp {
  baseUrl: string;
}

/**
 * A Kanal app listening on a real port, its public URL set to that port, so the
 * in-process test identity provider's issuer and redirect URIs are reachable.
 */
export async function startListeningTestApp(options: TestAppOptions = {}): Promise<ListeningTestApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await startTestApp({ ...options, env: { KANAL_PUBLIC_URL: baseUrl, ...options.env } });
  await app.app.listen({ port, host: '127.0.0.1' });
  return { ...app, baseUrl };
}

export interface LoginOptions {
  /** The assurance level chosen at the test provider (citizens and businesses). */
  loa?: 'low' | 'substantial' | 'high';
  returnTo?: string;
}

export type TestLoginKind = 'citizen' | 'business' | 'staff';

/** Chooses the account on the test provider's login page and follows on from there. */
export async function chooseTestAccount(client: HttpClient, loginPage: Page, kind: TestLoginKind, accountId: string, options: LoginOptions & { stopAt?: (url: URL) => boolean } = {}): Promise<Page> {
  if (!/\/test-idp\/interaction\//.test(loginPage.url)) throw new Error(`Expected the test login page, got ${loginPage.status} ${loginPage.url}`);
  const form: Record<string, string> = { konto: accountId };
  if (kind !== 'staff') form.sikringsniveau = options.loa ?? 'substantial';
  return client.go('POST', new URL(loginPage.url).pathname, { form, stopAt: options.stopAt });
}

/** Walks the whole login through the test identity provider and returns the page it lands on. */
export async function logInAs(client: HttpClient, kind: TestLoginKind, accountId: string, options: LoginOptions = {}): Promise<Page> {
  const start = `/auth/login/${kind}${options.returnTo ? `?til=${encodeURIComponent(options.returnTo)}` : ''}`;
  return chooseTestAccount(client, await client.get(start), kind, accountId, options);
}
