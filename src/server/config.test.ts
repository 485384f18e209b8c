import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has safe defaults for a fresh machine', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './data', seed: 'demo', cookieSecure: false });
    expect(c.databaseUrl).toBeUndefined();
    expect(c.oidc).toBeUndefined();
  });

  it('refuses demo seeding in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/LOTSE_SEED=demo is refused/);
    expect(loadConfig({ NODE_ENV: 'production', LOTSE_SEED: 'none' }).cookieSecure).toBe(true);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', LOTSE_SEED: 'everything', DATABASE_URL: 'not a url' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*LOTSE_SEED|PORT[\s\S]*LOTSE_SEED/,
    );
  });

  it('reads the OIDC settings and requires a client id with an issuer', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example/realms/stadt' })).toThrow(/OIDC_CLIENT_ID/);
    const c = loadConfig({ OIDC_ISSUER: 'https://idp.example/realms/stadt', OIDC_CLIENT_ID: 'lotse' });
    expect(c.oidc).toMatchObject({ clientId: 'lotse', agencyClaim: 'lotse_agency', rolesClaim: 'lotse_roles', allowInsecure: false });
  });
});
