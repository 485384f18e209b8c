import { describe, expect, it } from 'vitest';
import { compareTimeline, documentStatus, documentTimeline, isSuperseded, type DatedDocument } from './document-status';

const doc = (
  id: string,
  validFrom: string | null,
  validUntil: string | null,
  issuedOn: string | null = null,
): DatedDocument => ({
  id,
  issuedOn,
  validFrom,
  validUntil,
});

describe('documentStatus', () => {
  const today = '2026-03-01';

  it('is valid far from expiry and without an expiry', () => {
    expect(documentStatus(doc('a', '2025-01-01', '2027-01-01'), [], today, 90)).toEqual({
      status: 'valid',
      daysUntilExpiry: 306,
    });
    expect(documentStatus(doc('a', '2020-01-01', null), [], today, 90)).toEqual({
      status: 'valid',
      daysUntilExpiry: null,
    });
  });

  it('is expiring inside the warning window, counting the last day of validity as valid', () => {
    expect(documentStatus(doc('a', '2025-01-01', '2026-05-30'), [], today, 90)).toEqual({
      status: 'expiring',
      daysUntilExpiry: 90,
    });
    expect(documentStatus(doc('a', '2025-01-01', '2026-05-31'), [], today, 90).status).toBe('valid');
    expect(documentStatus(doc('a', '2025-01-01', today), [], today, 90)).toEqual({
      status: 'expiring',
      daysUntilExpiry: 0,
    });
    expect(documentStatus(doc('a', '2025-01-01', '2026-05-30'), [], today, 30).status).toBe('valid');
  });

  it('is expired the day after validUntil', () => {
    expect(documentStatus(doc('a', '2025-01-01', '2026-02-28'), [], today, 90)).toEqual({
      status: 'expired',
      daysUntilExpiry: -1,
    });
  });

  it('is not yet valid before validFrom', () => {
    expect(documentStatus(doc('a', '2026-03-02', '2026-04-01'), [], today, 90)).toEqual({
      status: 'not_yet_valid',
      daysUntilExpiry: 31,
    });
  });

  it('is superseded by a later document, whatever its own dates say', () => {
    const old = doc('old', '2024-01-01', '2026-02-01');
    const renewal = doc('new', '2026-01-15', '2027-01-14');
    expect(documentStatus(old, [old, renewal], today, 90)).toEqual({ status: 'superseded', daysUntilExpiry: -28 });
    expect(documentStatus(renewal, [old, renewal], today, 90).status).toBe('valid');
  });

  it('the window moves with the day', () => {
    const d = doc('a', '2025-01-01', '2026-06-30');
    expect(documentStatus(d, [], '2026-03-01', 90).status).toBe('valid');
    expect(documentStatus(d, [], '2026-04-01', 90).status).toBe('expiring');
    expect(documentStatus(d, [], '2026-07-01', 90).status).toBe('expired');
  });
});

describe('isSuperseded', () => {
  it('uses the issue date when validFrom is missing', () => {
    const a = doc('a', null, '2026-01-01', '2025-01-01');
    const b = doc('b', null, '2027-01-01', '2025-06-01');
    expect(isSuperseded(a, [a, b])).toBe(true);
    expect(isSuperseded(b, [a, b])).toBe(false);
  });

  it('never supersedes on the same start, nor an undated document, nor by an undated one', () => {
    const a = doc('a', '2025-01-01', '2026-01-01');
    const b = doc('b', '2025-01-01', '2027-01-01');
    const undated = doc('u', null, '2026-06-01');
    expect(isSuperseded(a, [a, b])).toBe(false);
    expect(isSuperseded(undated, [a, b, undated])).toBe(false);
    expect(isSuperseded(a, [a, undated])).toBe(false);
  });
});

describe('timeline', () => {
  it('orders newest validity first, undated last, open-ended before limited on the same start', () => {
    const docs = [
      doc('gestattung', '2022-01-10', '2022-07-09'),
      doc('undated', null, null),
      doc('ankunft', '2021-12-01', '2022-01-31'),
      doc('ae', '2023-03-01', '2026-02-28'),
      doc('ne', '2026-03-01', null),
      doc('card', '2026-03-01', '2031-02-28'),
    ];
    expect([...docs].sort(compareTimeline).map((d) => d.id)).toEqual([
      'ne',
      'card',
      'ae',
      'gestattung',
      'ankunft',
      'undated',
    ]);
    const timeline = documentTimeline(docs, '2026-03-01', 90);
    expect(timeline.map((t) => [t.document.id, t.status])).toEqual([
      ['ne', 'valid'],
      ['card', 'valid'],
      ['ae', 'superseded'],
      ['gestattung', 'superseded'],
      ['ankunft', 'superseded'],
      ['undated', 'valid'],
    ]);
  });
});
