/**
 * Lookup structure over `nameVariantGroups`: folded spelling → group. A name in a group maps to
 * the group's canonical key (upper-case label, e.g. `MUHAMMAD`), so Mehmet, Mohammed and Maxamed
 * meet even though the folding rules alone would not merge them all.
 */
import { normaliseNameText, tokeniseNameField, type UmlautMode } from './name-normalisation';
import { nameVariantGroups, type NameVariantGroup } from './name-variant-groups';
import { foldName, nameSkeleton } from './transliteration-folding';

/** A variant group with its canonical key. */
export interface VariantGroupEntry {
  /** Canonical key: the normalised label in upper case (`ABDULRAHMAN`). Never equal to a folded form. */
  readonly key: string;
  readonly group: NameVariantGroup;
}

/** A folded spelling claimed by two different groups (must stay empty; a unit test checks it). */
export interface FoldedSpellingCollision {
  readonly folded: string;
  readonly keys: readonly [string, string];
}

/**
 * Folded key of a whole spelling as written ("Abd al-Rahman" → `abdalrahman`, "Ali Reza" →
 * `alireza`): tokens after the particle rules, concatenated, then folded.
 */
export function foldedSpellingKey(spelling: string, umlauts: UmlautMode = 'strip'): string {
  const tokens = tokeniseNameField(normaliseNameText(spelling, umlauts), 'given');
  return foldName(tokens.map((t) => t.text).join(''));
}

interface DictionaryIndex {
  readonly byFolded: ReadonlyMap<string, VariantGroupEntry>;
  readonly foldedByKey: ReadonlyMap<string, readonly string[]>;
  readonly entries: readonly VariantGroupEntry[];
  readonly collisions: readonly FoldedSpellingCollision[];
}

function buildIndex(groups: readonly NameVariantGroup[]): DictionaryIndex {
  const byFolded = new Map<string, VariantGroupEntry>();
  const foldedByKey = new Map<string, string[]>();
  const entries: VariantGroupEntry[] = [];
  const collisions: FoldedSpellingCollision[] = [];
  for (const group of groups) {
    const entry: VariantGroupEntry = {
      key: normaliseNameText(group.variants[0] ?? '')
        .replace(/ /g, '')
        .toUpperCase(),
      group,
    };
    entries.push(entry);
    for (const variant of group.variants) {
      for (const mode of ['strip', 'expand'] as const) {
        const folded = foldedSpellingKey(variant, mode);
        if (folded.length === 0) continue;
        const spellings = foldedByKey.get(entry.key) ?? [];
        if (!spellings.includes(folded)) spellings.push(folded);
        foldedByKey.set(entry.key, spellings);
        const existing = byFolded.get(folded);
        if (existing === undefined) byFolded.set(folded, entry);
        else if (existing !== entry) collisions.push({ folded, keys: [existing.key, entry.key] });
      }
    }
  }
  return { byFolded, foldedByKey, entries, collisions };
}

const index = buildIndex(nameVariantGroups);

/** All groups with their canonical keys, in data order. */
export const variantGroupEntries: readonly VariantGroupEntry[] = index.entries;

/** Folded spellings claimed by more than one group; empty when the data is consistent. */
export const foldedSpellingCollisions: readonly FoldedSpellingCollision[] = index.collisions;

/** Folded forms of all spellings of a group (empty for an unknown key). */
export function foldedSpellingsOf(key: string): readonly string[] {
  return index.foldedByKey.get(key) ?? [];
}

/**
 * Finds the variant group of a folded token. A joined Arabic article is tolerated when the rest
 * is a known name of at least four letters (Alhassan → HASSAN, Elamin → AMIN), never for short
 * rests (Alina stays Alina).
 */
export function lookupVariantGroup(folded: string): VariantGroupEntry | undefined {
  const direct = index.byFolded.get(folded);
  if (direct !== undefined) return direct;
  if (folded.length >= 6 && (folded.startsWith('al') || folded.startsWith('el')))
    return index.byFolded.get(folded.slice(2));
  return undefined;
}

/**
 * Names so frequent among the populations served (Muhammad, Ahmad, Ali, Fatima, Nour …) that
 * agreeing on them says little: they get less weight in scoring, and no "name + birth year"
 * blocking key (such a block would hold hundreds of records at 100,000 persons).
 */
