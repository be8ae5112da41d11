// Identity and access: logins (MitID broker, staff provider, the test provider),
// server-side sessions, CSRF, rate limits and the person register.
// What modules need is exported here; the rest is the layer's own business.
import type { KanalModule } from '../module.ts';
import { defineJob } from '../jobs/index.ts';
import { authMigrations } from './migrations.ts';
import { cleanupExpiredSessions } from './sessions.ts';
import { registerAuthRoutes } from './routes.tsx';
import { registerTestIdp } from './test-idp/routes.tsx';

export type { Identity, CitizenIdentity, BusinessIdentity, StaffIdentity, LoginKind } from './identity.ts';
export { requireIdentity, requireStaff, requireCitizen } from './guards.ts';
export { lookupPerson, lookupBusiness, personRegister, testPeople, testBusinesses, type LookupBy, type Person, type Business, type Address, type Child, type PersonRegister } from './register/index.ts';
export { checkCpr, normaliseCpr, normaliseCvr, formatCpr, birthDateOfCpr } from './cpr.ts';
export { departments, departmentById, type Department } from './departments.ts';
export { cleanupExpiredSessions } from './sessions.ts';
export { staffNav } from './staff-nav.ts';
export { authPaths } from './paths.ts';
export { authPlugin, accessPolicyOptions, type CookiesOfLogin } from './plugin.ts';

export const authModule: KanalModule = {
  name: 'auth',
  migrations: authMigrations,
  async register(app, ctx) {
    registerAuthRoutes(app, ctx);
    if (ctx.config.auth.testIdp) await registerTestIdp(app, ctx);
  },
  jobs: (ctx) => [
    defineJob({
      type: 'auth.cleanup',
      // Expired sessions are also deleted when presented; this catches the ones never seen again.
      schedule: '*/5 * * * *',
      async run(_payload, job) {
        job.log.info(await cleanupExpiredSessions(ctx.db), 'deleted expired sessions, login attempts and rate-limit counters');
      },
    }),
  ],
};

declare module '../jobs/index.ts' {
  interface JobTypes {
    'auth.cleanup': Record<string, never>;
  }
}
