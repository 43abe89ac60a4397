/** The encodings the built client is stored in: brotli and gzip files beside each asset, and the file itself. */
export type StoredEncoding = 'br' | 'gzip' | 'identity';

/** Our order of preference when the client weighs several encodings equally: smallest first. */
const PREFERENCE: readonly StoredEncoding[] = ['br', 'gzip', 'identity'];

/** Parses `Accept-Encoding` into coding -> q (lower-cased; an invalid q counts as 0, as unacceptable). */
export function acceptedCodings(header: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^q\s*=\s*(.*)$/i.exec(p);
      if (!m) continue;
      // RFC 9110 qvalue: 0, 0.xxx, 1 or 1.000.
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(m[1]!) ? Number(m[1]) : 0;
    }
    const key = name.toLowerCase();
    // A coding listed twice keeps its first weight.
    if (!out.has(key)) out.set(key, q);
  }
  return out;
}

/**
 * Picks the encoding to send among those stored (`available`), following RFC 9110 section 12.5.3:
 * the highest q wins, q=0 refuses, `*` weighs every coding not named, identity is acceptable unless
 * refused (by `identity;q=0`, or `*;q=0` without identity named). No header means identity.
 * Returns null when nothing stored is acceptable.
 */
export function chooseEncoding(
  header: string | undefined,
  available: readonly StoredEncoding[],
): StoredEncoding | null {
  if (header === undefined) return available.includes('identity') ? 'identity' : null;
  const codings = acceptedCodings(header);
  const star = codings.get('*');
  const weight = (enc: StoredEncoding): number => {
    const named = codings.get(enc) ?? (enc === 'gzip' ? codings.get('x-gzip') : undefined);
    if (named !== undefined) return named;
    if (star !== undefined) return star;
    return enc === 'identity' ? 0.001 : 0;
  };
  let best: StoredEncoding | null = null;
  let bestQ = 0;
  for (const enc of PREFERENCE) {
    if (!available.includes(enc)) continue;
    const q = weight(enc);
    if (q > bestQ) {
      best = enc;
      bestQ = q;
    }
  }
  return best;
}
