// Roles, assurance levels and the shape of an access declaration.

/** Kanal's roles. Staff roles come from the municipality's identity provider. */
export const roles = ['citizen', 'business', 'frontdesk', 'caseworker', 'manager', 'admin', 'dpo'] as const;
export type Role = (typeof roles)[number];

/** The roles an employee can have (the others belong to MitID logins). */
export const staffRoles = ['frontdesk', 'caseworker', 'manager', 'admin', 'dpo'] as const satisfies readonly Role[];
export type StaffRole = (typeof staffRoles)[number];

export function isStaffRole(role: string): role is StaffRole {
  return (staffRoles as readonly string[]).includes(role);
}

/** NSIS assurance levels, lowest first. */
export const assuranceLevels = ['low', 'substantial', 'high'] as const;
export type AssuranceLevel = (typeof assuranceLevels)[number];

export function atLeast(level: AssuranceLevel, required: AssuranceLevel): boolean {
  return assuranceLevels.indexOf(level) >= assuranceLevels.indexOf(required);
}

/**
 * Who may call a route:
 * - `{ public: true }` — anyone, logged in or not;
 * - `{ roles }` — a logged-in user with one of the roles; `loa` sets the least
 *   assurance level of the login; `department: 'own'` limits staff to their own
 *   department's data (the route checks the data against the employee's department).
 */
export type Access =
  | { public: true }
  | { roles: readonly Role[]; loa?: AssuranceLevel; department?: 'own' | 'any' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * 'exempt' only for routes that no browser session can reach with its cookie:
     * API-key clients, and the test identity provider's protocol endpoints (which
     * carry their own state). Every other POST, PUT, PATCH and DELETE needs the token.
     */
    csrf?: 'exempt';
    /** 'login' counts against the login limit; 'exempt' only for the test identity provider. */
    rateLimit?: 'login' | 'exempt';
  }
}
