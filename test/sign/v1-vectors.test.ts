/**
 * SIGNING.md §2.7 and §3.4 V1 vectors (AccessKeyId `ak`, secret `sk`), from
 * go-v2 signer_test.go TestV1AuthHeader/TestV1AuthQuery, py-v2 test_v1.py and
 * java-v2 SignerV1Test. Each request is built as it would be sent on the wire
 * and run through the same path the CLI uses.
 */
import { describe, expect, it } from 'vitest';
import type { HeaderField } from '../../src/model/http.js';
import { resolveAddressing } from '../../src/request/addressing.js';
import { resolveRequest } from '../../src/request/resolve-request.js';
import { signV1 } from '../../src/sign/v1.js';
import { computeV1 } from '../../src/sign/v1-request.js';
import { diagnose } from '../../src/index.js';

const DATE = 'Wed, 28 Dec 2022 10:27:41 GMT';

function v1(method: string, host: string, target: string, headers: HeaderField[], mode: 'header' | 'query' = 'header') {
  const req = resolveRequest({ method, target, headers: [{ name: 'Host', value: host }, ...headers] });
  const addressing = resolveAddressing(req.host, req.target.rawPath);
  return computeV1(req, addressing, mode);
}

const putHeaders: HeaderField[] = [
  { name: 'Content-MD5', value: 'eB5eJF1ptWaXm4bijSPyxw==' },
  { name: 'Content-Type', value: 'text/html' },
  { name: 'x-oss-meta-author', value: 'alice' },
  { name: 'x-oss-meta-magic', value: 'abracadabra' },
  { name: 'x-oss-date', value: DATE },
];

describe('V1 header vectors (SIGNING.md §2.7)', () => {
  it.each([
    {
      name: '1: PUT object with md5, type, meta, x-oss-date',
      method: 'PUT', target: '/nelson', headers: putHeaders,
      sts: `PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\n${DATE}\nx-oss-date:${DATE}\nx-oss-meta-author:alice\nx-oss-meta-magic:abracadabra\n/examplebucket/nelson`,
      sig: 'kSHKmLxlyEAKtZPkJhG9bZb5k7M=',
    },
    {
      name: '2: same with ?acl',
      method: 'PUT', target: '/nelson?acl', headers: putHeaders,
      sts: `PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\n${DATE}\nx-oss-date:${DATE}\nx-oss-meta-author:alice\nx-oss-meta-magic:abracadabra\n/examplebucket/nelson?acl`,
      sig: '/afkugFbmWDQ967j1vr6zygBLQk=',
    },
    {
      name: '3: bucket-level GET, non-sub-resource dropped',
      method: 'GET', target: '/?resourceGroup&non-resousce=null', headers: [{ name: 'x-oss-date', value: DATE }],
      sts: `GET\n\n\n${DATE}\nx-oss-date:${DATE}\n/examplebucket/?resourceGroup`,
      sig: 'vkQmfuUDyi1uDi3bKt67oemssIs=',
    },
    {
      name: '4: bucket-level GET, sub-resources sorted',
      method: 'GET', target: '/?resourceGroup&acl', headers: [{ name: 'x-oss-date', value: DATE }],
      sts: `GET\n\n\n${DATE}\nx-oss-date:${DATE}\n/examplebucket/?acl&resourceGroup`,
      sig: 'x3E5TgOvl/i7PN618s5mEvpJDYk=',
    },
  ])('$name', ({ method, target, headers, sts, sig }) => {
    const c = v1(method, 'examplebucket.oss-cn-hangzhou.aliyuncs.com', target, headers);
    expect(c.stringToSign).toBe(sts);
    expect(signV1('sk', c.stringToSign)).toBe(sig);
  });
});

describe('V1 URL vectors (SIGNING.md §3.4)', () => {
  it.each([
    {
      name: '1: GET with versionId',
      target: '/key?versionId=versionId&OSSAccessKeyId=ak&Expires=1699807420&Signature=x',
      sts: 'GET\n\n\n1699807420\n/bucket/key?versionId=versionId',
      sig: 'dcLTea+Yh9ApirQ8o8dOPqtvJXQ=',
    },
    {
      name: '2: STS token and key+123 sent as %2B',
      target: '/key%2B123?versionId=versionId&security-token=token&OSSAccessKeyId=ak&Expires=1699808204&Signature=x',
      sts: 'GET\n\n\n1699808204\n/bucket/key+123?security-token=token&versionId=versionId',
      sig: 'jzKYRrM5y6Br0dRFPaTGOsbrDhY=',
    },
    {
      name: '3: java-v2 token with reserved characters, signed decoded',
      target: '/key%2B123?versionId=versionId&security-token=attachment%3B%20%2Ffile%2Fname%3D%3Dexample.txt%2B%2B&OSSAccessKeyId=ak&Expires=1699808204&Signature=x',
      sts: 'GET\n\n\n1699808204\n/bucket/key+123?security-token=attachment; /file/name==example.txt++&versionId=versionId',
      sig: 'su58IVk06Q73DHwcMsXft/RTZ98=',
    },
  ])('$name', ({ target, sts, sig }) => {
    const c = v1('GET', 'bucket.oss-cn-hangzhou.aliyuncs.com', target, [], 'query');
    expect(c.stringToSign).toBe(sts);
    expect(signV1('sk', c.stringToSign)).toBe(sig);
  });
});

