import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { userCreateRequestSchema } from '../../shared/contracts/users';
import { uiDe } from '../../shared/i18n/ui-de';
import { uiEn } from '../../shared/i18n/ui-en';
import { flattenFieldErrors, formFieldId, zodErrorMap } from './form-errors';
import { blankToNull } from './form-schemas';

beforeAll(async () => {
  await i18next.init({ resources: { de: { translation: uiDe }, en: { translation: uiEn } }, lng: 'de' });
});

function messages(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value, { error: zodErrorMap });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('zodErrorMap', () => {
  it('explains contract violations in plain German', () => {
    const result = messages(userCreateRequestSchema, {
      username: 'Ungültig!',
      displayName: '',
      email: 'keine-mail',
      agencyId: '',
      roles: [],
      initialPassword: 'kurz',
    });
    expect(result).toEqual({
      username: 'Der Benutzername darf nur Kleinbuchstaben, Ziffern, Punkt, Unterstrich und Bindestrich enthalten.',
      displayName: 'Bitte füllen Sie dieses Feld aus.',
      email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@stadt.de.',
      agencyId: 'Bitte füllen Sie dieses Feld aus.',
      roles: 'Bitte wählen Sie mindestens einen Eintrag aus.',
      initialPassword: 'Bitte geben Sie mindestens 12 Zeichen ein.',
    });
  });

  it('follows the UI language', async () => {
    await i18next.changeLanguage('en');
    expect(messages(z.object({ name: z.string().min(2) }), { name: 'a' })).toEqual({
      name: 'Please enter at least 2 characters.',
    });
    await i18next.changeLanguage('de');
  });

  it('names the TOTP code format rather than a regular expression', () => {
    expect(messages(z.object({ code: z.string().regex(/^\d{6}$/) }), { code: '12ab' })).toEqual({
      code: 'Bitte geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.',
    });
  });
});

describe('flattenFieldErrors', () => {
  it('turns nested react-hook-form errors into dotted paths', () => {
    const errors = {
      name: { type: 'too_small', message: 'A' },
      legalBases: [undefined, { norm: { type: 'too_small', message: 'B' } }],
      contact: { email: { type: 'invalid_format', message: 'C' } },
      roles: { type: 'too_small', message: 'D', ref: {} },
    };
    expect(flattenFieldErrors(errors)).toEqual([
      { path: 'name', message: 'A' },
      { path: 'legalBases.1.norm', message: 'B' },
      { path: 'contact.email', message: 'C' },
      { path: 'roles', message: 'D' },
    ]);
  });

  it('builds input ids that match the summary links', () => {
    expect(formFieldId('agency-edit', 'legalBases.1.norm')).toBe('agency-edit-legalBases-1-norm');
  });
});

describe('blankToNull', () => {
  const email = blankToNull(z.email().nullable());

  it('maps empty and blank input to null', () => {
    expect(email.parse('')).toBeNull();
    expect(email.parse('   ')).toBeNull();
  });

  it('still validates real input with the contract schema', () => {
    expect(email.parse(' a@b.de ')).toBe('a@b.de');
    expect(email.safeParse('kaputt').success).toBe(false);
  });
});

describe('UI resources', () => {
  function keys(value: object, prefix = ''): string[] {
    return Object.entries(value).flatMap(([key, child]) =>
      typeof child === 'object' && child !== null ? keys(child as object, `${prefix}${key}.`) : [`${prefix}${key}`],
    );
  }

  it('English has exactly the German keys and no empty strings', () => {
    expect(keys(uiEn).sort()).toEqual(keys(uiDe).sort());
    const empty = keys(uiEn).filter((key) => {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], uiEn);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });
});
