/**
 * Line 3 (Content-Type) differs (seeds 002, 003; SIGNING.md §10.1). The
 * usual culprits are named when the value OSS saw matches them.
 */
import type { Finding, Rule } from '../rule.js';
import { changedLine, where } from '../rule.js';

/** Who adds which Content-Type (CAUSES.md content-type-mismatch; SIGNING.md §10.1). */
export function culpritFor(value: string): string | null {
  const v = value.toLowerCase();
  if (v.startsWith('multipart/form-data')) return 'wx.uploadFile / uni.uploadFile (mini-programs) send multipart/form-data with a boundary — a PUT-signed URL cannot work there; upload with PostObject and a policy instead';
  if (v === 'text/plain;charset=utf-8' || v === 'text/plain; charset=utf-8') return 'browsers add "text/plain;charset=UTF-8" to fetch/XHR requests with a string body';
  if (v === 'application/x-www-form-urlencoded') return 'axios (and curl --data) add "application/x-www-form-urlencoded" when the body is not a Blob/Buffer';
  if (v === 'application/json') return 'wx.request (WeChat mini programs) sends content-type application/json unless told otherwise';
  if (v === 'application/octet-stream') return 'many HTTP clients and ali-oss (in DingTalk) default to "application/octet-stream"';
  return null;
}

export const contentTypeMismatch: Rule = {
  id: 'content-type-mismatch',
  check(ctx) {
    const changed = changedLine(ctx, 'content-type', { allowAbsent: true });
    if (!changed) return [];
    const { line, sent, oss } = changed;
    ctx.claim(line);
    const culprit = oss === null ? null : culpritFor(oss);
    const sentText = sent === null || sent === '' ? 'no Content-Type' : `Content-Type ${JSON.stringify(sent)}`;
    const ossText = oss === null || oss === '' ? 'no Content-Type' : JSON.stringify(oss);
    const finding: Finding = {
      id: 'content-type-mismatch',
      basis: 'observed',
      evidence: `${where(line)}: your request has ${sentText}, OSS signed ${ossText}.${culprit ? ` Likely culprit: ${culprit}.` : ''}`,
      data: { sent, signedByOss: oss, culprit },
    };
    if (oss !== null && oss !== '' && (sent === null || sent === '')) {
      finding.fix = `Sign Content-Type ${JSON.stringify(oss)} (the value the runtime sends), or set the Content-Type explicitly on both the signer and the request.`;
    }
    return [finding];
  },
};
