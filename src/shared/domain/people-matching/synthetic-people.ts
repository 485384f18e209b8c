/**
 * Deterministic synthetic people for evaluating and benchmarking the matching engine: a
 * population drawn from the variant dictionary (plus invented names outside it) for the main
 * countries of origin, and "the same person registered by another office" – other spelling
 * variant, swapped name order, dropped particle or middle name, typing error, placeholder or
 * swapped date of birth. All names are generated; no record describes a real person.
 */
import { nameVariantGroups, type NameRegion, type NameVariantGroup } from './name-variant-groups';
import type { PersonMatchInput } from './person-analysis';

/** Seeded PRNG (mulberry32): returns a function yielding floats in [0, 1). */
export function createSeededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

function pick<T>(rng: Random, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/**
 * Zipf-like choice (weight 1/(rank+1)): the dictionary lists the most frequent names of a culture
 * first, and real caseloads are dominated by a few names (Muhammad, Ahmad, Ali …).
 */
function pickZipf<T>(rng: Random, items: readonly T[], exponent = 1): T {
  let total = 0;
  for (let i = 0; i < items.length; i++) total += 1 / Math.pow(i + 1, exponent);
  let x = rng() * total;
  for (let i = 0; i < items.length; i++) {
    x -= 1 / Math.pow(i + 1, exponent);
    if (x < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}

/** Countries of origin of the synthetic population (ISO 3166 alpha-3) with their weight. */
export const SYNTHETIC_COUNTRIES = [
  { code: 'SYR', weight: 0.2, regions: ['ar', 'ku'], placeholderRate: 0.08, patronymic: 0.2 },
  { code: 'AFG', weight: 0.16, regions: ['fa', 'ps'], placeholderRate: 0.3, patronymic: 0.4 },
  { code: 'IRQ', weight: 0.08, regions: ['ar', 'ku'], placeholderRate: 0.1, patronymic: 0.5 },
  { code: 'IRN', weight: 0.05, regions: ['fa'], placeholderRate: 0.04, patronymic: 0 },
  { code: 'ERI', weight: 0.05, regions: ['ti'], placeholderRate: 0.2, patronymic: 0.9 },
  { code: 'SOM', weight: 0.04, regions: ['so'], placeholderRate: 0.25, patronymic: 0.9 },
  { code: 'TUR', weight: 0.12, regions: ['tr'], placeholderRate: 0.02, patronymic: 0 },
  { code: 'UKR', weight: 0.18, regions: ['uk'], placeholderRate: 0.01, patronymic: 0 },
  { code: 'GIN', weight: 0.04, regions: ['gn'], placeholderRate: 0.2, patronymic: 0.1 },
  { code: 'NGA', weight: 0.04, regions: ['ng'], placeholderRate: 0.1, patronymic: 0.2 },
  { code: 'DEU', weight: 0.04, regions: ['de'], placeholderRate: 0, patronymic: 0 },
] as const satisfies readonly {
  code: string;
  weight: number;
  regions: readonly NameRegion[];
  /** Share of placeholder dates of birth (01.01./00.00.). */
  placeholderRate: number;
  /** Share of family names that are the father's given name (Somalia, Eritrea, often Iraq/Afghanistan). */
  patronymic: number;
}[];

type CountryCode = (typeof SYNTHETIC_COUNTRIES)[number]['code'];

/** The generator speaks ISO 3166 alpha-3, the API alpha-2. */
export const SYNTHETIC_COUNTRY_ALPHA2: Readonly<Record<CountryCode, string>> = {
  SYR: 'SY',
  AFG: 'AF',
  IRQ: 'IQ',
  IRN: 'IR',
  ERI: 'ER',
  SOM: 'SO',
  TUR: 'TR',
  UKR: 'UA',
  GIN: 'GN',
  NGA: 'NG',
  DEU: 'DE',
};

// prettier-ignore
const PLACES: Readonly<Record<CountryCode, readonly string[]>> = {
  SYR: ['Aleppo', 'Damaskus', 'Homs', 'Hama', 'Idlib', 'Deir ez-Zor', 'Qamishli', 'Latakia'],
  AFG: ['Kabul', 'Herat', 'Kandahar', 'Mazar-i-Sharif', 'Jalalabad', 'Ghazni', 'Kunduz'],
  IRQ: ['Bagdad', 'Mossul', 'Basra', 'Erbil', 'Kirkuk', 'Duhok', 'Sulaimaniyya'],
  IRN: ['Teheran', 'Maschhad', 'Isfahan', 'Schiras', 'Täbris', 'Karadsch'],
  ERI: ['Asmara', 'Keren', 'Massawa', 'Mendefera', 'Barentu'],
  SOM: ['Mogadischu', 'Hargeisa', 'Kismayo', 'Baidoa', 'Beledweyne'],
  TUR: ['Istanbul', 'Ankara', 'Izmir', 'Diyarbakır', 'Gaziantep', 'Konya'],
  UKR: ['Kyjiw', 'Charkiw', 'Odesa', 'Dnipro', 'Lwiw', 'Saporischschja', 'Mariupol'],
  GIN: ['Conakry', 'Kankan', 'Labé', 'Nzérékoré', 'Kindia'],
  NGA: ['Lagos', 'Kano', 'Ibadan', 'Abuja', 'Benin City', 'Port Harcourt'],
  DEU: ['Mülheim an der Ruhr', 'Essen', 'Duisburg', 'Oberhausen', 'Düsseldorf'],
};

// Syllables for names outside the dictionary, so that the evaluation also exercises the rules.
// prettier-ignore
const INVENTED: Readonly<Record<CountryCode, { stems: readonly string[]; endings: readonly string[] }>> = {
  SYR: { stems: ['Bar', 'Kass', 'Hadd', 'Sakk', 'Tall', 'Dabb', 'Jarr', 'Halw', 'Naff', 'Zuhr'], endings: ['ani', 'awi', 'our', 'ouh', 'ash', 'iyeh'] },
  IRQ: { stems: ['Jab', 'Khaz', 'Mash', 'Bahr', 'Sam', 'Ghaz', 'Rid', 'Naj'], endings: ['ali', 'aji', 'awi', 'ani', 'ouri'] },
  AFG: { stems: ['Tok', 'Mang', 'Sap', 'Kakar', 'Niaz', 'Sah', 'Pash', 'Ghor'], endings: ['zai', 'khel', 'yar', 'wal', 'i', 'zada'] },
  IRN: { stems: ['Tehr', 'Kaz', 'Bagh', 'Shir', 'Mash', 'Abed', 'Gol'], endings: ['ani', 'ipour', 'zadeh', 'nejad', 'i'] },
  ERI: { stems: ['Tekl', 'Ghir', 'Asmer', 'Fitsum', 'Mebr', 'Ande', 'Zeru'], endings: ['om', 'ay', 'u', 'et', 'ab'] },
  SOM: { stems: ['Warf', 'Goth', 'Hagg', 'Dirir', 'Bulh', 'Qorr'], endings: ['an', 'e', 'ow', 'ey'] },
  TUR: { stems: ['Ak', 'Kara', 'Gök', 'Demir', 'Yüce', 'Bay', 'Er', 'Tun'], endings: ['soy', 'han', 'öz', 'kaya', 'taş', 'oğlu'] },
  UKR: { stems: ['Hord', 'Zaporozh', 'Kyryl', 'Pyl', 'Sydor', 'Hnat', 'Dovh', 'Vovk'], endings: ['enko', 'uk', 'chuk', 'yshyn', 'ets', 'ovych'] },
  GIN: { stems: ['Kouy', 'Dram', 'Magass', 'Cond', 'Kant', 'Beav'], endings: ['até', 'é', 'ouba', 'ogui'] },
  NGA: { stems: ['Okon', 'Adew', 'Ogun', 'Nnam', 'Ibe', 'Oyel'], endings: ['kwo', 'ale', 'bode', 'di', 'aran'] },
  DEU: { stems: ['Brink', 'Holt', 'Kamp', 'Stein', 'Lind', 'Berg'], endings: ['mann', 'hoff', 'haus', 'ner', 'meier'] },
};

/** A synthetic person: matching input plus the truth needed for evaluation. */
export interface SyntheticPerson extends PersonMatchInput {
  /** Same value for all records of the same (synthetic) person. */
  readonly personId: number;
  readonly sex: 'f' | 'm';
  readonly nationality: string;
  readonly givenNames: string;
  readonly familyName: string;
  readonly dateOfBirth: string;
  /** Name parts as lists, before they were joined into the two fields (used for re-spelling). */
  readonly givenParts: readonly NamePart[];
  readonly familyParts: readonly NamePart[];
}

/** One name part with the dictionary group it was drawn from (null for invented names). */
export interface NamePart {
  readonly spelling: string;
  readonly group: NameVariantGroup | null;
  /** Written with an Arabic article ("Al-Hassan"). */
  readonly article: boolean;
}

function eligible(
  groups: readonly NameVariantGroup[],
  regions: readonly NameRegion[],
  use: 'given' | 'family',
  sex: 'f' | 'm',
): NameVariantGroup[] {
  return groups.filter(
    (g) =>
      g.regions.some((r) => regions.includes(r)) &&
      (g.use === use || g.use === 'both') &&
      (use === 'family' || g.sex === null || g.sex === sex) &&
      !g.variants[0]?.includes(' '),
  );
}

// prettier-ignore
const MIDDLE_SYLLABLES = [
  '', '', '', 'ra', 'li', 'ma', 'so', 'ne', 'ku', 'ta', 'di', 'bo', 'ha', 'mi', 'ro', 'ze', 'pa', 'lu', 'ga', 'fe', 'wo',
  'nu', 'sa', 'te', 'ki', 'do', 'ba', 'ri', 'mo', 'ja',
];

function invented(rng: Random, country: CountryCode): string {
  const parts = INVENTED[country];
  return pick(rng, parts.stems) + pick(rng, MIDDLE_SYLLABLES) + pick(rng, MIDDLE_SYLLABLES) + pick(rng, parts.endings);
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function chooseCountry(rng: Random): (typeof SYNTHETIC_COUNTRIES)[number] {
  let x = rng();
  for (const c of SYNTHETIC_COUNTRIES) {
    x -= c.weight;
    if (x < 0) return c;
  }
  return SYNTHETIC_COUNTRIES[0];
}

function joinParts(parts: readonly NamePart[]): string {
  return parts.map((p) => (p.article ? `Al-${p.spelling}` : p.spelling)).join(' ');
}

function birthDate(rng: Random, placeholderRate: number): string {
  // Ages 0–75, weighted towards young adults as in the caseloads described in domain.md.
  const age = Math.floor(Math.min(rng(), rng(), rng() * 1.3) * 75);
  const year = 2024 - age;
  if (rng() < placeholderRate) return rng() < 0.75 ? `01.01.${year}` : `00.00.${year}`;
  const month = 1 + Math.floor(rng() * 12);
  const day = 1 + Math.floor(rng() * 28);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Generates `count` distinct synthetic persons (personId = index) with a seeded PRNG.
 * Given names: one part (75 %) or two, drawn Zipf-like (frequent names first in the dictionary);
 * family names: the father's given name where that is the custom (`patronymic`), otherwise
 * invented (40 %) or a dictionary family name drawn with a flatter distribution;
 * Arabic family names carry "Al-" in 30 % of cases; placeholder dates as common per country.
 */
export function generatePopulation(count: number, seed: number, firstId = 0): SyntheticPerson[] {
  const rng = createSeededRandom(seed);
  const out: SyntheticPerson[] = [];
  for (let i = 0; i < count; i++) {
    const country = chooseCountry(rng);
    const regions = country.regions as readonly NameRegion[];
    const sex = rng() < 0.55 ? 'm' : 'f';
    const givenPool = eligible(nameVariantGroups, regions, 'given', sex);
    // Real family names first, then given names used as family names: surnames are far more
    // varied than given names, so they are drawn with a flatter distribution.
    const familyPool = eligible(nameVariantGroups, regions, 'family', 'm').sort(
      (x, y) => (x.use === 'family' ? 0 : 1) - (y.use === 'family' ? 0 : 1),
    );
    const fatherPool = eligible(nameVariantGroups, regions, 'given', 'm');
    const givenParts: NamePart[] = [];
    const givenCount = rng() < 0.25 ? 2 : 1;
    while (givenParts.length < givenCount) {
      if (rng() < 0.1) {
        givenParts.push({ spelling: invented(rng, country.code), group: null, article: false });
        continue;
      }
      const group = pickZipf(rng, givenPool);
      if (givenParts.some((p) => p.group === group)) continue;
      givenParts.push({ spelling: pick(rng, group.variants), group, article: false });
    }
    const familyParts: NamePart[] = [];
    if (rng() < country.patronymic) {
      const group = pickZipf(rng, fatherPool);
      familyParts.push({ spelling: pick(rng, group.variants), group, article: false });
    } else if (rng() < 0.4) {
      familyParts.push({ spelling: invented(rng, country.code), group: null, article: false });
    } else {
      const group = pickZipf(rng, familyPool, 0.6);
      const spelling = pick(
        rng,
        group.variants.filter((v) => !v.startsWith('Al-')),
      );
      const article = regions.includes('ar') && rng() < 0.3;
      familyParts.push({ spelling, group, article });
    }
    const place = rng() < 0.4 ? pick(rng, PLACES[country.code]) : null;
    out.push({
      personId: firstId + i,
      sex,
      nationality: country.code,
      givenNames: joinParts(givenParts),
      familyName: joinParts(familyParts),
      dateOfBirth: birthDate(rng, country.placeholderRate),
      placeOfBirth: place,
      givenParts,
      familyParts,
    });
  }
  return out;
}

// Spelling habits of other offices that the dictionary may not list: each maps one substring.
// prettier-ignore
const RESPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/ou/, 'u'], [/u(?=[^aeiou])/, 'ou'], [/ee/, 'i'], [/i(?=[^aeiou])/, 'ee'], [/kh/, 'ch'], [/^J/, 'Y'], [/^Y/, 'J'],
  [/ah$/, 'a'], [/a$/, 'ah'], [/([bdfklmnprst])\1/, '$1'], [/([aeiou])([bdfklmnprst])([aeiou])/, '$1$2$2$3'],
  [/w/, 'v'], [/v/, 'w'], [/q/, 'k'], [/sh/, 'sch'], [/y(?=[^aeiou]|$)/, 'i'], [/ij$/, 'iy'], [/iy$/, 'ii'], [/x/, 'ks'],
  [/e(?=[^aeiou])/, 'a'], [/o(?=[^aeiou])/, 'u'],
];

// prettier-ignore
const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sq', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k', m: 'n',
  n: 'bm', o: 'ip', p: 'o', q: 'a', r: 'et', s: 'ad', t: 'rz', u: 'zi', v: 'cb', w: 'qe', x: 'yc', y: 'x', z: 'tu',
};

/** One typing error: neighbouring key, dropped, doubled or transposed letter (never the first letter). */
export function typingError(rng: Random, word: string): string {
  if (word.length < 4) return word;
  const i = 1 + Math.floor(rng() * (word.length - 1));
  const c = word.charAt(i);
  const kind = rng();
  if (kind < 0.3) {
    const n = KEYBOARD_NEIGHBOURS[c.toLowerCase()];
    return n === undefined ? word : word.slice(0, i) + pick(rng, n.split('')) + word.slice(i + 1);
  }
  if (kind < 0.55) return word.slice(0, i) + word.slice(i + 1);
  if (kind < 0.8) return word.slice(0, i) + c + word.slice(i);
  // Transposition; swapping two equal letters would change nothing, so drop one instead.
  const j = i + 1 < word.length ? i : i - 1;
  if (word.charAt(j) === word.charAt(j + 1)) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, j) + word.charAt(j + 1) + word.charAt(j) + word.slice(j + 2);
}

function respellPart(rng: Random, part: NamePart): NamePart {
  let spelling = part.spelling;
  if (part.group !== null && part.group.variants.length > 1 && rng() < 0.55) {
    const others = part.group.variants.filter((v) => v !== part.spelling && !v.startsWith('Al-'));
    if (others.length > 0) spelling = pick(rng, others);
  } else if (rng() < 0.3) {
    const rule = pick(rng, RESPELLINGS);
    spelling = spelling.replace(rule[0], rule[1]);
  }
  const r = rng();
  if (r < 0.2) spelling = spelling.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/ş/g, 's');
  else if (r < 0.3)
    spelling = spelling
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ä/g, 'ae')
      .replace(/Ö/g, 'Oe')
      .replace(/Ü/g, 'Ue');
  return { spelling, group: part.group, article: part.article };
}

