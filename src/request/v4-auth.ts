/**
 * Reading a V4 (`OSS4-HMAC-SHA256`) signature as the request states it: the
 * Authorization header (SIGNING.md §4.1) or the presigned-URL parameters
 * (§5.1). Lenient in what it parses (any key order, optional whitespace after
 * commas, a key glued to its value), exact in what it reports: every way the
 * value breaks the grammar is a problem naming the offending text as it
 * appears in the input and the EC OSS answers for it (§4.1, §5.4, §9) when one
 * is documented. Never throws; the work is linear in the input (plus one sort
 * of the AdditionalHeaders names) and no regex has nested quantifiers.
 */
import type { V4AuthCause, V4AuthContext, V4AuthFacts, V4AuthProblem, V4Credential } from '../model/v4-auth.js';
import type { QueryParam } from './url-parts.js';
import { percentDecode } from './url-parts.js';

const ALGORITHM = 'OSS4-HMAC-SHA256';
const TERMINATOR = 'aliyun_v4_request';
/** go-v2 `DefaultProduct`, CloudBox (§6.1), OSS Tables (§6.2). */
const PRODUCTS: readonly string[] = ['oss', 'oss-cloudbox', 'osstables'];
const HEADER_KEYS = ['Credential', 'Signature', 'AdditionalHeaders'] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];

const P_VERSION = 'x-oss-signature-version';
/** The spelling of the DOC-EC pages' examples (SIGNING.md §1). */
const P_VERSION_TYPO = 'x-oss-signature-verion';
const P_CREDENTIAL = 'x-oss-credential';
const P_DATE = 'x-oss-date';
const P_EXPIRES = 'x-oss-expires';
const P_SIGNATURE = 'x-oss-signature';
const P_ADDITIONAL = 'x-oss-additional-headers';
const P_TOKEN = 'x-oss-security-token';
const QUERY_NAMES: readonly string[] = [P_VERSION, P_VERSION_TYPO, P_CREDENTIAL, P_DATE, P_EXPIRES, P_SIGNATURE, P_ADDITIONAL, P_TOKEN];

/** Bounds: problems listed, pairs examined, characters of offending text kept. */
const MAX_PROBLEMS = 100;
const MAX_PAIRS = 256;
const MAX_OFFENDING = 1024;
/** x-oss-expires range (DOC-EC/0002-00000232). */
const MAX_EXPIRES = 604800;

const EC = {
  tooFewPairs: '0002-00000202',
  noEquals: '0002-00000203',
  unknownKey: '0002-00000204',
  credentialMissing: '0002-00000205',
  accessKeyIdInvalid: '0002-00000206',
  signatureEmpty: '0002-00000208',
  additionalEmpty: '0002-00000209',
  additionalEmptyElement: '0002-00000210',
  additionalInvalidName: '0002-00000211',
  headerScopeDate: '0002-00000212',
  headerTerminator: '0002-00000213',
  queryExpiresMissing: '0002-00000215',
  queryCredentialMissing: '0002-00000217',
  querySignatureMissing: '0002-00000219',
  querySignatureEmpty: '0002-00000220',
  queryScopeDate: '0002-00000223',
  queryTerminator: '0002-00000224',
  region: '0002-00000226',
  queryExpiresRange: '0002-00000232',
} as const;

// ---------------------------------------------------------------------------
// Small helpers

function isWs(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

function isDigits(s: string, n: number): boolean {
  if (s.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

function stripControl(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c < 0x20 || c === 0x7f)) out += s[i];
  }
  return out;
}

const LOWER_HEX_64 = /^[0-9a-f]{64}$/;
const ANY_HEX_64 = /^[0-9a-fA-F]{64}$/;
const ISO_BASIC = /^[0-9]{8}T[0-9]{6}Z$/;

/** Documentation and sigdoctor's own redaction mask values with `*` (`AK**ID`, `18**0a`); such a value cannot be checked. */
function isMasked(s: string): boolean {
  return s.includes('*') || s.includes('…');
}

/** A value quoted for a message: control characters made visible, long values shortened. */
function q(s: string): string {
  let shown = s.length > 80 ? `${s.slice(0, 77)}…` : s;
  if (hasControl(shown)) shown = JSON.stringify(shown).slice(1, -1);
  return `\`${shown}\``;
}

function clip(s: string): string {
  return s.length > MAX_OFFENDING ? `${s.slice(0, MAX_OFFENDING)}…` : s;
}

/** RFC 3986 percent-encoding (unreserved characters kept), as the SDKs write query values. */
function encodeQueryValue(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Split on a separator character or its percent-encoded form (`/` or `%2F`, `;` or `%3B`), keeping the pieces raw. */
function splitRaw(raw: string, sep: string, encoded: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < raw.length; ) {
    if (raw[i] === sep) {
      out.push(raw.slice(start, i));
      i += 1;
      start = i;
    } else if (raw[i] === '%' && raw.slice(i, i + 3).toUpperCase() === encoded) {
      out.push(raw.slice(start, i));
      i += 3;
      start = i;
    } else {
      i += 1;
    }
  }
  out.push(raw.slice(start));
  return out;
}

function normaliseRegion(r: string | undefined): string | null {
  if (r === undefined) return null;
  const t = r.trim();
  const bare = t.startsWith('oss-') ? t.slice(4) : t;
  return bare === '' ? null : bare;
}

