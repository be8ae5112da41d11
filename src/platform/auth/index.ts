// Identity and access: logins (MitID broker, staff provider, the test provider),
// server-side sessions, CSRF, rate limits and the person register.
// What modules need is exported here; the rest is the layer's own business.
import type { KanalModule } from '../module.ts';
import { authMigrations } from './migrations.ts';
import { registerAuthRoutes } from './routes.tsx';
import { registerTestIdp } from './test-idp/routes.tsx';

export type { Identity, CitizenIdentity, BusinessIdentity, StaffIdentity, LoginKind } from './identity.ts';
export { requireIdentity, requireStaff, requireCitizen } from './guards.ts';
export { lookupPerson, lookupBusiness, personRegister, type LookupBy, type Person, type Business, type Address, type Child, type PersonRegister } from './register/index.ts';
export { normaliseCpr, normaliseCvr, formatCpr, birthDateOfCpr } from './cpr.ts';
export { departments, departmentById, type Department } from './departments.ts';
export { cleanupExpiredSessions } from './sessions.ts';
export { staffNav } from './staff-nav.ts';
export { authPaths } from './paths.ts';
export { authPlugin, accessPolicyOptions } from './plugin.ts';

export const authModule: KanalModule = {
  name: 'auth',
  migrations: authMigrations,
  async register(app, ctx) {
    registerAuthRoutes(app, ctx);
    if (ctx.config.auth.testIdp) await registerTestIdp(app, ctx);
  },
};
