// A logged-in user's unsubmitted drafts, for "Mit overblik" (the cases module shows them
// next to the user's cases): which service, when last saved, when deleted, where to resume.
import type { Lang } from '../../platform/i18n/index.ts';
import type { SelfService } from './service.ts';
import { paths } from './views/pages.tsx';

export interface OverviewDraft {
  title: string;
  savedAt: string;
  expiresAt: string;
  /** The step the user got to: the owner's login opens it, no secret needed. */
  href: string;
}

/** The drafts, titled from the running service's catalogue; a draft of a removed service is left out. */
export async function overviewDrafts(service: Pick<SelfService, 'catalogue' | 'draftsOf'>, subject: string, lang: Lang): Promise<OverviewDraft[]> {
  const drafts = await service.draftsOf(subject);
  return drafts.flatMap((d) => {
    const def = service.catalogue.get(d.service_id);
    return def ? [{ title: def.title[lang], savedAt: d.updated_at, expiresAt: d.expires_at, href: paths.step(def.id, d.id, d.current_step) }] : [];
  });
}
