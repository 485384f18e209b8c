import * as oidc from 'openid-client';
import { and, eq, lt } from 'drizzle-orm';
import { roles as knownRoles, type Role } from '../../../shared/contracts/common';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { agencies, oidcRequests, users } from '../../db/schema';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../errors/app-error';
import type { RequestMeta, NewSession } from './auth.service';
import { initialSessionState } from './auth.service';
import { createSession, revokeUserSessions } from './sessions';

type OidcConfig = NonNullable<Config['oidc']>;

const REQUEST_TTL_MS = 10 * 60 * 1000;
/** IdP authentication methods that count as a second factor (RFC 8176). */
const MULTI_FACTOR_AMR = new Set(['mfa', 'otp', 'hwk', 'swk', 'sms', 'fpt', 'face', 'pin']);

/**
 * The discovered IdP metadata, kept for the process. The key covers every setting that shapes the
 * client (a different secret or transport setting must not reuse a configuration built for
 * another); a failed discovery is not cached.
 */
let discovered: { key: string; config: oidc.Configuration } | null = null;

async function clientConfig(settings: OidcConfig): Promise<oidc.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret ?? null, settings.allowInsecure]);
  if (discovered?.key === key) return discovered.config;
  const auth = settings.clientSecret ? oidc.ClientSecretPost(settings.clientSecret) : oidc.None();
  const config = await oidc.discovery(
    new URL(settings.issuer),
    settings.clientId,
    undefined,
    auth,
    settings.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  discovered = { key, config };
  return config;
}

/**
 * Begins the authorisation code flow with PKCE. Returns the IdP URL to redirect to and the state,
 * which the caller binds to the browser (a cookie) so that a callback can only be completed by the
 * browser that started the flow (no login CSRF with an attacker's code).
 */
export async function startOidcLogin(
  db: Db,
  settings: OidcConfig,
  redirectUri: string,
  now: Date,
): Promise<{ url: URL; state: string }> {
  const config = await clientConfig(settings).catch((cause: unknown) => {
    throw new AppError('OIDC_FAILED', { cause });
  });
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await db.delete(oidcRequests).where(lt(oidcRequests.createdAt, new Date(now.getTime() - REQUEST_TTL_MS)));
  await db.insert(oidcRequests).values({ state, nonce, codeVerifier, createdAt: now });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid profile email',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, state };
}

function claimList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return [];
}

function sanitizeUsername(raw: string): string {
  return raw
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9._-]/g, '')
    .slice(0, 64);
}

/**
 * Finishes the flow: checks that the state belongs to this browser and is still pending (each state
 * is used once), exchanges the code, checks nonce and PKCE, maps the agency and role claims,
 * provisions or updates the user (the IdP is the source of truth for agency and roles) and opens a
 * session. A change of roles or agency is audited and ends the user's other sessions.
 */
