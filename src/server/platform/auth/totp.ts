import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { sha256 } from './tokens';

export const TOTP_ISSUER = 'Lotse';

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret });
}

/**
 * Checks a 6-digit code, accepting one 30-second step of clock drift either way. A code from a
 * time step at or before `lastStep` is a replay and rejected. Returns the matched step.
 */
export async function verifyTotp(
  secret: string,
  code: string,
  lastStep: number | null,
  now: Date,
): Promise<number | null> {
  const epoch = Math.floor(now.getTime() / 1000);
  try {
    const result = await verify({
      secret,
      token: code,
      epoch,
      epochTolerance: 30,
      ...(lastStep !== null && lastStep < Math.floor(epoch / 30) + 2 ? { afterTimeStep: lastStep } : {}),
    });
    if (!result.valid) return null;
    const step = (result as { timeStep?: number }).timeStep ?? Math.floor(epoch / 30) + result.delta;
    if (lastStep !== null && step <= lastStep) return null;
    return step;
  } catch {
    return null;
  }
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Ten single-use recovery codes like "K7PQ-M2XA-9TBC" (60 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return sha256(code.replace(/[^A-Za-z0-9]/g, '').toUpperCase());
}