/** First 8 characters of an x-oss-date value when they are digits (SIGNING.md §4.4: SignDate). */
function dateOf(timestamp: string | null | undefined): string | null {
  if (timestamp === null || timestamp === undefined) return null;
  const d = timestamp.trim().slice(0, 8);
  return isDigits(d, 8) ? d : null;
}

function isDefaultSigned(lowerName: string): boolean {
  return lowerName.startsWith('x-oss-') || lowerName === 'content-type' || lowerName === 'content-md5';
}

class Problems {
  readonly list: V4AuthProblem[] = [];
  /** Some problem is one the rebuilt value fixes (or shows the shape for). */
  fixable = false;
  private dropped = 0;

  add(cause: V4AuthCause, field: string, offending: string, message: string, ec: string | null, fixable: boolean): void {
    if (fixable) this.fixable = true;
    if (this.list.length >= MAX_PROBLEMS) {
      this.dropped += 1;
      return;
    }
    this.list.push({ cause, field, offending: clip(offending), message, ec });
  }

  finish(field: string): V4AuthProblem[] {
    if (this.dropped > 0) {
      this.list.push({
        cause: 'malformed-v4-authorization',
        field,
        offending: '',
        message: `${this.dropped} further problems of the same kinds are not listed.`,
        ec: null,
      });
    }
    return this.list;
  }
}

// ---------------------------------------------------------------------------
// Credential scope (shared by both forms)

interface ScopeSpec {
  form: 'header' | 'query';
  /** Field for structural problems: 'Credential' or 'x-oss-credential'. */
  field: string;
  idEc: string | null;
  dateEc: string;
  terminatorEc: string;
}

interface ScopeResult {
  credential: V4Credential;
  /** The five parts with the fixes applied; null when the structure is too broken to rebuild. */
  fixed: string[] | null;
}

function checkScope(
  rawValue: string,
  rawParts: readonly string[],
  parts: readonly string[],
  spec: ScopeSpec,
  signDate: string | null,
  hostRegion: string | null,
  P: Problems,
): ScopeResult {
  const name = spec.form === 'header' ? 'Credential' : P_CREDENTIAL;
  const credential: V4Credential = {
    accessKeyId: parts[0] ?? '',
    date: parts[1] ?? '',
    region: parts[2] ?? '',
    product: parts[3] ?? '',
    terminator: parts.slice(4).join('/'),
  };

  if (parts.length !== 5) {
    const hint =
      spec.form === 'header' && rawValue.toUpperCase().includes('%2F')
        ? ' (it contains `%2F`: in the Authorization header the `/` are written literally; only the URL form encodes them)'
        : '';
    P.add(
      'malformed-v4-authorization',
      spec.field,
      rawValue,
      `${name} ${q(rawValue)} has ${parts.length} \`/\`-separated parts, but the scope is \`<AccessKeyId>/<yyyymmdd>/<region>/<product>/aliyun_v4_request\` (5 parts)${hint}.`,
      null,
      false,
    );
    const id = parts[0] ?? '';
    if (id === '' || hasControl(id)) reportAccessKeyId(id, rawParts[0] ?? '', spec, P);
    return { credential, fixed: null };
  }

  const [id, date, region, product, terminator] = parts as [string, string, string, string, string];
  const [rawId, rawDate, rawRegion, rawProduct, rawTerminator] = rawParts as [string, string, string, string, string];

  // AccessKeyId (0002-00000206 in the header form).
  let fixedId = id;
  if (id === '' || hasControl(id)) {
    reportAccessKeyId(id, rawId, spec, P);
    fixedId = stripControl(id);
    if (fixedId === '') fixedId = '<AccessKeyId>';
  }

  // SignDate: compact yyyymmdd (0002-00000212 / 0002-00000223), the date of x-oss-date (§12.8).
  let fixedDate = date;
  if (!isDigits(date, 8)) {
    let digits = '';
    for (const ch of date) if (ch >= '0' && ch <= '9') digits += ch;
    fixedDate = signDate ?? (digits.length === 8 ? digits : '<yyyymmdd>');
    P.add(
      'v4-scope-mismatch',
      'scope.date',
      rawDate,
      `The scope date ${q(date)} in ${name} must be 8 digits \`yyyymmdd\` (the first 8 characters of x-oss-date), e.g. \`${fixedDate.startsWith('<') ? '20231216' : fixedDate}\`.`,
      spec.dateEc,
      true,
    );
  } else if (signDate !== null && date !== signDate) {
    fixedDate = signDate;
    P.add(
      'v4-scope-mismatch',
      'scope.date',
      rawDate,
      `The scope date ${q(date)} in ${name} is not the date of x-oss-date (${q(signDate)}); signers take it from the first 8 characters of x-oss-date — OSS documents no EC for this (SIGNING.md §12.8; the S3-compatible analogue is 0002-00000409).`,
      null,
      true,
    );
  }

  // Product (§4.1, §6.1, §6.2); needed first so that CloudBox regions are not compared with the Host's region.
  let fixedProduct = product;
  if (!PRODUCTS.includes(product)) {
    const lower = product.toLowerCase();
    fixedProduct = PRODUCTS.includes(lower) ? lower : 'oss';
    P.add(
      'malformed-v4-authorization',
      'scope.product',
      rawProduct,
      `The product ${q(product)} in ${name} must be \`oss\` (\`oss-cloudbox\` for CloudBox, \`osstables\` for OSS Tables).`,
      null,
      true,
    );
  }

  // Region: the bare region id, the Host's region (0002-00000226).
  const bare = region.startsWith('oss-') ? region.slice(4) : region;
  let fixedRegion = bare;
  const compareHost = hostRegion !== null && !(fixedProduct === 'oss-cloudbox' && !hostRegion.startsWith('cb-'));
  if (region === '') {
    fixedRegion = hostRegion ?? '<region>';
    P.add('v4-scope-mismatch', 'scope.region', rawRegion, `The region in ${name} is empty; it must be the region id of the bucket, e.g. \`${hostRegion ?? 'cn-hangzhou'}\`.`, EC.region, true);
  } else {
    if (region.startsWith('oss-')) {
      P.add(
        'v4-scope-mismatch',
        'scope.region',
        rawRegion,
        `The region ${q(region)} in ${name} carries the \`oss-\` prefix, which is not valid there: use the bare region id, e.g. \`${bare === '' ? 'cn-hangzhou' : bare}\`.`,
        EC.region,
        true,
      );
      if (bare === '') fixedRegion = hostRegion ?? '<region>';
    }
    if (compareHost && bare !== '' && bare !== hostRegion) {
      fixedRegion = hostRegion;
      P.add(
        'v4-scope-mismatch',
        'scope.region',
        rawRegion,
        `The region ${q(region)} in ${name} is not the region of the Host (${q(hostRegion)}); sign with region \`${hostRegion}\`.`,
        EC.region,
        true,
      );
    }
  }

  // Terminator (0002-00000213 / 0002-00000224).
  if (terminator !== TERMINATOR) {
    P.add(
      'malformed-v4-authorization',
      'scope.terminator',
      rawTerminator,
      `${name} must end with \`aliyun_v4_request\`, not ${q(terminator)}.`,
      spec.terminatorEc,
      true,
    );
  }

  return { credential, fixed: [fixedId, fixedDate, fixedRegion, fixedProduct, TERMINATOR] };
}

