/**
 * Legal bases of residence documents, as caseworkers type them: "AufenthG 25 Abs. 2",
 * "§ 25 Abs. 2 AufenthG", "§25 II AufenthG", "aufenthg § 25 abs 2". One canonical spelling
 * ("AufenthG § 25 Abs. 2") lets the legal-domain rules and reports compare them.
 */

/** Laws that appear on residence documents, with the spellings accepted for each. */
const LAWS: readonly { canonical: string; pattern: RegExp }[] = [
  // FreizügG/EU first: its spellings contain no other law's name, but keep the longest names early.
  { canonical: 'FreizügG/EU', pattern: /freiz(?:ü|ue|u)gg\s*\/?\s*eu/iu },
  { canonical: 'AufenthV', pattern: /aufenthv/iu },
  { canonical: 'AufenthG', pattern: /aufenthg/iu },
  { canonical: 'AsylbLG', pattern: /asylblg/iu },
  { canonical: 'AsylVfG', pattern: /asylvfg/iu },
  { canonical: 'AsylG', pattern: /asylg/iu },
  { canonical: 'BeschV', pattern: /beschv/iu },
];

/** A law name standing alone, not inside a longer word; optional commas around it belong to it. */
function findLaw(text: string): { canonical: string; rest: string } | null {
  for (const law of LAWS) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${law.pattern.source}(?![\\p{L}\\p{N}])`, 'iu');
    const m = re.exec(text);
    if (!m) continue;
    const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`;
    return { canonical: law.canonical, rest: rest.replace(/^[\s,]+|[\s,]+$/g, '') };
  }
  return null;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

/** I–XX as used for Absätze in legal citations ("§ 25 II"); null for anything else. */
function romanValue(s: string): number | null {
  if (!/^(X{0,2})(IX|IV|V?I{0,3})$/.test(s) || s === '') return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = i + 1 < s.length ? ROMAN[s[i + 1]!]! : 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Parts after the paragraph, each with its canonical label. */
const PARTS: readonly { label: string; pattern: RegExp }[] = [
  { label: 'Abs.', pattern: /^(?:abs\.?|absatz)\s*(\d+[a-z]?)/i },
  { label: 'Satz', pattern: /^(?:satz|s\.)\s*(\d+)/i },
  { label: 'Nr.', pattern: /^(?:nr\.?|nummer)\s*(\d+[a-z]?)/i },
  { label: 'Buchst.', pattern: /^(?:buchst\.?|buchstabe|lit\.?)\s*([a-z])(?![a-z])/i },
  { label: 'Alt.', pattern: /^(?:alt\.?|alternative)\s*(\d+)/i },
];

/** "§ 25 Abs. 2 Satz 1" → ["§ 25", "Abs. 2", "Satz 1"]; null when something is left that is not a citation part. */
function parseCitation(text: string): string[] | null {
  const head = /^(?:§\s*)?(\d+)(?:\s?([a-z])(?![\p{L}\p{N}.]))?(?![\p{L}\p{N}])/u.exec(text);
  if (!head) return null;
  const parts = [`§ ${head[1]}${head[2] ?? ''}`];
  let rest = text.slice(head[0].length).trim();
  // "§ 25 II" is the Absatz in the short form courts and authorities use.
  const roman = /^([IVX]+)(?![\p{L}\p{N}])/u.exec(rest);
  if (roman) {
    const value = romanValue(roman[1]!);
    if (value === null) return null;
    parts.push(`Abs. ${value}`);
    rest = rest.slice(roman[0].length).trim();
  }
  while (rest.length > 0) {
    const part = PARTS.map((p) => ({ p, m: p.pattern.exec(rest) })).find((x) => x.m !== null);
    if (!part?.m) return null;
    parts.push(`${part.p.label} ${part.m[1]!.toLowerCase()}`);
    rest = rest.slice(part.m[0].length).replace(/^[\s,]+/, '');
  }
  return parts;
}

/**
 * The canonical spelling of a legal basis: the law first, then the paragraph and its parts in
 * the order given ("AufenthG § 25 Abs. 2 Satz 1 Nr. 3"). A text that is not recognisably one
 * citation of a known law (two norms, "i.V.m.", an unknown law) is kept as written, trimmed.
 *
 * @example normaliseLegalBasis('§ 25 Abs. 2 AufenthG') → 'AufenthG § 25 Abs. 2'
 * @example normaliseLegalBasis('AsylG 55 Abs 1') → 'AsylG § 55 Abs. 1'
 * @example normaliseLegalBasis('§ 60a AufenthG i.V.m. § 60c') → '§ 60a AufenthG i.V.m. § 60c'
 */
export function normaliseLegalBasis(raw: string): string {
  const trimmed = raw.trim();
  const law = findLaw(trimmed);
  if (!law) return trimmed;
  const citation = parseCitation(law.rest.replace(/\s+/g, ' '));
  if (!citation) return trimmed;
  return `${law.canonical} ${citation.join(' ')}`;
}
