/**
 * With the secret, a hypothesis about what the client REALLY signed can be
 * proved: change one part of sigdoctor's string, HMAC it, and compare with the
 * request's signature. A match is proof, not a guess (HMAC-SHA1 collisions
 * aside). The candidates are data: a new cause is one more entry.
 */
import { searchDeadline } from './search-budget.js';
import { findHeader } from '../model/http.js';
import type { Addressing } from '../request/addressing.js';
import type { ResolvedRequest } from '../request/resolve-request.js';
import { encodeUriComponentSafe } from '../request/url-parts.js';
import { compareUtf8 } from '../sign/byte-order.js';
import type { V1StringToSignParts, V1Subresource } from '../sign/v1.js';
import { buildV1Resource, renderSubresources, renderV1StringToSign, signV1 } from '../sign/v1.js';
import type { V1Computation } from '../sign/v1-request.js';
import type { LineRole } from '../compare/lines.js';
import type { CauseId } from './cause-ids.js';

export interface ProvenHypothesis {
  cause: CauseId;
  /** What the client signed differently, as one sentence. */
  change: string;
  role: LineRole;
  /** The string the client really signed (V1), or the canonical request it really signed (V4). */
  signed: string;
  signedKind?: 'string-to-sign' | 'canonical-request';
}

interface Candidate {
  cause: CauseId;
  change: string;
  role: LineRole;
  parts: V1StringToSignParts;
}

interface SearchInput {
  secret: string;
  signature: string;
  client: V1Computation;
  req: ResolvedRequest;
  addressing: Addressing;
}

/** Candidates one by one: a per-header source is generated lazily, so the search bound also bounds its memory. */
type CandidateSource = (x: SearchInput) => Iterable<Candidate>;

const q = (s: string): string => JSON.stringify(s);
const METHODS = ['GET', 'PUT', 'POST', 'HEAD', 'DELETE'];

/**
 * Content-Types that runtimes add or SDKs guess (SIGNING.md §10.1, CAUSES.md
 * content-type-mismatch): browsers, axios/curl --data, mini-programs,
 * ali-oss's mime lookup by extension.
 */
const COMMON_CONTENT_TYPES = [
  'application/octet-stream',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'application/json',
  'text/plain',
  'multipart/form-data',
];
const BY_EXTENSION: Record<string, string> = {
  txt: 'text/plain', html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript',
  json: 'application/json', xml: 'application/xml', csv: 'text/csv', md: 'text/markdown',
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml',
  ico: 'image/x-icon', bmp: 'image/bmp', mp4: 'video/mp4', mov: 'video/quicktime', webm: 'video/webm',
  mp3: 'audio/mpeg', wav: 'audio/wav', pdf: 'application/pdf', zip: 'application/zip', gz: 'application/gzip',
  tar: 'application/x-tar', doc: 'application/msword', xls: 'application/vnd.ms-excel',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  apk: 'application/vnd.android.package-archive', m3u8: 'application/vnd.apple.mpegurl',
};

function withParts(x: SearchInput, patch: Partial<V1StringToSignParts>): V1StringToSignParts {
  return { ...x.client.parts, ...patch };
}

function resource(x: SearchInput, bucket: string | null, key: string, subs: V1Subresource[] = x.client.subresources): string {
  return buildV1Resource(bucket, key, subs);
}

