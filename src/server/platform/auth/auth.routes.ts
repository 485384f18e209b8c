import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordRequestSchema,
  localeRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  meSchema,
  oidcConfigSchema,
  recoveryCodesSchema,
  totpConfirmRequestSchema,
  totpEnrolmentSchema,
  totpVerifyRequestSchema,
} from '../../../shared/contracts/auth';
import type { AppDeps } from '../http/app-deps';
import {
  auditContext,
  clearSessionCookie,
  requireActor,
  requireSession,
  setSessionCookie,
  type CookieSettings,
} from '../http/request-context';
import {
  changePassword,
  confirmTotpEnrolment,
  loadMe,
  login,
  logout,
  setLocale,
  startTotpEnrolment,
  verifySecondFactor,
  type RequestMeta,
} from './auth.service';
import { oidcRoutes } from './oidc.routes';

const tags = ['auth'];
/** Per-IP ceiling on top of the per-account lockout. */
const authRateLimit = { rateLimit: { max: 100, timeWindow: '1 minute' } };

export function authRoutes(deps: AppDeps, cookie: CookieSettings): FastifyPluginAsyncZod {
  const meta = (req: FastifyRequest): RequestMeta => ({
    ctx: auditContext(req, deps.now()),
    userAgent: req.headers['user-agent'] ?? null,
  });

  return async (app) => {
    app.post(
      '/api/v1/auth/login',
      {
        config: authRateLimit,
        schema: { tags, summary: 'Sign in with username and password', body: loginRequestSchema, response: { 200: loginResponseSchema } },
      },
      async (req, reply) => {
        const result = await login(deps.db, req.body, meta(req));
        setSessionCookie(reply, cookie, result.token, result.session.expiresAt);
        return { state: result.session.state, me: result.me, csrfToken: result.session.csrfToken };
      },
    );

    app.post(
      '/api/v1/auth/totp/verify',
      {
        config: authRateLimit,
        schema: { tags, summary: 'Complete sign-in with a TOTP or recovery code', body: totpVerifyRequestSchema, response: { 200: meSchema } },
      },
      async (req, reply) => {
        const result = await verifySecondFactor(deps.db, requireActor(req), requireSession(req), req.body, meta(req));
        setSessionCookie(reply, cookie, result.token, result.session.expiresAt);
        return result.me;
      },
    );

    app.post(
      '/api/v1/auth/totp/enrol',
      { schema: { tags, summary: 'Start TOTP enrolment', response: { 200: totpEnrolmentSchema } } },
      async (req) => startTotpEnrolment(deps.db, requireActor(req)),
    );

    app.post(
      '/api/v1/auth/totp/confirm',
      {
        config: authRateLimit,
        schema: { tags, summary: 'Confirm TOTP enrolment; returns recovery codes once', body: totpConfirmRequestSchema, response: { 200: recoveryCodesSchema } },
      },
      async (req, reply) => {
        const result = await confirmTotpEnrolment(deps.db, requireActor(req), requireSession(req), req.body.code, meta(req));
        if (result.rotated) setSessionCookie(reply, cookie, result.rotated.token, result.rotated.session.expiresAt);
        return { recoveryCodes: result.recoveryCodes };
      },
    );

    app.post(
      '/api/v1/auth/logout',
      { schema: { tags, summary: 'End the session', response: { 204: z.null() } } },
      async (req, reply) => {
        await logout(deps.db, requireSession(req), meta(req));
        clearSessionCookie(reply, cookie);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/me',
      { schema: { tags, summary: 'The signed-in user, agency, roles and session', response: { 200: meSchema } } },
      async (req) => loadMe(deps.db, requireActor(req).userId, requireSession(req)),
    );

    app.post(
      '/api/v1/auth/password',
      {
        config: authRateLimit,
        schema: { tags, summary: 'Change the own password (ends all sessions)', body: changePasswordRequestSchema, response: { 204: z.null() } },
      },
      async (req, reply) => {
        await changePassword(deps.db, requireActor(req), req.body, meta(req));
        clearSessionCookie(reply, cookie);
        return reply.code(204).send(null);
      },
    );

    app.put(
      '/api/v1/auth/locale',
      { schema: { tags, summary: 'Set the UI language', body: localeRequestSchema, response: { 204: z.null() } } },
      async (req, reply) => {
        await setLocale(deps.db, requireActor(req), req.body.locale);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/v1/auth/oidc',
      { schema: { tags, summary: 'Whether sign-in through the identity provider is offered', response: { 200: oidcConfigSchema } } },
      async () => ({ enabled: !!deps.config.oidc, label: deps.config.oidc?.label ?? null }),
    );

    await app.register(oidcRoutes(deps, cookie));
  };
}
