import { describe, expect, it } from 'vitest';
import {
  COMMON_NAME_KEYS,
  FREQUENT_NAME_KEYS,
  foldedSpellingCollisions,
  foldedSpellingKey,
  lookupVariantGroup,
  variantGroupEntries,
} from './name-variant-dictionary';
import { nameVariantGroups } from './name-variant-groups';

const keyOf = (spelling: string): string | undefined => lookupVariantGroup(foldedSpellingKey(spelling))?.key;

describe('variant dictionary data', () => {
  it('has at least 150 groups, each with at least two spellings', () => {
    expect(nameVariantGroups.length).toBeGreaterThanOrEqual(150);
    for (const g of nameVariantGroups) expect(g.variants.length, g.variants.join('|')).toBeGreaterThanOrEqual(2);
  });

  it('covers every country of origin of the issue', () => {
    const regions = new Set(nameVariantGroups.flatMap((g) => g.regions));
    for (const r of ['ar', 'ku', 'fa', 'ps', 'tr', 'ti', 'so', 'uk', 'gn', 'ng', 'de']) expect(regions).toContain(r);
  });

  it('assigns every folded spelling to one group only', () => {
    expect(foldedSpellingCollisions).toEqual([]);
  });

  it('has unique canonical keys', () => {
    const keys = variantGroupEntries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('lists only existing groups as frequent or common names', () => {
    const keys = new Set(variantGroupEntries.map((e) => e.key));
    for (const k of [...FREQUENT_NAME_KEYS, ...COMMON_NAME_KEYS]) expect(keys, k).toContain(k);
  });

  it('contains only letters, spaces, hyphens and apostrophes', () => {
    for (const g of nameVariantGroups) for (const v of g.variants) expect(v).toMatch(/^[\p{L}\p{M} '’ʹ-]+$/u);
  });
});

describe('lookupVariantGroup', () => {
  it.each([
    [['Mohammed', 'Muhammad', 'Mohamad', 'Mehmet', 'Maxamed', 'Mhd'], 'MUHAMMAD'],
    [['Abdulrahman', 'Abd al-Rahman', 'Abdel Rahman', 'Abdurrahman', 'Cabdiraxmaan'], 'ABDULRAHMAN'],
    [['Hussein', 'Husain', 'Hossein', 'Hüseyin', 'Xuseen'], 'HUSSEIN'],
    [['Yusuf', 'Youssef', 'Yousef', 'Jusuf'], 'YUSUF'],
    [['Oleksandr', 'Aleksandr', 'Olexandr', 'Alexander'], 'OLEKSANDR'],
    [['Khadija', 'Hatice', 'Chadidscha'], 'KHADIJA'],
    [['Mykola', 'Nikolai'], 'MYKOLA'],
    [['Gebremedhin', 'Ghebremedhin', 'Gebre Medhin'], 'GEBREMEDHIN'],
    [['Ghulam', 'Gholam'], 'GHULAM'],
    [['Çelik', 'Celik', 'Tschelik'], 'CELIK'],
    [['Özdemir', 'Oezdemir', 'Ozdemir'], 'OZDEMIR'],
  ])('%j → %s', (spellings, key) => {
    for (const s of spellings) expect(keyOf(s), s).toBe(key);
  });

  it('tolerates a joined article before a known name (Alhassan), not before short rests (Alina)', () => {
    expect(keyOf('Alhassan')).toBe('HASSAN');
    expect(keyOf('Elamin')).toBe('AMIN');
    expect(keyOf('Alina')).toBeUndefined();
  });

  it('finds nothing for unknown names', () => {
    expect(keyOf('Brinkhoffmann')).toBeUndefined();
  });
});
