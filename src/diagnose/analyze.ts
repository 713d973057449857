/**
 * Everything the rules look at, computed once per case: the request as
 * resolved, the string OSS signed, sigdoctor's own string for the request,
 * their diff, and what the secret (if given) proves.
 */
import { decodeUtf8, utf8 } from '../compare/bytes.js';
import type { LabelledLine, StringDiff } from '../compare/lines.js';
import { diffV1Strings, labelV1Lines } from '../compare/v1-diff.js';
import type { ParsedResource } from '../compare/v1-resource.js';
import { parseV1Resource } from '../compare/v1-resource.js';
import type { DiagnosisCase } from '../model/case.js';
import type { ServerError } from '../model/server-error.js';
import { isAuthFailure, isSignatureMismatch } from '../model/server-error.js';
export { isAuthFailure, isSignatureMismatch };
import type { Addressing } from '../request/addressing.js';
import { resolveAddressing } from '../request/addressing.js';
import type { SignatureVersion } from '../request/auth.js';
import { signatureVersionOf } from '../request/auth.js';
import type { ResolvedRequest } from '../request/resolve-request.js';
import { resolveRequest } from '../request/resolve-request.js';
import { signV1 } from '../sign/v1.js';
import type { V1Computation } from '../sign/v1-request.js';
import { computeV1 } from '../sign/v1-request.js';
import type { ProvenHypothesis } from './v1-hypotheses.js';
import { searchV1Hypotheses } from './v1-hypotheses.js';
import type { DiagnoseOptions } from './options.js';
import type { V4Analysis } from './analyze-v4.js';
import type { SdkCheck } from './sdk-check.js';
import { checkSdkStrings } from './sdk-check.js';
import { analyzeV4 } from './analyze-v4.js';
import { signV4, v4SigningKey } from '../sign/v4.js';
import { isV4StringToSign } from '../compare/v4-diff.js';
import type { ServerString } from './server-string.js';
import { pickServerString } from './server-string.js';
import type { SecretWhitespace } from './secret-whitespace.js';
import { findSecretWhitespace } from './secret-whitespace.js';

export interface SecretFacts {
  /** base64 HMAC-SHA1 of sigdoctor's string with the secret; a live credential, masked in reports. */
  expectedSignature: string | null;
  /** The secret reproduces the request's signature from sigdoctor's string (null: nothing to compare). */
  verifies: boolean | null;
  /** The secret reproduces the signature OSS saw (request signature or SignatureProvided) from OSS's own string. */
  serverStringVerifies: boolean | null;
  /** Variants of the string that the secret proves the client really signed. */
  hypotheses: ProvenHypothesis[];
  /** How many variants were tried. */
  tried: number;
  /** Every variant was tried (false: a bound or the run's search budget stopped the search). */
  complete: boolean;
  /**
   * The supplied secret does not reproduce the signature, but the same secret with
   * its white space changed does: which copy has the white space.
   */
  whitespace: SecretWhitespace | null;
}

export interface Analysis {
  case: DiagnosisCase;
  options: DiagnoseOptions;
  req: ResolvedRequest | null;
  version: SignatureVersion;
  error: ServerError | undefined;
  server: ServerString | null;
  serverLines: LabelledLine[] | null;
  serverResource: ParsedResource | null;
  addressing: Addressing | null;
  /** V1: sigdoctor's string to sign for the request. */
  client: V1Computation | null;
  /** V4: the request's own signature parameters, canonical request, diffs and hash search. */
  v4: V4Analysis | null;
  /** sigdoctor's string to sign (V1 or V4) as bytes. */
  clientBytes: Uint8Array | null;
  diff: StringDiff | null;
  /** The signature the request carries, as the client meant it (V1 only). */
  requestSignature: string | null;
  secret: SecretFacts | null;
  /** The error is a signature/authentication failure (SignatureDoesNotMatch or an EC of family 0002). */
  isAuthError: boolean;
  /**
   * A HAR entry without its Authorization header (Chrome's default sanitized
   * export). `rebuilt`: the header was rebuilt from OSS's answer.
   */
  sanitizedHar: { rebuilt: boolean } | null;
  /** What an SDK log says the client signed, compared with OSS's string and with sigdoctor's. */
  sdk: SdkCheck | null;
  notes: string[];
}

/**
 * Chrome's default HAR export deletes the Authorization header (INPUTS.md §5.2).
 * OSS's answer still shows what it received — OSSAccessKeyId and
 * SignatureProvided, and for V4 the scope on line 3 of its StringToSign — so
 * the header can be rebuilt and the request diagnosed anyway.
 */
