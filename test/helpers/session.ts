// A logged-in session for tests that are not about logging in: a fictional person
// with the role, put in the real session store. (Tests of logins themselves go
// through the test identity provider: see http-client.ts.)
import type { Role } from '../../src/platform/policy/index.ts';
import type { Identity } from '../../src/platform/auth/index.ts';
import { departmentById } from '../../src/platform/auth/index.ts';
import { startSession } from '../../src/platform/auth/sessions.ts';
import { csrfTokenFor } from '../../src/platform/auth/secrets.ts';
import type { TestApp } from './app.ts';

export interface TestSession {
  identity: Identity;
  /** For app.inject({ cookies }). */
  cookies: Record<string, string>;
  /** For forms (`_csrf`) and page-made API calls (`x-csrf-token`). */
  csrfToken: string;
}

function identityFor(app: TestApp, role: Role, departmentId?: string): Identity {
  if (role === 'citizen') return { kind: 'citizen', subject: 'test-citizen', name: 'Anna Sørensen', loa: 'substantial', roles: ['citizen'], cpr: '1203881234' };
  if (role === 'business') return { kind: 'business', subject: 'test-business', name: 'Jens Nielsen', loa: 'substantial', roles: ['business'], cvr: '31415926', organisation: 'Albertslund Cykler ApS' };
  const wanted = departmentId ?? (role === 'admin' || role === 'dpo' ? 'administration' : 'borgerservice');
  const department = departmentById(app.config, wanted) ?? app.config.auth.departments[0]!;
  return { kind: 'staff', subject: `test-${role}`, name: `Test ${role}`, loa: 'substantial', roles: [role], department };
}

export async function sessionAs(app: TestApp, role: Role, options: { departmentId?: string } = {}): Promise<TestSession> {
  const identity = identityFor(app, role, options.departmentId);
  const session = await startSession(app.database.db, app.config, identity);
  const https = app.config.publicUrl.startsWith('https://');
  return {
    identity,
    cookies: { [https ? '__Host-kanal_session' : 'kanal_session']: session.id },
    csrfToken: csrfTokenFor(app.config.sessionSecret, session.id),
  };
}
