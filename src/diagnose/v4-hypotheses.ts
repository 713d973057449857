/**
 * V4: the last line of OSS's StringToSign is the SHA-256 of OSS's canonical
 * request. A hypothesis about what changed in transit is PROVED when applying
 * it to the client's canonical request gives exactly that hash (a SHA-256
 * preimage match, not a guess). Single changes first, then pairs; the search
 * is bounded. The candidates are data: a new in-transit change is one entry.
 */
import { searchDeadline } from './search-budget.js';
import { findHeader } from '../model/http.js';
import type { HeaderField } from '../model/http.js';
import { percentDecode } from '../request/url-parts.js';
import type { Addressing } from '../request/addressing.js';
import type { ResolvedRequest } from '../request/resolve-request.js';
import type { V4CanonicalParts, V4QueryParam } from '../sign/v4.js';
import { canonicalizeV4Headers, canonicalQuery, renderV4CanonicalRequest, sha256Hex, uriEncode } from '../sign/v4.js';
import type { V4Computation } from '../sign/v4-request.js';
import { v4Headers, v4QueryParams } from '../sign/v4-request.js';
import type { CauseId } from './cause-ids.js';

/** One change to the request as OSS received it. */
export interface V4Change {
  /** Which part it touches: two changes to the same slot are never combined. */
  slot: 'method' | 'content-type' | 'content-md5' | 'header' | 'uri' | 'query' | 'query-form' | 'date' | 'host';
  cause: CauseId;
  /** What happened, as a sentence fragment ("a CDN turned HEAD into GET"). */
  change: string;
  /**
   * The same difference read the other way, for the secret-backed search: the
   * client SIGNED the changed request but SENT the original. Absent when that
   * reading makes no sense (a CDN header the client never had).
   */
  signed?: { cause: CauseId; change: string };
  apply(s: RequestState): RequestState;
}

/** The inputs of a canonical request, before canonicalization. */
export interface RequestState {
  method: string;
  headers: HeaderField[];
  query: V4QueryParam[];
  uri: string;
  /** Empty query values written `name=` instead of `name` (SIGNING.md §10.8, §12.5). */
  emptyAsEquals?: boolean;
}

export interface ProvenV4Hypothesis {
  changes: Array<{ cause: CauseId; change: string }>;
  /** OSS's canonical request, reconstructed. */
  canonicalRequest: string;
}

export interface V4SearchResult {
  proven: ProvenV4Hypothesis | null;
  tried: number;
  ms: number;
  /** What kinds of change were tried, for the report when nothing matched. */
  triedKinds: string[];
  /** False when a bound stopped the search before every single change and pair was tried. */
  complete: boolean;
}

interface SearchInput {
  req: ResolvedRequest;
  addressing: Addressing;
  computation: V4Computation;
  /** OSS's canonical-request hash (line 4 of its StringToSign). */
  serverHash: string;
  /** OSS's timestamp (line 2 of its StringToSign). */
  serverTimestamp: string | null;
  /** The region: the Host's, else the credential scope's. */
  region: string | null;
}

const setHeader = (headers: HeaderField[], name: string, value: string | null): HeaderField[] => {
  const rest = headers.filter((h) => h.name.toLowerCase() !== name);
  return value === null ? rest : [...rest, { name, value }];
};

const q = (s: string): string => JSON.stringify(s);

/** Content-Types runtimes add (CAUSES.md content-type-mismatch; SIGNING.md §10.1). */
const RUNTIME_CONTENT_TYPES: Array<[string, string]> = [
  ['text/plain;charset=UTF-8', 'a browser (fetch/XHR with a string body)'],
  ['application/x-www-form-urlencoded', 'axios or curl --data'],
  ['application/json', 'wx.request (WeChat mini programs)'],
  ['application/octet-stream', 'an HTTP client default'],
  ['multipart/form-data', 'a form upload'],
];

/**
 * x-oss-* headers an intermediary may add on the way to OSS. The CDN's
 * x-oss-range-behavior is documented (DOC-EC/0002-00000040; SIGNING.md §10.5);
 * the others are OSS request headers a gateway or proxy plausibly enforces
 * (encryption, overwrite protection, ACL, storage class, requester-pays),
 * with their documented value sets. One entry per header/value: a match is a
 * SHA-256 proof, so a wider list costs time, never correctness.
 */
