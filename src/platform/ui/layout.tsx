// The page shells: one for citizens and businesses, one for staff. Both use the
// DKFDS borger.dk theme, a skip link, the language switch and the footer.
import type { ComponentChildren } from 'preact';
import type { Lang } from '../i18n/index.ts';
import { layoutMessages } from './messages.ts';
import { assetUrls } from './assets.ts';
import { HeaderSearch } from './search.tsx';
import { renderedOnce } from './render.ts';

export interface Municipality {
  name: string;
  logoUrl?: string | undefined;
  phone: string;
  email: string;
  address: string;
  accessibilityStatementUrl: string;
}

/** Who is logged in, as the header shows it. */
export interface Viewer {
  name: string;
  /** E.g. the organisation or department. */
  info?: string | undefined;
}

export interface NavItem {
  href: string;
  text: string;
}

/** What every page needs to know about the request it answers. */
export interface PageContext {
  lang: Lang;
  /** Path of the current page, without query: for the language switch and the current menu item. */
  path: string;
  municipality: Municipality;
  viewer?: Viewer | undefined;
  /** CSRF token for the log-out form. */
  csrfToken?: string | undefined;
  /** Set while a test identity provider is in use, so nobody mistakes it for MitID. */
  testBanner?: string | undefined;
  loginUrl?: string | undefined;
  logoutUrl?: string | undefined;
  /** While logged in: when to warn before the idle logout, and where "stay logged in" posts. */
  sessionWarning?: SessionWarning | undefined;
}

export interface SessionWarning {
  secondsLeft: number;
  warnSeconds: number;
  renewUrl: string;
}

interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; the municipality's name is added. */
  title: string;
  children: ComponentChildren;
}

