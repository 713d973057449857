/**
 * The request carries an STS token that no string to sign includes. The
 * header must be `x-oss-security-token` to be signed (SIGNING.md §2.6); py-v2
 * and java-v2 send a header named plain `security-token` in V1 header mode,
 * which is never signed (SIGNING.md §11, §12.9). Tokens the client left out
 * of its own string are found by the secret-backed hypothesis search.
 */
import { findHeader } from '../../model/http.js';
import type { Rule } from '../rule.js';

export const securityTokenNotSigned: Rule = {
  id: 'security-token-not-signed',
  check({ a }) {
    const req = a.req;
    if (!req || req.auth.kind !== 'v1-header') return [];
    const plain = findHeader(req.headers, 'security-token');
    if (plain === undefined || findHeader(req.headers, 'x-oss-security-token') !== undefined) return [];
    return [{
      id: 'security-token-not-signed',
      basis: 'observed',
      evidence: 'The request carries its STS token in a header named "security-token"; only x-oss-* headers are signed in V1, so neither the client\'s string nor OSS\'s includes it (py-v2 and java-v2 send it this way).',
      fix: 'Send the token as `x-oss-security-token` (it is then signed among the x-oss-* headers), or upgrade to V4 signing.',
      data: { header: 'security-token' },
    }];
  },
};
