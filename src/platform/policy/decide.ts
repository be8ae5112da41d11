// The policy itself: a declaration and a principal in, a decision out. No HTTP here.
import { atLeast, type Access, type AssuranceLevel, type Role } from './roles.ts';

/** What the policy needs to know about whoever is logged in. */
export interface Principal {
  roles: readonly Role[];
  loa: AssuranceLevel;
  /** Staff only: the employee's department. */
  departmentId?: string | undefined;
}

export type Decision =
  | { allow: true }
  /** Nobody is logged in: log in (pages) or 401 (API). */
  | { allow: false; reason: 'unauthenticated' }
  /** Logged in with a role the route does not admit: 403. */
  | { allow: false; reason: 'forbidden' }
  /** The right role, but the login's assurance level is too low: log in again at `loa`, or 403. */
  | { allow: false; reason: 'step-up'; loa: AssuranceLevel };

export function decide(access: Access, principal: Principal | undefined): Decision {
  if ('public' in access) return { allow: true };
  if (!principal) return { allow: false, reason: 'unauthenticated' };
  if (!principal.roles.some((role) => access.roles.includes(role))) return { allow: false, reason: 'forbidden' };
  // 'own' needs a department to compare the data with; an employee without one sees nothing.
  if (access.department === 'own' && !principal.departmentId) return { allow: false, reason: 'forbidden' };
  if (access.loa && !atLeast(principal.loa, access.loa)) return { allow: false, reason: 'step-up', loa: access.loa };
  return { allow: true };
}