const INJECTED_HEADERS: Array<[string, string, CauseId, string]> = [
  ['x-oss-range-behavior', 'standard', 'cdn-range-behavior-header', 'Alibaba Cloud CDN added x-oss-range-behavior: standard on the way back to the origin'],
  ...(['AES256', 'KMS', 'SM4'] as const).map((v): [string, string, CauseId, string] => ['x-oss-server-side-encryption', v, 'proxy-modified-headers', `a proxy or gateway added x-oss-server-side-encryption: ${v}`]),
  ...(['true', 'false'] as const).map((v): [string, string, CauseId, string] => ['x-oss-forbid-overwrite', v, 'proxy-modified-headers', `a proxy or gateway added x-oss-forbid-overwrite: ${v}`]),
  ...(['private', 'public-read', 'public-read-write', 'default'] as const).map((v): [string, string, CauseId, string] => ['x-oss-object-acl', v, 'proxy-modified-headers', `a proxy or gateway added x-oss-object-acl: ${v}`]),
  ...(['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive'] as const).map((v): [string, string, CauseId, string] => ['x-oss-storage-class', v, 'proxy-modified-headers', `a proxy or gateway added x-oss-storage-class: ${v}`]),
  ['x-oss-request-payer', 'requester', 'proxy-modified-headers', 'a proxy or gateway added x-oss-request-payer: requester'],
];

type Source = (x: SearchInput) => V4Change[];

/** The parameters a V4 presigned URL carries for its signature (SIGNING.md §5.1). */
const PRESIGN_PARAMS = new Set(['x-oss-signature-version', 'x-oss-credential', 'x-oss-date', 'x-oss-expires', 'x-oss-additional-headers']);