export const V1_CANDIDATES: ReadonlyArray<{ name: string; source: CandidateSource }> = [
  {
    name: 'another method',
    source: (x) =>
      METHODS.filter((m) => m !== x.client.parts.verb).map((m) => ({
        cause: 'method-mismatch',
        role: 'verb',
        change: `the request was signed for ${m} but sent as ${x.client.parts.verb}`,
        parts: withParts(x, { verb: m }),
      })),
  },
  {
    name: 'another Content-Type',
    source: (x) => {
      const sent = x.client.parts.contentType;
      const ext = /\.([A-Za-z0-9]{1,8})$/.exec(x.addressing.key)?.[1]?.toLowerCase();
      const values = new Set<string>(['', ...COMMON_CONTENT_TYPES, ...(ext && BY_EXTENSION[ext] ? [BY_EXTENSION[ext]] : [])]);
      values.delete(sent);
      return [...values].map((v) => ({
        cause: 'content-type-mismatch' as const,
        role: 'content-type' as const,
        change: v === ''
          ? `your code signed no Content-Type, but the request carries Content-Type ${q(sent)} (added after signing)`
          : sent === ''
            ? `your code signed Content-Type ${q(v)}, but the request carries none`
            : `your code signed Content-Type ${q(v)}, but the request carries ${q(sent)}`,
        parts: withParts(x, { contentType: v }),
      }));
    },
  },
  {
    name: 'no Content-MD5',
    source: (x) =>
      x.client.parts.contentMd5 === ''
        ? []
        : [{
            cause: 'content-md5-mismatch',
            role: 'content-md5',
            change: `your code signed no Content-MD5, but the request carries ${q(x.client.parts.contentMd5)}`,
            parts: withParts(x, { contentMd5: '' }),
          }],
  },
  {
    name: 'the other date header',
    source: (x) => {
      if (x.client.mode !== 'header') return [];
      const out: Candidate[] = [];
      const date = findHeader(x.req.headers, 'date');
      const ossDate = findHeader(x.req.headers, 'x-oss-date');
      if (x.client.dateSource === 'x-oss-date' && date !== undefined) {
        out.push({ cause: 'date-mismatch', role: 'date', change: `your code signed the Date header (${q(date)}), but OSS uses x-oss-date when it is present`, parts: withParts(x, { date }) });
      }
      if (x.client.dateSource === 'Date' && ossDate !== undefined) {
        out.push({ cause: 'date-mismatch', role: 'date', change: `your code signed x-oss-date (${q(ossDate)}) on the date line, but OSS used Date`, parts: withParts(x, { date: ossDate }) });
      }
      return out;
    },
  },
  {
    name: 'one x-oss-* header not signed',
    // A generator: each candidate copies the header list, so all of them at once is quadratic memory.
    source: function* (x) {
      for (const h of x.client.parts.ossHeaders) {
        yield {
          cause: h.name === 'x-oss-security-token' ? ('security-token-not-signed' as const) : ('proxy-modified-headers' as const),
          role: 'header' as const,
          change: h.name === 'x-oss-security-token'
            ? 'your code did not sign the x-oss-security-token header the request carries'
            : `your code did not sign ${h.name}, which the request carries: something added it after signing`,
          parts: withParts(x, { ossHeaders: x.client.parts.ossHeaders.filter((o) => o !== h) }),
        };
      }
    },
  },
  {
    name: 'x-oss-* values signed untrimmed',
    source: (x) => {
      const raw = x.req.headers.filter((h) => h.name.toLowerCase().startsWith('x-oss-'));
      if (!raw.some((h) => h.value !== h.value.trim())) return [];
      const rawByName = new Map<string, string[]>();
      for (const r of raw) {
        const list = rawByName.get(r.name.toLowerCase());
        if (list) list.push(r.value);
        else rawByName.set(r.name.toLowerCase(), [r.value]);
      }
      const untrimmed = x.client.parts.ossHeaders.map((h) => ({ name: h.name, value: (rawByName.get(h.name) ?? []).join(',') }));
      const which = raw.filter((h) => h.value !== h.value.trim()).map((h) => `${h.name}: ${q(h.value)}`).join(', ');
      return [{ cause: 'header-whitespace', role: 'header', change: `your code signed header values with their surrounding white space (${which}); OSS trims them`, parts: withParts(x, { ossHeaders: untrimmed }) }];
    },
  },
  {
    name: 'the key as it appears in the URL',
    source: (x) => {
      const { bucket, key } = x.addressing;
      if (bucket === null) return [];
      const out: Candidate[] = [];
      const keyStart = x.addressing.style === 'path-style' ? x.req.target.rawPath.indexOf('/', 1) + 1 : 1;
      const rawKey = keyStart > 0 ? x.req.target.rawPath.slice(keyStart) : '';
      const variants: Array<[string, string]> = [
        [rawKey, `your code signed the key percent-encoded as in the URL (${q(rawKey)}) instead of decoded (${q(key)})`],
        [key.split('+').join(' '), `your code signed "+" in the key as a space`],
        [key.split(' ').join('+'), `your code signed spaces in the key as "+"`],
        [encodeUriComponentSafe(key).split('%2F').join('/'), `your code signed the key URL-encoded (${q(encodeUriComponentSafe(key).split('%2F').join('/'))})`],
      ];
      for (const [k, change] of variants) {
        if (k !== key && !out.some((o) => o.parts.resource === resource(x, bucket, k))) {
          out.push({ cause: 'key-encoding-mismatch', role: 'resource', change, parts: withParts(x, { resource: resource(x, bucket, k) }) });
        }
      }
      return out;
    },
  },
  {
    name: 'a different bucket part',
    source: (x) => {
      const { bucket, key, style } = x.addressing;
      if (bucket === null) return [];
      const custom = style === 'custom-domain';
      const cause = custom ? ('cname-not-enabled' as const) : ('resource-mismatch' as const);
      const out: Candidate[] = [];
      // Path-style on a bound custom domain first: when it and "no bucket" give the same
      // string, this is the accurate explanation.
      if (custom && key.startsWith(`${bucket}/`)) {
        out.push({ cause, role: 'resource', change: `your code signed path-style (${q(`/${key}`)}): the custom domain is bound to the bucket, so OSS reads the whole path as the key`, parts: withParts(x, { resource: resource(x, bucket, key.slice(bucket.length + 1)) }) });
      }
      out.push(
        { cause, role: 'resource', change: `your code signed the resource without the bucket (${q('/' + key)}) instead of ${q(`/${bucket}/${key}`)}`, parts: withParts(x, { resource: `/${key}` + renderSubresources(x.client.subresources) }) },
        { cause, role: 'resource', change: `your code signed the bucket twice (${q(`/${bucket}/${bucket}/${key}`)})`, parts: withParts(x, { resource: resource(x, bucket, `${bucket}/${key}`) }) },
      );
      if (key === '') {
        out.push({ cause: 'resource-mismatch', role: 'resource', change: `your code signed the bucket without the trailing slash (${q('/' + bucket)})`, parts: withParts(x, { resource: `/${bucket}` + renderSubresources(x.client.subresources) }) });
      }
      return out;
    },
  },
  {
    name: 'sub-resources chosen differently',
    source: (x) => {
      const { bucket, key } = x.addressing;
      const subs = x.client.subresources;
      const out: Candidate[] = subs.map((s) => ({
        cause: s.name === 'security-token' ? ('security-token-not-signed' as const) : ('subresource-mismatch' as const),
        role: 'resource' as const,
        change: s.name === 'security-token' ? 'your code did not sign the security-token query parameter' : `your code did not sign the sub-resource ${q(s.name)}`,
        parts: withParts(x, { resource: resource(x, bucket, key, subs.filter((o) => o !== s)) }),
      }));
      const skip = new Set(['OSSAccessKeyId', 'Expires', 'Signature']);
      const all = new Map<string, string | null>();
      for (const p of x.req.query) if (!skip.has(p.name) && !all.has(p.name)) all.set(p.name, p.value === '' ? null : p.value);
      const allSubs = [...all.entries()].map(([name, value]) => ({ name, value })).sort((a, b) => compareUtf8(a.name, b.name));
      if (allSubs.length > subs.length) {
        out.push({ cause: 'subresource-mismatch', role: 'resource', change: 'your code signed every query parameter, not only the sub-resources OSS signs', parts: withParts(x, { resource: resource(x, bucket, key, allSubs) }) });
      }
      const rawSubs = subs.map((s) => {
        const p = x.req.query.find((pp) => pp.name === s.name);
        return { name: p?.rawName ?? s.name, value: p?.rawValue === undefined || p.rawValue === null || p.rawValue === '' ? null : p.rawValue };
      });
      if (rawSubs.some((s, i) => s.value !== subs[i]!.value)) {
        out.push({ cause: 'subresource-mismatch', role: 'resource', change: 'your code signed the sub-resource values URL-encoded; V1 signs them decoded', parts: withParts(x, { resource: resource(x, bucket, key, rawSubs) }) });
      }
      return out;
    },
  },
];

/**
 * Bounds of the search, as for V4 (v4-hypotheses.ts): a request with thousands
 * of headers has thousands of candidates, each a string to sign as long as the
 * request — quadratic work without a bound. (An object so tests can lower them.)
 */
export const V1_SEARCH_BOUNDS = { maxTries: 20000, maxMs: 3000 };

/** `complete`: every candidate was tried (false when a bound, or the run's budget, stopped the search). */
export function searchV1Hypotheses(x: SearchInput): { proven: ProvenHypothesis[]; tried: number; complete: boolean } {
  const proven: ProvenHypothesis[] = [];
  const deadline = searchDeadline(performance.now(), V1_SEARCH_BOUNDS.maxMs);
  let tried = 0;
  for (const { source } of V1_CANDIDATES) {
    for (const cand of source(x)) {
      if (tried >= V1_SEARCH_BOUNDS.maxTries || performance.now() > deadline) return { proven, tried, complete: false };
      tried++;
      const signed = renderV1StringToSign(cand.parts);
      if (signV1(x.secret, signed) === x.signature) proven.push({ cause: cand.cause, change: cand.change, role: cand.role, signed });
    }
  }
  return { proven, tried, complete: true };
}
