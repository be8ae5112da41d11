// After login: the citizen's or business's own details, and the employee's home page.
import { DateTime } from 'luxon';
import { CitizenLayout, StaffLayout, type PageContext } from '../../ui/index.ts';
import { Alert, DA_TEXTS, EN_TEXTS, SummaryList } from '../../ui/components/index.ts';
import { formatCpr } from '../cpr.ts';
import { authMessages, roleNames } from '../messages.ts';
import type { BusinessIdentity, CitizenIdentity, StaffIdentity } from '../identity.ts';
import type { Address, Business, Person } from '../register/index.ts';
import { staffNav } from '../staff-nav.ts';
import { authPaths } from '../paths.ts';

const texts = (ctx: PageContext) => (ctx.lang === 'en' ? EN_TEXTS : DA_TEXTS);

function AddressLines({ address }: { address: Address }) {
  return (
    <>
      {address.street}
      <br />
      {address.postcode} {address.city}
    </>
  );
}

function formatDate(day: string): string {
  return DateTime.fromISO(day).toFormat('dd.LL.yyyy');
}

export function CitizenPage({ ctx, identity, person }: { ctx: PageContext; identity: CitizenIdentity; person: Person | undefined }) {
  const t = authMessages[ctx.lang];
  const rows = [
    { key: t.name, value: person?.name ?? identity.name },
    { key: 'CPR', value: formatCpr(identity.cpr) },
    ...(person ? [{ key: t.birthDate, value: formatDate(person.birthDate) }] : []),
    { key: t.address, value: person?.address ? <AddressLines address={person.address} /> : t.addressUnknown },
    ...(person
      ? [{ key: t.children, value: person.children.length > 0 ? person.children.map((c) => `${c.name} (${formatDate(c.birthDate)})`).join(', ') : t.noChildren }]
      : []),
  ];
  return (
    <CitizenLayout ctx={ctx} title={t.myPageTitle}>
      <h1>{t.myPageTitle}</h1>
      <p class="font-lead">{t.myPageLead}</p>
      {person?.protectedAddress && <Alert variant="info" text={t.protectedAddress} texts={texts(ctx)} />}
      <SummaryList rows={rows} caption={t.myPageTitle} captionSrOnly texts={texts(ctx)} />
      <p>
        <a href={authPaths.myOverview}>{t.myOverviewLink}</a>
      </p>
    </CitizenLayout>
  );
}

export function BusinessPage({ ctx, identity, business }: { ctx: PageContext; identity: BusinessIdentity; business: Business | undefined }) {
  const t = authMessages[ctx.lang];
  const rows = [
    { key: t.organisation, value: business?.name ?? identity.organisation },
    { key: t.cvr, value: identity.cvr },
    { key: t.address, value: business ? <AddressLines address={business.address} /> : t.addressUnknown },
    { key: t.loggedInAs, value: identity.name },
  ];
  return (
    <CitizenLayout ctx={ctx} title={t.myPageTitle}>
      <h1>{t.myPageTitle}</h1>
      <p class="font-lead">{t.businessLead}</p>
      <SummaryList rows={rows} caption={t.myPageTitle} captionSrOnly texts={texts(ctx)} />
      <p>
        <a href={authPaths.myOverview}>{t.myOverviewLink}</a>
      </p>
    </CitizenLayout>
  );
}

export function StaffHomePage({ ctx, identity }: { ctx: PageContext; identity: StaffIdentity }) {
  const t = authMessages[ctx.lang];
  const department = identity.department.sensitive ? `${identity.department.name} (${t.sensitiveDepartment})` : identity.department.name;
  const rows = [
    { key: t.name, value: identity.name },
    { key: t.department, value: department },
    { key: identity.roles.length > 1 ? t.roles : t.role, value: identity.roles.map((r) => roleNames[ctx.lang][r]).join(', ') },
  ];
  return (
    <StaffLayout ctx={ctx} title={t.staffHomeTitle} nav={staffNav(identity, ctx.lang)}>
      <h1>
        {t.staffWelcome}, {identity.name}
      </h1>
      <SummaryList rows={rows} caption={t.staffHomeTitle} captionSrOnly texts={texts(ctx)} />
    </StaffLayout>
  );
}