export const V4_CANDIDATES: ReadonlyArray<{ kind: string; source: Source }> = [
  {
    kind: 'the method (CDN HEAD→GET, others)',
    source: (x) =>
      ['GET', 'HEAD', 'PUT', 'POST', 'DELETE']
        .filter((m) => m !== x.req.method)
        .map((m): V4Change => ({
          slot: 'method',
          cause: x.req.method === 'HEAD' && m === 'GET' ? 'cdn-head-to-get' : 'method-mismatch',
          change: x.req.method === 'HEAD' && m === 'GET' ? 'a CDN turned HEAD into GET' : `the method became ${m}`,
          signed: { cause: 'method-mismatch', change: `your code signed the request for ${m} but sent it as ${x.req.method}` },
          apply: (s) => ({ ...s, method: m }),
        })),
  },
  {
    kind: 'Content-Type added, removed or changed',
    source: (x) => {
      const sent = findHeader(x.req.headers, 'content-type');
      const out: V4Change[] = [];
      if (sent !== undefined) {
        out.push({ slot: 'content-type', cause: 'content-type-mismatch', change: `the Content-Type ${q(sent.trim())} was removed`, signed: { cause: 'content-type-mismatch', change: `your code signed no Content-Type, but the request carries ${q(sent.trim())} (added after signing)` }, apply: (s) => ({ ...s, headers: setHeader(s.headers, 'content-type', null) }) });
      }
      for (const [value, who] of RUNTIME_CONTENT_TYPES) {
        if (value === sent?.trim()) continue;
        out.push({ slot: 'content-type', cause: 'content-type-mismatch', change: `Content-Type ${q(value)} reached OSS (${who} sends it)`, signed: { cause: 'content-type-mismatch', change: `your code signed Content-Type ${q(value)}, but the request carries ${sent === undefined ? 'none' : q(sent.trim())}` }, apply: (s) => ({ ...s, headers: setHeader(s.headers, 'content-type', value) }) });
      }
      return out;
    },
  },
  {
    kind: 'Content-MD5 removed',
    source: (x) =>
      findHeader(x.req.headers, 'content-md5') === undefined
        ? []
        : [{ slot: 'content-md5', cause: 'content-md5-mismatch', change: 'the Content-MD5 header was removed', signed: { cause: 'content-md5-mismatch', change: 'your code signed no Content-MD5, but the request carries one' }, apply: (s) => ({ ...s, headers: setHeader(s.headers, 'content-md5', null) }) }],
  },
  {
    kind: 'x-oss-* headers added (x-oss-range-behavior, encryption, ACL, storage class, overwrite, requester-pays) or removed',
    source: (x) => {
      const out: V4Change[] = INJECTED_HEADERS.filter(([name]) => findHeader(x.req.headers, name) === undefined).map(([name, value, cause, change]) => ({
        slot: 'header', cause, change, apply: (s: RequestState) => ({ ...s, headers: setHeader(s.headers, name, value) }),
      }));
      for (const h of x.req.headers) {
        const name = h.name.toLowerCase();
        if (!name.startsWith('x-oss-') || name === 'x-oss-date' || name === 'x-oss-content-sha256') continue;
        const signed = name === 'x-oss-security-token'
          ? { cause: 'security-token-not-signed' as const, change: 'your code did not sign the x-oss-security-token header the request carries' }
          : { cause: 'proxy-modified-headers' as const, change: `your code did not sign ${name}, which the request carries: something added it after signing` };
        out.push({ slot: 'header', cause: 'proxy-modified-headers', change: `the header ${name} was removed on the way`, signed, apply: (s) => ({ ...s, headers: setHeader(s.headers, name, null) }) });
      }
      return out;
    },
  },
  {
    kind: 'signed header values re-encoded (inner white space folded, non-ASCII read as Latin-1 or replaced by "?")',
    source: (x) => {
      // Deterministic rewrites of the values the request carries (CAUSES.md header-whitespace,
      // header-value-encoding; the 2014 API doc folded inner white space, SIGNING.md §12.3).
      const signedHeader = (h: HeaderField): boolean => canonicalizeV4Headers([h], x.computation.additional).length > 0;
      const rewrites: Array<[CauseId, string, (v: string) => string]> = [
        ['header-whitespace', 'runs of inner white space in signed header values were folded to one space', (v) => v.trim().split(/[ \t]+/).join(' ')],
        ['header-value-encoding', 'non-ASCII bytes in signed header values were read as Latin-1 and re-encoded as UTF-8', (v) => Buffer.from(Buffer.from(v, 'utf8').toString('latin1'), 'utf8').toString('utf8')],
        ['header-value-encoding', 'non-ASCII characters in signed header values arrived as "?"', (v) => v.replace(/[^\x00-\x7f]/gu, '?')],
      ];
      const out: V4Change[] = [];
      for (const [cause, change, rewrite] of rewrites) {
        if (!x.req.headers.some((h) => signedHeader(h) && rewrite(h.value.trim()) !== h.value.trim())) continue;
        out.push({ slot: 'header', cause, change, apply: (s) => ({ ...s, headers: s.headers.map((h) => (signedHeader(h) ? { ...h, value: rewrite(h.value.trim()) } : h)) }) });
      }
      return out;
    },
  },
  {
    kind: 'x-oss-date rewritten to OSS\'s timestamp',
    source: (x) =>
      x.serverTimestamp && x.computation.mode === 'header' && x.serverTimestamp !== x.computation.timestamp
        ? [{ slot: 'date', cause: 'date-mismatch', change: `x-oss-date became ${q(x.serverTimestamp)}`, apply: (s) => ({ ...s, headers: setHeader(s.headers, 'x-oss-date', x.serverTimestamp!) }) }]
        : [],
  },
  {
    kind: 'the Host of an additional header rewritten to the bucket\'s OSS endpoint',
    source: (x) => {
      if (!x.computation.additional.includes('host') || !x.addressing.bucket) return [];
      const region = x.region;
      const hosts = region ? [`${x.addressing.bucket}.oss-${region}.aliyuncs.com`, `${x.addressing.bucket}.oss-${region}-internal.aliyuncs.com`] : [];
      const sent = findHeader(x.req.headers, 'host') ?? x.req.host ?? '';
      return hosts.filter((h) => h !== sent).map((h) => ({
        slot: 'host' as const, cause: 'v4-additional-headers-mismatch' as const, change: `a proxy rewrote Host (an additional header) to ${q(h)}`, apply: (s: RequestState) => ({ ...s, headers: setHeader(s.headers, 'host', h) }),
      }));
    },
  },
  {
    kind: 'the key re-encoded (+ and space, double encoding, slashes, bucket)',
    source: (x) => {
      const { bucket, key } = x.addressing;
      if (!bucket) return [];
      const uri = (k: string, b: string | null = bucket): string => (b === null ? uriEncode(`/${k}`, true) : uriEncode(`/${b}/${k}`, true));
      // The key as it is in the path: after the bucket segment of a path-style request.
      const keyStart = x.addressing.style === 'path-style' ? x.req.target.rawPath.indexOf('/', 1) + 1 : 1;
      const rawKey = keyStart > 0 ? x.req.target.rawPath.slice(keyStart) : '';
      const variants: Array<[string, CauseId, string]> = [
        [uri(key.split('+').join(' ')), 'key-encoding-mismatch', 'OSS read "+" in the key as a space'],
        [uri(key.split(' ').join('+')), 'key-encoding-mismatch', 'OSS read spaces in the key as "+"'],
        [uri(percentDecode(key)), 'key-encoding-mismatch', 'the key was percent-decoded once more on the way'],
        [uri(rawKey), 'key-encoding-mismatch', 'the path was percent-encoded a second time on the way'],
        [uri(key.endsWith('/') ? key.slice(0, -1) : `${key}/`), 'key-encoding-mismatch', key.endsWith('/') ? 'the trailing slash was dropped' : 'a trailing slash was added'],
        [uri(key, null), x.addressing.style === 'custom-domain' ? 'cname-not-enabled' : 'resource-mismatch', 'OSS signed the URI without the bucket'],
        [uri(`${bucket}/${key}`), x.addressing.style === 'custom-domain' ? 'cname-not-enabled' : 'resource-mismatch', 'OSS saw the bucket twice in the URI'],
      ];
      const seen = new Set<string>([x.computation.parts.uri]);
      const out: V4Change[] = [];
      for (const [u, cause, change] of variants) {
        if (seen.has(u)) continue;
        seen.add(u);
        out.push({ slot: 'uri', cause, change, signed: { cause, change: `your code signed the canonical URI ${q(u)} instead of ${q(x.computation.parts.uri)} (${change.replace(/^OSS /, 'as if OSS ')})` }, apply: (s) => ({ ...s, uri: u }) });
      }
      return out;
    },
  },
  {
    kind: 'query values re-encoded or a parameter dropped',
    source: (x) => {
      const params = v4QueryParams(x.req, x.computation.mode);
      const out: V4Change[] = [];
      if (params.some((p) => p.value?.includes('+'))) {
        out.push({ slot: 'query', cause: 'subresource-mismatch', change: 'OSS read "+" in query values as a space', signed: { cause: 'subresource-mismatch', change: 'your code signed "+" in query values as a space' }, apply: (s) => ({ ...s, query: s.query.map((p) => ({ ...p, value: p.value === null ? null : p.value.split('+').join(' ') })) }) });
      }
      if (params.some((p) => p.value === null || p.value === '')) {
        out.push({
          slot: 'query-form',
          cause: 'subresource-mismatch',
          change: 'OSS wrote empty query values as "name=" (ali-oss does; the SDKs write "name")',
          signed: { cause: 'subresource-mismatch', change: 'your code signed empty query values as "name=" (ali-oss\'s qs.stringify does), OSS uses "name"' },
          apply: (s) => ({ ...s, emptyAsEquals: true }),
        });
      }
      for (const p of x.req.query) {
        // Any parameter but a presigned URL's own signing parameters (signed by construction) may be
        // dropped on the way or left unsigned — x-oss-process too, and the STS token, which
        // hand-built URLs append after signing.
        const token = p.name === 'x-oss-security-token';
        if (p.name === 'x-oss-signature' || (x.computation.mode === 'query' && PRESIGN_PARAMS.has(p.name))) continue;
        const signed = token
          ? { cause: 'security-token-not-signed' as const, change: 'your code did not sign the x-oss-security-token query parameter the URL carries' }
          : { cause: 'subresource-mismatch' as const, change: `your code did not sign the query parameter ${q(p.name)}` };
        out.push({ slot: 'query', cause: 'subresource-mismatch', change: `the query parameter ${q(p.name)} was dropped on the way`, signed, apply: (s) => ({ ...s, query: s.query.filter((o) => o.name !== p.name) }) });
      }
      return out;
    },
  },
];

