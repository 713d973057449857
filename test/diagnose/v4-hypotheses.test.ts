/**
 * The V4 hash search: OSS's canonical request is built by hand (the pure V4
 * functions, checked against the SIGNING.md vectors) with one or two in-transit
 * changes; the search must find exactly those changes from the hash alone.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/index.js';
import type { HeaderField } from '../../src/model/http.js';
import type { V4QueryParam } from '../../src/sign/v4.js';
import { canonicalizeV4Headers, canonicalQuery, canonicalUri, renderV4CanonicalRequest, renderV4StringToSign, signV4, v4SigningKey } from '../../src/sign/v4.js';
import { signRequest } from '../../src/signer/sign-request.js';

const TS = '20261122T140221Z';
const SCOPE = '20261122/cn-hangzhou/oss/aliyun_v4_request';

interface Sent {
  method: string;
  path: string;
  key: string;
  query?: string;
  queryParams?: V4QueryParam[];
  headers: HeaderField[];
  additional?: string[];
}

function wire(s: Sent): string {
  const add = s.additional?.length ? `AdditionalHeaders=${s.additional.join(';')},` : '';
  return [
    `${s.method} ${s.path}${s.query ? `?${s.query}` : ''} HTTP/1.1`,
    ...s.headers.map((h) => `${h.name}: ${h.value}`),
    `Authorization: OSS4-HMAC-SHA256 Credential=LTAI5tExampleKeyId0000/20261122/cn-hangzhou/oss/aliyun_v4_request,${add}Signature=${'0'.repeat(64)}`,
    '',
    '',
  ].join('\r\n');
}

function ossAnswer(method: string, key: string, headers: HeaderField[], query: V4QueryParam[] = [], additional: string[] = []): string {
  const cr = renderV4CanonicalRequest({
    method,
    uri: canonicalUri('examplebucket', key),
    query: canonicalQuery(query),
    headers: canonicalizeV4Headers(headers, additional),
    additionalHeaders: additional.join(';'),
    payload: 'UNSIGNED-PAYLOAD',
  });
  const sts = renderV4StringToSign(TS, SCOPE, cr);
  const hex = Buffer.from(sts).toString('hex').toUpperCase().replace(/(..)/g, '$1 ');
  return `<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <StringToSignBytes>${hex}</StringToSignBytes>\n  <EC>0002-00000201</EC>\n</Error>\n`;
}

const HOST = { name: 'Host', value: 'examplebucket.oss-cn-hangzhou.aliyuncs.com' };
const BASE: HeaderField[] = [HOST, { name: 'x-oss-date', value: TS }, { name: 'x-oss-content-sha256', value: 'UNSIGNED-PAYLOAD' }];

function run(sent: Sent, answer: string) {
  const r = diagnose([{ name: 'request', bytes: Buffer.from(wire(sent)) }, { name: 'error', bytes: Buffer.from(answer) }]).results[0]!;
  return { causes: r.causes.map((c) => `${c.id}/${c.basis}`), source: r.canonicalRequestSource };
}

describe('one change, found from the hash alone', () => {
  it.each([
    ['CDN HEAD→GET', { method: 'HEAD', path: '/v/a.mp4', key: 'v/a.mp4', headers: BASE }, ossAnswer('GET', 'v/a.mp4', BASE), 'cdn-head-to-get'],
    ['browser adds Content-Type', { method: 'PUT', path: '/u/a.txt', key: 'u/a.txt', headers: BASE }, ossAnswer('PUT', 'u/a.txt', [...BASE, { name: 'content-type', value: 'text/plain;charset=UTF-8' }]), 'content-type-mismatch'],
    ['Content-Type removed', { method: 'PUT', path: '/u/a.txt', key: 'u/a.txt', headers: [...BASE, { name: 'Content-Type', value: 'text/plain' }] }, ossAnswer('PUT', 'u/a.txt', BASE), 'content-type-mismatch'],
    ['CDN adds x-oss-range-behavior', { method: 'GET', path: '/v/a.mp4', key: 'v/a.mp4', headers: BASE }, ossAnswer('GET', 'v/a.mp4', [...BASE, { name: 'x-oss-range-behavior', value: 'standard' }]), 'cdn-range-behavior-header'],
    ['gateway adds server-side encryption', { method: 'PUT', path: '/u/a.txt', key: 'u/a.txt', headers: BASE }, ossAnswer('PUT', 'u/a.txt', [...BASE, { name: 'x-oss-server-side-encryption', value: 'AES256' }]), 'proxy-modified-headers'],
    ['proxy strips an x-oss-meta header', { method: 'PUT', path: '/u/a.txt', key: 'u/a.txt', headers: [...BASE, { name: 'x-oss-meta-owner', value: 'finance' }] }, ossAnswer('PUT', 'u/a.txt', BASE), 'proxy-modified-headers'],
    ['"+" in the key read as a space', { method: 'GET', path: '/c%2B%2B.pdf', key: 'c++.pdf', headers: BASE }, ossAnswer('GET', 'c  .pdf', BASE), 'key-encoding-mismatch'],
    ['path double-encoded', { method: 'GET', path: '/%E4%B8%AD.txt', key: '中.txt', headers: BASE }, ossAnswer('GET', '%E4%B8%AD.txt', BASE), 'key-encoding-mismatch'],
    ['path double-encoded, path-style request', { method: 'GET', path: '/examplebucket/%E4%B8%AD/a%20b.txt', key: '中/a b.txt', headers: [{ name: 'Host', value: 'oss-cn-hangzhou.aliyuncs.com' }, ...BASE.slice(1)] }, ossAnswer('GET', '%E4%B8%AD/a%20b.txt', BASE), 'key-encoding-mismatch'],
    ['inner white space of a header value folded', { method: 'PUT', path: '/u/a.txt', key: 'u/a.txt', headers: [...BASE, { name: 'x-oss-meta-note', value: 'two  spaces\tand tab' }] }, ossAnswer('PUT', 'u/a.txt', [...BASE, { name: 'x-oss-meta-note', value: 'two spaces and tab' }]), 'header-whitespace'],
    ['non-ASCII header value read as Latin-1', { method: 'PUT', path: '/u/a.txt', key: 'u/a.txt', headers: [...BASE, { name: 'x-oss-meta-name', value: 'José' }] }, ossAnswer('PUT', 'u/a.txt', [...BASE, { name: 'x-oss-meta-name', value: 'JosÃ©' }]), 'header-value-encoding'],
    ['non-ASCII header value arrives as "?"', { method: 'PUT', path: '/u/a.txt', key: 'u/a.txt', headers: [...BASE, { name: 'x-oss-meta-name', value: '文件 1' }] }, ossAnswer('PUT', 'u/a.txt', [...BASE, { name: 'x-oss-meta-name', value: '?? 1' }]), 'header-value-encoding'],
    ['Host (an additional header) rewritten', { method: 'GET', path: '/a.txt', key: 'a.txt', headers: [{ name: 'Host', value: 'static.example.com' }, ...BASE.slice(1)], additional: ['host'] }, ossAnswer('GET', 'a.txt', [{ name: 'host', value: 'examplebucket.oss-cn-hangzhou.aliyuncs.com' }, ...BASE.slice(1)], [], ['host']), 'v4-additional-headers-mismatch'],
  ])('%s', (_name, sent, answer, cause) => {
    const s = sent as Sent;
    // The custom-domain case needs the bucket: the V4 string to sign has no resource.
    const r = s.headers[0]!.value === 'static.example.com'
      ? (() => {
          const rep = diagnose([{ name: 'request', bytes: Buffer.from(wire(s)) }, { name: 'error', bytes: Buffer.from(answer) }], { bucket: 'examplebucket' }).results[0]!;
          return { causes: rep.causes.map((c) => `${c.id}/${c.basis}`), source: rep.canonicalRequestSource };
        })()
      : run(s, answer);
    expect(r).toEqual({ causes: [`${cause}/proven`], source: 'reconstructed' });
  });
});

describe('two changes at once', () => {
  it('a CDN turns HEAD into GET and adds x-oss-range-behavior', () => {
    const r = run({ method: 'HEAD', path: '/v/a.mp4', key: 'v/a.mp4', headers: BASE }, ossAnswer('GET', 'v/a.mp4', [...BASE, { name: 'x-oss-range-behavior', value: 'standard' }]));
    expect(r).toEqual({ causes: ['cdn-head-to-get/proven', 'cdn-range-behavior-header/proven'], source: 'reconstructed' });
  });
});

describe('nothing matches', () => {
  it('an unlisted header added in transit stays unexplained, with what was tried', () => {
    const sent: Sent = { method: 'PUT', path: '/u/a.txt', key: 'u/a.txt', headers: BASE };
    const rep = diagnose([{ name: 'request', bytes: Buffer.from(wire(sent)) }, { name: 'error', bytes: Buffer.from(ossAnswer('PUT', 'u/a.txt', [...BASE, { name: 'x-oss-meta-via', value: 'edge-7' }])) }]).results[0]!;
    expect(rep.causes.map((c) => c.id)).toEqual(['unexplained-difference']);
    expect(rep.canonicalRequestSource).toBeNull();
    expect(typeof rep.causes[0]!.data?.['tried']).toBe('number');
    expect(rep.causes[0]!.data?.['tried']).toBeGreaterThan(50);
  });
});

describe('with the secret: what the client really signed', () => {
  it('the client signed no Content-Type, the runtime added one before sending (verify, no OSS answer)', () => {
    const headers: HeaderField[] = [...BASE, { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }];
    // What the client signed: the same request without Content-Type.
    const signedCr = renderV4CanonicalRequest({ method: 'PUT', uri: canonicalUri('examplebucket', 'u/a.txt'), query: '', headers: canonicalizeV4Headers(BASE, []), additionalHeaders: '', payload: 'UNSIGNED-PAYLOAD' });
    const sig = signV4(v4SigningKey('fixture-secret', '20261122', 'cn-hangzhou', 'oss').kSigning, renderV4StringToSign(TS, SCOPE, signedCr));
    const text = wire({ method: 'PUT', path: '/u/a.txt', key: 'u/a.txt', headers }).replace('0'.repeat(64), sig);
    const r = diagnose([{ name: 'request', bytes: Buffer.from(text) }], { command: 'verify', secret: 'fixture-secret' }).results[0]!;
    expect({ verified: r.signature.verified, causes: r.causes.map((c) => `${c.id}/${c.basis}`), signed: r.causes[0]?.data?.['signed'] }).toEqual({
      verified: false,
      causes: ['content-type-mismatch/proven'],
      signed: signedCr,
    });
  });
});

describe('presigned URLs', () => {
  const signUrl = (target: string) => signRequest({ method: 'GET', target, headers: [HOST] }, {
    version: 'v4', query: true, accessKeyId: 'LTAI5tExampleKeyId0000', secret: 'fixture-secret', now: new Date(Date.UTC(2026, 10, 22, 14, 2, 21)), expiresIn: 600, product: 'oss', additionalHeaders: [],
  });
  const answerFor = (cr: string): string => {
    const hex = Buffer.from(renderV4StringToSign(TS, SCOPE, cr)).toString('hex').toUpperCase().replace(/(..)/g, '$1 ');
    return `<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <StringToSignBytes>${hex}</StringToSignBytes>\n  <EC>0002-00000201</EC>\n</Error>\n`;
  };
  const request = (target: string): string => `GET ${target} HTTP/1.1\r\nHost: ${HOST.value}\r\n\r\n`;

  it('a CDN drops x-oss-process from the URL: found from the hash (only the signing parameters are never dropped)', () => {
    const signed = signUrl('/a.jpg?x-oss-process=image%2Fresize%2Cw_100');
    const ossCr = signed.canonicalRequest!.replace('x-oss-process=image%2Fresize%2Cw_100&', '');
    expect(ossCr).not.toBe(signed.canonicalRequest);
    const r = diagnose([{ name: 'request', bytes: Buffer.from(request(signed.target)) }, { name: 'error', bytes: Buffer.from(answerFor(ossCr)) }]).results[0]!;
    expect({ causes: r.causes.map((c) => `${c.id}/${c.basis}`), source: r.canonicalRequestSource }).toEqual({ causes: ['subresource-mismatch/proven'], source: 'reconstructed' });
  });

  it('the STS token was appended to the URL after signing: the secret shows it was not signed', () => {
    const signed = signUrl('/a.jpg');
    const r = diagnose([{ name: 'request', bytes: Buffer.from(request(`${signed.target}&x-oss-security-token=STS.tok%2Ben`)) }], { command: 'verify', secret: 'fixture-secret' }).results[0]!;
    expect({ verified: r.signature.verified, causes: r.causes.map((c) => `${c.id}/${c.basis}`) }).toEqual({ verified: false, causes: ['security-token-not-signed/proven'] });
  });
});

describe('canonicalization variants', () => {
  it('OSS wrote an empty query value as "name=" (SIGNING.md §12.5): found, named as a sub-resource difference', () => {
    const sent: Sent = { method: 'GET', path: '/', key: '', query: 'acl', headers: BASE };
    const cr = renderV4CanonicalRequest({ method: 'GET', uri: canonicalUri('examplebucket', ''), query: 'acl=', headers: canonicalizeV4Headers(BASE, []), additionalHeaders: '', payload: 'UNSIGNED-PAYLOAD' });
    const sts = renderV4StringToSign(TS, SCOPE, cr);
    const hex = Buffer.from(sts).toString('hex').toUpperCase().replace(/(..)/g, '$1 ');
    const answer = `<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <StringToSignBytes>${hex}</StringToSignBytes>\n  <EC>0002-00000201</EC>\n</Error>\n`;
    expect(run(sent, answer)).toEqual({ causes: ['subresource-mismatch/proven'], source: 'reconstructed' });
  });
});
