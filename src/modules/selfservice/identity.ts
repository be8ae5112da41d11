// Who is using a service, as the identity layer (src/platform/auth) says, and whether the
// service's definition lets them: its audience and assurance level.
import type { FastifyRequest } from 'fastify';
import type { Applicant } from './service.ts';
import type { ServiceDefinition } from './schema.ts';

/** The parts of the identity layer's `request.identity` this module reads. */
export interface Login {
  kind: 'citizen' | 'business' | 'staff';
  subject: string;
  name: string;
  loa: 'low' | 'substantial' | 'high';
  roles: readonly string[];
  cpr?: string;
  cvr?: string;
  organisation?: string;
}

export function loginOf(request: FastifyRequest): Login | undefined {
  return (request as unknown as { identity?: Login }).identity;
}

/** The CSRF token for forms, once the identity layer provides it. */
export function csrfOf(request: FastifyRequest): string | undefined {
  const r = request as unknown as { csrfToken?: () => string };
  return typeof r.csrfToken === 'function' ? r.csrfToken() : undefined;
}

export function applicantOf(login: Login | undefined): Applicant {
  if (!login || login.kind === 'staff') return {};
  const applicant: Applicant = { subject: login.subject, name: login.name };
  if (login.cpr) applicant.cpr = login.cpr;
  if (login.cvr) applicant.cvr = login.cvr;
  if (login.organisation) applicant.organisation = login.organisation;
  return applicant;
}

const LOA_ORDER = { low: 0, substantial: 1, high: 2 } as const;

/**
 * Anonymous services are open to all. Others need the right kind of login at the
 * service's level: citizens (also for an association without CVR), businesses. Front-desk
 * staff may start any service together with a citizen (medbetjening).
 */
export function mayUse(def: ServiceDefinition, login: Login | undefined): boolean {
  if (def.audience.includes('anonymous')) return true;
  if (!login) return false;
  if (login.kind === 'staff') return login.roles.includes('frontdesk');
  if (def.loa && LOA_ORDER[login.loa] < LOA_ORDER[def.loa]) return false;
  if (login.kind === 'business') return def.audience.includes('business');
  return def.audience.includes('citizen') || def.audience.includes('association');
}

/** Where to log in for this service; undefined until the identity layer is there. */
export function loginUrlFor(request: FastifyRequest, def: ServiceDefinition): string | undefined {
  void request;
  const kind = def.audience.includes('citizen') || def.audience.includes('association') ? 'citizen' : 'business';
  return `/login/${kind}?next=${encodeURIComponent(`/selvbetjening/${def.id}`)}`;
}
