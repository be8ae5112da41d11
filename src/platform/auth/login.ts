// A login from start to finish: the redirect to the identity provider, and the
// callback that checks everything, rotates the session and records the login.
import type { Config } from '../../config.ts';
import { toTimestamp, type Db } from '../db/index.ts';
import { record } from '../audit/service.ts';
import { atLeast, assuranceLevels, type AssuranceLevel } from '../policy/index.ts';
import { citizenIdentityFromClaims, LoginRefused, staffIdentityFromClaims, type Identity, type LoginKind, type RefusalReason } from './identity.ts';
import { issuerOf, type IssuerName, type OidcClients } from './oidc.ts';
import { endSession, startSession, type ActiveSession } from './sessions.ts';
import { hashId, newSecretId } from './secrets.ts';
import { insertLoginAttempt, takeLoginAttempt } from './store.ts';
import { homeOf } from './paths.ts';

/** How long someone has at the identity provider before the login attempt is void. */
const ATTEMPT_MINUTES = 15;

export type LoginFailureReason = 'expired' | 'cancelled' | 'failed' | 'loa-too-low' | RefusalReason;

/** A login that did not succeed. The reason (never the claims) is safe to log and show. */
export class LoginFailed extends Error {
  constructor(
    readonly reason: LoginFailureReason,
    /** The kind of login that was tried, to offer the same again. */
    readonly kind: LoginKind | undefined,
    readonly returnTo: string | undefined,
    detail: string,
  ) {
    super(detail);
    this.name = 'LoginFailed';
  }
}

export interface StartedLogin {
  /** Goes in a short-lived cookie, so only this browser can finish the login. */
  attemptId: string;
  url: URL;
}

export async function startLogin(db: Db, oidc: OidcClients, kind: LoginKind, returnTo: string | undefined, loa: AssuranceLevel | undefined): Promise<StartedLogin> {
  const { url, checks } = await oidc.startLogin(kind, loa);
  const attemptId = newSecretId();
  const at = Date.now();
  await insertLoginAttempt(db, {
    id_hash: hashId(attemptId),
    kind,
    state: checks.state,
    nonce: checks.nonce,
    code_verifier: checks.codeVerifier,
    return_to: returnTo ?? homeOf(kind),
    loa: loa ?? null,
    created_at: toTimestamp(new Date(at)),
    expires_at: toTimestamp(new Date(at + ATTEMPT_MINUTES * 60_000)),
  });
  return { attemptId, url };
}

function identityFrom(config: Config, kind: LoginKind, claims: Record<string, unknown>): Identity {
  return kind === 'staff' ? staffIdentityFromClaims(config, claims) : citizenIdentityFromClaims(config, kind, claims);
}

export interface FinishedLogin {
  session: ActiveSession;
  returnTo: string;
}

/**
 * Finishes a login at the callback. The attempt is used up first, whatever happens,
 * so a callback URL cannot be replayed. Any session the browser had is ended: the
 * logged-in session always gets a new id.
 */
export async function finishLogin(
  db: Db,
  config: Config,
  oidc: OidcClients,
  input: { issuer: IssuerName; attemptId: string | undefined; callbackUrl: URL; previousSessionId: string | undefined; requestId: string },
): Promise<FinishedLogin> {
  const attempt = input.attemptId ? await db.transaction().execute((trx) => takeLoginAttempt(trx, hashId(input.attemptId!))) : undefined;
  if (!attempt || attempt.expires_at <= toTimestamp(new Date()) || issuerOf(attempt.kind as LoginKind) !== input.issuer) {
    throw new LoginFailed('expired', attempt?.kind as LoginKind | undefined, attempt?.return_to, 'No login attempt in this browser matches the callback.');
  }
  const kind = attempt.kind as LoginKind;
  const fail = (reason: LoginFailureReason, detail: string) => new LoginFailed(reason, kind, attempt.return_to, detail);

  const error = input.callbackUrl.searchParams.get('error');
  if (error) throw fail(error === 'access_denied' ? 'cancelled' : 'failed', `The identity provider answered ${error}.`);

  let claims: Record<string, unknown>;
  try {
    claims = await oidc.finishLogin(input.issuer, input.callbackUrl, { state: attempt.state, nonce: attempt.nonce, codeVerifier: attempt.code_verifier });
  } catch (e) {
    // openid-client names the failed check (state, nonce, …), and the provider's error
    // (e.g. invalid_grant for a wrong PKCE verifier); neither holds claims.
    const { message, error, error_description } = e as Error & { error?: unknown; error_description?: unknown };
    throw fail('failed', [message, error, error_description].filter((part) => typeof part === 'string').join(': '));
  }

  let identity: Identity;
  try {
    identity = identityFrom(config, kind, claims);
  } catch (e) {
    if (e instanceof LoginRefused) throw fail(e.reason, e.message);
    throw e;
  }

  const required = assuranceLevels.find((l) => l === attempt.loa);
  if (required && !atLeast(identity.loa, required)) {
    await db.transaction().execute((trx) =>
      record(trx, { actor: identity, action: 'auth.login', subject: subjectOf(identity), purpose: 'Log ind', requestId: input.requestId, outcome: 'denied', details: { loa: identity.loa, required } }),
    );
    throw fail('loa-too-low', `The login's assurance level ${identity.loa} is below the required ${required}.`);
  }

  const session = await db.transaction().execute(async (trx) => {
    if (input.previousSessionId) await endSession(trx, input.previousSessionId);
    const started = await startSession(trx, config, identity);
    await record(trx, { actor: identity, action: 'auth.login', subject: subjectOf(identity), purpose: 'Log ind', requestId: input.requestId, outcome: 'success', details: { loa: identity.loa } });
    return started;
  });
  return { session, returnTo: attempt.return_to };
}

export function subjectOf(identity: Identity): { cpr?: string; cvr?: string } {
  if (identity.kind === 'citizen') return { cpr: identity.cpr };
  if (identity.kind === 'business') return { cvr: identity.cvr };
  return {};
}

/** Ends the session and records the logout; returns where the browser goes next. */
export async function logout(db: Db, config: Config, oidc: OidcClients, session: ActiveSession, loggedOutUrl: string, requestId: string): Promise<string> {
  await db.transaction().execute(async (trx) => {
    await endSession(trx, session.id);
    await record(trx, { actor: session.identity, action: 'auth.logout', subject: subjectOf(session.identity), purpose: 'Log ud', requestId, outcome: 'success' });
  });
  const endSessionUrl = await oidc.endSessionUrl(issuerOf(session.identity.kind), loggedOutUrl);
  return endSessionUrl?.href ?? loggedOutUrl;
}
