// Choosing how to log in, the logged-out page, and a failed login.
import { CitizenLayout, type PageContext } from '../../ui/index.ts';
import { Alert, Button, ButtonGroup, DA_TEXTS, EN_TEXTS } from '../../ui/components/index.ts';
import { authMessages } from '../messages.ts';
import { authPaths, startUrl } from '../paths.ts';
import type { LoginFailureReason } from '../login.ts';
import type { LoginKind } from '../identity.ts';

const texts = (ctx: PageContext) => (ctx.lang === 'en' ? EN_TEXTS : DA_TEXTS);

export function LoginPage({ ctx, returnTo, sessionExpired, testIdp }: { ctx: PageContext; returnTo: string | undefined; sessionExpired: boolean; testIdp: boolean }) {
  const t = authMessages[ctx.lang];
  return (
    <CitizenLayout ctx={ctx} title={t.loginTitle}>
      <h1>{t.loginTitle}</h1>
      {sessionExpired && <Alert variant="info" text={t.sessionExpired} texts={texts(ctx)} />}
      {testIdp && <Alert variant="warning" text={t.loginTestNote} role={false} texts={texts(ctx)} />}
      <p class="font-lead">{t.loginLead}</p>
      <ButtonGroup>
        <Button variant="primary" href={startUrl('citizen', returnTo)}>
          {t.loginCitizen}
        </Button>
      </ButtonGroup>
      <h2>{t.loginBusiness}</h2>
      <p>{t.loginBusinessHint}</p>
      <ButtonGroup>
        <Button variant="secondary" href={startUrl('business', returnTo)}>
          {t.loginBusiness}
        </Button>
      </ButtonGroup>
      <h2>{t.loginStaffQuestion}</h2>
      <p>
        <a href={startUrl('staff', returnTo)}>{t.loginStaff}</a>
      </p>
    </CitizenLayout>
  );
}

export function LoggedOutPage({ ctx }: { ctx: PageContext }) {
  const t = authMessages[ctx.lang];
  return (
    <CitizenLayout ctx={ctx} title={t.loggedOutTitle}>
      <h1>{t.loggedOutTitle}</h1>
      <p class="font-lead">{t.loggedOutBody}</p>
      <p>
        <a href={authPaths.login}>{t.loginAgain}</a>
      </p>
      <p>
        <a href="/">{t.toFrontPage}</a>
      </p>
    </CitizenLayout>
  );
}

const failureText: Record<LoginFailureReason, keyof (typeof authMessages)['da']> = {
  expired: 'loginExpiredBody',
  cancelled: 'loginCancelledBody',
  failed: 'loginFailedBody',
  'loa-too-low': 'loginLoaTooLowBody',
  'missing-claims': 'loginFailedBody',
  'wrong-kind': 'loginWrongKindBody',
  'no-role': 'loginNoRoleBody',
  'unknown-department': 'loginNoRoleBody',
};

export function LoginFailedPage({ ctx, reason, kind, returnTo }: { ctx: PageContext; reason: LoginFailureReason; kind: LoginKind | undefined; returnTo: string | undefined }) {
  const t = authMessages[ctx.lang];
  const again = kind ? startUrl(kind, returnTo) : authPaths.login;
  return (
    <CitizenLayout ctx={ctx} title={t.loginFailedTitle}>
      <h1>{t.loginFailedTitle}</h1>
      <p class="font-lead">{t[failureText[reason]]}</p>
      {reason !== 'no-role' && reason !== 'unknown-department' && (
        <ButtonGroup>
          <Button variant="primary" href={again}>
            {t.tryAgain}
          </Button>
        </ButtonGroup>
      )}
      <p>
        <a href="/">{t.toFrontPage}</a>
      </p>
    </CitizenLayout>
  );
}
