/**
 * A signed URL damaged by copying: `&amp;` (HTML), `\u0026` (JSON), `&#38;`,
 * or a truncated Signature (CAUSES.md html-escaped-url). A V1 HMAC-SHA1
 * signature is 20 bytes, i.e. 28 base64 characters ending in `=` (SIGNING.md §2.1).
 */
import type { Rule } from '../rule.js';

const DAMAGE: Array<{ needle: string; what: string }> = [
  { needle: '&amp;', what: 'HTML-escaped "&amp;" between parameters' },
  { needle: '\\u0026', what: 'JSON-escaped "\\u0026" instead of "&"' },
  { needle: '&#38;', what: 'HTML entity "&#38;" instead of "&"' },
  { needle: '%26amp%3B', what: 'an encoded "&amp;"' },
];

export const htmlEscapedUrl: Rule = {
  id: 'html-escaped-url',
  check({ a }) {
    const req = a.req;
    if (!req) return [];
    const raw = req.target.rawQuery;
    const seen = DAMAGE.filter((d) => raw.includes(d.needle));
    if (seen.length > 0) {
      return [{
        id: 'html-escaped-url',
        basis: 'observed',
        evidence: `The URL's query contains ${seen.map((d) => d.what).join(' and ')}, so OSS reads parameter names like "amp;Expires" and the signature parameters are not what the signer produced.`,
        data: { escapes: seen.map((d) => d.needle) },
      }];
    }
    // A masked signature (`vjby****`, as in the docs) says nothing about truncation.
    if (req.auth.kind === 'v1-query' && req.auth.signature !== '' && !req.auth.signature.includes(' ') && !req.auth.signature.includes('*')) {
      const sig = req.auth.signature;
      if (sig.length < 28 || (sig.length === 28 && !sig.endsWith('='))) {
        return [{
          id: 'html-escaped-url',
          basis: 'observed',
          evidence: `The URL's Signature is ${sig.length} characters long; a V1 signature is 28 base64 characters ending in "=", so the URL was cut short when it was copied.`,
          data: { signatureLength: sig.length },
        }];
      }
    }
    return [];
  },
};
