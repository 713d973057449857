/**
 * The round-trip harness for `sign → mutate → diagnose`: sign a request with
 * sigdoctor's signer, produce the request OSS received, compute OSS's answer
 * from the RECEIVED request (ali-oss's canonicalization, server.ts), and
 * diagnose the SENT request + that answer, as a user would have them: the raw
 * HTTP request text and the XML body.
 */
import fc from 'fast-check';
import { diagnose } from '../../../src/index.js';
import type { Verdict } from '../../../src/model/report.js';
import type { SignResult } from '../../../src/signer/sign-request.js';
import type { Form, Spec } from './requests.js';
import { CUSTOM_DOMAIN, SECRET, isV1, renderRequest, sign, specArb } from './requests.js';
import type { ServerView } from './server.js';
import { aliOssCanCanonicalize, receivedAsSent, serverV1StringToSign, serverV4Strings, signatureMismatchXml } from './server.js';

/**
 * How the error reaches sigdoctor: V1 always has StringToSign(Bytes); for V4 it
 * is unknown whether OSS also returns its CanonicalRequest (SIGNING.md §12.2),
 * so both are tried — with it (`v4-cr`: a direct line diff) and without
 * (`v4-sts`: only the hash, so diagnose must search for the change).
 */
export type Variant = 'v1' | 'v4-cr' | 'v4-sts';

export interface Outcome {
  verdict: Verdict;
  causes: string[];
}

/**
 * - transit: the client signed and sent R; something on the way changed it; OSS received R'.
 * - after-signing: the client signed S but sent (and OSS received) R: only the secret can tell what S was.
 * - client: a client configuration error the request shows (CNAME mode off).
 * - answer: OSS refuses before comparing signatures (expired, skewed, scope), with its own error.
 */
export type Family = 'transit' | 'after-signing' | 'client' | 'answer';

export interface Mutation<R = unknown> {
  id: string;
  family: Family;
  forms: readonly Form[];
  /** Random data the mutation needs (which header, which value …). */
  rand: fc.Arbitrary<R>;
  /** Make the random request one the mutation applies to (a HEAD method, a `+` in the key …). */
  shape?: (s: Spec, r: R) => Spec;
  /** transit / client: what OSS received instead of what was sent. */
  receive?: (v: ServerView, s: Spec, r: R) => ServerView;
  /** client: what was sent instead of what was signed (same signature). */
  send?: (sent: SignResult, s: Spec, r: R) => SignResult;
  /** after-signing: the request the client really signed (it sent the shaped one). */
  signedAs?: (s: Spec, r: R) => Spec;
  /** answer: OSS's error document for the sent request. */
  answer?: (s: Spec, sent: SignResult, r: R) => string;
  /** The verdict and cause ids diagnose must report, in report order. */
  expect: (variant: Variant, secret: boolean, s: Spec) => Outcome;
}

/** The same outcome whatever the variant and the secret. */
export const always = (...causes: string[]) => (): Outcome => ({ verdict: 'problem', causes });

/** The request that was sent, signed for another request: its signature swapped in. */
export function withSignatureOf(sent: SignResult, signed: SignResult): SignResult {
  if (sent.form === 'header') {
    return { ...sent, headers: sent.headers.map((h) => (h.name === 'Authorization' ? { ...h, value: signed.authorization! } : h)), authorization: signed.authorization };
  }
  const param = sent.version === 'v1' ? 'Signature' : 'x-oss-signature';
  const value = (t: string): string => new RegExp(`[?&]${param}=([^&]*)`).exec(t)![1]!;
  const target = sent.target.replace(`${param}=${value(sent.target)}`, `${param}=${value(signed.target)}`);
  return { ...sent, target, url: sent.url?.replace(sent.target, target) ?? null };
}

/** The signature the request carries, as OSS echoes it in SignatureProvided. */
export function signatureOf(r: SignResult): string {
  if (r.form === 'header') return r.authorization!.replace(/^.*(?::|Signature=)/, '');
  const m = new RegExp(`[?&]${r.version === 'v1' ? 'Signature' : 'x-oss-signature'}=([^&]*)`).exec(r.target)!;
  return decodeURIComponent(m[1]!);
}

export interface Built {
  spec: Spec;
  /** The raw HTTP request the user captured. */
  sentText: string;
  /** OSS's error document(s), per variant. */
  answers: Array<{ variant: Variant; xml: string }>;
}

/**
 * Build one case, or null when this random request does not show the mutation
 * (nothing changed in what OSS signs, or the query is outside what ali-oss
 * canonicalizes like OSS).
 */
export function build<R>(m: Mutation<R>, spec0: Spec, r: R): Built | null {
  const spec = m.shape ? m.shape(spec0, r) : spec0;
  let sent = sign(spec);
  if (m.signedAs) sent = withSignatureOf(sent, sign(m.signedAs(spec, r)));
  let view = receivedAsSent(spec, sent);
  if (m.send) sent = m.send(sent, spec, r);
  const sentText = renderRequest(sent.method, sent.target, sent.headers);
  if (m.answer) return { spec, sentText, answers: [{ variant: isV1(spec.form) ? 'v1' : 'v4-cr', xml: m.answer(spec, sent, r) }] };
  if (m.receive) view = m.receive(view, spec, r);
  const host = view.host;
  const signatureProvided = signatureOf(sent);
  if (isV1(spec.form)) {
    const stringToSign = serverV1StringToSign(view);
    // transit and client mutations must change what OSS signs; after-signing ones must not.
    if ((stringToSign === sent.stringToSign) !== (m.family === 'after-signing')) return null;
    return { spec, sentText, answers: [{ variant: 'v1', xml: signatureMismatchXml({ v1: true, host, signatureProvided, stringToSign }) }] };
  }
  if (!aliOssCanCanonicalize(view)) return null;
  const server = serverV4Strings(view);
  if ((server.canonicalRequest === sent.canonicalRequest) !== (m.family === 'after-signing')) return null;
  return {
    spec,
    sentText,
    answers: [
      { variant: 'v4-cr', xml: signatureMismatchXml({ v1: false, host, signatureProvided, stringToSign: server.stringToSign, canonicalRequest: server.canonicalRequest }) },
      { variant: 'v4-sts', xml: signatureMismatchXml({ v1: false, host, signatureProvided, stringToSign: server.stringToSign }) },
    ],
  };
}

export function diagnoseSent(b: Built, xml: string, secret: boolean): Outcome {
  const report = diagnose(
    [{ name: 'request.http', bytes: Buffer.from(b.sentText, 'utf8') }, { name: 'response.xml', bytes: Buffer.from(xml, 'utf8') }],
    // A custom domain: the user passes --bucket, as insufficient-input asks.
    { command: 'diagnose', ...(secret ? { secret: SECRET } : {}), ...(b.sentText.includes(`\r\nHost: ${CUSTOM_DOMAIN}\r\n`) ? { bucket: b.spec.bucket } : {}) },
  );
  if (report.results.length !== 1) throw new Error(`expected one result, got ${report.results.length}`);
  const r = report.results[0]!;
  return { verdict: r.verdict, causes: r.causes.map((c) => c.id) };
}

export function caseArb<R>(m: Mutation<R>, form: Form): fc.Arbitrary<[Spec, R]> {
  return fc.tuple(specArb(form), m.rand);
}

