import { CitizenLayout, type PageContext } from '../../../platform/ui/index.ts';
import { Button, DA_TEXTS, EN_TEXTS, TextInput } from '../../../platform/ui/components/index.ts';
import { selfServiceMessages } from '../messages.ts';
import type { LifeSituation, ServiceDefinition } from '../schema.ts';
import { paths } from './pages.tsx';

function ServiceLink({ def, ctx }: { def: ServiceDefinition; ctx: PageContext }) {
  return (
    <li>
      <a href={paths.service(def.id)}>{def.title[ctx.lang]}</a>
      <p class="kanal-service-description">{def.description[ctx.lang]}</p>
    </li>
  );
}

export interface CataloguePageProps {
  ctx: PageContext;
  query: string;
  groups: { situation: LifeSituation; services: ServiceDefinition[] }[];
  found: number;
  mostUsed: ServiceDefinition[];
  drafts: { href: string; title: string; saved: string }[];
}

export function CataloguePage({ ctx, query, groups, found, mostUsed, drafts }: CataloguePageProps) {
  const t = selfServiceMessages[ctx.lang];
  return (
    <CitizenLayout ctx={ctx} title={t.catalogueTitle}>
      <h1>{t.catalogueTitle}</h1>
      <p class="font-lead">{t.catalogueLead}</p>
      <form method="get" action={paths.catalogue} role="search">
        <TextInput id="q" name="q" type="search" value={query} label={t.filterLabel} hint={t.filterHint} required={false} optionalLabel={false} texts={ctx.lang === 'da' ? DA_TEXTS : EN_TEXTS} />
        <Button variant="secondary">{t.filterButton}</Button>
      </form>
      {query && <p role="status">{found === 0 ? t.filterNone(query) : t.filterResults(found, query)}</p>}
      {drafts.length > 0 && (
        <section>
          <h2>{t.yourDrafts}</h2>
          <ul>
            {drafts.map((d) => (
              <li key={d.href}>
                <a href={d.href}>{d.title}</a> – {t.draftSaved(d.saved)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!query && mostUsed.length > 0 && (
        <section>
          <h2>{t.mostUsed}</h2>
          <ul>
            {mostUsed.map((def) => (
              <li key={def.id}>
                <a href={paths.service(def.id)}>{def.title[ctx.lang]}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {groups.map((g) => (
        <section key={g.situation}>
          <h2>{t.lifeSituations[g.situation]}</h2>
          <ul class="kanal-service-list">
            {g.services.map((def) => (
              <ServiceLink key={def.id} def={def} ctx={ctx} />
            ))}
          </ul>
        </section>
      ))}
    </CitizenLayout>
  );
}
