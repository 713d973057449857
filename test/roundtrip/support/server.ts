/**
 * What OSS sees: the request as RECEIVED, and the strings OSS computes from it,
 * built with the official ali-oss SDK's own canonicalization functions
 * (6.23.0, `lib/common/signUtils.js`) so that the server side of a round trip
 * does not reuse sigdoctor's code:
 *
 * - V1: `signUtils.buildCanonicalString(method, '/bucket/key', { headers, parameters }, dateLine)`,
 *   with the sub-resources OSS signs (a list owned by this test, SIGNING.md §2.5)
 *   and the date line OSS uses (x-oss-date, else Date; Expires for a URL — §2.2, §3.2);
 * - V4: `signUtils.getCanonicalRequest` + `getStringToSign`, fed only inputs on
 *   which ali-oss follows OSS's rules: query names whose locale order is their
 *   byte order (`aliOssCanCanonicalize`), empty values as `null` (ali-oss writes
 *   `name` for null, `name=` for ''; SIGNING.md §10.8).
 *
 * Header values are handed over as an HTTP server reads them (optional white
 * space around the value stripped, RFC 9110 §5.5): ali-oss's V1 does not trim
 * Content-Type/Content-MD5 itself (see v1-ali-oss.test.ts, quirks).
 *
 * Then the `<Error>` document OSS would answer with.
 */
import { createRequire } from 'node:module';
import type { HeaderField } from '../../../src/model/http.js';
import type { SignResult } from '../../../src/signer/sign-request.js';
import type { Form, Param, Spec } from './requests.js';
import { AK, SUBRESOURCE_NAMES, hostOf, isV1, readQuery, rfc3986 } from './requests.js';

const require = createRequire(import.meta.url);

interface AliOssSignUtils {
  buildCanonicalString(method: string, resourcePath: string, request: { headers: Record<string, string>; parameters: Record<string, string | null> }, expires?: string): string;
  getCanonicalRequest(method: string, request: { headers: Record<string, string>; queries: Record<string, string | null> }, bucketName?: string, objectName?: string, additionalHeaders?: string[]): string;
  getStringToSign(region: string, date: string, canonicalRequest: string, product?: string): string;
}
const signUtils = require('ali-oss/lib/common/signUtils') as AliOssSignUtils;

/** Sub-resources OSS signs in a V1 resource, for the queries these tests generate (SIGNING.md §2.5, §2.6). */
export const SERVER_V1_SUBRESOURCES: ReadonlySet<string> = new Set([...SUBRESOURCE_NAMES, 'security-token']);

/** The request as OSS received it. */
export interface ServerView {
  form: Form;
  method: string;
  bucket: string;
  /** The key as OSS decoded it from the path. */
  key: string;
  host: string;
  /** Headers as received (any case; no Authorization). */
  headers: HeaderField[];
  /** The query, decoded, without the signature parameter itself. */
  params: Param[];
  /** V4: the scope and AdditionalHeaders OSS reads from the request's own signature parameters. */
  scope: { date: string; region: string; product: string } | null;
  additional: string[];
}

const SIGNATURE_PARAMS = new Set(['Signature', 'x-oss-signature']);

/** OSS's view of a request sent exactly as sigdoctor's signer produced it. */
export function receivedAsSent(spec: Spec, sent: SignResult): ServerView {
  const params = readQuery(sent.target).filter((p) => !SIGNATURE_PARAMS.has(p.name));
  const headers = sent.headers.filter((h) => h.name.toLowerCase() !== 'authorization');
  let scope: ServerView['scope'] = null;
  let additional: string[] = [];
  if (!isV1(spec.form)) {
    const credential = sent.form === 'query'
      ? params.find((p) => p.name === 'x-oss-credential')?.value
      : /Credential=([^,]+)/.exec(sent.authorization ?? '')?.[1];
    const list = sent.form === 'query'
      ? params.find((p) => p.name === 'x-oss-additional-headers')?.value
      : /AdditionalHeaders=([^,]+)/.exec(sent.authorization ?? '')?.[1];
    const [, date, region, product] = (credential ?? '').split('/');
    scope = { date: date!, region: region!, product: product! };
    additional = list ? list.split(';') : [];
  }
  return { form: spec.form, method: sent.method, bucket: spec.bucket, key: spec.key, host: hostOf(spec), headers, params, scope, additional };
}

function headerObject(headers: readonly HeaderField[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers) {
    const name = h.name.toLowerCase();
    if (name in out) throw new Error(`duplicate header ${name}: not representable for ali-oss`);
    // What an HTTP server hands on: the field value without the white space around it.
    out[name] = h.value.replace(/^[ \t]+|[ \t]+$/g, '');
  }
  return out;
}

function first(params: readonly Param[], name: string): string | null | undefined {
  return params.find((p) => p.name === name)?.value;
}

/** OSS's V1 string to sign for the received request (ali-oss signUtils.buildCanonicalString). */
export function serverV1StringToSign(v: ServerView): string {
  const headers = headerObject(v.headers);
  const parameters: Record<string, string | null> = {};
  for (const p of v.params) {
    // OSS uses the first occurrence of a parameter (DOC-V1U-md).
    if (SERVER_V1_SUBRESOURCES.has(p.name) && !(p.name in parameters)) parameters[p.name] = p.value === '' ? null : p.value;
  }
  const dateLine = v.form === 'v1-query' ? (first(v.params, 'Expires') ?? '') : (headers['x-oss-date'] ?? headers['date'] ?? '');
  return signUtils.buildCanonicalString(v.method, `/${v.bucket}/${v.key}`, { headers, parameters }, dateLine);
}

