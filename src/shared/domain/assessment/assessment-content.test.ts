import { describe, expect, it } from 'vitest';
import { domainCounts, emptyDomains, normaliseDomains, normaliseText } from './assessment-content';
import { lifeDomainKeys } from './life-domains';

describe('normaliseText', () => {
  it('trims, unifies line ends and reads white space as no text', () => {
    expect(normaliseText('  Spricht gut Arabisch \r\nund etwas Englisch  ')).toBe(
      'Spricht gut Arabisch \nund etwas Englisch',
    );
    expect(normaliseText(' \n\t ')).toBeNull();
    expect(normaliseText('')).toBeNull();
    expect(normaliseText(null)).toBeNull();
    expect(normaliseText(42)).toBeNull();
    expect(normaliseText('x\ud800y\udc00')).toBe('x\ufffdy\ufffd');
    expect(normaliseText('\ud83d\udca5')).toBe('💥');
  });
});

describe('normaliseDomains', () => {
  it('fills every known domain, drops unknown keys and values, and keeps valid content', () => {
    const domains = normaliseDomains({
      health: {
        strengths: { personView: ' Ich gehe jeden Tag spazieren. ', caseworkerView: 42 },
        needs: { caseworkerView: 'Wartet auf einen Termin beim Facharzt.' },
        notAssessed: 'yes',
        urgency: 'high',
        secret: 'dropped',
      },
      language: { notAssessed: true, urgency: 'urgent' },
      astrology: { strengths: { personView: 'dropped' } },
    });
    expect(Object.keys(domains)).toEqual([...lifeDomainKeys]);
    expect(domains.health).toEqual({
      strengths: { personView: 'Ich gehe jeden Tag spazieren.', caseworkerView: null },
      needs: { personView: null, caseworkerView: 'Wartet auf einen Termin beim Facharzt.' },
      notAssessed: false,
      urgency: 'high',
    });
    expect(domains.language).toMatchObject({ notAssessed: true, urgency: null });
    expect(domains.work).toEqual(emptyDomains().work);
    expect(normaliseDomains(null)).toEqual(emptyDomains());
    expect(normaliseDomains([1, 2])).toEqual(emptyDomains());
  });

  it('returns a fresh object', () => {
    const stored = emptyDomains();
    const read = normaliseDomains(stored);
    read.work.strengths.personView = 'changed';
    expect(stored.work.strengths.personView).toBeNull();
  });
});

describe('domainCounts', () => {
  it('counts domains with content and domains marked not assessed; empty ones count as neither', () => {
    const domains = emptyDomains();
    domains.work.strengths.caseworkerView = 'Zehn Jahre Erfahrung als Elektriker.';
    domains.housing.urgency = 'high';
    domains.residence_status.notAssessed = true;
    domains.residence_status.strengths.personView = 'still counted as not assessed';
    expect(domainCounts(domains)).toEqual({ assessed: 2, notAssessed: 1 });
    expect(domainCounts(emptyDomains())).toEqual({ assessed: 0, notAssessed: 0 });
  });
});
