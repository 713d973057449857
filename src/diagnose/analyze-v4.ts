/**
 * The V4 part of the analysis: the request's own Authorization/presigned
 * parameters, sigdoctor's canonical request and string to sign, OSS's string
 * to sign (and canonical request, if OSS sent one), their diffs, the hash
 * search when only the string to sign is known, and what the secret proves.
 */
import { decodeUtf8, utf8 } from '../compare/bytes.js';
import type { AlignedLine, StringDiff } from '../compare/lines.js';
import { diffV4CanonicalRequests, diffV4StringsToSign, isV4StringToSign } from '../compare/v4-diff.js';
import type { DiagnosisCase } from '../model/case.js';
import { findHeader } from '../model/http.js';
import type { V4AuthFacts } from '../model/v4-auth.js';
import type { Addressing } from '../request/addressing.js';
import { resolveAddressing } from '../request/addressing.js';
import { percentDecode } from '../request/url-parts.js';
import type { ResolvedRequest } from '../request/resolve-request.js';
import { parseV4Authorization, parseV4Query } from '../request/v4-auth.js';
import { renderV4StringToSign, signV4, v4SigningKey } from '../sign/v4.js';
import type { V4Computation } from '../sign/v4-request.js';
import { computeV4 } from '../sign/v4-request.js';
import type { DiagnoseOptions } from './options.js';
import type { V4SearchResult } from './v4-hypotheses.js';
import { searchV4Hypotheses } from './v4-hypotheses.js';
import type { SecretWhitespace } from './secret-whitespace.js';
import { findSecretWhitespace } from './secret-whitespace.js';

export interface V4Analysis {
  facts: V4AuthFacts;
  addressing: Addressing;
  computation: V4Computation | null;
  /** OSS's string to sign, when it has the V4 shape. */
  serverStringToSign: Uint8Array | null;
  /** OSS's canonical request, from its error (CanonicalRequestBytes / CanonicalRequest). */
  serverCanonicalRequest: Uint8Array | null;
  /** Where OSS's canonical request came from. */
  canonicalSource: 'CanonicalRequestBytes' | 'CanonicalRequest' | 'reconstructed' | null;
  stsDiff: StringDiff | null;
  crDiff: StringDiff | null;
  search: V4SearchResult | null;
  /** The lines the rules read. */
  ruleLines: AlignedLine[];
  secret: {
    expectedSignature: string | null;
    verifies: boolean | null;
    serverStringVerifies: boolean | null;
    /** When the secret does not reproduce the signature: what the client really signed, if a candidate matches. */
    signedSearch: V4SearchResult | null;
    /** The supplied secret does not reproduce the signature, but with its white space changed it does. */
    whitespace: SecretWhitespace | null;
    /**
     * The V4 signing keys (k_date … k_signing), already masked: each one signs
     * requests of its scope for a whole day, as the secret does, so no report
     * shows one in full — not even with --no-redact.
     */
    keyChain: Array<{ step: string; masked: string }>;
  } | null;
  notes: string[];
}

/** A signing key as hex with only its first 4 characters kept, as signatures are masked (report/redact.ts). */
function maskSigningKey(key: Buffer): string {
  const hex = key.toString('hex');
  return hex.slice(0, 4) + '*'.repeat(hex.length - 4);
}

function serverCanonical(c: DiagnosisCase): { bytes: Uint8Array; source: 'CanonicalRequestBytes' | 'CanonicalRequest' } | null {
  const e = c.serverError;
  if (e?.canonicalRequestBytes) return { bytes: e.canonicalRequestBytes, source: 'CanonicalRequestBytes' };
  if (e?.canonicalRequest !== undefined && !e.textLossy) return { bytes: utf8(e.canonicalRequest), source: 'CanonicalRequest' };
  return null;
}