describe('V1 doc example (DOC-V1H-md)', () => {
  it('signs mixed-case x-oss headers lower-cased and sorted', () => {
    const c = v1('PUT', 'oss-example.oss-cn-hangzhou.aliyuncs.com', '/nelson', [
      { name: 'Content-Md5', value: 'eB5eJF1ptWaXm4bijSPyxw==' },
      { name: 'Content-Type', value: 'text/html' },
      { name: 'Date', value: 'Thu, 17 Nov 2005 18:49:58 GMT' },
      { name: 'X-OSS-Meta-Author', value: 'foo@bar.com' },
      { name: 'X-OSS-Magic', value: 'abracadabra' },
    ]);
    expect(c.stringToSign).toBe(
      'PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\nThu, 17 Nov 2005 18:49:58 GMT\nx-oss-magic:abracadabra\nx-oss-meta-author:foo@bar.com\n/oss-example/nelson',
    );
  });
});

describe('verify accepts every SIGNING.md V1 vector as a wire request (ak/sk)', () => {
  const date = `x-oss-date: ${DATE}`;
  const put = ['Content-MD5: eB5eJF1ptWaXm4bijSPyxw==', 'Content-Type: text/html', 'x-oss-meta-author: alice', 'x-oss-meta-magic: abracadabra', date];
  const wire = (line: string, host: string, headers: string[], auth?: string): string =>
    [line, `Host: ${host}`, ...headers, ...(auth ? [`Authorization: OSS ak:${auth}`] : []), '', ''].join('\r\n');
  it.each([
    ['§2.7 #1', wire('PUT /nelson HTTP/1.1', 'examplebucket.oss-cn-hangzhou.aliyuncs.com', put, 'kSHKmLxlyEAKtZPkJhG9bZb5k7M=')],
    ['§2.7 #2', wire('PUT /nelson?acl HTTP/1.1', 'examplebucket.oss-cn-hangzhou.aliyuncs.com', put, '/afkugFbmWDQ967j1vr6zygBLQk=')],
    ['§2.7 #3', wire('GET /?resourceGroup&non-resousce=null HTTP/1.1', 'examplebucket.oss-cn-hangzhou.aliyuncs.com', [date], 'vkQmfuUDyi1uDi3bKt67oemssIs=')],
    ['§2.7 #4', wire('GET /?resourceGroup&acl HTTP/1.1', 'examplebucket.oss-cn-hangzhou.aliyuncs.com', [date], 'x3E5TgOvl/i7PN618s5mEvpJDYk=')],
    ['§3.4 #1', 'https://bucket.oss-cn-hangzhou.aliyuncs.com/key?versionId=versionId&OSSAccessKeyId=ak&Expires=1699807420&Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D'],
    ['§3.4 #2', 'https://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?versionId=versionId&security-token=token&OSSAccessKeyId=ak&Expires=1699808204&Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D'],
    ['§3.4 #3', 'https://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?versionId=versionId&security-token=attachment%3B%20%2Ffile%2Fname%3D%3Dexample.txt%2B%2B&OSSAccessKeyId=ak&Expires=1699808204&Signature=su58IVk06Q73DHwcMsXft%2FRTZ98%3D'],
  ])('%s', (_name, text) => {
    const report = diagnose([{ name: 'vector', bytes: Buffer.from(text) }], { command: 'verify', secret: 'sk' });
    expect(report.results.map((r) => [r.verdict, r.signature.verified, r.causes.map((c) => c.id)])).toEqual([['ok', true, []]]);
  });

  it('and rejects a vector signed with another secret', () => {
    const report = diagnose([{ name: 'vector', bytes: Buffer.from(wire('PUT /nelson HTTP/1.1', 'examplebucket.oss-cn-hangzhou.aliyuncs.com', put, 'kSHKmLxlyEAKtZPkJhG9bZb5k7M=')) }], { command: 'verify', secret: 'not-sk' });
    expect(report.results[0]!.signature.verified).toBe(false);
    expect(report.results[0]!.verdict).toBe('problem');
  });
});