function rebuildSanitized(req: ResolvedRequest, error: ServerError | undefined, serverBytes: Uint8Array | null): { req: ResolvedRequest | null } | null {
  if (req.auth.kind !== 'none') return null;
  const ak = error?.accessKeyId;
  const sig = error?.signatureProvided;
  const signedLooking = req.headers.some((h) => h.name.toLowerCase() === 'x-oss-date');
  if (!ak || !sig) return signedLooking || error?.code === 'SignatureDoesNotMatch' ? { req: null } : null;
  if (serverBytes && isV4StringToSign(serverBytes)) {
    const scope = decodeUtf8(serverBytes).split('\n')[2] ?? '';
    const authorization = `OSS4-HMAC-SHA256 Credential=${ak}/${scope},Signature=${sig}`;
    return { req: { ...req, auth: { kind: 'v4-header', authorization } } };
  }
  return { req: { ...req, auth: { kind: 'v1-header', authorization: `OSS ${ak}:${sig}`, accessKeyId: ak, signature: sig } } };
}

function requestSignatureOf(req: ResolvedRequest | null): string | null {
  if (!req) return null;
  if (req.auth.kind === 'v1-header') return req.auth.signature;
  if (req.auth.kind === 'v1-query') return req.auth.signature === '' ? null : req.auth.signature;
  return null;
}

