/**
 * Byte-order comparison of strings by their UTF-8 bytes. The SDKs sort with
 * Go's `sort.Strings` / Java's `TreeMap` / Python's `sorted` on bytes or code
 * points (SIGNING.md §2.3 rule 3, §2.4 "Sorting is byte-order and
 * case-sensitive"); JavaScript's default sort compares UTF-16 code units, which
 * disagrees for characters above U+FFFF, so compare the UTF-8 bytes.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