export async function finishOidcLogin(
  db: Db,
  settings: OidcConfig,
  callbackUrl: URL,
  browserState: string | undefined,
  meta: RequestMeta,
): Promise<NewSession> {
  const now = meta.ctx.now;
  const fail = async (
    reason: 'oidc_error' | 'not_provisioned' | 'inactive',
    username: string,
    cause?: unknown,
  ): Promise<never> => {
    await db.transaction(async (tx) => {
      await recordAudit(tx, meta.ctx, {
        type: 'auth.login.failed',
        outcome: 'failure',
        details: { username: username.slice(0, 64), reason },
      });
    });
    throw new AppError(reason === 'oidc_error' ? 'OIDC_FAILED' : 'ACCOUNT_NOT_PROVISIONED', { cause });
  };

  const state = callbackUrl.searchParams.get('state') ?? '';
  if (!state || !browserState || state !== browserState) return fail('oidc_error', '(oidc)');
  const pendingRows = state
    ? await db.delete(oidcRequests).where(eq(oidcRequests.state, state)).returning()
    : [];
  const pending = pendingRows[0];
  if (!pending || now.getTime() - pending.createdAt.getTime() > REQUEST_TTL_MS) {
    return fail('oidc_error', '(oidc)');
  }
  let claims: oidc.IDToken;
  try {
    const config = await clientConfig(settings);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('no ID token');
    claims = idClaims;
  } catch (cause) {
    return fail('oidc_error', '(oidc)', cause);
  }

  const subject = claims.sub;
  const issuer = claims.iss;
  const preferred = typeof claims.preferred_username === 'string' ? claims.preferred_username : subject;
  const agencyCode = claimList(claims[settings.agencyClaim])[0];
  const mappedRoles = claimList(claims[settings.rolesClaim]).filter((r): r is Role =>
    (knownRoles as readonly string[]).includes(r),
  );
  const agencyRows = agencyCode
    ? await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, agencyCode)).limit(1)
    : [];
  const agency = agencyRows[0];
  if (!agency || mappedRoles.length === 0) return fail('not_provisioned', preferred);

  const displayName = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 120) : preferred;
  const email = typeof claims.email === 'string' ? claims.email.slice(0, 200) : null;
  const amr = claimList(claims.amr);
  const idpMultiFactor = amr.some((m) => MULTI_FACTOR_AMR.has(m));

  const findExisting = async (q: Db) =>
    (
      await q
        .select()
        .from(users)
        .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)))
        .limit(1)
    )[0];
  // A deactivated account stays locked out whatever the IdP asserts (checked, and audited, before
  // the transaction so the failure is not rolled back with it).
  const known = await findExisting(db);
  if (known && !known.active) return fail('inactive', known.username);

  return db.transaction(async (tx) => {
    const existing = await findExisting(tx);
    let user = existing;
    if (existing) {
      if (!existing.active) throw new AppError('ACCOUNT_NOT_PROVISIONED');
      const rolesChanged = [...existing.roles].sort().join(',') !== [...mappedRoles].sort().join(',');
      const agencyChanged = existing.agencyId !== agency.id;
      const fields = [
        ...(rolesChanged ? ['roles'] : []),
        ...(agencyChanged ? ['agencyId', 'teamId'] : []),
        ...(existing.displayName !== displayName ? ['displayName'] : []),
        ...(existing.email !== email ? ['email'] : []),
      ];
      const updated = await tx
        .update(users)
        .set({ roles: mappedRoles, agencyId: agency.id, displayName, email, updatedAt: now, ...(agencyChanged ? { teamId: null } : {}) })
        .where(eq(users.id, existing.id))
        .returning();
      user = updated[0] ?? existing;
      const sessionsRevoked =
        rolesChanged || agencyChanged ? await revokeUserSessions(tx, existing.id, 'roles_changed_by_idp', now) : 0;
      if (fields.length > 0) {
        await recordAudit(tx, meta.ctx, {
          type: 'user.updated',
          subjectType: 'user',
          subjectId: existing.id,
          details: { fields, ...(rolesChanged ? { roles: mappedRoles } : {}), sessionsRevoked },
        });
      }
    } else {
      let username = sanitizeUsername(preferred) || `oidc-${subject.slice(0, 20)}`;
      const taken = await tx.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
      if (taken.length > 0) username = `${username.slice(0, 50)}-${subject.slice(0, 8).toLowerCase()}`;
      const inserted = await tx
        .insert(users)
        .values({
          username,
          displayName,
          email,
          agencyId: agency.id,
          roles: mappedRoles,
          oidcIssuer: issuer,
          oidcSubject: subject,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      user = inserted[0];
      if (!user) throw new AppError('OIDC_FAILED');
      await recordAudit(tx, meta.ctx, {
        type: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        details: { username: user.username, agencyId: agency.id, roles: mappedRoles },
      });
    }
    if (!user) throw new AppError('OIDC_FAILED');
    const state = idpMultiFactor ? 'complete' : initialSessionState(user);
    const session = await createSession(tx, {
      userId: user.id,
      state,
      method: 'oidc',
      now,
      ip: meta.ctx.ip,
      userAgent: meta.userAgent,
    });
    if (state === 'complete') await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await recordAudit(tx, { ...meta.ctx, actor: { userId: user.id, username: user.username, agencyId: user.agencyId, roles: user.roles } }, {
      type: 'auth.login.succeeded',
      subjectType: 'user',
      subjectId: user.id,
      details: { method: 'oidc', sessionState: state },
    });
    return session;
  });
}
