/**
 * EC 0002-00000038 (and 0002-00000037): the operation needs the signature in
 * the URL but got an Authorization header, or the reverse (seed 000). The seed
 * names `x-oss-process=hls/sign` as an operation that requires a signed URL,
 * so that request shape is named even without the EC.
 */
import type { Rule } from '../rule.js';

function hasHlsSign(query: ReadonlyArray<{ name: string; value: string | null }>): boolean {
  return query.some((p) => p.name === 'x-oss-process' && (p.value ?? '').startsWith('hls/sign'));
}

export const wrongSignatureMethod: Rule = {
  id: 'wrong-signature-method',
  check({ a }) {
    const ec = a.error?.ec;
    const req = a.req;
    const inHeader = req !== null && req.auth.kind.endsWith('-header');
    const inQuery = req !== null && req.auth.kind.endsWith('-query');
    const hls = req !== null && hasHlsSign(req.query);
    // A signature both in the header and in the query (EC 0002-00000039, SIGNING.md §1).
    if (ec === '0002-00000039' || req?.signatureInBoth) {
      return [{
        id: 'wrong-signature-method',
        basis: 'observed',
        evidence: `The request carries a signature both in the Authorization header and in the URL query${ec === '0002-00000039' ? ' (OSS answered EC 0002-00000039)' : ''}; OSS accepts one place only.`,
        fix: 'Send the signature in one place: drop the Authorization header from a signed URL request, or the signature parameters from a header-signed one.',
        data: { ec: ec ?? null, signatureIn: 'both' },
      }];
    }
    if (ec === '0002-00000038' || ec === '0002-00000037') {
      const place = inHeader ? 'in the Authorization header' : inQuery ? 'in the URL query' : 'in one place';
      const wanted = inHeader ? 'a signed URL' : inQuery ? 'the Authorization header' : 'the other place';
      return [{
        id: 'wrong-signature-method',
        basis: 'observed',
        evidence: `OSS answered EC ${ec} (wrong signature method for this operation); the request carries its signature ${place}${hls ? ' and asks for x-oss-process=hls/sign, which needs a signed URL' : ''}.`,
        fix: `Move the signature to ${wanted}${inHeader ? ' (OSSAccessKeyId, Expires, Signature[, security-token]) and remove the Authorization header' : inQuery ? ' and remove OSSAccessKeyId/Expires/Signature from the URL' : ''}.`,
        data: { ec, signatureIn: inHeader ? 'header' : inQuery ? 'query' : null },
      }];
    }
    if (hls && inHeader) {
      return [{
        id: 'wrong-signature-method',
        basis: 'observed',
        evidence: 'The request asks for x-oss-process=hls/sign but carries its signature in the Authorization header; this operation requires a signed URL (EC 0002-00000038).',
        fix: 'Sign a URL instead (OSSAccessKeyId, Expires, Signature[, security-token] in the query) and remove the Authorization header.',
        data: { signatureIn: 'header', operation: 'x-oss-process=hls/sign' },
      }];
    }
    return [];
  },
};
