// A logged-in user's unsubmitted drafts, for "Mit overblik" (the cases module shows them
// next to the user's cases): which service, when last saved, when deleted, where to resume.
import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/index.ts';
import type { Lang } from '../../platform/i18n/index.ts';
import { defaultServicesDir, loadCatalogue, type Catalogue } from './definitions.ts';
import { draftsOf } from './store.ts';
import { paths } from './views/pages.tsx';

export interface OverviewDraft {
  title: string;
  savedAt: string;
  expiresAt: string;
  /** The step the user got to: the owner's login opens it, no secret needed. */
  href: string;
}

// The definitions are read once per folder: they only change with a restart.
const catalogues = new Map<string, Catalogue>();

function catalogueFor(config: Config): Catalogue {
  const dir = config.selfService.servicesDir ?? defaultServicesDir;
  let catalogue = catalogues.get(dir);
  if (!catalogue) catalogues.set(dir, (catalogue = loadCatalogue(dir, config.auth.departments.map((d) => d.id))));
  return catalogue;
}

export async function draftsInOverview(ctx: { db: Db; config: Config }, subject: string, lang: Lang, now = new Date()): Promise<OverviewDraft[]> {
  const catalogue = catalogueFor(ctx.config);
  const drafts = await draftsOf(ctx.db, subject, now.toISOString());
  return drafts.flatMap((d) => {
    const def = catalogue.get(d.service_id);
    return def ? [{ title: def.title[lang], savedAt: d.updated_at, expiresAt: d.expires_at, href: paths.step(def.id, d.id, d.current_step) }] : [];
  });
}