function reportAccessKeyId(id: string, rawId: string, spec: ScopeSpec, P: Problems): void {
  const name = spec.form === 'header' ? 'Credential' : P_CREDENTIAL;
  const undocumented = spec.idEc === null ? ' (OSS documents this EC, 0002-00000206, for the header form only)' : '';
  if (id === '') {
    P.add('malformed-v4-authorization', 'scope.accessKeyId', rawId, `The AccessKeyId in ${name} is empty${undocumented}.`, spec.idEc, true);
  } else {
    P.add(
      'malformed-v4-authorization',
      'scope.accessKeyId',
      rawId,
      `The AccessKeyId ${q(id)} in ${name} contains control characters (often a stray \`\\r\` or \`\\n\` read from a file or environment variable)${undocumented}.`,
      spec.idEc,
      true,
    );
  }
}

/** The scope a rebuilt value uses when the request has no credential at all. */
function templateScope(signDate: string | null, hostRegion: string | null): string[] {
  return ['<AccessKeyId>', signDate ?? '<yyyymmdd>', hostRegion ?? '<region>', 'oss', TERMINATOR];
}

// ---------------------------------------------------------------------------
// AdditionalHeaders (shared by both forms)

interface AdditionalSpec {
  /** 'AdditionalHeaders' or 'x-oss-additional-headers'. */
  field: string;
}

/**
 * Check the names (decoded, as given) against DOC-V4H and DOC-EC/0002-00000209…211;
 * return the list a signer would send: lower-case, sorted, without empty,
 * default-signed, `_`-containing or absent names.
 */
function checkAdditionalHeaders(
  rawValue: string,
  rawPair: string,
  rawNames: readonly string[],
  names: readonly string[],
  spec: AdditionalSpec,
  ctx: V4AuthContext,
  P: Problems,
): string[] {
  if (rawValue === '') {
    P.add(
      'malformed-v4-authorization',
      spec.field,
      rawPair,
      `${spec.field} is present but empty; list at least one header name or leave ${spec.field} out.`,
      EC.additionalEmpty,
      true,
    );
    return [];
  }
  if (names.some((n) => n === '')) {
    P.add(
      'malformed-v4-authorization',
      spec.field,
      rawValue,
      `${spec.field} ${q(rawValue)} has an empty element: names are separated by single \`;\`, with no leading or trailing \`;\`.`,
      EC.additionalEmptyElement,
      true,
    );
  }
  const carried = ctx.headerNames === undefined ? null : new Set(ctx.headerNames.map((n) => n.toLowerCase()));
  const kept = new Set<string>();
  const given: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const raw = rawNames[i] ?? '';
    const name = names[i]!;
    if (name === '') continue;
    let trimmed = name;
    if (isWs(name[0]) || isWs(name[name.length - 1])) {
      trimmed = name.trim();
      P.add('malformed-v4-authorization', spec.field, raw, `The ${spec.field} name ${q(name)} has surrounding whitespace; names are separated by \`;\` alone.`, null, true);
      if (trimmed === '') continue;
    }
    const lower = trimmed.toLowerCase();
    given.push(lower);
    if (trimmed !== lower) {
      P.add(
        'malformed-v4-authorization',
        spec.field,
        raw,
        `The ${spec.field} name ${q(trimmed)} must be lower-case (\`${lower}\`), as DOC-V4H and DOC-EC/0002-00000210 require.`,
        null,
        true,
      );
    }
    if (lower.includes('_')) {
      P.add('malformed-v4-authorization', spec.field, raw, `The ${spec.field} name ${q(trimmed)} contains \`_\`, which is not allowed there.`, EC.additionalInvalidName, true);
      continue;
    }
    if (isDefaultSigned(lower)) {
      P.add(
        'malformed-v4-authorization',
        spec.field,
        raw,
        `The ${spec.field} name ${q(trimmed)} is redundant: \`x-oss-*\`, \`content-type\` and \`content-md5\` are always signed, and SDKs drop such names from the list.`,
        null,
        true,
      );
    }
    // Every request carries Host (HTTP/1.1 Host, HTTP/2 :authority), even when the paste does not show it.
    if (carried !== null && lower !== 'host' && !carried.has(lower)) {
      // Not a grammar error: the header is named correctly but missing (CAUSES.md v4-additional-headers-mismatch).
      P.add(
        'v4-additional-headers-mismatch',
        spec.field,
        raw,
        `${spec.field} lists ${q(trimmed)}, but the request does not carry that header; every listed header must be sent (SDKs drop absent names).`,
        EC.additionalInvalidName,
        true,
      );
      continue;
    }
    if (!isDefaultSigned(lower)) kept.add(lower);
  }
  for (let i = 1; i < given.length; i++) {
    if (given[i - 1]! >= given[i]!) {
      P.add(
        'malformed-v4-authorization',
        spec.field,
        rawValue,
        `${spec.field} ${q(rawValue)} is not sorted: names must be in ascending order without repeats, as DOC-V4H and DOC-EC/0002-00000210 require.`,
        null,
        true,
      );
      break;
    }
  }
  return [...kept].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The signature checks shared by both forms, past "missing" and "empty". Returns the value a rebuilt signature uses. */
