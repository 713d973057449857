/**
 * A V1 signed URL whose `Signature` has a raw `+`: OSS decodes the query as a
 * form and reads a space, so the signature it checks is not the one computed
 * (seed 002; java-sdk#327 shows `SignatureProvided` with a space). Evidence
 * from the URL itself, or from `SignatureProvided` (a base64 signature never
 * contains a space).
 */
import type { Rule } from '../rule.js';

export const unencodedPlusInSignature: Rule = {
  id: 'unencoded-plus-in-signature',
  check({ a }) {
    const auth = a.req?.auth;
    const provided = a.error?.signatureProvided;
    if (auth?.kind === 'v1-query' && auth.signatureRaw.includes('+')) {
      const at = auth.signatureRaw.indexOf('+');
      const echoed = provided !== undefined && provided.includes(' ') ? ` OSS's SignatureProvided shows a space there: ${JSON.stringify(provided)}.` : '';
      return [{
        id: 'unencoded-plus-in-signature',
        basis: 'observed',
        evidence: `The URL's Signature parameter has a raw "+" at character ${at + 1}; in a query string "+" means a space, so OSS checks a different signature.${echoed}`,
        data: { signature: auth.signatureRaw, position: at },
      }];
    }
    if (provided !== undefined && provided.includes(' ') && (auth === undefined || auth.kind === 'v1-query' || auth.kind === 'none')) {
      return [{
        id: 'unencoded-plus-in-signature',
        basis: 'observed',
        evidence: `OSS's SignatureProvided contains a space (${JSON.stringify(provided)}); base64 never does, so the URL carried a raw "+" that OSS decoded as a space.`,
        data: { signatureProvided: provided },
      }];
    }
    return [];
  },
};
