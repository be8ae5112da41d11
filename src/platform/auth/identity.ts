// Who is logged in, and how an identity provider's claims become that identity.
import type { Config } from '../../config.ts';
import { isStaffRole, type AssuranceLevel, type Role, type StaffRole } from '../policy/index.ts';
import { normaliseCpr, normaliseCvr } from './cpr.ts';
import { departmentById, departmentFromClaim, type Department } from './departments.ts';

interface IdentityBase {
  /** The identity provider's subject identifier (never a CPR number). */
  subject: string;
  name: string;
  loa: AssuranceLevel;
  roles: readonly Role[];
}

/** A citizen logged in with MitID. */
export interface CitizenIdentity extends IdentityBase {
  kind: 'citizen';
  cpr: string;
}

/** A person logged in with MitID Erhverv on behalf of a business or association. */
export interface BusinessIdentity extends IdentityBase {
  kind: 'business';
  cvr: string;
  organisation: string;
}

/** An employee logged in at the municipality's identity provider. */
export interface StaffIdentity extends IdentityBase {
  kind: 'staff';
  roles: readonly StaffRole[];
  department: Department;
}

export type Identity = CitizenIdentity | BusinessIdentity | StaffIdentity;
export type LoginKind = Identity['kind'];
export const loginKinds: readonly LoginKind[] = ['citizen', 'business', 'staff'];

/** The session row keeps the department by id, so a renamed department shows its new name. */
export type StoredIdentity = CitizenIdentity | BusinessIdentity | (Omit<StaffIdentity, 'department'> & { departmentId: string });

export function toStored(identity: Identity): StoredIdentity {
  if (identity.kind !== 'staff') return identity;
  const { department, ...rest } = identity;
  return { ...rest, departmentId: department.id };
}

/** undefined when the department has since been removed from the configuration. */
export function fromStored(config: Config, stored: StoredIdentity): Identity | undefined {
  if (stored.kind !== 'staff') return stored;
  const { departmentId, ...rest } = stored;
  const department = departmentById(config, departmentId);
  return department ? { ...rest, department } : undefined;
}

/** NSIS levels as NemLog-in names them in `acr`. */
export const nsisAcr: Record<AssuranceLevel, string> = {
  low: 'https://data.gov.dk/concept/core/nsis/loa/Low',
  substantial: 'https://data.gov.dk/concept/core/nsis/loa/Substantial',
  high: 'https://data.gov.dk/concept/core/nsis/loa/High',
};

/** Accepts NemLog-in's URIs and plain 'low' / 'substantial' / 'high'. */
export function loaFromClaim(value: unknown): AssuranceLevel | undefined {
  if (typeof value !== 'string') return undefined;
  const last = value.split('/').pop()?.toLowerCase();
  return last === 'low' || last === 'substantial' || last === 'high' ? last : undefined;
}

export type RefusalReason = 'missing-claims' | 'wrong-kind' | 'no-role' | 'unknown-department';

/** The identity provider vouched for someone Kanal cannot let in. The reason is safe to log. */
export class LoginRefused extends Error {
  constructor(readonly reason: RefusalReason, detail: string) {
    super(detail);
    this.name = 'LoginRefused';
  }
}

type Claims = Record<string, unknown>;

function text(claims: Claims, name: string | undefined): string | undefined {
  const value = name ? claims[name] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
}

function personName(claims: Claims, claimName: string | undefined): string | undefined {
  return text(claims, claimName) ?? ([text(claims, 'given_name'), text(claims, 'family_name')].filter(Boolean).join(' ') || undefined);
}

function subjectOf(claims: Claims): string {
  const sub = text(claims, 'sub');
  if (!sub) throw new LoginRefused('missing-claims', 'The ID token has no sub.');
  return sub;
}

/** Claims from the MitID broker → a citizen, or a business representative when `kind` is business. */
export function citizenIdentityFromClaims(config: Config, kind: 'citizen' | 'business', claims: Claims): CitizenIdentity | BusinessIdentity {
  const names = config.auth.citizen.claims;
  const subject = subjectOf(claims);
  const name = personName(claims, names.name);
  // A broker that sends no level gets the lowest: a route that needs more asks for a new login.
  const loa = loaFromClaim(claims[names.loa ?? 'acr']) ?? 'low';
  const cvrText = text(claims, names.cvr);
  if (!name) throw new LoginRefused('missing-claims', 'The login has no name claim.');
  if (kind === 'business') {
    const cvr = cvrText ? normaliseCvr(cvrText) : undefined;
    const organisation = text(claims, names.organisation);
    if (!cvr || !organisation) throw new LoginRefused('wrong-kind', 'A business login without a valid CVR number and organisation name.');
    return { kind, subject, name, loa, roles: ['business'], cvr, organisation };
  }
  if (cvrText) throw new LoginRefused('wrong-kind', 'A business login (it has a CVR number) where a citizen login was asked for.');
  const cprText = text(claims, names.cpr);
  const cpr = cprText ? normaliseCpr(cprText) : undefined;
  if (!cpr) throw new LoginRefused('missing-claims', 'A citizen login without a valid CPR number.');
  return { kind, subject, name, loa, roles: ['citizen'], cpr };
}

function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

/** Claims from the staff identity provider → an employee with Kanal roles and a department. */
export function staffIdentityFromClaims(config: Config, claims: Claims): StaffIdentity {
  const { claims: names, roleMap } = config.auth.staff;
  const subject = subjectOf(claims);
  const name = personName(claims, names.name);
  if (!name) throw new LoginRefused('missing-claims', 'The login has no name claim.');
  const roles = [...new Set(groupsOf(claims[names.groups ?? 'groups']).map((g) => roleMap[g]).filter((r): r is StaffRole => r !== undefined && isStaffRole(r)))];
  if (roles.length === 0) throw new LoginRefused('no-role', 'The employee is in no group that gives a Kanal role.');
  const departmentText = text(claims, names.department);
  const department = departmentText ? departmentFromClaim(config, departmentText) : undefined;
  if (!department) throw new LoginRefused('unknown-department', 'The employee has no department Kanal knows.');
  // Municipal identity providers rarely send an NSIS level; their logins use two factors.
  const loa = loaFromClaim(claims[names.loa ?? 'acr']) ?? 'substantial';
  return { kind: 'staff', subject, name, loa, roles, department };
}
