// The identity layer's addresses, and the return path after login.
import type { AssuranceLevel, Role } from '../policy/index.ts';
import { isStaffRole } from '../policy/index.ts';
import type { LoginKind } from './identity.ts';

export const authPaths = {
  /** Choose how to log in (citizen, business, employee). */
  login: '/log-ind',
  start: (kind: LoginKind) => `/auth/login/${kind}`,
  callback: (issuer: 'citizen' | 'staff') => `/auth/callback/${issuer}`,
  logout: '/log-af',
  loggedOut: '/logget-af',
  renew: '/auth/forny',
  myPage: '/min-side',
  /** The cases module's "Mit overblik": cases, letters and self-service drafts. */
  myOverview: '/mit-overblik',
  staffHome: '/medarbejder',
  auditLog: '/medarbejder/adgangslog',
} as const;

/** Only a path on this site: never another host (no open redirect). */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 1000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters have no place in a path
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Where someone goes to log in before reaching `returnTo`: employees straight to their provider. */
export function loginUrl(returnTo: string, roles: readonly Role[] | undefined, sessionExpired: boolean): string {
  if (roles && roles.length > 0 && roles.every(isStaffRole)) return withQuery(authPaths.start('staff'), { til: returnTo });
  return withQuery(authPaths.login, { til: returnTo, udloebet: sessionExpired ? '1' : undefined });
}

/** A new login of the same kind at a higher assurance level. */
export function stepUpUrl(kind: LoginKind, returnTo: string, loa: AssuranceLevel): string {
  return withQuery(authPaths.start(kind), { til: returnTo, loa });
}

export function startUrl(kind: LoginKind, returnTo: string | undefined): string {
  return withQuery(authPaths.start(kind), { til: returnTo });
}

/** Where a fresh login lands when it had no return path. */
export function homeOf(kind: LoginKind): string {
  return kind === 'staff' ? authPaths.staffHome : authPaths.myPage;
}
