import { describe, expect, it } from 'vitest';
import { auditRowHash, GENESIS_HASH } from './audit-log';

const row = {
  seq: 1,
  occurredAt: new Date('2026-11-24T10:00:00.000Z'),
  type: 'auth.logout',
  outcome: 'success',
  actorUserId: null,
  actorUsername: 'sozialamt',
  actorAgencyId: null,
  actorRoles: ['caseworker'],
  subjectType: null,
  subjectId: null,
  details: { b: 2, a: 1 },
  ip: '127.0.0.1',
  requestId: 'r1',
  prevHash: GENESIS_HASH,
};

describe('auditRowHash', () => {
  it('is a stable SHA-256 hex digest', () => {
    expect(auditRowHash(row)).toMatch(/^[0-9a-f]{64}$/);
    expect(auditRowHash({ ...row, details: { a: 1, b: 2 } })).toBe(auditRowHash(row));
  });

  it('changes when any stored field or the previous hash changes', () => {
    const base = auditRowHash(row);
    const variants = [
      { seq: 2 },
      { occurredAt: new Date('2026-11-24T10:00:00.001Z') },
      { type: 'auth.login.failed' },
      { outcome: 'failure' },
      { actorUsername: 'jobcenter' },
      { actorRoles: ['system_admin'] },
      { subjectId: 'x' },
      { details: { a: 1, b: 3 } },
      { ip: '127.0.0.2' },
      { requestId: 'r2' },
      { prevHash: 'f'.repeat(64) },
    ];
    for (const v of variants) expect(auditRowHash({ ...row, ...v })).not.toBe(base);
  });
});
