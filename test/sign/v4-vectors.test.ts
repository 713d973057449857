/**
 * SIGNING.md §4.6, §5.3 and §6.1 V4 vectors (ak/sk), from go-v2 signer_test.go
 * TestV4AuthHeader*, TestV4AuthQuery*, and py-v2 test_v4.py, checked through
 * the pure V4 functions.
 */
import { describe, expect, it } from 'vitest';
import type { HeaderField } from '../../src/model/http.js';
import type { V4QueryParam } from '../../src/sign/v4.js';
import { diagnose } from '../../src/index.js';
import { canonicalizeV4Headers, canonicalQuery, canonicalUri, renderV4CanonicalRequest, renderV4StringToSign, signV4, v4Scope, v4SigningKey } from '../../src/sign/v4.js';

const USER_QUERY: V4QueryParam[] = [
  { name: 'param1', value: 'value1' },
  { name: '+param1', value: 'value3' },
  { name: '|param1', value: 'value4' },
  { name: '+param2', value: '' },
  { name: '|param2', value: '' },
  { name: 'param2', value: '' },
];
const BASE_HEADERS: HeaderField[] = [
  { name: 'x-oss-head1', value: 'value' },
  { name: 'abc', value: 'value' },
  { name: 'ZAbc', value: 'value' },
  { name: 'XYZ', value: 'value' },
];

function sign(opts: { timestamp: string; headers: HeaderField[]; query: V4QueryParam[]; additional?: string[]; region?: string; product?: string }) {
  const additional = (opts.additional ?? []).map((n) => n.toLowerCase()).sort();
  const canonical = renderV4CanonicalRequest({
    method: 'PUT',
    uri: canonicalUri('bucket', '1234+-/123/1.txt'),
    query: canonicalQuery(opts.query),
    headers: canonicalizeV4Headers(opts.headers, additional),
    additionalHeaders: additional.join(';'),
    payload: 'UNSIGNED-PAYLOAD',
  });
  const date = opts.timestamp.slice(0, 8);
  const region = opts.region ?? 'cn-hangzhou';
  const product = opts.product ?? 'oss';
  const sts = renderV4StringToSign(opts.timestamp, v4Scope(date, region, product), canonical);
  return { canonical, sts, signature: signV4(v4SigningKey('sk', date, region, product).kSigning, sts) };
}

describe('§4.6 V4 header vectors', () => {
  const headerMode = (timestamp: string, extra: HeaderField[] = []): HeaderField[] => [
    ...BASE_HEADERS,
    { name: 'content-type', value: 'text/plain' },
    { name: 'x-oss-content-sha256', value: 'UNSIGNED-PAYLOAD' },
    { name: 'x-oss-date', value: timestamp },
    ...extra,
  ];

  it('1: canonical request and signature', () => {
    const r = sign({ timestamp: '20231216T162057Z', headers: headerMode('20231216T162057Z'), query: USER_QUERY });
    expect(r.canonical).toBe([
      'PUT',
      '/bucket/1234%2B-/123/1.txt',
      '%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2',
      'content-type:text/plain',
      'x-oss-content-sha256:UNSIGNED-PAYLOAD',
      'x-oss-date:20231216T162057Z',
      'x-oss-head1:value',
      '',
      '',
      'UNSIGNED-PAYLOAD',
    ].join('\n'));
    expect(r.signature).toBe('e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe');
  });

  it('2: additional headers abc;zabc', () => {
    const r = sign({ timestamp: '20231216T172512Z', headers: headerMode('20231216T172512Z'), query: USER_QUERY, additional: ['ZAbc', 'abc'] });
    expect(r.sts).toBe('OSS4-HMAC-SHA256\n20231216T172512Z\n20231216/cn-hangzhou/oss/aliyun_v4_request\n16b86004ed2cc3406dd7a13081bd940ef6a5ad49e508da2d4fdf84e8a5dd2145');
    expect(r.signature).toBe('4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f');
  });

  it('3: STS token', () => {
    const r = sign({ timestamp: '20231217T034736Z', headers: headerMode('20231217T034736Z', [{ name: 'x-oss-security-token', value: 'token' }]), query: USER_QUERY });
    expect(r.signature).toBe('b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea');
  });

  it('4 (§6.1): CloudBox region cb-123, product oss-cloudbox', () => {
    const r = sign({ timestamp: '20231216T162057Z', headers: headerMode('20231216T162057Z'), query: USER_QUERY, region: 'cb-123', product: 'oss-cloudbox' });
    expect(r.signature).toBe('94ce1f12c17d148ea681030275a94449d3357f5b5b21133996eec80af3e08a43');
  });
});

