/**
 * normalizeKey: the encodings a key goes through, undone on both sides before
 * key-encoding-mismatch compares them. Regression from the round-trip tests: a
 * stray `%` (a key holding `%zz` or `100%`) made decodeURIComponent throw, so
 * no escape was decoded and a key decoded once more on the way was reported as
 * a resource difference.
 */
import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../../src/diagnose/resource-facts.js';

describe('normalizeKey', () => {
  it.each([
    ['escapes decoded next to a stray %', 'a%2Bb%zz', 'a b%zz'],
    ['escapes decoded next to a trailing %', '100%%20off', '100% off'],
    ['decoded repeatedly', 'a%252Bb', 'a b'],
    ['+ and space alike, doubled and trailing slashes', 'a+b//c/', 'a b/c'],
    ['invalid UTF-8 after decoding does not throw', '%E4%B8x', '\uFFFDx'],
  ])('%s', (_name, key, normalized) => {
    expect(normalizeKey(key)).toBe(normalized);
  });

  it('a key decoded once more on the way normalizes like the original', () => {
    expect(normalizeKey('k%2B1%zz/%20x')).toBe(normalizeKey('k+1%zz/ x'));
  });
});
