import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/actor';
import type { AuditContext } from '../audit/audit-log';
import type { SessionInfo } from '../auth/sessions';
import { AppError } from '../errors/app-error';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionInfo | null;
  }
}

export type CookieSettings = { name: string; secure: boolean };

/** `__Host-` pins the cookie to this origin; browsers accept it only with Secure. */
export function sessionCookie(secure: boolean): CookieSettings {
  return { name: secure ? '__Host-lotse_session' : 'lotse_session', secure };
}

export function setSessionCookie(reply: FastifyReply, cookie: CookieSettings, token: string, expiresAt: Date): void {
  reply.setCookie(cookie.name, token, {
    httpOnly: true,
    secure: cookie.secure,
    sameSite: 'strict',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, cookie: CookieSettings): void {
  reply.clearCookie(cookie.name, { httpOnly: true, secure: cookie.secure, sameSite: 'strict', path: '/' });
}

export function auditContext(req: FastifyRequest, now: Date, actor: Actor | null = req.actor): AuditContext {
  return {
    actor: actor
      ? { userId: actor.userId, username: actor.username, agencyId: actor.agencyId, roles: actor.roles }
      : null,
    ip: req.ip ?? null,
    requestId: String(req.id),
    now,
  };
}

/** The actor of a request that the route guard has already let through with a session. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return req.actor;
}

export function requireSession(req: FastifyRequest): SessionInfo {
  if (!req.session) throw new AppError('UNAUTHENTICATED');
  return req.session;
}
