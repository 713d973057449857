import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SensitiveValue } from '../../src/model/report.js';
import { maskAccessKeyId, maskCredential, maskerFor } from '../../src/report/redact.js';

describe('masks keep the length (byte offsets stay valid)', () => {
  it.each([
    ['LTAI5tExampleKeyId0000', 'LTAI**************0000'],
    ['shortid', '*******'],
  ])('AccessKey id %s', (v, m) => {
    expect(maskAccessKeyId(v)).toBe(m);
    expect(m).toHaveLength(v.length);
  });

  it('signatures and tokens keep only their first 4 characters', () => {
    expect(maskCredential('SzSrgu0asW35zksVfa6qjNTurSM=')).toBe('SzSr************************');
  });

  it('masks every occurrence, longest value first, in any string', () => {
    const mask = maskerFor([
      { value: 'LTAI5tExampleKeyId0000', kind: 'access-key-id' },
      { value: 'tokenLTAI5tExampleKeyId0000tail', kind: 'token' },
    ]);
    expect(mask('id=LTAI5tExampleKeyId0000 t=tokenLTAI5tExampleKeyId0000tail')).toBe('id=LTAI**************0000 t=toke***************************');
  });
});

/** The masker's meaning, the slow way: every occurrence of every value stars what its own mask stars. */
function unionStarsReference(sensitive: readonly SensitiveValue[], s: string): string {
  const stars = new Array<boolean>(s.length).fill(false);
  for (const { value, kind } of sensitive) {
    if (value.length < 4) continue;
    const mask = kind === 'access-key-id' ? maskAccessKeyId(value) : maskCredential(value);
    for (let at = 0; at + value.length <= s.length; at++) {
      if (s.slice(at, at + value.length) !== value) continue;
      for (let j = 0; j < mask.length; j++) if (mask[j] === '*') stars[at + j] = true;
    }
  }
  return [...s].map((c, i) => (stars[i] ? '*' : c)).join('');
}

describe('the masker scans each string once', () => {
  // A small alphabet makes values overlap, share 8-character windows and occur inside each other.
  const text = (min: number, max: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'A', '=', '%', '2', 'é'), minLength: min, maxLength: max });
  const sensitive = fc.array(
    fc.record({ value: text(4, 14), kind: fc.constantFrom<SensitiveValue['kind']>('access-key-id', 'signature', 'token') }),
    { maxLength: 6 },
  );

  it('stars exactly what the union of every occurrence\'s mask stars', () => {
    fc.assert(
      fc.property(sensitive, fc.array(fc.oneof(text(0, 6), sensitive.map((v) => v.map((x) => x.value).join(''))), { maxLength: 6 }), (values, pieces) => {
        const s = pieces.join('');
        const want = unionStarsReference(values, s);
        expect(maskerFor(values)(s)).toBe(want);
        // The hashed scan that large lists take, on the same small list.
        expect(maskerFor(values, 0)(s)).toBe(want);
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('leaves no value of 9 or more characters readable', () => {
    fc.assert(
      fc.property(sensitive, (values) => {
        const s = values.map((v) => `x ${v.value} y`).join('');
        for (const out of [maskerFor(values)(s), maskerFor(values, 0)(s)]) {
          for (const { value } of values) if (value.length >= 9) expect(out.includes(value)).toBe(false);
        }
      }),
      { numRuns: 1000, seed: 20261122 },
    );
  });

  it('masks each of 5,000 distinct signed-URL ids and signatures in its own string (the HAR case that was quadratic)', () => {
    const values: SensitiveValue[] = [];
    const strings: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const sig = `Sig${String(i).padStart(6, '0')}abcdefghijklmnop=`;
      // Ids that share their first 8 characters all start in the same window.
      const id = `LTAI5tExampleKeyId${String(i).padStart(4, '0')}`;
      values.push({ value: sig, kind: 'signature' }, { value: id, kind: 'access-key-id' });
      strings.push(`entry ${i} https://b.oss-cn-hangzhou.aliyuncs.com/img${i}.png?OSSAccessKeyId=${id}&Signature=${sig}`);
    }
    const mask = maskerFor(values);
    const out = strings.map(mask);
    expect(out[4321]).toBe(`entry 4321 https://b.oss-cn-hangzhou.aliyuncs.com/img4321.png?OSSAccessKeyId=LTAI${'*'.repeat(14)}4321&Signature=Sig0${'*'.repeat(22)}`);
  });
});
