/**
 * Byte-order comparison of strings by their UTF-8 bytes. The SDKs sort with
 * Go's `sort.Strings` / Java's `TreeMap` / Python's `sorted` on bytes or code
 * points (SIGNING.md §2.3 rule 3, §2.4 "Sorting is byte-order and
 * case-sensitive"); JavaScript's default sort compares UTF-16 code units, which
 * disagrees for characters above U+FFFF, so compare the UTF-8 bytes.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  // Below U+D800, UTF-16 code units, code points and UTF-8 bytes all sort alike: decide at the
  // first difference. Surrogates and U+E000… (and lone surrogates, which UTF-8 writes as
  // U+FFFD) go the long way.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  }
  // One is a prefix of the other — unless the prefix ends in half a surrogate pair.
  const last = n > 0 ? a.charCodeAt(n - 1) : 0;
  if (last >= 0xd800 && last <= 0xdbff) return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
  return a.length < b.length ? -1 : 1;
}