function checkSignatureValue(sig: string, raw: string, field: string, P: Problems): string {
  if (isMasked(sig) || LOWER_HEX_64.test(sig)) return sig;
  if (ANY_HEX_64.test(sig)) {
    P.add('malformed-v4-authorization', field, raw, `${field} ${q(sig)} must be written in lower-case hex (DOC-V4H: 64 lower-case hexadecimal digits).`, null, true);
    return sig.toLowerCase();
  }
  const base64ish = /[+/=]/.test(sig) || sig.length === 28;
  const hint = base64ish ? '; it looks like a V1 base64 signature' : '';
  P.add(
    'malformed-v4-authorization',
    field,
    raw,
    `${field} ${q(sig)} is ${sig.length} character${sig.length === 1 ? '' : 's'}, not 64 lower-case hexadecimal digits (DOC-V4H)${hint}.`,
    null,
    false,
  );
  return sig;
}

// ---------------------------------------------------------------------------
// Header form

interface Pair {
  value: string;
  /** The element as in the input (`Signature=…`). */
  text: string;
}

function emptyFacts(form: 'header' | 'query', raw: string): V4AuthFacts {
  return { form, raw, credential: null, additionalHeaders: null, signature: null, timestamp: null, expires: null, securityToken: null, problems: [], corrected: null };
}

/** Parse the whole `Authorization` value of a V4 request (SIGNING.md §4.1). */
export function parseV4Authorization(value: string, ctx: V4AuthContext = {}): V4AuthFacts {
  const raw = typeof value === 'string' ? value : '';
  try {
    return parseHeader(raw, ctx ?? {});
  } catch (e) {
    const facts = emptyFacts('header', raw);
    facts.problems.push({ cause: 'malformed-v4-authorization', field: 'Authorization', offending: '', message: `sigdoctor could not read this Authorization value (${String(e)}).`, ec: null });
    return facts;
  }
}

