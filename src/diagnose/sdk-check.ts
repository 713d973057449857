/**
 * SDK logs show what the client itself signed (oss2 `string to be signed`,
 * Go SDK `signStr`/`StringToSign`, …). Two comparisons come out of it:
 * the SDK's string against OSS's (identical ⇒ only the secret can differ), and
 * against sigdoctor's recomputation of the request the SDK logged (different ⇒
 * the request changed after signing, or the SDK signs differently from OSS's
 * rules: an SDK bug). The second is read line by line into causes.
 */
import { decodeUtf8, utf8 } from '../compare/bytes.js';
import type { AlignedLine, StringDiff } from '../compare/lines.js';
import { diffV1Strings } from '../compare/v1-diff.js';
import { diffV4CanonicalRequests, diffV4StringsToSign } from '../compare/v4-diff.js';
import type { ClientSignedString } from '../model/http.js';
import type { CauseId } from './cause-ids.js';
import type { Finding } from './rule.js';
import { At, shown } from './rule.js';
import { normalizeKey, parseV4Uri } from './resource-facts.js';
import { parseV1Resource } from '../compare/v1-resource.js';

export interface SdkCheck {
  /** Where the string came from, e.g. "oss2 DEBUG log". */
  source: string;
  kind: ClientSignedString['kind'];
  text: string;
  /** The SDK's string equals OSS's string of the same kind (null: OSS's is unknown). */
  matchesServer: boolean | null;
  /** The SDK's string against sigdoctor's recomputation for the request it logged. */
  vsRecomputed: StringDiff | null;
}

export interface SdkCheckInput {
  clientSigned: readonly ClientSignedString[];
  /** sigdoctor's strings for the request. */
  v1StringToSign: string | null;
  v4CanonicalRequest: string | null;
  v4StringToSign: string | null;
  /** OSS's strings, when known. */
  serverStringToSign: Uint8Array | null;
  serverCanonicalRequest: Uint8Array | null;
}

export function checkSdkStrings(x: SdkCheckInput): SdkCheck | null {
  const pick = (kind: ClientSignedString['kind']): ClientSignedString | undefined => x.clientSigned.find((c) => c.kind === kind);
  const v1 = pick('v1-string-to-sign');
  if (v1 && x.v1StringToSign !== null) {
    return {
      source: v1.source, kind: v1.kind, text: v1.text,
      matchesServer: x.serverStringToSign ? Buffer.compare(utf8(v1.text), x.serverStringToSign) === 0 : null,
      vsRecomputed: diffV1Strings(utf8(x.v1StringToSign), utf8(v1.text)),
    };
  }
  const cr = pick('v4-canonical-request');
  const sts = pick('v4-string-to-sign');
  if ((cr || sts) && (x.v4CanonicalRequest !== null || x.v4StringToSign !== null)) {
    const matches = sts && x.serverStringToSign ? Buffer.compare(utf8(sts.text), x.serverStringToSign) === 0
      : cr && x.serverCanonicalRequest ? Buffer.compare(utf8(cr.text), x.serverCanonicalRequest) === 0 : null;
    const vs = cr && x.v4CanonicalRequest !== null ? diffV4CanonicalRequests(utf8(x.v4CanonicalRequest), utf8(cr.text))
      : sts && x.v4StringToSign !== null ? diffV4StringsToSign(utf8(x.v4StringToSign), utf8(sts.text)) : null;
    const used = (cr ?? sts)!;
    return { source: used.source, kind: used.kind, text: used.text, matchesServer: matches, vsRecomputed: vs };
  }
  return null;
}

const v = (b: Uint8Array | undefined): string => (b ? decodeUtf8(b) : '');

/** Which cause a line the SDK signed differently stands for. */
function causeOf(l: AlignedLine): CauseId {
  switch (l.role) {
    case 'verb':
      return 'method-mismatch';
    case 'content-md5':
      return 'content-md5-mismatch';
    case 'content-type':
      return 'content-type-mismatch';
    case 'date':
    case 'timestamp':
      return 'date-mismatch';
    case 'scope':
      return 'v4-scope-mismatch';
    case 'additional-headers':
      return 'v4-additional-headers-mismatch';
    case 'query':
      return 'subresource-mismatch';
    case 'header': {
      if (l.headerName === 'x-oss-security-token' && l.server === null) return 'security-token-not-signed';
      const a = v(l.client?.value);
      const b = v(l.server?.value);
      if (l.client && l.server && a.trim().split(/[ \t]+/).join(' ') === b.trim().split(/[ \t]+/).join(' ')) return 'header-whitespace';
      if (l.client && l.server && (/[^\x00-\x7f]/.test(a) || /[^\x00-\x7f]/.test(b))) return 'header-value-encoding';
      return 'proxy-modified-headers';
    }
    case 'resource':
    case 'uri': {
      const read = (s: string) => (l.role === 'uri' ? parseV4Uri(s) : parseV1Resource(s));
      const a = read(v(l.client?.bytes));
      const b = read(v(l.server?.bytes));
      if (a.bucket !== b.bucket) return 'resource-mismatch';
      if (a.path === b.path) return 'subresource-mismatch';
      return normalizeKey(a.key) === normalizeKey(b.key) ? 'key-encoding-mismatch' : 'resource-mismatch';
    }
    default:
      return 'unexplained-difference';
  }
}

/** One finding per cause for the lines where the SDK signed something other than the request it sent. */
export function sdkFindings(check: SdkCheck): Finding[] {
  const out: Finding[] = [];
  for (const l of check.vsRecomputed?.lines ?? []) {
    if (l.same) continue;
    const cause = causeOf(l);
    const sentence = `${At(l)}: the ${check.source} shows the client signed ${shown(l.server)}, but the request it sent has ${shown(l.client)}.`;
    const f = out.find((o) => o.id === cause);
    if (f) f.evidence += ` ${sentence}`;
    else out.push({ id: cause, basis: 'observed', evidence: sentence, data: { signed: check.text, signedKind: check.kind === 'v4-canonical-request' ? 'canonical-request' : 'string-to-sign', source: check.source } });
  }
  return out;
}