export function analyze(c: DiagnosisCase, options: DiagnoseOptions): Analysis {
  const notes = [...c.notes];
  let req = c.request ? resolveRequest(c.request) : null;
  const error = c.serverError;
  if (error && !error.ec && c.response.ecHeader) error.ec = c.response.ecHeader;
  const server = pickServerString(error);
  if (server) notes.push(...server.notes);
  const status = c.response.status;
  if (status !== undefined && status < 400 && !error) notes.push(`OSS answered ${status}: it accepted the request's signature`);
  const sanitized = c.fromHar && req ? rebuildSanitized(req, error, server?.bytes ?? null) : null;
  if (sanitized?.req) {
    req = sanitized.req;
    notes.push('the HAR entry has no Authorization header (sanitized export); sigdoctor rebuilt it from OSS\'s answer (OSSAccessKeyId, SignatureProvided' + (req.auth.kind === 'v4-header' ? ' and the scope line of its StringToSign; AdditionalHeaders, if any, are unknown)' : ')'));
  }
  const version = req ? signatureVersionOf(req.auth) : 'unknown';
  const isV1 = version === 'v1-header' || version === 'v1-query' || (req !== null && req.auth.kind === 'none');
  const dateLabel = version === 'v1-query' ? 'Expires' : 'Date';
  const serverLines = server ? labelV1Lines(server.bytes, dateLabel) : null;
  const serverResourceLine = serverLines ? decodeUtf8(serverLines[serverLines.length - 1]!.bytes) : null;

  let addressing: Addressing | null = null;
  let client: V1Computation | null = null;
  let clientBytes: Uint8Array | null = null;
  let diff: StringDiff | null = null;
  let serverResource: ParsedResource | null = serverResourceLine === null ? null : parseV1Resource(serverResourceLine);

  if (req && isV1) {
    const hints: Parameters<typeof resolveAddressing>[2] = {};
    if (options.bucket) hints.bucket = options.bucket;
    if (options.cname) hints.cname = true;
    if (serverResource) {
      hints.serverBucket = serverResource.bucket;
      hints.serverResourcePath = serverResource.path;
    }
    addressing = resolveAddressing(req.host, req.target.rawPath, hints);
    notes.push(...addressing.notes);
    if (serverResourceLine !== null) serverResource = parseV1Resource(serverResourceLine, { bucket: addressing.bucket, key: addressing.key });
    const mode = version === 'v1-query' ? 'query' : 'header';
    // A URL alone does not say its method: take OSS's, rather than blame a guessed GET.
    let verb: string | undefined;
    if (req.methodAssumed && serverLines) {
      verb = decodeUtf8(serverLines[0]!.bytes);
      const i = notes.indexOf('a URL alone does not say the method; GET is assumed');
      if (i >= 0) notes.splice(i, 1);
      notes.push(`a URL alone does not say the method; ${verb} is taken from OSS's string to sign`);
    }
    // Without OSS's string, the secret can tell which method a URL was signed for.
    if (req.methodAssumed && verb === undefined && options.secret !== undefined && req.auth.kind === 'v1-query') {
      const sig = req.auth.signature;
      const secret = options.secret;
      const found = ['GET', 'PUT', 'POST', 'HEAD', 'DELETE'].find((m) => signV1(secret, computeV1(req, addressing!, mode, m).stringToSign) === sig);
      if (found) {
        verb = found;
        const i = notes.indexOf('a URL alone does not say the method; GET is assumed');
        if (i >= 0) notes.splice(i, 1);
        notes.push(`a URL alone does not say the method; the secret shows it was signed for ${found}`);
      }
    }
    if (addressing.bucket !== null || addressing.style !== 'custom-domain') {
      client = computeV1(req, addressing, mode, verb);
      clientBytes = utf8(client.stringToSign);
      if (server) diff = diffV1Strings(clientBytes, server.bytes, dateLabel);
    }
  }

  let v4: V4Analysis | null = null;
  if (req && (version === 'v4-header' || version === 'v4-query')) {
    v4 = analyzeV4(c, req, server?.bytes ?? null, options);
    notes.push(...v4.notes);
    addressing = v4.addressing;
    const sts = v4.computation?.stringToSign ?? null;
    if (sts !== null) clientBytes = utf8(sts);
    if (v4.stsDiff) {
      diff = {
        identical: v4.stsDiff.identical && (v4.crDiff?.identical ?? true),
        structured: v4.stsDiff.structured,
        firstDifference: v4.stsDiff.firstDifference,
        lines: v4.ruleLines,
      };
    }
  }

  const requestSignature = v4 ? v4.facts.signature : requestSignatureOf(req);
  if ((requestSignature ?? error?.signatureProvided ?? '').includes('*')) {
    notes.push('the signature in this input is masked ("****", as in the docs), so it cannot be checked against a secret');
  }
  let secret: SecretFacts | null = null;
  if (v4) {
    const found = v4.secret?.signedSearch?.proven;
    const hypotheses: ProvenHypothesis[] = found ? found.changes.map((c) => ({ cause: c.cause, change: c.change, role: 'line' as const, signed: found.canonicalRequest, signedKind: 'canonical-request' as const })) : [];
    secret = v4.secret ? { expectedSignature: v4.secret.expectedSignature, verifies: v4.secret.verifies, serverStringVerifies: v4.secret.serverStringVerifies, hypotheses, tried: v4.secret.signedSearch?.tried ?? 0, complete: v4.secret.signedSearch?.complete ?? true, whitespace: v4.secret.whitespace } : null;
  } else if (options.secret !== undefined && !req && server && isV4StringToSign(server.bytes)) {
    // OSS's V4 string alone: its scope line says which key to derive.
    const [, , scope] = decodeUtf8(server.bytes).split('\n');
    const [date, region, product] = (scope ?? '').split('/');
    const provided = error?.signatureProvided;
    const reproduces = (candidate: string): boolean => signV4(v4SigningKey(candidate, date!, region!, product!).kSigning, server.bytes) === provided;
    const ok = date && region && product && provided ? reproduces(options.secret) : null;
    const whitespace = ok === false ? findSecretWhitespace(options.secret, 'oss', reproduces) : null;
    secret = { expectedSignature: null, verifies: null, serverStringVerifies: ok, hypotheses: [], tried: 0, complete: true, whitespace };
  } else if (options.secret !== undefined) {
    const s = options.secret;
    const expectedSignature = client ? signV1(s, client.stringToSign) : null;
    const verifies = expectedSignature !== null && requestSignature !== null ? expectedSignature === requestSignature : null;
    const seen = requestSignature ?? error?.signatureProvided ?? null;
    const serverStringVerifies = server && seen ? signV1(s, server.bytes) === seen : null;
    // White space around either copy of the secret first: a match there explains the signature.
    let whitespace: SecretWhitespace | null = null;
    if (verifies === false && client && requestSignature) {
      const own = client.stringToSign;
      whitespace = findSecretWhitespace(s, 'recomputed', (c) => signV1(c, own) === requestSignature);
    }
    if (!whitespace && serverStringVerifies === false && server && seen) whitespace = findSecretWhitespace(s, 'oss', (c) => signV1(c, server.bytes) === seen);
    let hypotheses: ProvenHypothesis[] = [];
    let tried = 0;
    let complete = true;
    if (verifies === false && !whitespace && client && req && addressing && requestSignature) {
      const search = searchV1Hypotheses({ secret: s, signature: requestSignature, client, req, addressing });
      hypotheses = search.proven;
      tried = search.tried;
      complete = search.complete;
    }
    secret = { expectedSignature, verifies, serverStringVerifies, hypotheses, tried, complete, whitespace };
  }

  const sdk = c.clientSigned?.length
    ? checkSdkStrings({
        clientSigned: c.clientSigned,
        v1StringToSign: client?.stringToSign ?? null,
        v4CanonicalRequest: v4?.computation?.canonicalRequest ?? null,
        v4StringToSign: v4?.computation?.stringToSign ?? null,
        serverStringToSign: server?.bytes ?? null,
        serverCanonicalRequest: v4?.canonicalSource && v4.canonicalSource !== 'reconstructed' ? v4.serverCanonicalRequest : null,
      })
    : null;
  if (sdk?.vsRecomputed?.identical) notes.push(`the ${sdk.source} shows the client signed exactly what sigdoctor computes for the request it sent: the SDK signs correctly`);

  return {
    case: c,
    options,
    sdk,
    req,
    version,
    error,
    server,
    serverLines,
    serverResource,
    addressing,
    client,
    v4,
    clientBytes,
    diff,
    requestSignature,
    secret,
    isAuthError: isAuthFailure(error),
    sanitizedHar: sanitized ? { rebuilt: sanitized.req !== null } : null,
    notes,
  };
}
