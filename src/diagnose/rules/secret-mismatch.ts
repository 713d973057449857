/**
 * Same string to sign, different signature ⇒ the secret differs (seeds 002,
 * 004). With the secret the tool can say which side holds the other one;
 * without it this is named by elimination, and only when nothing else in the
 * input explains the rejection.
 */
import { isSignatureMismatch } from '../analyze.js';
import type { Rule } from '../rule.js';
import { isDecisive } from '../rule.js';

export const secretMismatch: Rule = {
  id: 'secret-mismatch',
  check({ a, found }) {
    const sigError = isSignatureMismatch(a.error);
    const s = a.secret;
    const id = a.req?.auth.kind === 'v1-header' || a.req?.auth.kind === 'v1-query' ? a.req.auth.accessKeyId : a.error?.accessKeyId;
    const forId = id ? ` for AccessKeyId ${id}` : '';
    const otherCause = found.some(isDecisive);
    // A raw "+" reached OSS as a space: OSS never checked the signature the client computed,
    // so nothing can be said about the secrets (even when the secret reproduces the URL's).
    if (found.some((c) => c.id === 'unencoded-plus-in-signature')) return [];

    // White space around one copy of the secret: proven by an HMAC with the other copy.
    if (s?.whitespace) {
      const ws = s.whitespace;
      const identical = a.diff?.identical === true && sigError;
      const target = ws.string === 'oss' ? 'the signature OSS saw from OSS\'s own string to sign' : 'the request\'s signature';
      const lead = identical ? `The strings to sign are byte-identical (${a.clientBytes?.length ?? 0} bytes). ` : '';
      if (ws.client === null) {
        return [{
          id: 'secret-mismatch',
          basis: 'proven',
          evidence: `${lead}The secret you supplied has ${ws.supplied}; without that white space, it reproduces ${target} exactly: the client signed with the secret minus that white space, so the stray white space is only in your copy (an AccessKey secret has none).${identical ? ` The client's secret is not the one OSS holds${forId}.` : ''}`,
          fix: `Remove the white space (${ws.supplied}) from the secret you gave sigdoctor (OSS_ACCESS_KEY_SECRET or the --secret-file file).${identical ? ' Then check the AccessKey pair the client uses: OSS holds another secret for this AccessKeyId (the secret of another AccessKeyId, a rotated or expired STS pair).' : ''}`,
          data: { secretReproducesSignature: false, secretWhitespace: ws, ...(identical ? { stringsIdentical: true } : {}) },
        }];
      }
      return [{
        id: 'secret-mismatch',
        basis: 'proven',
        evidence: `${lead}The secret you supplied${ws.supplied ? ` (which has ${ws.supplied})` : ''} does not reproduce ${target}, but the same secret ${ws.supplied ? 'trimmed, then with' : 'with'} ${ws.client} added does, exactly: the client signed with a copy of the secret that has ${ws.client}. An AccessKey secret never contains white space, so that copy cannot be the one OSS holds${forId}.`,
        fix: `Strip the white space where the client loads the secret (${ws.client}: a file or an environment variable read without trimming — trim() / strip() / strings.TrimSpace), then sign again.`,
        data: { secretReproducesSignature: false, secretWhitespace: ws, ...(identical ? { stringsIdentical: true } : {}) },
      }];
    }

    // OSS's own string, signed with the given secret, gives the signature OSS saw.
    if (s?.serverStringVerifies === true && sigError) {
      return [{
        id: 'secret-mismatch',
        basis: 'proven',
        evidence: `The secret you supplied turns OSS's own string to sign into exactly the signature the request carried: the client signed what OSS signed, so OSS holds a different secret${forId}.`,
        data: { secretReproducesSignature: true },
      }];
    }
    // The SDK's own log shows it signed exactly OSS's string.
    if (a.sdk?.matchesServer === true && sigError) {
      return [{
        id: 'secret-mismatch',
        basis: 'observed',
        evidence: `The ${a.sdk.source} shows the client signed exactly the string OSS signed, byte for byte, yet OSS rejected the signature: the client's secret is not the one OSS holds${forId}.`,
        data: { sdkMatchesServer: true },
      }];
    }
    if (otherCause) return [];
    // An unsigned request (a sanitized HAR, a capture of the wrong request) proves nothing about secrets.
    if (a.req && a.requestSignature === null) return [];
    const identical = a.diff?.identical === true;
    if (identical && sigError) {
      const n = a.clientBytes?.length ?? 0;
      if (s?.verifies === true) {
        return [{
          id: 'secret-mismatch',
          basis: 'proven',
          evidence: `The strings to sign are byte-identical (${n} bytes) and the secret you supplied reproduces the request's signature from them: the request is correct for that secret, so OSS holds a different secret${forId}.`,
          data: { stringsIdentical: true, secretReproducesSignature: true },
        }];
      }
      if (s?.verifies === false) {
        return [{
          id: 'secret-mismatch',
          basis: 'elimination',
          evidence: `The strings to sign are byte-identical (${n} bytes), but the secret you supplied does not reproduce the request's signature from them (it gives ${s.expectedSignature}, the request carries ${a.requestSignature})${searched(s, 'to the string')}: the client used another secret than the one you supplied — or signed something that differs in more than one place.`,
          data: { stringsIdentical: true, secretReproducesSignature: false, hypothesesTried: s.tried },
        }];
      }
      return [{
        id: 'secret-mismatch',
        basis: 'elimination',
        evidence: `The strings to sign are byte-identical (${n} bytes), yet OSS rejected the signature: the request was signed with a secret OSS does not hold${forId} — or your code signed a string other than the request it sent. Supply the secret (OSS_ACCESS_KEY_SECRET or --secret-file) to tell which.`,
        data: { stringsIdentical: true, secretReproducesSignature: null },
      }];
    }
    // verify without OSS's answer: the secret does not reproduce the signature and no variant does.
    if (!a.server && s?.verifies === false && s.hypotheses.length === 0) {
      return [{
        id: 'secret-mismatch',
        basis: 'elimination',
        evidence: `The secret you supplied does not reproduce the request's signature (it gives ${s.expectedSignature}, the request carries ${a.requestSignature})${searched(s, 'to what was signed')}: the request was signed with another secret — or what it signed differs in more than one place.`,
        data: { secretReproducesSignature: false, hypothesesTried: s.tried },
      }];
    }
    return [];
  },
};

/** The hypothesis search's part of the evidence: what it tried, and whether a bound cut it short. */
function searched(s: { tried: number; complete: boolean }, what: string): string {
  const cut = s.complete ? '' : ` (the search stopped at its bound${s.tried === 0 ? ' before trying any: the run\'s search time was spent on earlier requests' : ''})`;
  if (s.tried === 0) return cut ? `; no candidate change ${what} was tried${cut}` : '';
  return `, and none of ${s.tried} candidate changes ${what} does either${cut}`;
}