/**
 * Canonical pieces are cached per array: a change leaves the arrays it does
 * not touch as they were, so most of the ~thousands of tries only re-hash.
 */
/** The canonical query with `name=` for empty values, as ali-oss's qs.stringify writes it. */
function canonicalQueryWithEquals(params: readonly V4QueryParam[]): string {
  return canonicalQuery(params)
    .split('&')
    .map((p) => (p === '' || p.includes('=') ? p : `${p}=`))
    .join('&');
}

function canonicalBuilder(x: SearchInput): (s: RequestState) => string {
  const queries = new WeakMap<V4QueryParam[], string>();
  const queriesEq = new WeakMap<V4QueryParam[], string>();
  const headers = new WeakMap<HeaderField[], V4CanonicalParts['headers']>();
  return (s) => {
    const cache = s.emptyAsEquals ? queriesEq : queries;
    let query = cache.get(s.query);
    if (query === undefined) cache.set(s.query, (query = s.emptyAsEquals ? canonicalQueryWithEquals(s.query) : canonicalQuery(s.query)));
    let hs = headers.get(s.headers);
    if (hs === undefined) headers.set(s.headers, (hs = canonicalizeV4Headers(s.headers, x.computation.additional)));
    return renderV4CanonicalRequest({ ...x.computation.parts, method: s.method, uri: s.uri, query, headers: hs });
  };
}

