/**
 * The official `ali-oss` SDK (6.23.0, a dev-dependency) used as an oracle for V4
 * (OSS4-HMAC-SHA256) signing, in both forms:
 *
 * - header form: `createRequest` (lib/common/utils/createRequest.js, the code
 *   behind every `client.request()`) with the client option
 *   `authorizationV4: true`, which makes it send `x-oss-date` in the V4 format,
 *   `x-oss-content-sha256: UNSIGNED-PAYLOAD`, and an Authorization from
 *   `client.authorizationV4` → `signUtils.authorizationV4`;
 * - presigned form: `client.signatureUrlV4(method, expires, { headers, queries }, objectName, additionalHeaders)`.
 *
 * Both call `signUtils.getCanonicalRequest` and `signUtils.getStringToSign`
 * through the module object, so wrapping those properties captures ali-oss's
 * own canonical request and string to sign. Nothing here talks to the network.
 *
 * Loaded with Node's `require` (like ali-oss-oracle.ts) so that the module
 * instances are the ones ali-oss itself uses.
 */
import { createRequire } from 'node:module';
import type { HeaderField } from '../../src/model/http.js';
import type { V4AuthFacts, V4Credential } from '../../src/model/v4-auth.js';
import { compareUtf8 } from '../../src/sign/byte-order.js';
import { uriEncode } from '../../src/sign/v4.js';

const require = createRequire(import.meta.url);

export interface AliOssV4ClientOptions {
  accessKeyId: string;
  accessKeySecret: string;
  bucket: string;
  /** `oss-cn-hangzhou` or `cn-hangzhou`; ali-oss signs with it minus a leading `oss-` (getStandardRegion). */
  region: string;
  /** Needed when `region` has no `oss-` prefix (setRegion would build `cn-hangzhou.aliyuncs.com`). */
  endpoint?: string;
  /** CloudBox: the sign region becomes the id and the product `oss-cloudbox` (signUtils.getSignRegion/getProduct). */
  cloudBoxId?: string;
  secure?: boolean;
  internal?: boolean;
  stsToken?: string;
  refreshSTSTokenInterval?: number;
}

/** `request` argument of signatureUrlV4 (lib/common/object/signatureUrlV4.js). */
export interface AliOssV4UrlRequest {
  headers?: Record<string, string>;
  queries?: Record<string, string | number | null>;
}

export interface AliOssV4Client {
  options: { accessKeyId: string; accessKeySecret: string; bucket: string; region: string; endpoint: { host: string } };
  signatureUrlV4(method: string, expires: number, request?: AliOssV4UrlRequest, objectName?: string, additionalHeaders?: string[]): Promise<string>;
}

/** The `params` ali-oss operations pass to `this.request()`; `additionalHeaders` is read by createRequest in V4 mode. */
export interface AliOssV4RequestParams {
  method: string;
  bucket: string;
  object: string;
  headers?: Record<string, string>;
  subres?: string | string[] | Record<string, string | number | null>;
  query?: Record<string, string | number>;
  additionalHeaders?: string[];
}

interface AliOssBuiltRequest {
  url: string;
  params: { method: string; headers: Record<string, string | number> };
}

interface SignUtilsV4 {
  getCanonicalRequest(method: string, request: unknown, bucketName?: string, objectName?: string, additionalHeaders?: string[]): string;
  getStringToSign(region: string, date: string, canonicalRequest: string, product?: string): string;
  getSignatureV4(accessKeySecret: string, date: string, region: string, stringToSign: string, product?: string): string;
  fixAdditionalHeaders(additionalHeaders?: string[]): string[];
}

type CreateRequest = (this: AliOssV4Client, params: AliOssV4RequestParams) => AliOssBuiltRequest;

