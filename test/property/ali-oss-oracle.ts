/**
 * The official `ali-oss` SDK (6.23.0, a dev-dependency) used as an oracle for V1
 * signing. ali-oss ships no types, so only what the property tests touch is
 * declared here, and it is loaded with Node's own `require` so that the module
 * instances are the ones ali-oss itself uses (the spy on `signUtils` below must
 * see the SDK's internal calls).
 *
 * Nothing here talks to the network: `createRequest` only builds the URL and
 * headers that `client.request()` would hand to urllib, and `signatureUrl` is a
 * pure computation.
 */
import { createRequire } from 'node:module';
import { parse as legacyUrlParse } from 'node:url';
import type { HeaderField } from '../../src/model/http.js';

const require = createRequire(import.meta.url);

export interface AliOssClientOptions {
  accessKeyId: string;
  accessKeySecret: string;
  bucket: string;
  region: string;
  internal?: boolean;
  secure?: boolean;
  stsToken?: string;
  /** Only set to silence ali-oss's console warning about STS tokens without a refresher. */
  refreshSTSTokenInterval?: number;
}

/** ali-oss `signatureUrl` options (lib/common/object/signatureUrl.js, signUtils._signatureForURL). */
export interface AliOssSignatureUrlOptions {
  expires?: number;
  method?: string;
  response?: Record<string, string>;
  process?: string;
  trafficLimit?: number;
  subResource?: Record<string, string | number | null>;
  /**
   * `Content-Type`, `Content-MD5` and any `x-oss-*` option (any case) become
   * signed headers that the eventual request must carry.
   */
  [option: string]: unknown;
}

export interface AliOssClient {
  options: { accessKeyId: string; accessKeySecret: string; bucket: string };
  signatureUrl(name: string, options?: AliOssSignatureUrlOptions, strictObjectNameValidation?: boolean): string;
}

/** The `params` object ali-oss's operations pass to `this.request()` (lib/object.js _objectRequestParams). */
export interface AliOssRequestParams {
  method: string;
  bucket: string;
  object: string;
  headers?: Record<string, string>;
  subres?: string | string[] | Record<string, string | number | null>;
  /** Unsigned query parameters (listObjects' prefix, marker, max-keys, …). */
  query?: Record<string, string | number>;
}

export interface AliOssBuiltRequest {
  url: string;
  params: { method: string; headers: Record<string, string | number> };
}

interface SignUtils {
  buildCanonicalString(method: string, resourcePath: string, request: unknown, expires?: string): string;
  computeSignature(accessKeySecret: string, canonicalString: string, headerEncoding?: string): string;
  authorization(accessKeyId: string, accessKeySecret: string, canonicalString: string, headerEncoding?: string): string;
}

type CreateRequest = (this: AliOssClient, params: AliOssRequestParams) => AliOssBuiltRequest;

const OSS = require('ali-oss') as new (options: AliOssClientOptions) => AliOssClient;
export const signUtils = require('ali-oss/lib/common/signUtils') as SignUtils;
const { createRequest } = require('ali-oss/lib/common/utils/createRequest') as { createRequest: CreateRequest };

// Spy on every V1 string-to-sign ali-oss builds. Both client.authorization()
// (header form, via createRequest) and signUtils._signatureForURL (URL form)
// call it through the module object, so replacing the property is enough.
const captured: string[] = [];
const originalBuildCanonicalString = signUtils.buildCanonicalString;
signUtils.buildCanonicalString = function spiedBuildCanonicalString(this: SignUtils, ...args: Parameters<SignUtils['buildCanonicalString']>): string {
  const s = originalBuildCanonicalString.apply(this, args);
  captured.push(s);
  return s;
};

function takeOnlyCapture(): string {
  if (captured.length !== 1) throw new Error(`expected ali-oss to build exactly one V1 string to sign, got ${captured.length}`);
  return captured.pop()!;
}

export function newClient(options: AliOssClientOptions): AliOssClient {
  const opts = options.stsToken !== undefined ? { refreshSTSTokenInterval: 300_000, ...options } : options;
  return new OSS(opts);
}

export interface OracleHeaderRequest {
  /** The URL ali-oss hands to urllib. */
  url: string;
  method: string;
  /** Headers as ali-oss sets them (including `authorization`), names in ali-oss's case. */
  headers: HeaderField[];
  /** ali-oss's V1 string to sign, captured from signUtils.buildCanonicalString. */
  stringToSign: string;
  authorization: string;
}

/** Build (not send) a header-signed request exactly as `client.request(params)` would. */
export function aliOssHeaderRequest(client: AliOssClient, params: AliOssRequestParams): OracleHeaderRequest {
  captured.length = 0;
  const built = createRequest.call(client, params);
  const stringToSign = takeOnlyCapture();
  const headers = Object.entries(built.params.headers).map(([name, value]) => ({ name, value: String(value) }));
  const authorization = String(built.params.headers['authorization']);
  return { url: built.url, method: built.params.method, headers, stringToSign, authorization };
}

export interface OracleSignedUrl {
  url: string;
  stringToSign: string;
}

export function aliOssSignatureUrl(client: AliOssClient, key: string, options: AliOssSignatureUrlOptions): OracleSignedUrl {
  captured.length = 0;
  const url = client.signatureUrl(key, options);
  return { url, stringToSign: takeOnlyCapture() };
}

/** `http://host/p?q` → `/p?q`, byte for byte as in the string. */
export function rawTarget(url: string): string {
  const m = /^[a-z]+:\/\/[^/?#]*/i.exec(url);
  if (!m) throw new Error(`not an absolute URL: ${url}`);
  const rest = url.slice(m[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/**
 * The request-target urllib 2.x (ali-oss's HTTP client) really puts on the wire:
 * `urlutil.parse(new URL(url).href).path` (urllib/lib/urllib.js requestWithCallback).
 */
export function urllibTarget(url: string): string {
  return legacyUrlParse(new URL(url).href).path ?? '/';
}

export function hostOf(url: string): string {
  return new URL(url).host;
}

/** The raw (still percent-encoded) value of the first `name=` query parameter in a URL string. */
export function rawQueryValue(url: string, name: string): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  for (const piece of url.slice(q + 1).split('&')) {
    const eq = piece.indexOf('=');
    if ((eq < 0 ? piece : piece.slice(0, eq)) === name) return eq < 0 ? '' : piece.slice(eq + 1);
  }
  return undefined;
}