function respellDate(rng: Random, iso: string): string {
  const placeholder = /^0[01]\.0[01]\.(\d{4})$/.exec(iso);
  if (placeholder !== null) {
    const year = placeholder[1] ?? '';
    const r = rng();
    if (r < 0.6) return iso;
    if (r < 0.85) return iso.startsWith('01') ? `00.00.${year}` : `01.01.${year}`;
    return year;
  }
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const r = rng();
  if (r < 0.62) return `${pad(d)}.${pad(m)}.${y}`;
  if (r < 0.7) return d <= 12 && d !== m ? `${y}-${pad(d)}-${pad(m)}` : iso;
  if (r < 0.82) return rng() < 0.7 ? `01.01.${y}` : `00.00.${y}`;
  if (r < 0.87) return String(y);
  if (r < 0.93) return `${y}-${pad(m)}-${pad(d === 28 ? 27 : d + 1)}`;
  return `${y + (rng() < 0.5 ? -1 : 1)}-${pad(m)}-${pad(d)}`;
}

/** Options for `respellAsOtherOffice`. */
export interface RespellOptions {
  /** Drop the date of birth entirely (for name-only measurements). */
  readonly withoutDateOfBirth?: boolean;
}

/**
 * The same person as another office would register them: other dictionary variant (55 % per
 * part) or a rule-based respelling, diacritics dropped or umlauts expanded, given and family name
 * swapped (15 %), "Al-" dropped (60 %) or added, a second given name dropped (40 %), one typing
 * error (20 %), and the date of birth re-entered (same, day/month swapped, placeholder, year only,
 * one day off, year ±1).
 */