/**
 * Two single-change states from different slots, combined field by field so the
 * cached canonical pieces of each are reused; only when both changed the headers
 * is the second change applied on top of the first.
 */
function merge(base: RequestState, a: RequestState, b: RequestState, bChange: V4Change): RequestState {
  const pick = <T>(field: (s: RequestState) => T): T => (field(a) !== field(base) ? field(a) : field(b));
  return {
    method: pick((s) => s.method),
    uri: pick((s) => s.uri),
    query: pick((s) => s.query),
    emptyAsEquals: a.emptyAsEquals === true || b.emptyAsEquals === true,
    headers: a.headers !== base.headers && b.headers !== base.headers ? bChange.apply(a).headers : pick((s) => s.headers),
  };
}

/**
 * Bounds. The number of tries is what bounds the search (deterministic: every
 * single change and every pair among ~200 changes); the time limit only guards
 * against a pathological input on a slow machine, and the result says when it cut in.
 * (An object so tests can lower them.)
 */
export const V4_SEARCH_BOUNDS = { maxTries: 20000, maxMs: 3000 };

/**
 * What a candidate canonical request must match: OSS's hash (what changed in
 * transit), or — with the secret — the request's own signature (what the
 * client really signed).
 */
export type V4Target = { kind: 'hash'; serverHash: string } | { kind: 'signature'; matches: (canonicalRequest: string) => boolean };

export function searchV4Hypotheses(x: SearchInput, target: V4Target = { kind: 'hash', serverHash: x.serverHash }): V4SearchResult {
  const start = performance.now();
  const deadline = searchDeadline(start, V4_SEARCH_BOUNDS.maxMs);
  const base: RequestState = {
    method: x.computation.parts.method,
    headers: v4Headers(x.req, x.computation.additional),
    query: v4QueryParams(x.req, x.computation.mode),
    uri: x.computation.parts.uri,
  };
  const all = V4_CANDIDATES.flatMap((c) => c.source(x));
  // Read the other way round for the secret: keep what a signer can do, with its wording.
  const changes = target.kind === 'hash' ? all : all.filter((c) => c.signed).map((c) => ({ ...c, cause: c.signed!.cause, change: c.signed!.change }));
  const matches = target.kind === 'hash' ? (cr: string) => sha256Hex(cr) === target.serverHash : target.matches;
  const triedKinds = V4_CANDIDATES.map((c) => c.kind);
  const canonical = canonicalBuilder(x);
  // Each change applied once to the base; a pair applies its second change to that state.
  // Built on demand and kept only for a modest number of changes: each state holds a copy
  // of the header list, so all of them for a request with thousands of headers is quadratic memory.
  const single = new Map<V4Change, RequestState>();
  const keep = changes.length <= 1000;
  const stateOf = (c: V4Change): RequestState => {
    let st = single.get(c);
    if (st === undefined) {
      st = c.apply(base);
      if (keep) single.set(c, st);
    }
    return st;
  };
  let tried = 0;
  const check = (state: RequestState, applied: V4Change[]): ProvenV4Hypothesis | null => {
    tried++;
    const cr = canonical(state);
    return matches(cr) ? { changes: applied.map((c) => ({ cause: c.cause, change: c.change })), canonicalRequest: cr } : null;
  };
  const done = (proven: ProvenV4Hypothesis | null, complete = true): V4SearchResult => ({ proven, tried, ms: performance.now() - start, triedKinds, complete });
  for (const c of changes) {
    // The bound holds for single changes too: a request with thousands of headers has thousands of them.
    if (tried >= V4_SEARCH_BOUNDS.maxTries || performance.now() > deadline) return done(null, false);
    const p = check(stateOf(c), [c]);
    if (p) return done(p);
  }
  for (let i = 0; i < changes.length; i++) {
    const first = stateOf(changes[i]!);
    for (let j = i + 1; j < changes.length; j++) {
      if (changes[i]!.slot === changes[j]!.slot) continue;
      if (tried >= V4_SEARCH_BOUNDS.maxTries || performance.now() > deadline) return done(null, false);
      const p = check(merge(base, first, stateOf(changes[j]!), changes[j]!), [changes[i]!, changes[j]!]);
      if (p) return done(p);
    }
  }
  return done(null);
}