function parseHeader(value: string, ctx: V4AuthContext): V4AuthFacts {
  const P = new Problems();
  const signDate = dateOf(ctx.xOssDate);
  const hostRegion = normaliseRegion(ctx.hostRegion);

  // HTTP trims optional whitespace around a field value.
  let s = 0;
  let e = value.length;
  while (s < e && isWs(value[s])) s++;
  while (e > s && isWs(value[e - 1])) e--;
  const v = value.slice(s, e);

  // --- algorithm and the single space after it
  let i = 0;
  while (i < v.length && !isWs(v[i]) && v[i] !== ',' && v[i] !== '=') i++;
  const token = v.slice(0, i);
  let listStart: number;
  if (token === ALGORITHM) {
    if (i === v.length || (v[i] === ' ' && !isWs(v[i + 1]))) {
      listStart = Math.min(i + 1, v.length);
    } else if (isWs(v[i])) {
      let j = i;
      while (isWs(v[j])) j++;
      P.add('malformed-v4-authorization', 'algorithm', v.slice(0, j), `\`${ALGORITHM}\` must be followed by exactly one space, not ${q(v.slice(i, j))}.`, null, true);
      listStart = j;
    } else {
      P.add('malformed-v4-authorization', 'algorithm', v.slice(0, i + 1), `\`${ALGORITHM}\` must be followed by one space before \`Credential=\`, not by ${q(v[i]!)}.`, null, true);
      listStart = v[i] === ',' ? i + 1 : i;
    }
  } else if (token.startsWith(ALGORITHM)) {
    P.add(
      'malformed-v4-authorization',
      'algorithm',
      token,
      `There is no space between \`${ALGORITHM}\` and ${q(token.slice(ALGORITHM.length))}: the algorithm and the key=value pairs are separated by one space.`,
      null,
      true,
    );
    listStart = ALGORITHM.length;
  } else {
    const glued = v[i] === '=' ? HEADER_KEYS.find((k) => token.endsWith(k)) : undefined;
    if (glued !== undefined && token.length > glued.length) {
      const alg = token.slice(0, token.length - glued.length);
      reportAlgorithm(alg, P);
      P.add('malformed-v4-authorization', 'algorithm', token, `There is no space between the algorithm ${q(alg)} and \`${glued}=\`.`, null, true);
      listStart = alg.length;
    } else if (glued !== undefined || token === '') {
      P.add('malformed-v4-authorization', 'algorithm', '', `The value must start with \`${ALGORITHM}\` and one space.`, null, true);
      listStart = token === '' ? countWs(v, 0) : 0;
    } else {
      reportAlgorithm(token, P);
      listStart = i < v.length && v[i] === ',' ? i + 1 : i + countWs(v, i);
    }
  }

  // --- key=value pairs
  const pairs = new Map<HeaderKey, Pair>();
  const recovered = new Map<HeaderKey, Pair>();
  let examined = 0;
  let a = listStart;
  const listEmpty = v.slice(listStart).trim() === '';
  while (!listEmpty && a <= v.length) {
    let b = v.indexOf(',', a);
    if (b < 0) b = v.length;
    const isLast = b === v.length;
    examined += 1;
    if (examined > MAX_PAIRS) {
      let more = 1;
      for (let k = b; k < v.length; k++) if (v[k] === ',') more++;
      P.add('malformed-v4-authorization', 'pair', '', `The value has ${MAX_PAIRS + more - 1} comma-separated elements; only the first ${MAX_PAIRS} were examined (a valid value has two or three).`, null, true);
      break;
    }
    readElement(v, a, b, isLast, listStart, pairs, recovered, P);
    a = b + 1;
  }

  // --- required keys
  const credentialPair = pairs.get('Credential') ?? recovered.get('Credential');
  const signaturePair = pairs.get('Signature') ?? recovered.get('Signature');
  const additionalPair = pairs.get('AdditionalHeaders') ?? recovered.get('AdditionalHeaders');

  let credential: V4Credential | null = null;
  let scope: string[] | null;
  if (credentialPair === undefined) {
    P.add('malformed-v4-authorization', 'Credential', '', 'The required Credential pair is missing (`Credential=<AccessKeyId>/<yyyymmdd>/<region>/oss/aliyun_v4_request`).', EC.credentialMissing, true);
    scope = templateScope(signDate, hostRegion);
  } else if (credentialPair.value === '') {
    P.add(
      'malformed-v4-authorization',
      'Credential',
      credentialPair.text,
      'Credential is empty; it must be `<AccessKeyId>/<yyyymmdd>/<region>/oss/aliyun_v4_request` (OSS documents 0002-00000205 for a missing Credential, no EC for an empty one).',
      null,
      true,
    );
    scope = templateScope(signDate, hostRegion);
  } else {
    const parts = credentialPair.value.split('/');
    const r = checkScope(
      credentialPair.value,
      parts,
      parts,
      { form: 'header', field: 'Credential', idEc: EC.accessKeyIdInvalid, dateEc: EC.headerScopeDate, terminatorEc: EC.headerTerminator },
      signDate,
      hostRegion,
      P,
    );
    credential = r.credential;
    scope = r.fixed;
  }

  let signature: string | null = null;
  let fixedSignature = '<signature>';
  if (signaturePair === undefined) {
    P.add('malformed-v4-authorization', 'Signature', '', 'The required Signature pair is missing (too few pairs: Credential and Signature are both required).', EC.tooFewPairs, true);
  } else {
    signature = signaturePair.value;
    if (signature === '') {
      P.add('malformed-v4-authorization', 'Signature', signaturePair.text, 'Signature is empty; it must be the 64 lower-case hex digits of the signature.', EC.signatureEmpty, true);
    } else {
      fixedSignature = checkSignatureValue(signature, signature, 'Signature', P);
    }
  }

  let additionalHeaders: string[] | null = null;
  let fixedAdditional: string[] = [];
  if (additionalPair !== undefined) {
    const names = additionalPair.value === '' ? [] : additionalPair.value.split(';');
    additionalHeaders = names;
    fixedAdditional = checkAdditionalHeaders(additionalPair.value, additionalPair.text, names, names, { field: 'AdditionalHeaders' }, ctx, P);
  }

  let corrected: string | null = null;
  if (P.fixable && scope !== null) {
    const extra = fixedAdditional.length > 0 ? `,AdditionalHeaders=${fixedAdditional.join(';')}` : '';
    // A corrected date or region derives another signing key: the old signature cannot stay.
    // (The AccessKeyId is not part of the signed scope; date, region, product and terminator are.)
    const original = credential ? [credential.date, credential.region, credential.product, credential.terminator].join('/') : null;
    const sig = original !== null && original !== scope.slice(1).join('/') && !fixedSignature.startsWith('<') ? '<re-sign with this scope>' : fixedSignature;
    corrected = `${ALGORITHM} Credential=${scope.join('/')}${extra},Signature=${sig}`;
  }

  return {
    form: 'header',
    raw: value,
    credential,
    additionalHeaders,
    signature,
    timestamp: ctx.xOssDate ?? null,
    expires: null,
    securityToken: null,
    problems: P.finish('Authorization'),
    corrected,
  };
}

function countWs(v: string, from: number): number {
  let j = from;
  while (isWs(v[j])) j++;
  return j - from;
}

