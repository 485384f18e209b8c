import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validationMessage } from './validation-messages';

function firstIssue(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a validation error');
  return result.error.issues[0]!;
}

describe('validationMessage', () => {
  it('says "Pflichtangabe" for a missing value', () => {
    expect(validationMessage(firstIssue(z.object({ a: z.string() }), {}), 'de')).toBe('Pflichtangabe.');
    expect(validationMessage(firstIssue(z.object({ a: z.string() }), {}), 'en')).toBe('Required.');
  });

  it('names lengths, formats and allowed values in German', () => {
    expect(validationMessage(firstIssue(z.string().min(12), 'kurz'), 'de')).toBe('Mindestens 12 Zeichen.');
    expect(validationMessage(firstIssue(z.string().max(3), 'lang'), 'de')).toBe('Höchstens 3 Zeichen.');
    expect(validationMessage(firstIssue(z.email(), 'x'), 'de')).toBe('Keine gültige E-Mail-Adresse.');
    expect(validationMessage(firstIssue(z.enum(['de', 'en']), 'fr'), 'de')).toBe('Ungültiger Wert. Erlaubt: de, en.');
    expect(validationMessage(firstIssue(z.strictObject({}), { x: 1 }), 'de')).toBe('Unbekannte Angaben: x.');
  });

  it('falls back to zod’s own localised message for other codes', () => {
    const message = validationMessage(firstIssue(z.number().multipleOf(5), 7), 'de');
    expect(message.length).toBeGreaterThan(3);
  });
});
