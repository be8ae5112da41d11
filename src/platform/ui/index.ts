export { CitizenLayout, StaffLayout, type PageContext, type Viewer, type NavItem, type Municipality } from './layout.tsx';
export { pageContext } from './context.ts';
export { renderDocument } from './render.ts';
export { uiPlugin } from './plugin.ts';
export { assetUrls } from './assets.ts';
export { adminNav, formatAdminTime } from './admin-nav.ts';
export { anonymousPageCache } from './page-cache.ts';
