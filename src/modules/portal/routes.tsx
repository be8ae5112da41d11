import type { AppContext, KanalApp } from '../../platform/module.ts';
import { anonymousPageCache, pageContext } from '../../platform/ui/index.ts';
import { FrontPage } from './views/front-page.tsx';
import { AccessibilityPage } from './views/accessibility-page.tsx';

const open = { access: { public: true } } as const;

export function registerPortalRoutes(app: KanalApp, ctx: AppContext): void {
  // The most visited page: the same for every anonymous visitor, so its HTML is cached.
  const frontPage = anonymousPageCache();
  app.get('/', { config: open, schema: { hide: true } }, (request, reply) => frontPage(request, reply, () => <FrontPage ctx={pageContext(request, ctx.config)} />));
  app.get('/tilgaengelighed', { config: open, schema: { hide: true } }, (request, reply) =>
    reply.page(<AccessibilityPage ctx={pageContext(request, ctx.config)} />),
  );
}
