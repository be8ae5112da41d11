// The OpenID Connect relying party (openid-client 6): authorization code flow with
// PKCE (S256), state and nonce, against the citizen broker or the staff provider.
import * as client from 'openid-client';
import type { Config, OidcClientConfig } from '../../config.ts';
import { KanalError } from '../http/index.ts';
import type { AssuranceLevel } from '../policy/index.ts';
import { nsisAcr, type LoginKind } from './identity.ts';

/** Citizens and businesses log in at the MitID broker; employees at the municipality's provider. */
export type IssuerName = 'citizen' | 'staff';

export function issuerOf(kind: LoginKind): IssuerName {
  return kind === 'staff' ? 'staff' : 'citizen';
}

/** What the callback must check, kept server-side between the redirect and the callback. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcClients {
  /** The identity provider's authorization URL for a new login, and what to check on return. */
  startLogin(kind: LoginKind, loa: AssuranceLevel | undefined): Promise<{ url: URL; checks: LoginChecks }>;
  /** Exchanges the code (checking state, nonce and PKCE) and returns the claims of the ID token and userinfo. */
  finishLogin(issuer: IssuerName, callbackUrl: URL, checks: LoginChecks): Promise<Record<string, unknown>>;
  /** The provider's end-session URL, when it offers one. */
  endSessionUrl(issuer: IssuerName, postLogoutRedirectUri: string): Promise<URL | undefined>;
}

export function redirectUri(config: Config, issuer: IssuerName): string {
  return `${config.publicUrl}/auth/callback/${issuer}`;
}

export function createOidcClients(config: Config): OidcClients {
  const settings: Record<IssuerName, OidcClientConfig> = { citizen: config.auth.citizen, staff: config.auth.staff };
  const discovered = new Map<IssuerName, Promise<client.Configuration>>();

  /** Discovered on first use (the in-process test provider is not listening before the app is) and kept. */
  const configuration = async (issuer: IssuerName): Promise<client.Configuration> => {
    let pending = discovered.get(issuer);
    if (!pending) {
      const s = settings[issuer];
      pending = client.discovery(new URL(s.issuer), s.clientId, undefined, client.ClientSecretBasic(s.clientSecret), {
        execute: config.auth.allowHttp ? [client.allowInsecureRequests] : [],
      });
      discovered.set(issuer, pending);
      // A provider that is down now may be up at the next login: do not keep the failure.
      pending.catch(() => discovered.delete(issuer));
    }
    try {
      return await pending;
    } catch (error) {
      throw new KanalError('service_unavailable', `The ${issuer} identity provider cannot be reached: ${(error as Error).message}`);
    }
  };

  return {
    async startLogin(kind, loa) {
      const issuer = issuerOf(kind);
      const oidc = await configuration(issuer);
      const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const scope = kind === 'business' ? `${config.auth.citizen.scope} ${config.auth.citizen.businessScope}` : settings[issuer].scope;
      const parameters: Record<string, string> = {
        redirect_uri: redirectUri(config, issuer),
        scope,
        state: checks.state,
        nonce: checks.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
      };
      if (issuer === 'citizen') {
        parameters.acr_values = nsisAcr[loa ?? 'substantial'];
        // Every MitID login authenticates afresh: a step-up, or a switch between
        // citizen and business, must never ride on the broker's earlier session.
        parameters.prompt = 'login';
      }
      return { url: client.buildAuthorizationUrl(oidc, parameters), checks };
    },

    async finishLogin(issuer, callbackUrl, checks) {
      const oidc = await configuration(issuer);
      const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('The token response has no ID token.');
      let claims: Record<string, unknown> = { ...idClaims };
      // Brokers differ in where they put CPR and names: take userinfo too when offered.
      if (oidc.serverMetadata().userinfo_endpoint) {
        const userinfo = await client.fetchUserInfo(oidc, tokens.access_token, idClaims.sub);
        claims = { ...userinfo, ...claims };
      }
      return claims;
    },

    async endSessionUrl(issuer, postLogoutRedirectUri) {
      const oidc = await configuration(issuer).catch(() => undefined);
      if (!oidc?.serverMetadata().end_session_endpoint) return undefined;
      // client_id instead of id_token_hint: an ID token holds the CPR number, and a URL
      // ends up in browser histories and proxy logs.
      return client.buildEndSessionUrl(oidc, { post_logout_redirect_uri: postLogoutRedirectUri, client_id: settings[issuer].clientId });
    },
  };
}