const OSS = require('ali-oss') as new (options: AliOssV4ClientOptions & { authorizationV4?: boolean }) => AliOssV4Client;
export const signUtilsV4 = require('ali-oss/lib/common/signUtils') as SignUtilsV4;
const { createRequest } = require('ali-oss/lib/common/utils/createRequest') as { createRequest: CreateRequest };

// ---------------------------------------------------------------- capture

interface V4Captures {
  canonicalRequests: string[];
  stringsToSign: string[];
}

const MARK = '__sigdoctorV4Captures';
type Marked<F> = F & { [MARK]?: V4Captures };

/** Wrap once per module instance (the CJS cache may outlive one test file's module graph). */
function installCapture(): V4Captures {
  const existing = (signUtilsV4.getCanonicalRequest as Marked<SignUtilsV4['getCanonicalRequest']>)[MARK];
  if (existing) return existing;
  const captures: V4Captures = { canonicalRequests: [], stringsToSign: [] };
  const originalCanonical = signUtilsV4.getCanonicalRequest;
  const originalStringToSign = signUtilsV4.getStringToSign;
  const wrappedCanonical: Marked<SignUtilsV4['getCanonicalRequest']> = function (this: SignUtilsV4, ...args) {
    const s = originalCanonical.apply(this, args);
    captures.canonicalRequests.push(s);
    return s;
  };
  const wrappedStringToSign: SignUtilsV4['getStringToSign'] = function (this: SignUtilsV4, ...args) {
    const s = originalStringToSign.apply(this, args);
    captures.stringsToSign.push(s);
    return s;
  };
  wrappedCanonical[MARK] = captures;
  signUtilsV4.getCanonicalRequest = wrappedCanonical;
  signUtilsV4.getStringToSign = wrappedStringToSign;
  return captures;
}

const captures = installCapture();

function resetCaptures(): void {
  captures.canonicalRequests.length = 0;
  captures.stringsToSign.length = 0;
}

function takeOnlyCaptures(): { canonicalRequest: string; stringToSign: string } {
  const { canonicalRequests, stringsToSign } = captures;
  if (canonicalRequests.length !== 1 || stringsToSign.length !== 1) {
    throw new Error(`expected ali-oss to build one V4 canonical request and one string to sign, got ${canonicalRequests.length} and ${stringsToSign.length}`);
  }
  const out = { canonicalRequest: canonicalRequests[0]!, stringToSign: stringsToSign[0]! };
  resetCaptures();
  return out;
}

// ---------------------------------------------------------------- client

/** A V4 client (`authorizationV4: true`). */
export function newV4Client(options: AliOssV4ClientOptions): AliOssV4Client {
  const opts = options.stsToken !== undefined ? { refreshSTSTokenInterval: 300_000, ...options } : options;
  return new OSS({ ...opts, authorizationV4: true });
}

export interface OracleV4HeaderRequest {
  url: string;
  method: string;
  /** Headers as ali-oss hands them to urllib (including `authorization`), names in ali-oss's case. */
  headers: HeaderField[];
  authorization: string;
  canonicalRequest: string;
  stringToSign: string;
}

/** Build (not send) a V4 header-signed request exactly as `client.request(params)` would. */
export function aliOssV4HeaderRequest(client: AliOssV4Client, params: AliOssV4RequestParams): OracleV4HeaderRequest {
  resetCaptures();
  const built = createRequest.call(client, params);
  const { canonicalRequest, stringToSign } = takeOnlyCaptures();
  const headers = Object.entries(built.params.headers).map(([name, value]) => ({ name, value: String(value) }));
  return { url: built.url, method: built.params.method, headers, authorization: String(built.params.headers['authorization']), canonicalRequest, stringToSign };
}

export interface OracleV4SignedUrl {
  url: string;
  canonicalRequest: string;
  stringToSign: string;
}

export async function aliOssSignatureUrlV4(
  client: AliOssV4Client,
  method: string,
  expires: number,
  request: AliOssV4UrlRequest,
  objectName: string,
  additionalHeaders?: string[],
): Promise<OracleV4SignedUrl> {
  resetCaptures();
  const url = await client.signatureUrlV4(method, expires, request, objectName, additionalHeaders);
  return { url, ...takeOnlyCaptures() };
}