// prettier-ignore
export const FREQUENT_NAME_KEYS: ReadonlySet<string> = new Set([
  'MUHAMMAD', 'AHMAD', 'ALI', 'HASSAN', 'HUSSEIN', 'ABDULLAH', 'ABDULLAHI', 'OMAR', 'IBRAHIM', 'MAHMOUD',
  'MUSTAFA', 'YUSUF', 'KHALID', 'MAMADOU', 'ABUBAKAR', 'OSMAN', 'FATIMA', 'MARYAM', 'AISHA', 'ZAINAB',
  'KHADIJA', 'AMINA', 'FATOUMATA', 'KHAN', 'GUL', 'NOUR', 'SAYED', 'OLEKSANDR', 'MARIIA', 'ANNA',
]);

/**
 * Names among the most common of one culture of origin (the first names of each culture in the
 * dictionary): agreeing on them is weaker evidence than on a rarer known name. Used in scoring only.
 */
// prettier-ignore
export const COMMON_NAME_KEYS: ReadonlySet<string> = new Set([
  // Arabic, Kurdish
  'ABDULRAHMAN', 'HAMID', 'KARIM', 'JAMAL', 'SAID', 'ISMAIL', 'MUSA', 'SULEIMAN', 'YAHYA', 'TARIQ', 'SAMIR', 'HAMZA',
  'AMIR', 'AMIN', 'MAJID', 'RASHID', 'SALIM', 'ABBAS', 'QASIM', 'KHALIL', 'SALEH', 'LAYLA', 'SARA', 'ZAHRA', 'HUDA',
  'ASMA', 'HALIMA', 'HAWA', 'YASMIN',
  // Persian, Dari, Pashto
  'REZA', 'MEHDI', 'GHULAM', 'AHMADI', 'MOHAMMADI', 'HOSSEINI', 'REZAEI', 'KARIMI', 'RAHIMI', 'HASHEMI',
  // Tigrinya
  'YOHANNES', 'TESFAY', 'GEBREMEDHIN', 'HAILE', 'TEKLE', 'BERHANE', 'BERHE', 'MEHARI', 'YEMANE', 'TSEGAY', 'AMANUEL',
  'DAWIT', 'HELEN', 'SENAIT', 'SELAM', 'GHEBREYESUS', 'KIDANE',
  // Somali
  'ABDI', 'FARAH', 'JAMA', 'WARSAME', 'HIRSI', 'ADEN',
  // Ukrainian
  'SERHII', 'ANDRII', 'VOLODYMYR', 'DMYTRO', 'YURII', 'MYKOLA', 'IVAN', 'OLENA', 'NATALIIA', 'IRYNA', 'TETIANA',
  'SVITLANA', 'OKSANA', 'YULIIA', 'KATERYNA', 'MELNYK', 'SHEVCHENKO', 'KOVALENKO', 'BONDARENKO', 'BOIKO', 'TKACHENKO',
  // Turkish
  'MURAT', 'YILMAZ', 'KAYA', 'SAHIN', 'CELIK', 'YILDIZ', 'OZTURK', 'AYDIN',
  // Guinea, Nigeria
  'DIALLO', 'BAH', 'BARRY', 'SOW', 'CAMARA', 'KEITA', 'CONDE', 'TOURE', 'SYLLA', 'ALPHA', 'AMADOU', 'SEKOU', 'THIERNO',
  'MARIAMA', 'AISSATOU', 'KADIATOU', 'AMINATA', 'BELLO',
  // German
  'MULLER', 'SCHMIDT', 'SCHNEIDER', 'FISCHER', 'WEBER', 'MEYER', 'WAGNER', 'THOMAS', 'MICHAEL',
]);

/** Consonant skeletons of all spellings of the frequent names (hsn covers Hassan, Hussein, Hosseini …). */
export const FREQUENT_SKELETONS: ReadonlySet<string> = new Set(
  variantGroupEntries
    .filter((e) => FREQUENT_NAME_KEYS.has(e.key))
    .flatMap((e) => e.group.variants.map((v) => nameSkeleton(foldedSpellingKey(v)))),
);
