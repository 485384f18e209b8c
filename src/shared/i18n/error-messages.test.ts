import { describe, expect, it } from 'vitest';
import { errorCodes, errorMessages, pickLocale } from './error-messages';

describe('pickLocale', () => {
  it.each([
    [undefined, 'de'],
    ['', 'de'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.5', 'en'],
    ['fr, de;q=0.1, en;q=0.05', 'de'],
    ['en;q=0, de', 'de'],
    ['ar', 'de'],
    [';;;,,q=abc', 'de'],
  ])('%s → %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});

describe('error messages', () => {
  it('has a German and an English title and detail for every code', () => {
    for (const code of errorCodes) {
      for (const locale of ['de', 'en'] as const) {
        expect(errorMessages[locale][code].title.length).toBeGreaterThan(3);
        expect(errorMessages[locale][code].detail.length).toBeGreaterThan(10);
      }
    }
  });
});
