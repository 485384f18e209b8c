import { describe, expect, it } from 'vitest';
import { hsdsPage } from './hsds-export';
import { splitAddressLine } from './hsds-import';
import { defaultTaxonomyTerms, defaultTermId, derivedId } from './resource-taxonomy';
import { verificationOverdue } from './resources.presenter';

describe('splitAddressLine', () => {
  it.each([
    ['Kaiserstraße 12a', { street: 'Kaiserstraße', houseNumber: '12a' }],
    ['Prinzeß-Luise-Straße 40', { street: 'Prinzeß-Luise-Straße', houseNumber: '40' }],
    ['Holthauser Höfe 1', { street: 'Holthauser Höfe', houseNumber: '1' }],
    ['Am Rathaus 3 b', { street: 'Am Rathaus', houseNumber: '3 b' }],
    ['Duisburger Straße 12-14', { street: 'Duisburger Straße', houseNumber: '12-14' }],
  ])('%s', (line, parts) => expect(splitAddressLine(line)).toEqual(parts));

  it('needs a house number', () => {
    expect(splitAddressLine('Marktplatz')).toBeNull();
    expect(splitAddressLine('12')).toBeNull();
  });
});

describe('hsdsPage', () => {
  it('pages as the HSDS API does', () => {
    expect(hsdsPage([1, 2, 3, 4, 5], 2, 2)).toEqual({
      total_items: 5,
      total_pages: 3,
      page_number: 2,
      size: 2,
      first_page: false,
      last_page: false,
      empty: false,
      contents: [3, 4],
    });
    expect(hsdsPage([], 1, 50)).toMatchObject({ total_pages: 1, first_page: true, last_page: true, empty: true });
  });
});

describe('derived ids', () => {
  it('are UUIDs, stable for the same parts and distinct for different ones', () => {
    const a = derivedId('x', 'language', 'ar');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedId('x', 'language', 'ar')).toBe(a);
    expect(derivedId('x', 'language', 'fa')).not.toBe(a);
    const ids = new Set(defaultTaxonomyTerms.map((t) => defaultTermId(t.code)));
    expect(ids.size).toBe(defaultTaxonomyTerms.length);
  });
});

describe('verificationOverdue', () => {
  it('is true when never verified or verified more than 365 days ago', () => {
    expect(verificationOverdue(null, '2040-05-05')).toBe(true);
    expect(verificationOverdue('2039-05-05', '2040-05-04')).toBe(false);
    expect(verificationOverdue('2039-05-05', '2040-05-05')).toBe(true);
    expect(verificationOverdue('2040-05-01', '2040-05-05')).toBe(false);
  });
});
