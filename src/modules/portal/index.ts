// The citizen portal's own pages: the front page and the accessibility page.
import type { KanalModule } from '../../platform/module.ts';
import { registerPortalRoutes } from './routes.tsx';

export const portalModule: KanalModule = {
  name: 'portal',
  register: registerPortalRoutes,
};