function reportAlgorithm(alg: string, P: Problems): void {
  const why = alg.toUpperCase() === ALGORITHM ? 'the algorithm name is case-sensitive' : `only \`${ALGORITHM}\` is supported`;
  P.add('malformed-v4-authorization', 'algorithm', alg, `The algorithm ${q(alg)} is not \`${ALGORITHM}\`: ${why}.`, null, true);
}

/** One comma-separated element `[a, b)` of the pair list. */
function readElement(
  v: string,
  a: number,
  b: number,
  isLast: boolean,
  listStart: number,
  pairs: Map<HeaderKey, Pair>,
  recovered: Map<HeaderKey, Pair>,
  P: Problems,
): void {
  let k = a;
  while (k < b && isWs(v[k])) k++;
  let m = b;
  while (m > k && isWs(v[m - 1])) m--;
  const core = v.slice(k, m);

  if (core === '') {
    if (isLast) {
      P.add('malformed-v4-authorization', 'pair', v.slice(a - 1, b), 'The value ends with a trailing comma (the V2 analogue is 0002-00000102; OSS documents no V4 EC for it).', null, true);
    } else {
      const from = a === listStart ? a : a - 1;
      P.add('malformed-v4-authorization', 'pair', v.slice(from, b + 1), 'There is an empty element between commas; pairs are separated by single commas.', null, true);
    }
    return;
  }
  if (m < b) {
    P.add('malformed-v4-authorization', 'pair', v.slice(k, b), `${q(core)} is followed by whitespace before the comma; only whitespace after a comma is allowed.`, null, true);
  }

  const eq = core.indexOf('=');
  if (eq < 0) {
    const key = HEADER_KEYS.find((h) => core.startsWith(h)) ?? HEADER_KEYS.find((h) => core.toLowerCase().startsWith(h.toLowerCase()));
    if (key !== undefined) {
      let rest = core.slice(key.length);
      if (rest.startsWith(':')) rest = rest.slice(1);
      if (!recovered.has(key)) recovered.set(key, { value: rest, text: core });
      P.add(
        'malformed-v4-authorization',
        'pair',
        core,
        `${q(core)} has no \`=\` between key and value, so OSS reads no ${key} pair and ${key} is therefore missing; write \`${key}=${rest.length > 40 ? `${rest.slice(0, 40)}…` : rest}\`.`,
        EC.noEquals,
        true,
      );
    } else {
      P.add('malformed-v4-authorization', 'pair', core, `${q(core)} has no \`=\`; every element must be \`key=value\`.`, EC.noEquals, true);
    }
    return;
  }

  const rawKey = core.slice(0, eq);
  const rawVal = core.slice(eq + 1);
  const key = rawKey.trim();
  const val = rawVal.slice(countWs(rawVal, 0));
  if (key !== rawKey || val !== rawVal) {
    P.add('malformed-v4-authorization', 'pair', core, `${q(core)} has whitespace around \`=\`; write \`${key}=${val.length > 40 ? `${val.slice(0, 40)}…` : val}\`.`, null, true);
  }

  const exact = (HEADER_KEYS as readonly string[]).includes(key) ? (key as HeaderKey) : undefined;
  if (exact !== undefined) {
    if (pairs.has(exact)) {
      P.add('malformed-v4-authorization', 'key', core, `${exact} appears more than once; sigdoctor reads the first, and the value must carry it once.`, null, true);
    } else {
      pairs.set(exact, { value: val, text: core });
    }
    return;
  }
  const folded = HEADER_KEYS.find((h) => h.toLowerCase() === key.toLowerCase());
  if (folded !== undefined) {
    if (!recovered.has(folded)) recovered.set(folded, { value: val, text: core });
    P.add(
      'malformed-v4-authorization',
      'key',
      core,
      `${q(key)} is not a V4 key: keys are case-sensitive, so OSS reads no ${folded} pair and ${folded} is therefore missing; write \`${folded}=\`.`,
      EC.unknownKey,
      true,
    );
    return;
  }
  const hint = key === 'SignedHeaders' ? ' (`SignedHeaders` is AWS SigV4; OSS V4 uses `AdditionalHeaders`)' : '';
  P.add(
    'malformed-v4-authorization',
    'key',
    core,
    `${q(core)} is not a V4 pair: the only keys are Credential and Signature (required) and AdditionalHeaders (optional)${hint}.`,
    EC.unknownKey,
    true,
  );
}

// ---------------------------------------------------------------------------
// Query form

/** Does this query carry a V4 presigned signature (or a damaged attempt at one)? V2 (`OSS2`, `x-oss-access-key-id`) is not V4. */
export function looksLikeV4Query(params: readonly QueryParam[]): boolean {
  try {
    let version: string | null | undefined;
    let credential = false;
    let signature = false;
    let v2Key = false;
    for (const p of params) {
      if (p.name === P_CREDENTIAL) credential = true;
      else if (p.name === P_SIGNATURE) signature = true;
      else if (p.name === 'x-oss-access-key-id') v2Key = true;
      else if ((p.name === P_VERSION || p.name === P_VERSION_TYPO) && version === undefined) version = p.value;
    }
    if (credential) return true;
    if (version === 'OSS2' || v2Key) return false;
    return version !== undefined || signature;
  } catch {
    return false;
  }
}