describe('§5.3 V4 presigned URL vectors', () => {
  const presign = (timestamp: string, expires: string, extra: V4QueryParam[] = [], additional: string[] = [], region = 'cn-hangzhou', product = 'oss') => {
    const add = additional.map((n) => n.toLowerCase()).sort();
    const query: V4QueryParam[] = [
      ...USER_QUERY,
      { name: 'x-oss-signature-version', value: 'OSS4-HMAC-SHA256' },
      { name: 'x-oss-date', value: timestamp },
      { name: 'x-oss-expires', value: expires },
      { name: 'x-oss-credential', value: `ak/${timestamp.slice(0, 8)}/${region}/${product}/aliyun_v4_request` },
      ...(add.length ? [{ name: 'x-oss-additional-headers', value: add.join(';') }] : []),
      ...extra,
    ];
    return sign({ timestamp, headers: [...BASE_HEADERS, { name: 'content-type', value: 'application/octet-stream' }], query, additional: add, region, product });
  };

  it('1: canonical query includes every x-oss-* parameter but x-oss-signature', () => {
    const r = presign('20231217T025437Z', '599');
    expect(r.canonical.split('\n')[2]).toBe('%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2&x-oss-credential=ak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20231217T025437Z&x-oss-expires=599&x-oss-signature-version=OSS4-HMAC-SHA256');
    expect(r.canonical.split('\n').slice(3, 5)).toEqual(['content-type:application/octet-stream', 'x-oss-head1:value']);
    expect(r.signature).toBe('a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe');
  });

  it('2: with additional headers abc;zabc', () => {
    expect(presign('20231217T033009Z', '599', [], ['ZAbc', 'abc']).signature).toBe('6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7');
  });

  // SIGNING.md §6.1 does not say it, but go-v2 TestV4AuthQueryWithCloudBox and py-v2 test_v4.py
  // sign this vector with AdditionalHeaders ["ZAbc", "abc"] (x-oss-additional-headers=abc;zabc).
  it('§6.1: CloudBox presigned (with additional headers abc;zabc, as in the SDK tests)', () => {
    const r = presign('20231217T025437Z', '599', [], ['ZAbc', 'abc'], 'cb-123', 'oss-cloudbox');
    expect(r.signature).toBe('07284191b9b4978ac3520cd39ee2dea2747eda454089359371ff463a6c7ba20f');
  });
});

describe('verify accepts the V4 vectors as wire requests (ak/sk)', () => {
  const QUERY = '%2Bparam1=value3&%2Bparam2=&param1=value1&param2=&%7Cparam1=value4&%7Cparam2=';
  const header = (ts: string, auth: string, extra: string[] = []): string =>
    [
      `PUT /1234%2B-/123/1.txt?${QUERY} HTTP/1.1`,
      'Host: bucket.oss-cn-hangzhou.aliyuncs.com',
      'x-oss-head1: value', 'abc: value', 'ZAbc: value', 'XYZ: value',
      'content-type: text/plain', 'x-oss-content-sha256: UNSIGNED-PAYLOAD', `x-oss-date: ${ts}`, ...extra,
      `Authorization: OSS4-HMAC-SHA256 ${auth}`, '', '',
    ].join('\r\n');
  const presigned = (ts: string, sig: string, extra = ''): string =>
    [
      `PUT /1234%2B-/123/1.txt?${QUERY}&x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-date=${ts}&x-oss-expires=599&x-oss-credential=ak%2F${ts.slice(0, 8)}%2Fcn-hangzhou%2Foss%2Faliyun_v4_request${extra}&x-oss-signature=${sig} HTTP/1.1`,
      'Host: bucket.oss-cn-hangzhou.aliyuncs.com',
      'x-oss-head1: value', 'abc: value', 'ZAbc: value', 'XYZ: value', 'content-type: application/octet-stream', '', '',
    ].join('\r\n');
  it.each([
    ['§4.6 #1', header('20231216T162057Z', 'Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe')],
    ['§4.6 #2', header('20231216T172512Z', 'Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f')],
    ['§4.6 #2, oss2 separators', header('20231216T172512Z', 'Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request, Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f, AdditionalHeaders=abc;zabc')],
    ['§4.6 #3', header('20231217T034736Z', 'Credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request,Signature=b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea', ['x-oss-security-token: token'])],
    ['§5.3 #1', presigned('20231217T025437Z', 'a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe')],
    ['§5.3 #2', presigned('20231217T033009Z', '6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7', '&x-oss-additional-headers=abc%3Bzabc')],
  ])('%s', (_name, text) => {
    const report = diagnose([{ name: 'vector', bytes: Buffer.from(text) }], { command: 'verify', secret: 'sk' });
    expect(report.results.map((r) => [r.signatureVersion, r.verdict, r.signature.verified, r.causes.map((c) => c.id)])).toEqual([[text.includes('x-oss-signature=') ? 'v4-query' : 'v4-header', 'ok', true, []]]);
  });
});
