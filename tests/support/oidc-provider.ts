import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no type declarations; the few members used are typed below.
import * as oidcProviderModule from 'oidc-provider';

/**
 * A real OpenID Provider (panva/oidc-provider) for integration tests: listens on 127.0.0.1 on a free
 * port, keeps everything in its in-memory adapter, knows one confidential client and an account
 * store the test fills. The login and consent prompts are served by a tiny interaction endpoint
 * (instead of the HTML dev interactions) that `signIn` drives like a browser with a cookie jar.
 */

export type TestAccount = {
  sub: string;
  preferred_username?: string;
  name?: string;
  email?: string;
  lotse_agency?: string | string[];
  lotse_roles?: string[] | string;
  /** Authentication methods reported for the login (RFC 8176), e.g. ['pwd'] or ['pwd', 'mfa']. */
  amr?: string[];
};

type InteractionDetails = {
  uid: string;
  prompt: {
    name: string;
    details: {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
  };
  params: { client_id: string } & Record<string, unknown>;
  session?: { accountId: string };
  grantId?: string;
};

type Grant = {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  addResourceScope(resource: string, scope: string): void;
  save(): Promise<string>;
};

type Provider = {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: {
    new (init: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
  on(
    event: string,
    listener: (ctx: unknown, err: { message?: string; error?: string; error_description?: string }) => void,
  ): void;
};

type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => Provider;

const Provider = (oidcProviderModule as { default: ProviderConstructor }).default;

export type TestIdp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Adds or replaces an account (the claims the IdP asserts for this subject). */
  setAccount: (account: TestAccount) => void;
  /** Errors the IdP reported on its endpoints (e.g. `invalid_grant` at the token endpoint). */
  errors: { event: string; error: string }[];
  /**
   * Plays the browser: follows the authorization URL at the IdP with a fresh cookie jar, signs in
   * as `sub` at the login prompt, confirms consent, and returns the URL the IdP finally redirects
   * to outside itself (the client's redirect_uri with code, state and iss).
   */
  signIn: (authorizationUrl: string, sub: string) => Promise<URL>;
  close: () => Promise<void>;
};

type StoredPayload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string; consumed?: number };

/**
 * oidc-provider's adapter contract over one Map per provider instance: codes, grants, sessions and
 * interactions of one test IdP live and die with it (the built-in memory adapter is process-wide).
 */
function memoryAdapterFactory() {
  const store = new Map<string, { payload: StoredPayload; expiresAt: number | null }>();
  return class MemoryAdapter {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    private live(key: string): StoredPayload | undefined {
      const entry = store.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt !== null && entry.expiresAt <= Date.now()) {
        store.delete(key);
        return undefined;
      }
      return entry.payload;
    }
    upsert(id: string, payload: StoredPayload, expiresIn?: number): Promise<void> {
      store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null });
      return Promise.resolve();
    }
    find(id: string): Promise<StoredPayload | undefined> {
      return Promise.resolve(this.live(this.key(id)));
    }
    findByUid(uid: string): Promise<StoredPayload | undefined> {
      for (const key of store.keys()) {
        const payload = key.startsWith(`${this.model}:`) ? this.live(key) : undefined;
        if (payload?.uid === uid) return Promise.resolve(payload);
      }
      return Promise.resolve(undefined);
    }
    findByUserCode(userCode: string): Promise<StoredPayload | undefined> {
      for (const key of store.keys()) {
        const payload = key.startsWith(`${this.model}:`) ? this.live(key) : undefined;
        if (payload?.userCode === userCode) return Promise.resolve(payload);
      }
      return Promise.resolve(undefined);
    }
    consume(id: string): Promise<void> {
      const payload = this.live(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      return Promise.resolve();
    }
    destroy(id: string): Promise<void> {
      store.delete(this.key(id));
      return Promise.resolve();
    }
    revokeByGrantId(grantId: string): Promise<void> {
      for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
      return Promise.resolve();
    }
  };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startTestIdp(options: {
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
}): Promise<TestIdp> {
  const clientId = options.clientId ?? 'lotse-test';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('hex');
  const accounts = new Map<string, TestAccount>();
  const errors: TestIdp['errors'] = [];

  // The port is only known after listening, and the issuer URL contains it: listen first, then
  // build the provider and hand requests to it.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const signingKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: 'test-rs256',
    alg: 'RS256',
    use: 'sig',
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    adapter: memoryAdapterFactory(),
    jwks: { keys: [signingKey] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // Like Keycloak with its default mappers plus the Lotse and AMR mappers: profile, e-mail, the
    // Lotse claims and the login's amr go into the ID token without a `claims` request parameter.
    conformIdTokenClaims: false,
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      iss: null,
      openid: ['sub', 'amr', 'lotse_agency', 'lotse_roles'],
      profile: ['name', 'preferred_username'],
      email: ['email'],
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      const { amr: _amr, ...claims } = account;
      return { accountId: sub, claims: () => ({ ...claims }) };
    },
  });
  for (const event of ['grant.error', 'authorization.error', 'server_error']) {
    provider.on(event, (_ctx, err) => {
      errors.push({ event, error: err.error ?? err.message ?? 'unknown' });
    });
  }

  const interaction = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      sendJson(res, 200, { uid: details.uid, prompt: details.prompt.name });
      return;
    }
    if (path.endsWith('/login')) {
      const sub = (await readForm(req)).get('login') ?? '';
      const account = accounts.get(sub);
      if (!account) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'unknown account' });
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: sub, amr: account.amr ?? ['pwd'] } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (path.endsWith('/confirm')) {
      const accountId = details.session?.accountId;
      if (!accountId) throw new Error('consent without a login');
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId, clientId: details.params.client_id });
      if (!grant) throw new Error('grant not found');
      const missing = details.prompt.details;
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
        grant.addResourceScope(resource, scopes.join(' '));
      }
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: details.grantId ? {} : { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    sendJson(res, 404, { error: 'not_found' });
  };

  const providerCallback = provider.callback();
  handle = (req, res) => {
    const path = new URL(req.url ?? '/', issuer).pathname;
    if (!path.startsWith('/interaction/')) {
      providerCallback(req, res);
      return;
    }
    interaction(req, res, path).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) });
      else res.end();
    });
  };

  const signIn: TestIdp['signIn'] = async (authorizationUrl, sub) => {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let init: { method: 'GET' | 'POST'; body?: string } = { method: 'GET' };
    for (let hop = 0; hop < 20; hop++) {
      if (url.origin !== issuer) return url;
      const res = await fetch(url, {
        method: init.method,
        redirect: 'manual',
        headers: {
          ...(jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
          ...(init.body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(init.body !== undefined ? { body: init.body } : {}),
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair?.indexOf('=') ?? -1;
        if (!pair || eq < 1) continue;
        const name = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
        else jar.set(name, value);
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.arrayBuffer();
        url = new URL(location, url);
        init = { method: 'GET' };
        continue;
      }
      if (res.status === 200 && url.pathname.startsWith('/interaction/')) {
        const { prompt } = (await res.json()) as { prompt: string };
        const base = url.pathname.replace(/\/$/, '');
        if (prompt === 'login') {
          url = new URL(`${base}/login`, issuer);
          init = { method: 'POST', body: new URLSearchParams({ login: sub, password: 'irrelevant' }).toString() };
        } else if (prompt === 'consent') {
          url = new URL(`${base}/confirm`, issuer);
          init = { method: 'POST', body: '' };
        } else {
          throw new Error(`unexpected prompt ${prompt}`);
        }
        continue;
      }
      throw new Error(`IdP answered ${res.status} at ${url.pathname}: ${await res.text()}`);
    }
    throw new Error('too many redirects at the IdP');
  };

  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri: options.redirectUri,
    setAccount: (account) => accounts.set(account.sub, account),
    errors,
    signIn,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
