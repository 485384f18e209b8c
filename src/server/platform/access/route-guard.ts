import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import type { AppDeps } from '../http/app-deps';
import type { CookieSettings } from '../http/request-context';
import { loadSession } from '../auth/sessions';
import { permissionsOf } from './permissions';
import { routeKey, routePolicy, type RouteRule } from './route-policy';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A browser sends Origin on cross-site writes; a write from a foreign origin is refused. */
function originAllowed(req: FastifyRequest, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  const host = req.headers.host;
  return !!host && (origin === `http://${host}` || origin === `https://${host}`);
}

/**
 * The gate in front of every route: resolves the session cookie to an actor, denies routes
 * that have no policy entry, enforces the route's rule, and checks CSRF on cookie writes.
 * Record-level decisions stay with `access.check` in the services.
 */
export function registerRouteGuard(app: FastifyInstance, deps: AppDeps, cookie: CookieSettings): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  /** Everything after the session is known: CSRF, then the route's rule. Throws AppError. */
  const enforce = (req: FastifyRequest, rule: RouteRule): void => {
    if (!SAFE_METHODS.has(req.method)) {
      if (!originAllowed(req, deps.config.publicUrl)) throw new AppError('CSRF_FAILED');
      if (req.session) {
        const header = req.headers['x-csrf-token'];
        if (typeof header !== 'string' || !sameToken(header, req.session.csrfToken)) {
          throw new AppError('CSRF_FAILED');
        }
      }
    }
    if (rule.access === 'public') return;
    const session = req.session;
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (rule.access === 'session') {
      if (!rule.states.includes(session.state)) {
        throw new AppError(session.state === 'complete' ? 'NOT_FOUND' : 'SECOND_FACTOR_REQUIRED');
      }
      return;
    }
    if (session.state !== 'complete') throw new AppError('SECOND_FACTOR_REQUIRED');
    if (!permissionsOf(req.actor?.roles ?? []).has(rule.permission)) throw new AppError('FORBIDDEN');
  };

  // Callback style: public requests (health, static files, login) pass without creating a promise.
  app.addHook('onRequest', (req, _reply, done) => {
    const url = req.routeOptions.url;
    if (url === undefined) return done(); // the not-found handler answers
    const rule = routePolicy[routeKey(req.method, url)];
    if (!rule) return done(new AppError('NOT_FOUND'));
    const token = rule.access === 'public' ? undefined : req.cookies[cookie.name];
    if (!token) {
      try {
        enforce(req, rule);
      } catch (err) {
        return done(err as AppError);
      }
      return done();
    }
    loadSession(deps.db, token, deps.now()).then(
      (loaded) => {
        if (loaded) {
          req.actor = loaded.actor;
          req.session = loaded.session;
        }
        try {
          enforce(req, rule);
        } catch (err) {
          return done(err as AppError);
        }
        done();
      },
      (err: unknown) => done(err as Error),
    );
  });
}
