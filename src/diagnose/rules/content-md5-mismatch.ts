/** Line 2 (Content-MD5) differs (SIGNING.md §2.2, §10.2). */
import type { Rule } from '../rule.js';
import { changedLine, where } from '../rule.js';

/** base64 of the hex digest instead of the 16 raw bytes: 44 characters that decode to 32 hex digits. */
function isHexDigestBase64(v: string): boolean {
  if (v.length !== 44) return false;
  return /^[0-9a-f]{32}$/i.test(Buffer.from(v, 'base64').toString('latin1'));
}

export const contentMd5Mismatch: Rule = {
  id: 'content-md5-mismatch',
  check(ctx) {
    const changed = changedLine(ctx, 'content-md5', { allowAbsent: true });
    if (!changed) return [];
    const { line, sent, oss } = changed;
    ctx.claim(line);
    const hexNote = [sent ?? '', oss ?? ''].some(isHexDigestBase64) ? ' One of them is base64 of the hex digest, not of the 16 raw MD5 bytes.' : '';
    return [{
      id: 'content-md5-mismatch',
      basis: 'observed',
      evidence: `${where(line)}: your request has ${!sent ? 'no Content-MD5' : JSON.stringify(sent)}, OSS signed ${!oss ? 'none' : JSON.stringify(oss)}.${hexNote}`,
      data: { sent, signedByOss: oss },
    }];
  },
};
