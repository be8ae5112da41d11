// The test identity provider's pages, in Kanal's own layout and clearly marked as a test.
import { DateTime } from 'luxon';
import { CitizenLayout, type PageContext } from '../../ui/index.ts';
import { Alert, Button, ButtonGroup, DA_TEXTS, EN_TEXTS, ErrorSummary, firstOptionId, Radios, type ChoiceItem } from '../../ui/components/index.ts';
import type { AssuranceLevel } from '../../policy/index.ts';
import { formatCpr } from '../cpr.ts';
import { roleNames } from '../messages.ts';
import type { TestAccount } from './accounts.ts';
import { testIdpMessages } from './messages.ts';

function TestWarning({ ctx }: { ctx: PageContext }) {
  const t = testIdpMessages[ctx.lang];
  return <Alert variant="warning" heading={t.warningHeading} headingLevel={2} text={t.warningText} role={false} />;
}

function ageOf(birthDate: string): number {
  return Math.floor(-DateTime.fromISO(birthDate).diffNow('years').years);
}

function accountHint(ctx: PageContext, account: TestAccount): string {
  const t = testIdpMessages[ctx.lang];
  const f = account.facts;
  if (account.kind === 'staff') return [f.department, f.role ? roleNames[ctx.lang][f.role] : t.noRole].join(' · ');
  if (account.kind === 'business') return `${f.organisation} · CVR ${f.cvr}`;
  const age = f.birthDate ? ageOf(f.birthDate) : undefined;
  const tag = age === undefined ? undefined : age < 18 ? t.child : age >= 75 ? t.elderly : undefined;
  return [f.cpr && `CPR ${formatCpr(f.cpr)}`, age !== undefined && `${age} ${t.years}${tag ? ` (${tag})` : ''}`, f.address].filter(Boolean).join(' · ');
}

export interface TestLoginProps {
  ctx: PageContext;
  action: string;
  accounts: readonly TestAccount[];
  audience: 'citizen' | 'business' | 'staff';
  loa: AssuranceLevel;
  missingAccount: boolean;
}

export function TestLoginPage({ ctx, action, accounts, audience, loa, missingAccount }: TestLoginProps) {
  const t = testIdpMessages[ctx.lang];
  const texts = ctx.lang === 'en' ? EN_TEXTS : DA_TEXTS;
  const legend = audience === 'staff' ? t.chooseEmployee : audience === 'business' ? t.chooseBusiness : t.chooseCitizen;
  const items: ChoiceItem[] = accounts.map((a) => ({ value: a.id, label: audience === 'business' ? `${a.name}, ${a.facts.organisation}` : a.name, hint: accountHint(ctx, a) }));
  const levels: ChoiceItem[] = [
    { value: 'low', label: t.loaLow },
    { value: 'substantial', label: t.loaSubstantial },
    { value: 'high', label: t.loaHigh },
  ];
  return (
    <CitizenLayout ctx={ctx} title={t.title}>
      <ErrorSummary errors={missingAccount ? [{ fieldId: firstOptionId('konto'), message: t.chooseMissing }] : []} texts={texts} />
      <h1>{t.title}</h1>
      <TestWarning ctx={ctx} />
      <form method="post" action={action} novalidate>
        <Radios id="konto" name="konto" legend={legend} items={items} error={missingAccount ? t.chooseMissing : undefined} texts={texts} />
        {audience !== 'staff' && <Radios id="sikringsniveau" name="sikringsniveau" legend={t.loa} hint={t.loaHint} items={levels} value={loa} texts={texts} />}
        <ButtonGroup>
          <Button variant="primary">{t.logIn}</Button>
          <Button variant="secondary" name="afbryd" value="1">
            {t.cancel}
          </Button>
        </ButtonGroup>
      </form>
    </CitizenLayout>
  );
}

export function TestLogoutPage({ ctx, action, xsrf }: { ctx: PageContext; action: string; xsrf: string }) {
  const t = testIdpMessages[ctx.lang];
  return (
    <CitizenLayout ctx={ctx} title={t.logoutTitle}>
      <h1>{t.logoutTitle}</h1>
      <TestWarning ctx={ctx} />
      <p>{t.logoutText}</p>
      <form method="post" action={action}>
        <input type="hidden" name="xsrf" value={xsrf} />
        <ButtonGroup>
          <Button variant="primary" name="logout" value="yes">
            {t.logoutButton}
          </Button>
          <Button variant="secondary">{t.stayButton}</Button>
        </ButtonGroup>
      </form>
    </CitizenLayout>
  );
}

export function TestMessagePage({ ctx, title, lines }: { ctx: PageContext; title: string; lines: readonly string[] }) {
  return (
    <CitizenLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <TestWarning ctx={ctx} />
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </CitizenLayout>
  );
}
