import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri, verifyTotp } from './totp';

const at = new Date('2026-11-24T10:00:15Z');
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

describe('TOTP', () => {
  it('accepts the current code and returns its time step', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret, epoch: epoch(at) });
    expect(await verifyTotp(secret, code, null, at)).toBe(Math.floor(epoch(at) / 30));
  });

  it('rejects a replay of the same or an earlier step', async () => {
    const secret = newTotpSecret();
    const code = await generate({ secret, epoch: epoch(at) });
    const step = await verifyTotp(secret, code, null, at);
    expect(step).not.toBeNull();
    expect(await verifyTotp(secret, code, step, at)).toBeNull();
  });

  it('tolerates one step of clock drift but not two', async () => {
    const secret = newTotpSecret();
    const previous = await generate({ secret, epoch: epoch(at) - 30 });
    const old = await generate({ secret, epoch: epoch(at) - 90 });
    expect(await verifyTotp(secret, previous, null, at)).not.toBeNull();
    expect(await verifyTotp(secret, old, null, at)).toBeNull();
  });

  it('rejects wrong codes and garbage without throwing', async () => {
    const secret = newTotpSecret();
    expect(await verifyTotp(secret, '000000', null, at)).toBeNull();
    expect(await verifyTotp(secret, 'abc', null, at)).toBeNull();
  });

  it('builds an otpauth URI with issuer and label', () => {
    expect(totpUri('JBSWY3DPEHPK3PXP', 'admin')).toMatch(/^otpauth:\/\/totp\/.*admin.*secret=JBSWY3DPEHPK3PXP.*issuer=Lotse/);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes whose hash ignores case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const code = codes[0]!;
    expect(hashRecoveryCode(code.toLowerCase().replace(/-/g, ''))).toBe(hashRecoveryCode(code));
  });
});
