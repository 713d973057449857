import { describe, expect, it } from 'vitest';
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