function Document({ ctx, title, children }: LayoutProps) {
  return (
    <html lang={ctx.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${ctx.municipality.name}`}</title>
        {renderedOnce(assetUrls, 'head', () => (
          <>
            <link rel="stylesheet" href={assetUrls.css} />
            <link rel="stylesheet" href={assetUrls.kanalCss} />
            <script src={assetUrls.js} defer></script>
            <script src={assetUrls.kanalJs} defer></script>
          </>
        ))}
      </head>
      <body>{children}</body>
    </html>
  );
}

function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  const t = layoutMessages[ctx.lang];
  const options: { code: Lang; name: string }[] = [
    { code: 'da', name: 'Dansk' },
    { code: 'en', name: 'English' },
  ];
  return (
    <div class="language-switcher">
      <div class="container">
        <ul aria-label={t.languageSwitch}>
          {options.map((o) => (
            <li key={o.code}>
              <a href={`${ctx.path}?lang=${o.code}`} lang={o.code} hreflang={o.code} aria-current={o.code === ctx.lang ? 'true' : undefined}>
                {o.name}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function PortalUser({ ctx }: { ctx: PageContext }) {
  const t = layoutMessages[ctx.lang];
  if (ctx.viewer && ctx.logoutUrl) {
    return (
      <div class="portal-user kanal-portal-user">
        <p class="user">{ctx.viewer.info ? `${ctx.viewer.name}, ${ctx.viewer.info}` : ctx.viewer.name}</p>
        <form method="post" action={ctx.logoutUrl}>
          {ctx.csrfToken && <input type="hidden" name="_csrf" value={ctx.csrfToken} />}
          <button type="submit" class="function-link d-print-none log-off">{t.logOut}</button>
        </form>
      </div>
    );
  }
  if (ctx.loginUrl) {
    return (
      <div class="portal-user kanal-portal-user">
        <a class="function-link" href={ctx.loginUrl}>{t.logIn}</a>
      </div>
    );
  }
  return null;
}

/** The contact registry's quick registration (served by the contacts module), linked from every staff page. */
export const QUICK_CONTACT_PATH = '/medarbejder/henvendelser/ny';

function Header({ ctx, heading, nav, navLabel, audience }: { ctx: PageContext; heading: string; nav: NavItem[]; navLabel: string; audience: 'citizen' | 'staff' }) {
  const t = layoutMessages[ctx.lang];
  return (
    <header class="header">
      {ctx.testBanner && (
        <div class="kanal-test-banner">
          <div class="container">{ctx.testBanner}</div>
        </div>
      )}
      <div class="portal-info">
        <div class="portal-info-inner container">
          {renderedOnce(ctx.municipality, `logo:${ctx.lang}`, () => (
            <a href="/" class="kanal-logo-link" aria-label={`${ctx.municipality.name} – ${t.frontPageLink}`}>
              <img class="kanal-logo" src={ctx.municipality.logoUrl ?? assetUrls.logo} alt="" />
            </a>
          ))}
          <PortalUser ctx={ctx} />
        </div>
      </div>
      <div class="solution-info">
        <div class="solution-info-inner container">
          <div class="solution-heading">
            <a href="/">{heading}</a>
          </div>
          {audience === 'staff' && ctx.path !== QUICK_CONTACT_PATH && (
            <a class="button button-secondary kanal-quick-contact" href={QUICK_CONTACT_PATH}>
              {t.quickContact}
            </a>
          )}
        </div>
      </div>
      {renderedOnce(layoutMessages, `search:${ctx.lang}:${audience}`, () => <HeaderSearch lang={ctx.lang} audience={audience} />)}
      {nav.length > 0 && (
        <div class="navigation-menu">
          <div class="navigation-menu-inner container">
            <nav aria-label={navLabel}>
              <ul class="kanal-nav-list">
                {nav.map((item) => (
                  <li key={item.href}>
                    <a href={item.href} aria-current={item.href === ctx.path ? 'page' : undefined}>
                      {item.text}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      )}
    </header>
  );
}

function Footer({ ctx }: { ctx: PageContext }) {
  return (
    <footer>
      {renderedOnce(ctx.municipality, `footer:${ctx.lang}`, () => <FooterContact municipality={ctx.municipality} lang={ctx.lang} />)}
      <LanguageSwitch ctx={ctx} />
    </footer>
  );
}

function FooterContact({ municipality: m, lang }: { municipality: Municipality; lang: Lang }) {
  const t = layoutMessages[lang];
  return (
    <div class="footer">
      <div class="container">
        <div class="row">
          <div class="col-12 col-md-6 footer-col">
            <section>
              <h2 class="h5">{t.footerContact}</h2>
              <ul class="unstyled-list">
                <li>{m.name}</li>
                <li>{m.address}</li>
                <li>
                  {t.footerPhone}: <a href={`tel:${m.phone.replace(/\s+/g, '')}`}>{m.phone}</a>
                </li>
                <li>
                  {t.footerEmail}: <a href={`mailto:${m.email}`}>{m.email}</a>
                </li>
              </ul>
            </section>
          </div>
          <div class="col-12 col-md-6 footer-col">
            <section>
              <ul class="unstyled-list">
                <li>
                  <a href={m.accessibilityStatementUrl}>{t.accessibilityStatement}</a>
                </li>
                <li>
                  <a href="/tilgaengelighed">{t.aboutAccessibility}</a>
                </li>
              </ul>
            </section>
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * Hidden until kanal.js shows it shortly before the idle logout (WCAG 2.2.1: warn,
 * and let the user extend with one action). The form also works without JavaScript.
 */
function SessionWarningBox({ ctx, warning }: { ctx: PageContext; warning: SessionWarning }) {
  const t = layoutMessages[ctx.lang];
  return (
    <div class="container kanal-session-warning" id="kanal-session-warning" hidden data-seconds-left={String(warning.secondsLeft)} data-warn-seconds={String(warning.warnSeconds)} data-ended-text={t.sessionEnded}>
      <div class="alert alert-warning" role="alert">
        <div class="alert-body">
          <h2 class="alert-heading h3">{t.sessionWarningTitle}</h2>
          <p class="alert-text">{t.sessionWarningBody}</p>
          <form method="post" action={warning.renewUrl}>
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <input type="hidden" name="til" value={ctx.path} />
            <button type="submit" class="button button-secondary">{t.sessionStay}</button>
          </form>
        </div>
      </div>
    </div>
  );
}

function Shell({ ctx, title, children, heading, nav, navLabel, audience }: LayoutProps & { heading: string; nav: NavItem[]; navLabel: string; audience: 'citizen' | 'staff' }) {
  const t = layoutMessages[ctx.lang];
  return (
    <Document ctx={ctx} title={title}>
      <a class="skipnav" href="#main-content">
        {t.skipLink}
      </a>
      <Header ctx={ctx} heading={heading} nav={nav} navLabel={navLabel} audience={audience} />
      {ctx.sessionWarning && <SessionWarningBox ctx={ctx} warning={ctx.sessionWarning} />}
      <main id="main-content" class="container kanal-main" tabIndex={-1}>
        {children}
      </main>
      <Footer ctx={ctx} />
    </Document>
  );
}

/** The citizen and business portal. */
export function CitizenLayout({ ctx, title, children, nav = [] }: LayoutProps & { nav?: NavItem[] }) {
  const t = layoutMessages[ctx.lang];
  return (
    <Shell ctx={ctx} title={title} heading={`${ctx.municipality.name} – ${t.serviceName}`} nav={nav} navLabel={t.mainMenu} audience="citizen">
      {children}
    </Shell>
  );
}

/** The staff back office; the navigation depends on the employee's role. */
export function StaffLayout({ ctx, title, children, nav }: LayoutProps & { nav: NavItem[] }) {
  const t = layoutMessages[ctx.lang];
  return (
    <Shell ctx={ctx} title={title} heading={`${ctx.municipality.name} – ${t.staffArea}`} nav={nav} navLabel={t.staffMenu} audience="staff">
      {children}
    </Shell>
  );
}
