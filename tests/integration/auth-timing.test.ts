import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/server/platform/auth/password';
import { createTestApp, type TestApp } from '../support/test-app';

const ROUNDS = 40;
/** Demo users without a second factor; each gets at most 4 wrong passwords, below the lockout of 5. */
const KNOWN = [
  'sozialamt',
  'jobcenter',
  'abh',
  'jugendamt',
  'gesundheitsamt',
  'wohnungsamt',
  'aa',
  'cbe',
  'steuerung',
  'dsb',
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

describe('login timing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  let requests = 0;
  /** One failed login, timed. Each from its own address, so the per-IP rate limit stays out of the way. */
  async function timedLogin(username: string, expected = 401): Promise<number> {
    requests++;
    const start = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: `198.51.100.${requests % 250}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username, password: 'definitiv-falsch' }),
    });
    const elapsed = performance.now() - start;
    expect(res.statusCode).toBe(expected);
    return elapsed;
  }

  it('spends the same argon2 work on an unknown user as on a wrong password', async () => {
    const stored = await hashPassword('irgendein-passwort');
    const timedArgon2 = async () => {
      const start = performance.now();
      expect(await verifyPassword(stored, 'falsch')).toBe(false);
      return performance.now() - start;
    };

    // Warm up both paths (the dummy hash is computed on first use) and lock one username: a locked
    // username is refused before any password check, which gives the request's cost without argon2.
    await timedLogin('aufwaermen.eins');
    await timedLogin('admin');
    for (let i = 0; i < 5; i++) await timedLogin('gesperrt.basis');

    // All four are measured in every round, in rotating order, so load from elsewhere hits them alike.
    const series = { argon2: [] as number[], baseline: [] as number[], unknown: [] as number[], wrong: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      const steps: [number[], () => Promise<number>][] = [
        [series.argon2, timedArgon2],
        [series.baseline, () => timedLogin('gesperrt.basis', 429)],
        [series.unknown, () => timedLogin(`unbekannt.${i}`)],
        [series.wrong, () => timedLogin(KNOWN[i % KNOWN.length]!)],
      ];
      for (let k = 0; k < steps.length; k++) {
        const [into, measure] = steps[(i + k) % steps.length]!;
        into.push(await measure());
      }
    }

    const argonCost = median(series.argon2);
    const baseline = median(series.baseline);
    const mUnknown = median(series.unknown);
    const mWrong = median(series.wrong);
    const summary = `argon2 ${argonCost.toFixed(1)} ms, no-argon2 baseline ${baseline.toFixed(1)} ms, unknown ${mUnknown.toFixed(1)} ms, wrong password ${mWrong.toFixed(1)} ms`;
    // Both paths include an argon2 verification on top of the rest of the request...
    expect(mUnknown - baseline, summary).toBeGreaterThan(argonCost * 0.5);
    expect(mWrong - baseline, summary).toBeGreaterThan(argonCost * 0.5);
    // ...and the two medians differ by little (machines are noisy: relative, not absolute).
    expect(Math.abs(mUnknown - mWrong), summary).toBeLessThan(Math.max(mUnknown, mWrong) * 0.5);
  });
});