export function respellAsOtherOffice(
  person: SyntheticPerson,
  rng: Random,
  options: RespellOptions = {},
): SyntheticPerson {
  let givenParts = person.givenParts.map((p) => respellPart(rng, p));
  let familyParts = person.familyParts.map((p) => respellPart(rng, p));
  familyParts = familyParts.map((p) =>
    p.article ? { ...p, article: rng() >= 0.6 } : { ...p, article: person.nationality === 'SYR' && rng() < 0.05 },
  );
  if (givenParts.length > 1 && rng() < 0.4) givenParts = givenParts.slice(0, 1).concat(givenParts.slice(2));
  if (rng() < 0.2) {
    const all = [...givenParts, ...familyParts];
    const k = Math.floor(rng() * all.length);
    const target = all[k] as NamePart;
    const typo = { ...target, spelling: typingError(rng, target.spelling) };
    if (k < givenParts.length) givenParts[k] = typo;
    else familyParts[k - givenParts.length] = typo;
  }
  let givenNames = joinParts(givenParts);
  let familyName = joinParts(familyParts);
  if (rng() < 0.15) [givenNames, familyName] = [familyName, givenNames];
  if (rng() < 0.3) {
    givenNames = givenNames.toUpperCase();
    familyName = familyName.toUpperCase();
  }
  return {
    ...person,
    givenNames,
    familyName,
    givenParts,
    familyParts,
    dateOfBirth: options.withoutDateOfBirth === true ? '' : respellDate(rng, person.dateOfBirth),
    placeOfBirth: person.placeOfBirth !== null && rng() < 0.5 ? person.placeOfBirth : null,
  };
}
