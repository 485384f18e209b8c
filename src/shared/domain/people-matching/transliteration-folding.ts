/**
 * Transliteration folding: turns one normalised name token (lower-case ASCII, see
 * `name-normalisation.ts`) into
 *
 * - a **folded** form that merges the usual Latin spellings of the same sound in Arabic,
 *   Persian/Dari/Pashto, Turkish, Tigrinya/Amharic, Somali, Ukrainian/Russian and German
 *   transliteration (Muhammad/Mohamad → `muhamat`, Hussein/Hossein/Husayn → `husain`, Yusuf/Jusuf →
 *   `yusuf`, Oleksandr/Olexandr → `uleksandr`, Özdemir/Oezdemir → `uzdemir`), and
 * - a consonant **skeleton** ("sounds the same" key) that also ignores vowels
 *   (Hussein/Husain/Hossein/Hussien → `hsn`, Oleksandr/Aleksandr → `alksndr`).
 *
 * The rules are deliberately few and ordered; each line says which spellings it merges. The
 * variant dictionary (`name-variant-dictionary.ts`) covers what rules cannot (Mehmet ↔ Muhammad,
 * Mykola ↔ Nikolai, Hatice ↔ Khadija).
 */

// Multi-letter spellings of one sound, longest first (the alternation picks the first that fits).
// 'C' and 'S' are placeholders for the ch- and sh-sounds (ч, ç, tsch; ш, ş, sch) so that later rules
// leave them alone; they are written out as ch/sh at the end.
const CONSONANT_SPELLINGS = /schtsch|shch|dsch|tsch|sch|dzh|tch|dj|zh|sh|ch|kh|gh|ph|th|dh|ck|cz|sz|tz|ts|x|q|w|j|c/g;
const CONSONANT_MAP: Readonly<Record<string, string>> = {
  schtsch: 'SC', // Polischtschuk (de) = Polishchuk (en): щ
  shch: 'SC',
  dsch: 'y', // Dschamal (de) = Jamal = Djamal (fr); j is folded to y below
  tsch: 'C', // Tkatschenko (de) = Tkachenko (en); Tschelik = Çelik
  sch: 'S', // Schewtschenko = Shevchenko
  dzh: 'y',
  tch: 'C',
  dj: 'y',
  zh: 'y', // ж: Zhanna = Janna
  sh: 'S', // sh = sch = sz; the skeleton merges it with s (Şahin → sahin sounds like Shahin)
  ch: 'C',
  kh: 'h', // Khalid = Halid (tr); Kharkiv
  gh: 'g', // Ghulam = Gulam; Ghebremedhin = Gebremedhin; ğ
  ph: 'f', // Mustapha = Mustafa
  th: 't', // Othman, Thierno
  dh: 'd', // Gebremedhin = Gebremedin; Ridha = Rida
  ck: 'k',
  cz: 'C', // Polish cz
  sz: 'S', // Polish sz
  tz: 'z', // ц: Kravets = Krawez (de)
  ts: 'z',
  x: 'ks', // Olexandr = Oleksandr; Maxim = Maksym
  q: 'k', // Qasim = Kasim; Yaqub = Yakub
  w: 'v', // Wolodymyr = Volodymyr; Walid = Valid
  j: 'y', // Jusuf = Yusuf; Jurij = Yurii; Johannes = Yohannes
};

const DOUBLE_CONSONANTS = /([b-df-hj-np-tv-zCS])\1+/g;
const ANY_DOUBLE = /(.)\1+/g;

/** Connecting vowel + ll of the "…ullah" tail: Nasrullah = Nasrollah = Nasrallah = Nasrulla. */
const ULLAH_TAIL = /(?<=[a-z]{3})[aou](?:ll|l(?=ah$))ah?$/;
/** "… ad-Din" tail written as one word: Salahuddin = Salaheddine = Salahaldin (the tokeniser joins Salah ad-Din). */
const DIN_TAIL = /(?<=[a-z]{3})[aeiou][dl]d(?:i|ee)ne?$/;

/**
 * Folds one normalised token (lower-case ASCII letters) into its transliteration-neutral form.
 * Idempotent: `foldName(foldName(x)) === foldName(x)`.
 *
 * @example foldName('hussein') === foldName('hossein') // 'husain'
 */
