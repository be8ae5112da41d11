// The built-in test identity provider: oidc-provider 8 with Kanal's two clients
// (citizen broker and staff provider in one), the test accounts, and Kanal's pages.
// Never in production (config.ts refuses KANAL_TEST_IDP=on there).
import { createHmac, generateKeyPairSync } from 'node:crypto';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import MemoryAdapter from 'oidc-provider/lib/adapters/memory_adapter.js';
import type { Logger } from 'pino';
import type { Config } from '../../../config.ts';
import { renderDocument, type PageContext } from '../../ui/index.ts';
import { nsisAcr } from '../identity.ts';
import { redirectUri } from '../oidc.ts';
import { authPaths } from '../paths.ts';
import { authMessages } from '../messages.ts';
import { testAccounts, type TestAccount } from './accounts.ts';
import { testIdpMessages } from './messages.ts';
import { TestLogoutPage, TestMessagePage } from './views.tsx';
import type { VNode } from 'preact';

export const TEST_IDP_PATH = '/test-idp';

/**
 * oidc-provider's in-memory store under a name of our own (which also quiets its
 * warning): the test provider's logins live in one process by design, so with
 * several app nodes a login must start and finish on the same node.
 */
class TestIdpStore extends MemoryAdapter {}

export function testIssuer(config: Config): string {
  return `${config.publicUrl}${TEST_IDP_PATH}`;
}

/** The page context for pages the provider renders itself (outside Fastify's request). */
function providerPageContext(config: Config, path: string): PageContext {
  return { lang: 'da', path, municipality: config.municipality, testBanner: authMessages.da.testBanner };
}

function send(ctx: KoaContextWithOIDC, page: VNode<unknown>): void {
  ctx.type = 'html';
  ctx.body = renderDocument(page);
}

/** oidc-provider's logout form is markup; Kanal renders its own from the same action and token. */
function parseLogoutForm(form: string): { action: string; xsrf: string } {
  const action = /action="([^"]+)"/.exec(form)?.[1];
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1];
  if (!action || !xsrf) throw new Error('Unexpected logout form from oidc-provider.');
  return { action, xsrf };
}

export interface TestIdentityProvider {
  provider: Provider;
  accounts: readonly TestAccount[];
}

export function createTestIdentityProvider(config: Config, log: Logger): TestIdentityProvider {
  const accounts = testAccounts(config);
  const issuer = testIssuer(config);
  const claimNames = [...new Set(['name', 'email', ...Object.values(config.auth.citizen.claims), ...Object.values(config.auth.staff.claims)])].filter((c) => c !== 'acr');
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const clients: Configuration['clients'] = [];
  for (const [name, settings] of [['citizen', config.auth.citizen], ['staff', config.auth.staff]] as const) {
    // Only the clients whose issuer is this provider; a real one may be configured for the other.
    if (settings.issuer !== issuer) continue;
    clients.push({
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      redirect_uris: [redirectUri(config, name)],
      post_logout_redirect_uris: [`${config.publicUrl}${authPaths.loggedOut}`],
      response_types: ['code'],
      grant_types: ['authorization_code'],
    });
  }

  const configuration: Configuration = {
    adapter: TestIdpStore,
    clients,
    jwks: { keys: [{ ...key, kid: 'test-idp', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [createHmac('sha256', config.sessionSecret).update('test-idp-cookies').digest('base64url')] },
    pkce: { required: () => true, methods: ['S256'] },
    // Seconds. Short: a test login is used at once.
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
    scopes: ['openid', 'profile', ...config.auth.citizen.businessScope.split(' ')],
    claims: { openid: ['sub'], profile: claimNames },
    // Put the profile claims in the ID token too, as NemLog-in brokers do.
    conformIdTokenClaims: false,
    acrValues: Object.values(nsisAcr),
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => send(ctx, TestLogoutPage({ ctx: providerPageContext(config, ctx.path), ...parseLogoutForm(form) })),
        postLogoutSuccessSource: async (ctx) =>
          send(ctx, TestMessagePage({ ctx: providerPageContext(config, ctx.path), title: testIdpMessages.da.loggedOutTitle, lines: [] })),
      },
    },
    interactions: { url: async (_ctx, interaction) => `${TEST_IDP_PATH}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = accounts.find((a) => a.id === sub);
      return account && { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
    },
    // Kanal is a first-party client: no consent screen. The grant covers what is asked for.
    loadExistingGrant: async (ctx) => {
      const { client, session, params } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const grant = (grantId && (await ctx.oidc.provider.Grant.find(grantId))) || new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(typeof params?.scope === 'string' ? params.scope : 'openid');
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) => {
      const lines = [out.error, out.error_description].filter((l): l is string => typeof l === 'string');
      send(ctx, TestMessagePage({ ctx: providerPageContext(config, ctx.path), title: testIdpMessages.da.errorTitle, lines }));
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = config.trustProxy;
  provider.on('server_error', (_ctx: unknown, error: Error) => log.error({ err: error }, 'test identity provider failed'));
  return { provider, accounts };
}

