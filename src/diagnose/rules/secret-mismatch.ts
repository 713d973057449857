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
          evidence: `The strings to sign are byte-identical (${n} bytes), but the secret you supplied does not reproduce the request's signature from them (it gives ${s.expectedSignature}, the request carries ${a.requestSignature})${s.tried > 0 ? `, and none of ${s.tried} candidate changes to the string does either` : ''}: the client used another secret than the one you supplied — or signed something that differs in more than one place.`,
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
        evidence: `The secret you supplied does not reproduce the request's signature (it gives ${s.expectedSignature}, the request carries ${a.requestSignature})${s.tried > 0 ? `, and none of ${s.tried} candidate changes to what was signed does either` : ''}: the request was signed with another secret — or what it signed differs in more than one place.`,
        data: { secretReproducesSignature: false, hypothesesTried: s.tried },
      }];
    }
    return [];
  },
};