export function foldName(token: string): string {
  if (token.length === 0) return '';
  // A rule can create input for an earlier one (Somayeh → somaye → somai); repeat to a fixed point
  // so that folding a folded form changes nothing.
  let s = foldOnce(token);
  for (let i = 0; i < 4; i++) {
    const next = foldOnce(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

function foldOnce(token: string): string {
  // Doubled letters first, so that a doubled x or kh is one sound (Maxxamed = Maxamed).
  let s = token.replace(ULLAH_TAIL, 'ullah').replace(DIN_TAIL, 'uddin').replace(DOUBLE_CONSONANTS, '$1');
  s = s.replace(CONSONANT_SPELLINGS, (m: string, offset: number, str: string) => {
    if (m === 'c') {
      // c before e/i/y is the Turkish c (Cemal) or French soft c – keep it apart from k.
      const next = str.charAt(offset + 1);
      return next === 'e' || next === 'i' || next === 'y' ? 'C' : 'k';
    }
    return CONSONANT_MAP[m] ?? m;
  });
  s = s.replace(DOUBLE_CONSONANTS, '$1'); // Mohammed = Mohamed, Sayyid = Sayid
  s = s.replace(/([ae])ye$/, '$1i'); // Tesfaye = Tesfay, Abdoulaye
  s = s.replace(/iy(?=[aeiou])/g, 'i'); // Yuliya = Yuliia, Mariya = Maria, Zakariya = Zakaria
  s = s.replace(/y(?![aeiou])/g, 'i'); // Dmytro = Dmitro, Husayn = Husain, Andriy = Andrii, Boyko = Boiko
  s = s.replace(/^i(?=[aeou])/, 'y'); // Iurii = Yurii, Iaroslav = Yaroslav
  s = s.replace(/ie(?![aeiou]|$)/g, 'i'); // German ie; Hussien (typo) = Hussin; final -ie stays (Marie = Maria)
  s = s.replace(/ei/g, 'ai'); // Hussein = Husain, Zeinab = Zainab
  s = s.replace(/ou|oo/g, 'u').replace(/ee/g, 'i'); // Youssef = Yusef, Dawood = Dawud, Kareem = Karim, Saeed = Said
  s = s.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u'); // German umlaut expansion: Oezdemir = Ozdemir
  s = s.replace(/(?<=a[nm])e$/, ''); // French final e: Ousmane = Usman, Souleymane (not -ine: Emine = Amina)
  s = s.replace(/(?<=[aeiou])h$/, ''); // Abdullah = Abdulla, Fatimah = Fatima, Zadeh = Zade
  s = s.replace(/d$/, 't').replace(/b$/, 'p'); // final devoicing: Ahmad = Ahmet, Murad = Murat, Habib = Habip
  s = s.replace(/o/g, 'u'); // Osman = Usman, Hossein = Hussein; e stays (Saleh ≠ Salah), the skeleton ignores it
  s = s.replace(ANY_DOUBLE, '$1'); // Saad = Sad, Nuur = Nur
  // Servant-of names: Abdulrahman = Abdel Rahman = Abd al-Rahman = Abdurrahman = Abdirahman.
  if (s.startsWith('abd')) {
    // abd + optional connecting vowel + optional l of the article, then the divine name.
    let i = 3;
    const v = s.charAt(i);
    if (v === 'a' || v === 'e' || v === 'i' || v === 'u') i++;
    if (s.charAt(i) === 'l') i++;
    const rest = s.slice(i);
    if (rest.length > 0) s = 'abdal' + rest;
  }
  // Written out as ch/sh so that folding a folded form changes nothing.
  return s.replace(/C/g, 'ch').replace(/S/g, 'sh');
}

const VOWEL = /[aeiu]/g;

/**
 * Consonant skeleton of a folded token: the first letter (any initial vowel written as `a`)
 * followed by the consonants, repeated letters collapsed. Coarse on purpose – it finds
 * "sounds the same" candidates; the dictionary and string similarity decide.
 *
 * @example nameSkeleton(foldName('oleksandr')) === nameSkeleton(foldName('aleksandr')) // 'alksndr'
 */
export function nameSkeleton(folded: string): string {
  if (folded.length === 0) return '';
  const s = folded.replace(/sh/g, 's').replace(/ch/g, 'c');
  const first = s.charAt(0);
  const head = first === 'a' || first === 'e' || first === 'i' || first === 'u' ? 'a' : first;
  return (head + s.slice(1).replace(VOWEL, '')).replace(ANY_DOUBLE, '$1');
}
