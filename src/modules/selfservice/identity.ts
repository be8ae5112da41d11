// Who is using a service, from the identity layer, and whether the service's definition
// lets them: its audience and assurance level. Prefill comes from the login and the
// person register (the lookup is audited).
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/module.ts';
import { authPaths, lookupPerson, type Identity } from '../../platform/auth/index.ts';
import type { Applicant } from './store.ts';
import type { ServiceDefinition } from './schema.ts';

export function loginOf(request: FastifyRequest): Identity | undefined {
  return request.identity;
}

export function csrfOf(request: FastifyRequest): string {
  return request.csrfToken();
}

const LOA_ORDER = { low: 0, substantial: 1, high: 2 } as const;

/** Front-desk staff may fill in any service together with a citizen (medbetjening). */
export function mayAssist(login: Identity | undefined): boolean {
  return login?.kind === 'staff' && login.roles.includes('frontdesk');
}

/**
 * Anonymous services are open to all. Others need the right kind of login at the
 * service's level: citizens (also acting for an association without CVR), businesses.
 */
export function mayUse(def: ServiceDefinition, login: Identity | undefined): boolean {
  if (def.audience.includes('anonymous')) return true;
  if (!login) return false;
  if (login.kind === 'staff') return mayAssist(login);
  if (def.loa && LOA_ORDER[login.loa] < LOA_ORDER[def.loa]) return false;
  if (login.kind === 'business') return def.audience.includes('business');
  return def.audience.includes('citizen') || def.audience.includes('association');
}

/** The logins a service takes: citizens (also for an association) first, then businesses. */
export function loginKindsFor(def: ServiceDefinition): ('citizen' | 'business')[] {
  const kinds: ('citizen' | 'business')[] = [];
  if (def.audience.includes('citizen') || def.audience.includes('association')) kinds.push('citizen');
  if (def.audience.includes('business')) kinds.push('business');
  return kinds;
}

/** Where to log in for this service (at its level), coming back to its start page (or `returnTo`). */
export function loginUrlFor(def: ServiceDefinition, kind: 'citizen' | 'business', returnTo = `/selvbetjening/${def.id}`): string {
  const params = new URLSearchParams({ til: returnTo });
  if (def.loa) params.set('loa', def.loa);
  return `${authPaths.start(kind)}?${params.toString()}`;
}

const addressText = (a: { street: string; postcode: string; city: string }) => `${a.street}, ${a.postcode} ${a.city}`;

/** The applicant as the login says, with the citizen's address from the person register. */
export async function applicantFromLogin(ctx: AppContext, request: FastifyRequest, login: Identity | undefined): Promise<Applicant> {
  if (!login || login.kind === 'staff') return {};
  if (login.kind === 'business') return { subject: login.subject, name: login.name, cvr: login.cvr, organisation: login.organisation };
  const person = await ctx.db.transaction().execute((trx) => lookupPerson(trx, { config: ctx.config, actor: login, purpose: 'Udfyld selvbetjening', requestId: request.id }, login.cpr));
  const applicant: Applicant = { subject: login.subject, name: login.name, cpr: login.cpr };
  // A protected address is shown to the person alone; prefilling it on their own form is that.
  if (person?.address) applicant.address = addressText(person.address);
  return applicant;
}

/** Medbetjening: the employee looks the citizen up with a purpose (audited) and fills in for them. */
export async function applicantForAssisted(ctx: AppContext, request: FastifyRequest, staff: Identity, cpr: string, purpose: string): Promise<Applicant | undefined> {
  const person = await ctx.db.transaction().execute((trx) => lookupPerson(trx, { config: ctx.config, actor: staff, purpose, requestId: request.id }, cpr));
  if (!person) return undefined;
  const applicant: Applicant = { name: person.name, cpr: person.cpr };
  if (person.address && !person.protectedAddress) applicant.address = addressText(person.address);
  return applicant;
}