// ---------------------------------------------------------------- facts

function parseCredential(value: string): V4Credential {
  const parts = value.split('/');
  if (parts.length !== 5) throw new Error(`unexpected V4 credential: ${value}`);
  const [accessKeyId, date, region, product, terminator] = parts as [string, string, string, string, string];
  return { accessKeyId, date, region, product, terminator };
}

/**
 * `OSS4-HMAC-SHA256 Credential=…,AdditionalHeaders=…,Signature=…` as ali-oss
 * writes it (signUtils.authorizationV4) → V4AuthFacts (header form).
 */
export function v4HeaderFacts(authorization: string, xOssDate: string | null): V4AuthFacts {
  const prefix = 'OSS4-HMAC-SHA256 ';
  if (!authorization.startsWith(prefix)) throw new Error(`not a V4 Authorization: ${authorization}`);
  const pairs = new Map<string, string>();
  for (const piece of authorization.slice(prefix.length).split(',')) {
    const eq = piece.indexOf('=');
    if (eq < 0) throw new Error(`unexpected V4 Authorization piece: ${piece}`);
    pairs.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const credential = pairs.get('Credential');
  const additional = pairs.get('AdditionalHeaders');
  if (credential === undefined) throw new Error(`no Credential in ${authorization}`);
  return {
    form: 'header',
    raw: authorization,
    credential: parseCredential(credential),
    additionalHeaders: additional === undefined ? null : additional.split(';'),
    signature: pairs.get('Signature') ?? null,
    timestamp: xOssDate,
    expires: null,
    securityToken: null,
    problems: [],
    corrected: null,
  };
}

/** The presigned URL's x-oss-* parameters → V4AuthFacts (query form). Values percent-decoded. */
export function v4QueryFacts(url: string): V4AuthFacts {
  const q = url.indexOf('?');
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const params = new Map<string, string>();
  for (const piece of rawQuery.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = decodeURIComponent(eq < 0 ? piece : piece.slice(0, eq));
    if (!params.has(name)) params.set(name, eq < 0 ? '' : decodeURIComponent(piece.slice(eq + 1)));
  }
  const credential = params.get('x-oss-credential');
  const additional = params.get('x-oss-additional-headers');
  if (credential === undefined) throw new Error(`no x-oss-credential in ${url}`);
  return {
    form: 'query',
    raw: rawQuery,
    credential: parseCredential(credential),
    additionalHeaders: additional === undefined ? null : additional.split(';'),
    signature: params.get('x-oss-signature') ?? null,
    timestamp: params.get('x-oss-date') ?? null,
    expires: params.get('x-oss-expires') ?? null,
    securityToken: params.get('x-oss-security-token') ?? null,
    problems: [],
    corrected: null,
  };
}

// ---------------------------------------------------------------- quirk guards

/**
 * ali-oss sorts query keys with `localeCompare` (getCanonicalRequest's
 * qs.stringify `sort`); OSS and the other SDKs sort the encoded names in byte
 * order (SIGNING.md §4.3, §11). True when both orders agree for these keys,
 * i.e. the ali-oss quirk cannot show.
 */
export function localeOrderIsByteOrder(keys: readonly string[]): boolean {
  const byLocale = [...keys].sort((a, b) => a.localeCompare(b));
  const byBytes = [...keys].sort((a, b) => compareUtf8(uriEncode(a, false), uriEncode(b, false)));
  return byLocale.every((k, i) => k === byBytes[i]);
}

/** Line `n` (0-based) of a canonical request: 0 method, 1 URI, 2 query, then headers… */
export function canonicalLine(canonicalRequest: string, n: number): string {
  return canonicalRequest.split('\n')[n] ?? '';
}
