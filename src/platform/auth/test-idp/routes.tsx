// Mounts the test identity provider at /test-idp: its protocol endpoints go straight
// to oidc-provider; its login page (the "interaction") is Kanal's own.
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Interaction } from 'oidc-provider';
import Type from 'typebox';
import type { AppContext, KanalApp } from '../../module.ts';
import { pageContext } from '../../ui/index.ts';
import { assuranceLevels, type AssuranceLevel } from '../../policy/index.ts';
import { loaFromClaim, nsisAcr } from '../identity.ts';
import { createTestIdentityProvider, TEST_IDP_PATH } from './provider.ts';
import { TestLoginPage } from './views.tsx';

// The provider's endpoints carry their own protection (state, PKCE, the interaction
// cookie, its own xsrf field) and are called by Kanal's server too: exempt by design.
const providerRoute = { access: { public: true }, csrf: 'exempt', rateLimit: 'exempt' } as const;

export async function registerTestIdp(app: KanalApp, ctx: AppContext): Promise<void> {
  const { provider, accounts } = createTestIdentityProvider(ctx.config, ctx.log);
  const handle = provider.callback();

  await app.register(async (idp) => {
    // oidc-provider reads request bodies itself: leave them unread here.
    idp.removeAllContentTypeParsers();
    idp.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
    idp.all(`${TEST_IDP_PATH}/*`, { config: providerRoute, schema: { hide: true } }, async (request, reply) => {
      // Keep the security headers (CSP, …) Fastify's hooks set for this response.
      for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) reply.raw.setHeader(name, value);
      reply.hijack();
      // oidc-provider finds its mount path from the difference between originalUrl and url.
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      raw.originalUrl = raw.url;
      raw.url = raw.url!.slice(TEST_IDP_PATH.length) || '/';
      await handle(raw, reply.raw);
    });
  });

  const interaction = `${TEST_IDP_PATH}/interaction/:uid`;
  const params = Type.Object({ uid: Type.String({ maxLength: 100 }) });
  const body = Type.Object({ konto: Type.Optional(Type.String()), sikringsniveau: Type.Optional(Type.String()), afbryd: Type.Optional(Type.String()) });

  const audienceOf = (clientId: unknown, scope: unknown): 'citizen' | 'business' | 'staff' => {
    if (clientId === ctx.config.auth.staff.clientId) return 'staff';
    const businessScopes = ctx.config.auth.citizen.businessScope.split(' ');
    return (typeof scope === 'string' ? scope : '').split(' ').some((s) => businessScopes.includes(s)) ? 'business' : 'citizen';
  };
  const requestedLoa = (acrValues: unknown): AssuranceLevel => {
    const levels = (typeof acrValues === 'string' ? acrValues : '').split(' ').map(loaFromClaim).filter((l): l is AssuranceLevel => l !== undefined);
    return levels[0] ?? 'substantial';
  };

  /**
   * Someone else was logged in at the provider. End that provider session, so the login
   * goes on without oidc-provider's account-switch page (it needs JavaScript or an extra click).
   */
  const forgetProviderSession = async (details: Interaction) => {
    const saved = await provider.Interaction.find(details.uid);
    if (saved) {
      saved.session = undefined;
      await saved.save(saved.exp - Math.floor(Date.now() / 1000));
    }
    await (await provider.Session.find(details.session!.cookie))?.destroy();
  };

  const renderLogin = (request: FastifyRequest, reply: FastifyReply, uid: string, details: Interaction, missingAccount: boolean) => {
    const audience = audienceOf(details.params.client_id, details.params.scope);
    return reply.page(
      <TestLoginPage
        ctx={{ ...pageContext(request, ctx.config), loginUrl: undefined }}
        action={`${TEST_IDP_PATH}/interaction/${uid}`}
        accounts={accounts.filter((a) => a.kind === audience)}
        audience={audience}
        loa={requestedLoa(details.params.acr_values)}
        missingAccount={missingAccount}
      />,
      missingAccount ? 400 : 200,
    );
  };

  app.get(interaction, { config: providerRoute, schema: { params, hide: true } }, async (request, reply) => {
    return renderLogin(request, reply, request.params.uid, await provider.interactionDetails(request.raw, reply.raw), false);
  });

  app.post(interaction, { config: providerRoute, schema: { params, body, hide: true } }, async (request, reply) => {
    const details = await provider.interactionDetails(request.raw, reply.raw);
    const audience = audienceOf(details.params.client_id, details.params.scope);
    if (request.body.afbryd) {
      const to = await provider.interactionResult(request.raw, reply.raw, { error: 'access_denied', error_description: 'The user cancelled the login.' }, { mergeWithLastSubmission: false });
      return reply.redirect(to);
    }
    const account = accounts.find((a) => a.id === request.body.konto && a.kind === audience);
    if (!account) return renderLogin(request, reply, request.params.uid, details, true);
    const loa = assuranceLevels.find((l) => l === request.body.sikringsniveau);
    const acr = audience === 'staff' ? undefined : nsisAcr[loa ?? 'substantial'];
    const to = await provider.interactionResult(request.raw, reply.raw, { login: { accountId: account.id, ...(acr ? { acr } : {}) } }, { mergeWithLastSubmission: false });
    if (details.session && details.session.accountId !== account.id) await forgetProviderSession(details);
    return reply.redirect(to);
  });
}