/** Parse the V4 presigned-URL parameters (SIGNING.md §5.1). `params` are the parsed query, `rawQuery` the query as sent. */
export function parseV4Query(params: readonly QueryParam[], rawQuery: string, ctx: V4AuthContext = {}): V4AuthFacts {
  const raw = typeof rawQuery === 'string' ? rawQuery : '';
  try {
    return parseQueryForm(Array.isArray(params) ? params : [], raw, ctx ?? {});
  } catch (e) {
    const facts = emptyFacts('query', raw);
    facts.problems.push({ cause: 'malformed-v4-authorization', field: 'query', offending: '', message: `sigdoctor could not read these query parameters (${String(e)}).`, ec: null });
    return facts;
  }
}

function pieceOf(p: QueryParam): string {
  return p.rawValue === null ? p.rawName : `${p.rawName}=${p.rawValue}`;
}

interface Rebuilt {
  /** Decoded value, or a `<placeholder>` (never encoded). */
  value: string;
  /** The raw value to reuse when the value is unchanged. */
  raw: string | null;
}

function parseQueryForm(params: readonly QueryParam[], rawQuery: string, ctx: V4AuthContext): V4AuthFacts {
  const P = new Problems();
  const hostRegion = normaliseRegion(ctx.hostRegion);

  // First occurrence wins; repeats are flagged.
  const first = new Map<string, QueryParam>();
  for (const p of params) {
    if (!QUERY_NAMES.includes(p.name)) continue;
    if (first.has(p.name)) {
      P.add(
        'malformed-v4-authorization',
        p.name,
        pieceOf(p),
        `${p.name} appears more than once; sigdoctor reads the first occurrence (OSS does so for V1 URLs, DOC-V1U-md) — send it once.`,
        null,
        true,
      );
      continue;
    }
    first.set(p.name, p);
  }

  const rebuilt = new Map<string, Rebuilt>();

  // x-oss-signature-version
  const typo = first.get(P_VERSION_TYPO);
  const realVersion = first.get(P_VERSION);
  if (typo !== undefined) {
    P.add(
      'malformed-v4-authorization',
      P_VERSION,
      typo.rawName,
      `\`${P_VERSION_TYPO}\` is a typo copied from the docs' examples (DOC-EC/0002-00000201, 0002-00000219, 0002-00000220); the parameter is \`${P_VERSION}\`.`,
      null,
      true,
    );
  }
  const version = realVersion ?? typo;
  if (version === undefined) {
    P.add('malformed-v4-authorization', P_VERSION, '', `\`${P_VERSION}=${ALGORITHM}\` is missing.`, null, true);
  } else if (version.value !== ALGORITHM) {
    P.add(
      'malformed-v4-authorization',
      P_VERSION,
      version.rawValue ?? version.rawName,
      version.value === null || version.value === ''
        ? `${P_VERSION} has no value; it must be \`${ALGORITHM}\`.`
        : `${P_VERSION} is ${q(version.value)}; it must be exactly \`${ALGORITHM}\`.`,
      null,
      true,
    );
  }
  rebuilt.set(P_VERSION, { value: ALGORITHM, raw: version?.value === ALGORITHM ? version.rawValue : null });

  // x-oss-date
  const dateParam = first.get(P_DATE);
  let timestamp: string | null = null;
  let fixedTimestamp: string;
  if (dateParam === undefined) {
    P.add('malformed-v4-authorization', P_DATE, '', `${P_DATE} is missing; it is the signing time \`yyyymmddThhmmssZ\` (UTC).`, null, true);
    fixedTimestamp = '<yyyymmddThhmmssZ>';
  } else {
    timestamp = dateParam.value;
    const t = timestamp ?? '';
    fixedTimestamp = t;
    if (!ISO_BASIC.test(t)) {
      const compact = t.replace(/[-:]/g, '');
      const fixable = ISO_BASIC.test(compact);
      if (fixable) fixedTimestamp = compact;
      P.add(
        'malformed-v4-authorization',
        P_DATE,
        dateParam.rawValue ?? dateParam.rawName,
        `${P_DATE} ${q(t)} is not \`yyyymmddThhmmssZ\` (ISO 8601 basic format, UTC)${fixable ? `; write \`${compact}\`` : ''}.`,
        null,
        fixable,
      );
    }
  }
  const signDate = ISO_BASIC.test(fixedTimestamp) ? fixedTimestamp.slice(0, 8) : null;
  rebuilt.set(P_DATE, { value: fixedTimestamp, raw: dateParam !== undefined && fixedTimestamp === dateParam.value ? dateParam.rawValue : null });

  // x-oss-credential
  const credParam = first.get(P_CREDENTIAL);
  let credential: V4Credential | null = null;
  let scope: string[] | null;
  let scopeRaw: string | null = null;
  if (credParam === undefined) {
    P.add('malformed-v4-authorization', P_CREDENTIAL, '', `${P_CREDENTIAL} is missing (\`<AccessKeyId>%2F<yyyymmdd>%2F<region>%2Foss%2Faliyun_v4_request\`).`, EC.queryCredentialMissing, true);
    scope = templateScope(signDate, hostRegion);
  } else if (credParam.rawValue === null || credParam.rawValue === '') {
    P.add(
      'malformed-v4-authorization',
      P_CREDENTIAL,
      pieceOf(credParam),
      `${P_CREDENTIAL} is empty (OSS documents 0002-00000217 for a missing one, no EC for an empty one).`,
      null,
      true,
    );
    scope = templateScope(signDate, hostRegion);
  } else {
    // DOC-V4U asks for `%2F`; a raw `/` is read the same way and is tolerated.
    const rawParts = splitRaw(credParam.rawValue, '/', '%2F');
    const parts = rawParts.map((x) => percentDecode(x));
    const r = checkScope(
      credParam.rawValue,
      rawParts,
      parts,
      { form: 'query', field: P_CREDENTIAL, idEc: null, dateEc: EC.queryScopeDate, terminatorEc: EC.queryTerminator },
      signDate,
      hostRegion,
      P,
    );
    credential = r.credential;
    scope = r.fixed;
    if (scope !== null && scope.join('/') === parts.join('/')) scopeRaw = credParam.rawValue;
  }

  // x-oss-expires
  const expParam = first.get(P_EXPIRES);
  let expires: string | null = null;
  if (expParam === undefined) {
    P.add('malformed-v4-authorization', P_EXPIRES, '', `${P_EXPIRES} is missing; it is the validity in seconds after x-oss-date (1…${MAX_EXPIRES}).`, EC.queryExpiresMissing, true);
    rebuilt.set(P_EXPIRES, { value: '<seconds>', raw: null });
  } else {
    expires = expParam.value;
    const x = expires ?? '';
    const integer = x.length > 0 && x.length <= 15 && isDigits(x, x.length);
    const n = integer ? Number(x) : NaN;
    if (!integer || n < 1 || n > MAX_EXPIRES) {
      P.add(
        'malformed-v4-authorization',
        P_EXPIRES,
        expParam.rawValue ?? expParam.rawName,
        integer
          ? `${P_EXPIRES} ${q(x)} is outside 1…${MAX_EXPIRES} seconds (7 days); it is relative to x-oss-date, not an absolute time.`
          : `${P_EXPIRES} ${q(x)} is not an integer number of seconds (1…${MAX_EXPIRES}).`,
        EC.queryExpiresRange,
        false,
      );
    }
    rebuilt.set(P_EXPIRES, { value: x, raw: expParam.rawValue });
  }

  // x-oss-signature
  const sigParam = first.get(P_SIGNATURE);
  let signature: string | null = null;
  if (sigParam === undefined) {
    P.add('malformed-v4-authorization', P_SIGNATURE, '', `${P_SIGNATURE} is missing.`, EC.querySignatureMissing, true);
    rebuilt.set(P_SIGNATURE, { value: '<signature>', raw: null });
  } else if (sigParam.value === null || sigParam.value === '') {
    signature = sigParam.value === null ? null : '';
    P.add('malformed-v4-authorization', P_SIGNATURE, pieceOf(sigParam), `${P_SIGNATURE} is empty.`, EC.querySignatureEmpty, true);
    rebuilt.set(P_SIGNATURE, { value: '<signature>', raw: null });
  } else {
    signature = sigParam.value;
    const fixed = checkSignatureValue(signature, sigParam.rawValue ?? '', P_SIGNATURE, P);
    rebuilt.set(P_SIGNATURE, { value: fixed, raw: fixed === signature ? sigParam.rawValue : null });
  }

  // x-oss-additional-headers (`;` is `%3B` in the URL)
  const addParam = first.get(P_ADDITIONAL);
  let additionalHeaders: string[] | null = null;
  if (addParam !== undefined) {
    const rawValue = addParam.rawValue ?? '';
    const rawNames = rawValue === '' ? [] : splitRaw(rawValue, ';', '%3B');
    const names = rawNames.map((x) => percentDecode(x));
    additionalHeaders = names;
    const fixed = checkAdditionalHeaders(rawValue, pieceOf(addParam), rawNames, names, { field: P_ADDITIONAL }, ctx, P);
    if (fixed.length > 0) {
      const joined = fixed.join(';');
      rebuilt.set(P_ADDITIONAL, { value: joined, raw: joined === addParam.value ? addParam.rawValue : null });
    }
  }

  // x-oss-security-token
  const tokenParam = first.get(P_TOKEN);
  const securityToken = tokenParam?.value ?? null;
  if (tokenParam !== undefined) rebuilt.set(P_TOKEN, { value: tokenParam.value ?? '', raw: tokenParam.rawValue });

  let corrected: string | null = null;
  if (P.fixable && scope !== null) {
    const credentialRaw = scopeRaw ?? scope.map((x) => (x.startsWith('<') ? x : encodeQueryValue(x))).join('%2F');
    // A corrected date or region derives another signing key: the old signature cannot stay.
    const original = credential ? [credential.date, credential.region, credential.product, credential.terminator].join('/') : null;
    const sigNow = rebuilt.get(P_SIGNATURE);
    if (original !== null && original !== scope.slice(1).join('/') && sigNow && !sigNow.value.startsWith('<')) rebuilt.set(P_SIGNATURE, { value: '<re-sign with this scope>', raw: null });
    const out: string[] = [];
    // Alphabetical, as in the DOC-V4U example (and the canonical query's order).
    for (const name of [P_ADDITIONAL, P_CREDENTIAL, P_DATE, P_EXPIRES, P_TOKEN, P_SIGNATURE, P_VERSION]) {
      if (name === P_CREDENTIAL) {
        out.push(`${name}=${credentialRaw}`);
        continue;
      }
      const r = rebuilt.get(name);
      if (r === undefined) continue;
      const encoded = r.raw ?? (r.value.startsWith('<') && r.value.endsWith('>') ? r.value : encodeQueryValue(r.value));
      out.push(`${name}=${encoded}`);
    }
    corrected = out.join('&');
  }

  return {
    form: 'query',
    raw: rawQuery,
    credential,
    additionalHeaders,
    signature,
    timestamp,
    expires,
    securityToken,
    problems: P.finish('query'),
    corrected,
  };
}
