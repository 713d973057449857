/**
 * A signed URL damaged by copying: `&amp;` (HTML), `\u0026` (JSON), `&#38;`,
 * or a truncated Signature (CAUSES.md html-escaped-url). A V1 HMAC-SHA1
 * signature is 20 bytes, i.e. 28 base64 characters ending in `=` (SIGNING.md §2.1).
 */
import { repairDamagedQuery } from '../../request/url-parts.js';
import type { QueryEscape } from '../../request/url-parts.js';
import type { Rule } from '../rule.js';

/** What each kind of damage does to the parameters OSS reads. */
const EFFECT: Record<QueryEscape, string> = {
  '&amp;': 'HTML-escaped "&amp;" between parameters, so OSS reads parameter names like "amp;Expires" and "amp;Signature"',
  '\\u0026': 'JSON-escaped "\\u0026" instead of "&", so OSS sees no separate Expires or Signature at all: everything after the first parameter is part of its value',
  '&#38;': 'the HTML entity "&#38;" instead of "&"; its "#" starts a URL fragment, so everything after it never reaches OSS',
  '%26amp%3B': 'an encoded "&amp;" between parameters, so OSS reads one long value instead of the signature parameters',
};

export const htmlEscapedUrl: Rule = {
  id: 'html-escaped-url',
  check({ a }) {
    const req = a.req;
    if (!req) return [];
    const { escapes } = repairDamagedQuery(req.target);
    if (escapes.length > 0) {
      return [{
        id: 'html-escaped-url',
        basis: 'observed',
        evidence: `The URL's query contains ${escapes.map((e) => EFFECT[e]).join('; and ')}. The signature parameters OSS reads are not what the signer produced.`,
        data: { escapes },
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
