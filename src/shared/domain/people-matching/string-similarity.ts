/**
 * String similarity measures for short name keys. Both run in O(|a|·|b|) with no allocation for
 * inputs up to 64 characters (the buffers are reused; the functions are still pure).
 */

const MAX_FAST = 64;
const matchedA = new Uint8Array(MAX_FAST);
const matchedB = new Uint8Array(MAX_FAST);

/**
 * Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, at most 4 prefix characters).
 * Symmetric; 1 only for equal strings; 0 when one side is empty and the other is not.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  // Jaro's transposition count depends on which string is scanned first; fix the order for symmetry.
  if (la > lb || (la === lb && a > b)) return jaroWinkler(b, a);
  const fa = la <= MAX_FAST ? matchedA : new Uint8Array(la);
  const fb = lb <= MAX_FAST ? matchedB : new Uint8Array(lb);
  fa.fill(0, 0, la);
  fb.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const ca = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (fb[j] === 0 && b.charCodeAt(j) === ca) {
        fa[i] = 1;
        fb[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (fa[i] === 0) continue;
    while (fb[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, la, lb);
  while (prefix < maxPrefix && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

const rowPrev2 = new Int32Array(MAX_FAST + 1);
const rowPrev = new Int32Array(MAX_FAST + 1);
const rowCur = new Int32Array(MAX_FAST + 1);

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), the usual model of
 * typing errors: Hussein/Hussien = 1, Mohammed/Mohammmed = 1.
 */
export function typoDistance(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  const big = lb > MAX_FAST;
  let p2 = big ? new Int32Array(lb + 1) : rowPrev2;
  let p1 = big ? new Int32Array(lb + 1) : rowPrev;
  let cur = big ? new Int32Array(lb + 1) : rowCur;
  for (let j = 0; j <= lb; j++) p1[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min((p1[j] as number) + 1, (cur[j - 1] as number) + 1, (p1[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (p2[j - 2] as number) + 1);
      }
      cur[j] = v;
    }
    const t = p2;
    p2 = p1;
    p1 = cur;
    cur = t;
  }
  return p1[lb] as number;
}

/**
 * True when the optimal-string-alignment distance is at most 1 (one substitution, insertion,
 * deletion or adjacent transposition). Linear time; use it instead of `typoDistance(a, b) <= 1`.
 */
export function withinOneTypo(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    // One substitution at i, or a transposition of positions i and i+1.
    let k = i + 1;
    if (k < la && a.charCodeAt(i) === b.charCodeAt(k) && a.charCodeAt(k) === b.charCodeAt(i)) {
      k++;
      while (k < la && a.charCodeAt(k) === b.charCodeAt(k)) k++;
      if (k === la) return true;
      k = i + 1;
    }
    while (k < la && a.charCodeAt(k) === b.charCodeAt(k)) k++;
    return k === la;
  }
  // One insertion or deletion at position i.
  const long = la > lb ? a : b;
  const short = la > lb ? b : a;
  let k = i;
  while (k < short.length && long.charCodeAt(k + 1) === short.charCodeAt(k)) k++;
  return k === short.length;
}
