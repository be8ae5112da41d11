import { CitizenLayout, type PageContext } from '../../../platform/ui/index.ts';
import { portalMessages } from '../messages.ts';

export function FrontPage({ ctx }: { ctx: PageContext }) {
  const t = portalMessages[ctx.lang];
  const m = ctx.municipality;
  return (
    <CitizenLayout ctx={ctx} title={t.frontTitle}>
      <h1>{t.frontTitle}</h1>
      <p class="font-lead">{t.frontLead}</p>
      <h2>{t.frontServicesTitle}</h2>
      <p>{t.frontServicesLead}</p>
      <p>
        <a class="button button-primary" href="/selvbetjening">
          {t.frontServicesLink}
        </a>
      </p>
      <h2>{t.contactTitle}</h2>
      <ul>
        <li>
          {t.contactPhone}: <a href={`tel:${m.phone.replace(/\s+/g, '')}`}>{m.phone}</a>
        </li>
        <li>
          {t.contactVisit}: {m.address}
        </li>
      </ul>
    </CitizenLayout>
  );
}
