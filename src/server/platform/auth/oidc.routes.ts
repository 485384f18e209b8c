import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/app-deps';
import { auditContext, setSessionCookie, type CookieSettings } from '../http/request-context';
import { AppError } from '../errors/app-error';
import { finishOidcLogin, startOidcLogin } from './oidc.service';

const tags = ['auth'];
/** How long the browser binding of a started sign-in lives (matches the pending request's TTL). */
const STATE_COOKIE_MAX_AGE_S = 10 * 60;

export function oidcRoutes(deps: AppDeps, cookie: CookieSettings): FastifyPluginAsyncZod {
  const origin = (req: FastifyRequest) =>
    deps.config.publicUrl ? new URL(deps.config.publicUrl).origin : `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`;
  const redirectUri = (req: FastifyRequest) => `${origin(req)}/api/v1/auth/oidc/callback`;
  // Binds the state to the browser that started the flow. SameSite=Lax, not Strict: the callback is
  // a cross-site top-level navigation from the IdP, on which a Strict cookie would not be sent.
  const stateCookie = cookie.secure ? '__Host-lotse_oidc_state' : 'lotse_oidc_state';
  const stateCookieOptions = { httpOnly: true, secure: cookie.secure, sameSite: 'lax', path: '/' } as const;

  return async (app) => {
    app.get(
      '/api/v1/auth/oidc/start',
      { schema: { tags, summary: 'Redirect to the identity provider (authorization code + PKCE)' } },
      async (req, reply) => {
        const settings = deps.config.oidc;
        if (!settings) throw new AppError('OIDC_NOT_CONFIGURED');
        const { url, state } = await startOidcLogin(deps.db, settings, redirectUri(req), deps.now());
        reply.setCookie(stateCookie, state, { ...stateCookieOptions, maxAge: STATE_COOKIE_MAX_AGE_S });
        return reply.redirect(url.href, 302);
      },
    );

    app.get(
      '/api/v1/auth/oidc/callback',
      {
        schema: {
          tags,
          summary: 'Return from the identity provider',
          querystring: z.object({ state: z.string().max(200).optional(), code: z.string().max(4000).optional() }).passthrough(),
        },
      },
      async (req, reply) => {
        const settings = deps.config.oidc;
        if (!settings) throw new AppError('OIDC_NOT_CONFIGURED');
        const callbackUrl = new URL(req.url, origin(req));
        const browserState = req.cookies[stateCookie];
        reply.clearCookie(stateCookie, stateCookieOptions);
        try {
          const result = await finishOidcLogin(deps.db, settings, callbackUrl, browserState, {
            ctx: auditContext(req, deps.now()),
            userAgent: req.headers['user-agent'] ?? null,
          });
          setSessionCookie(reply, cookie, result.token, result.session.expiresAt);
          return reply.redirect('/', 302);
        } catch (err) {
          const code = err instanceof AppError ? err.code : 'OIDC_FAILED';
          if (code === 'AUDIT_UNAVAILABLE' || code === 'DATABASE_UNAVAILABLE') throw err;
          return reply.redirect(`/anmelden?fehler=${encodeURIComponent(code)}`, 302);
        }
      },
    );
  };
}