export function analyzeV4(c: DiagnosisCase, req: ResolvedRequest, serverBytes: Uint8Array | null, options: DiagnoseOptions): V4Analysis {
  const notes: string[] = [];
  const serverCR = serverCanonical(c);
  // The bucket for a custom domain: --bucket, or the first segment of OSS's canonical URI.
  let serverBucket: string | null = null;
  if (serverCR) {
    const uri = decodeUtf8(serverCR.bytes).split('\n')[1] ?? '';
    serverBucket = uri.split('/')[1] ?? null;
  }
  const hints: Parameters<typeof resolveAddressing>[2] = {};
  if (options.bucket) hints.bucket = options.bucket;
  if (options.cname) hints.cname = true;
  // percentDecode, not decodeURIComponent: OSS's canonical URI is untrusted text here and `/%` must not throw.
  if (serverBucket) hints.serverBucket = percentDecode(serverBucket);
  const addressing = resolveAddressing(req.host, req.target.rawPath, hints);
  notes.push(...addressing.notes);

  const ctx = {
    ...(addressing.region || options.region ? { hostRegion: (options.region ?? addressing.region)! } : {}),
    ...(findHeader(req.headers, 'x-oss-date') ? { xOssDate: findHeader(req.headers, 'x-oss-date')!.trim() } : {}),
    headerNames: req.headers.map((h) => h.name.toLowerCase()),
  };
  const facts = req.auth.kind === 'v4-header' ? parseV4Authorization(req.auth.authorization, ctx) : parseV4Query(req.query, req.target.rawQuery, ctx);

  const computation = addressing.bucket !== null || addressing.style !== 'custom-domain' ? computeV4(req, addressing, facts) : null;
  if (computation && computation.timestamp === '') {
    notes.push(facts.form === 'header'
      ? 'the request has no x-oss-date header, which a V4 signature needs (SIGNING.md §4.2): no string to sign can be built; OSS answers EC 0002-00000503 when neither Date nor x-oss-date is sent'
      : 'the presigned URL has no x-oss-date parameter: no string to sign can be built');
  }
  const sts = serverBytes && isV4StringToSign(serverBytes) ? serverBytes : null;
  if (serverBytes && !sts) notes.push('OSS\'s string to sign does not have the V4 shape (OSS4-HMAC-SHA256 and four lines)');

  const out: V4Analysis = { facts, addressing, computation, serverStringToSign: sts, serverCanonicalRequest: serverCR?.bytes ?? null, canonicalSource: serverCR?.source ?? null, stsDiff: null, crDiff: null, search: null, ruleLines: [], secret: null, notes };
  if (!computation) return out;

  if (computation.stringToSign !== null && sts) out.stsDiff = diffV4StringsToSign(utf8(computation.stringToSign), sts);
  if (serverCR) {
    out.crDiff = diffV4CanonicalRequests(utf8(computation.canonicalRequest), serverCR.bytes);
  } else if (out.stsDiff && sts) {
    const hashLine = out.stsDiff.lines.find((l) => l.role === 'hash');
    if (hashLine && !hashLine.same && hashLine.server) {
      const timestampLine = out.stsDiff.lines.find((l) => l.role === 'timestamp')?.server;
      out.search = searchV4Hypotheses({
        req,
        addressing,
        computation,
        serverHash: decodeUtf8(hashLine.server.bytes),
        serverTimestamp: timestampLine ? decodeUtf8(timestampLine.bytes) : null,
        region: addressing.region ?? facts.credential?.region.replace(/^oss-/, '') ?? null,
      });
      if (out.search.proven) {
        out.serverCanonicalRequest = utf8(out.search.proven.canonicalRequest);
        out.canonicalSource = 'reconstructed';
        out.crDiff = diffV4CanonicalRequests(utf8(computation.canonicalRequest), out.serverCanonicalRequest);
      }
    }
  }
  // The rules read the string-to-sign lines and, when OSS's canonical request is known,
  // its lines instead of the bare hash line they explain.
  const stsLines = out.stsDiff?.lines ?? [];
  out.ruleLines = out.crDiff ? [...stsLines.filter((l) => l.role !== 'hash'), ...out.crDiff.lines] : stsLines;

  if (options.secret !== undefined && facts.credential) {
    const cr = facts.credential;
    const chain = v4SigningKey(options.secret, cr.date, cr.region, cr.product);
    const expectedSignature = computation.stringToSign !== null ? signV4(chain.kSigning, computation.stringToSign) : null;
    const sig = facts.signature;
    const verifies = expectedSignature !== null && sig ? expectedSignature === sig : null;
    const secret = options.secret;
    const signWith = (candidate: string, sts: string | Uint8Array): string => signV4(v4SigningKey(candidate, cr.date, cr.region, cr.product).kSigning, sts);
    const serverStringVerifies = sts && sig ? signV4(chain.kSigning, sts) === sig : null;
    // White space around either copy of the secret first: a match there explains the signature.
    let whitespace: SecretWhitespace | null = null;
    if (verifies === false && sig && computation.stringToSign !== null) {
      const own = computation.stringToSign;
      whitespace = findSecretWhitespace(secret, 'recomputed', (c) => signWith(c, own) === sig);
    }
    if (!whitespace && serverStringVerifies === false && sts && sig) whitespace = findSecretWhitespace(secret, 'oss', (c) => signWith(c, sts) === sig);
    // The secret does not reproduce the signature: search what the client really signed,
    // with the same candidate changes, matched against the request's own signature.
    let signedSearch: V4SearchResult | null = null;
    if (verifies === false && !whitespace && sig && computation.scope !== null && computation.timestamp !== '') {
      const { timestamp, scope } = computation;
      signedSearch = searchV4Hypotheses(
        { req, addressing, computation, serverHash: '', serverTimestamp: null, region: addressing.region ?? cr.region.replace(/^oss-/, '') },
        { kind: 'signature', matches: (canonical) => signV4(chain.kSigning, renderV4StringToSign(timestamp, scope, canonical)) === sig },
      );
    }
    out.secret = {
      expectedSignature,
      verifies,
      signedSearch,
      whitespace,
      serverStringVerifies,
      keyChain: [
        { step: `k_date = HMAC-SHA256("aliyun_v4" + secret, "${cr.date}")`, masked: maskSigningKey(chain.kDate) },
        { step: `k_region = HMAC-SHA256(k_date, "${cr.region}")`, masked: maskSigningKey(chain.kRegion) },
        { step: `k_product = HMAC-SHA256(k_region, "${cr.product}")`, masked: maskSigningKey(chain.kProduct) },
        { step: 'k_signing = HMAC-SHA256(k_product, "aliyun_v4_request")', masked: maskSigningKey(chain.kSigning) },
      ],
    };
  }
  return out;
}