function queryObject(v: ServerView): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const p of v.params) {
    if (p.name in out) throw new Error(`duplicate query parameter ${p.name}: not representable for ali-oss`);
    out[p.name] = p.value === '' ? null : p.value;
  }
  return out;
}

/** ali-oss sorts query names with localeCompare; on these names it agrees with OSS's byte order. */
export function aliOssCanCanonicalize(v: ServerView): boolean {
  const names = v.params.map((p) => p.name);
  const byLocale = [...names].sort((a, b) => a.localeCompare(b));
  const byBytes = [...names].sort((a, b) => Buffer.compare(Buffer.from(rfc3986(a, false)), Buffer.from(rfc3986(b, false))));
  return byLocale.every((n, i) => n === byBytes[i]);
}

/** OSS's V4 canonical request and string to sign for the received request (ali-oss signUtils). */
export function serverV4Strings(v: ServerView): { canonicalRequest: string; stringToSign: string } {
  if (!aliOssCanCanonicalize(v)) throw new Error('query names outside what ali-oss canonicalizes like OSS');
  const headers = headerObject(v.headers);
  const queries = queryObject(v);
  const canonicalRequest = signUtils.getCanonicalRequest(v.method, { headers, queries }, v.bucket, v.key, v.additional);
  const timestamp = v.form === 'v4-query' ? queries['x-oss-date'] : headers['x-oss-date'];
  if (!timestamp || !v.scope) throw new Error('no x-oss-date / scope in the received V4 request');
  // The scope comes from the request's credential, not from the timestamp (SIGNING.md §4.4, §12.8).
  const stringToSign = signUtils.getStringToSign(v.scope.region, timestamp, canonicalRequest, v.scope.product).split('\n');
  stringToSign[2] = `${v.scope.date}/${v.scope.region}/${v.scope.product}/aliyun_v4_request`;
  return { canonicalRequest, stringToSign: stringToSign.join('\n') };
}

// ---------------------------------------------------------------- OSS's answers

const xmlText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** StringToSignBytes as OSS writes it: upper-case hex pairs, each followed by a space (SIGNING.md §8.2). */
export const hexBytes = (s: string): string => [...Buffer.from(s, 'utf8')].map((b) => `${b.toString(16).toUpperCase().padStart(2, '0')} `).join('');

const REQUEST_ID = '6650B1A4D11E553933CC0401';

function errorDocument(fields: Array<[string, string]>): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<Error>', ...fields.map(([k, v]) => `  <${k}>${v}</${k}>`), '</Error>', ''].join('\n');
}

/** SignatureDoesNotMatch as OSS answers it; V4 optionally with its canonical request (SIGNING.md §12.2: unknown whether OSS sends it). */
export function signatureMismatchXml(o: { v1: boolean; host: string; signatureProvided: string; stringToSign: string; canonicalRequest?: string }): string {
  const ec = o.v1 ? '0002-00000040' : '0002-00000201';
  return errorDocument([
    ['Code', 'SignatureDoesNotMatch'],
    ['Message', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'],
    ['RequestId', REQUEST_ID],
    ['HostId', o.host],
    ['OSSAccessKeyId', AK],
    ['SignatureProvided', xmlText(o.signatureProvided)],
    ['StringToSign', xmlText(o.stringToSign)],
    ['StringToSignBytes', hexBytes(o.stringToSign)],
    ...(o.canonicalRequest !== undefined ? ([['CanonicalRequest', xmlText(o.canonicalRequest)]] as Array<[string, string]>) : []),
    ['EC', ec],
    ['RecommendDoc', `https://api.aliyun.com/troubleshoot?q=${ec}`],
  ]);
}

/** A signed URL past its expiry (SIGNING.md §8.3; EC 0002-00000069 V1, 0002-00000236 V4). */
export function expiredXml(o: { v1: boolean; host: string; expires: string; serverTime: string }): string {
  const ec = o.v1 ? '0002-00000069' : '0002-00000236';
  return errorDocument([
    ['Code', 'AccessDenied'],
    ['Message', 'Request has expired.'],
    ['RequestId', REQUEST_ID],
    ['HostId', o.host],
    ['Expires', o.expires],
    ['ServerTime', o.serverTime],
    ['EC', ec],
    ['RecommendDoc', `https://api.aliyun.com/troubleshoot?q=${ec}`],
  ]);
}

/** Any other error document OSS answers before comparing signatures (code, message, EC). */
export function otherErrorXml(o: { host: string; code: string; message: string; ec: string }): string {
  return errorDocument([
    ['Code', o.code],
    ['Message', xmlText(o.message)],
    ['RequestId', REQUEST_ID],
    ['HostId', o.host],
    ['EC', o.ec],
    ['RecommendDoc', `https://api.aliyun.com/troubleshoot?q=${o.ec}`],
  ]);
}

/** RequestTimeTooSkewed (SIGNING.md §8.1; EC 0002-00000504). */
export function skewedXml(o: { host: string; requestTime: string; serverTime: string }): string {
  return errorDocument([
    ['Code', 'RequestTimeTooSkewed'],
    ['Message', 'The difference between the request time and the current time is too large.'],
    ['RequestId', REQUEST_ID],
    ['HostId', o.host],
    ['MaxAllowedSkewMilliseconds', '900000'],
    ['RequestTime', o.requestTime],
    ['ServerTime', o.serverTime],
    ['EC', '0002-00000504'],
    ['RecommendDoc', 'https://api.aliyun.com/troubleshoot?q=0002-00000504'],
  ]);
}
