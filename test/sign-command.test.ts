/**
 * `sigdoctor sign` reproduces every SIGNING.md vector (ak/sk, fixed times), and
 * what it signs passes `verify`. Run through the built bundle, as users run it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const env = { OSS_ACCESS_KEY_SECRET: 'sk', OSS_ACCESS_KEY_ID: 'ak' };
const sign = (args: string[], extraEnv: Record<string, string> = {}) => {
  const r = runCli(['sign', '--json', ...args], { env: { ...env, ...extraEnv } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { sign: { authorization: string | null; url: string | null; stringToSign: string } }).sign;
};

const V1_PUT = ['--v1', '--method', 'PUT', '-H', 'Content-MD5: eB5eJF1ptWaXm4bijSPyxw==', '-H', 'Content-Type: text/html', '-H', 'x-oss-meta-author: alice', '-H', 'x-oss-meta-magic: abracadabra', '-H', 'x-oss-date: Wed, 28 Dec 2022 10:27:41 GMT'];
const V4_URL = 'https://bucket.oss-cn-hangzhou.aliyuncs.com/1234%2B-/123/1.txt?%2Bparam1=value3&%2Bparam2=&param1=value1&param2=&%7Cparam1=value4&%7Cparam2=';
const V4_HEADERS = ['-H', 'x-oss-head1: value', '-H', 'abc: value', '-H', 'ZAbc: value', '-H', 'XYZ: value'];

describe('sign reproduces the SIGNING.md vectors', () => {
  it.each([
    ['§2.7 #1', [...V1_PUT, '--url', 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/nelson'], 'OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M='],
    ['§2.7 #2', [...V1_PUT, '--url', 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/nelson?acl'], 'OSS ak:/afkugFbmWDQ967j1vr6zygBLQk='],
    ['§2.7 #3', ['--v1', '-H', 'x-oss-date: Wed, 28 Dec 2022 10:27:41 GMT', '--url', 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?resourceGroup&non-resousce=null'], 'OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs='],
    ['§2.7 #4', ['--v1', '-H', 'x-oss-date: Wed, 28 Dec 2022 10:27:41 GMT', '--url', 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/?resourceGroup&acl'], 'OSS ak:x3E5TgOvl/i7PN618s5mEvpJDYk='],
    ['§4.6 #1', ['--method', 'PUT', '--date', '20231216T162057Z', ...V4_HEADERS, '-H', 'content-type: text/plain', '--url', V4_URL], 'OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe'],
    ['§4.6 #2', ['--method', 'PUT', '--date', '20231216T172512Z', ...V4_HEADERS, '-H', 'content-type: text/plain', '--additional-headers', 'ZAbc;abc', '--url', V4_URL], 'OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f'],
    ['§6.1 CloudBox', ['--method', 'PUT', '--date', '20231216T162057Z', ...V4_HEADERS, '-H', 'content-type: text/plain', '--region', 'cb-123', '--product', 'oss-cloudbox', '--url', V4_URL], 'OSS4-HMAC-SHA256 Credential=ak/20231216/cb-123/oss-cloudbox/aliyun_v4_request,Signature=94ce1f12c17d148ea681030275a94449d3357f5b5b21133996eec80af3e08a43'],
  ])('%s header', (_name, args, authorization) => {
    expect(sign(args).authorization).toBe(authorization);
  });

  it('§4.6 #3 with the STS token from OSS_SECURITY_TOKEN', () => {
    expect(sign(['--method', 'PUT', '--date', '20231217T034736Z', ...V4_HEADERS, '-H', 'content-type: text/plain', '--url', V4_URL], { OSS_SECURITY_TOKEN: 'token' }).authorization)
      .toBe('OSS4-HMAC-SHA256 Credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request,Signature=b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea');
  });

  it.each([
    ['§3.4 #1', ['--expires-at', '1699807420', '--url', 'https://bucket.oss-cn-hangzhou.aliyuncs.com/key?versionId=versionId'], {}, 'Signature=dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D'],
    ['§3.4 #2', ['--expires-at', '1699808204', '--url', 'https://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?versionId=versionId'], { OSS_SECURITY_TOKEN: 'token' }, 'Signature=jzKYRrM5y6Br0dRFPaTGOsbrDhY%3D'],
    ['§3.4 #3', ['--expires-at', '1699808204', '--url', 'https://bucket.oss-cn-hangzhou.aliyuncs.com/key%2B123?versionId=versionId'], { OSS_SECURITY_TOKEN: 'attachment; /file/name==example.txt++' }, 'Signature=su58IVk06Q73DHwcMsXft%2FRTZ98%3D'],
  ])('%s signed URL', (_name, args, extraEnv, signature) => {
    const url = sign(['--v1', '--url-signature', ...args], extraEnv).url!;
    expect(url.slice(url.indexOf('Signature='))).toBe(signature);
  });

  it.each([
    ['§5.3 #1', ['--date', '20231217T025437Z'], 'x-oss-signature=a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe'],
    ['§5.3 #2', ['--date', '20231217T033009Z', '--additional-headers', 'ZAbc;abc'], 'x-oss-signature=6bd984bfe531afb6db1f7550983a741b103a8c58e5e14f83ea474c2322dfa2b7'],
    ['§6.1 CloudBox', ['--date', '20231217T025437Z', '--additional-headers', 'ZAbc;abc', '--region', 'cb-123', '--product', 'oss-cloudbox'], 'x-oss-signature=07284191b9b4978ac3520cd39ee2dea2747eda454089359371ff463a6c7ba20f'],
  ])('%s presigned URL', (_name, args, signature) => {
    const url = sign(['--url-signature', '--expires', '599', '--method', 'PUT', ...V4_HEADERS, '-H', 'content-type: application/octet-stream', ...args, '--url', V4_URL]).url!;
    expect(url.slice(url.indexOf('x-oss-signature='))).toBe(signature);
  });
});

describe('what sign produces, verify accepts', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sigdoctor-sign-'));
  it.each([
    ['V1 header', ['--v1']],
    ['V1 signed URL', ['--v1', '--url-signature']],
    ['V4 header', []],
    ['V4 header with additional headers', ['--additional-headers', 'host']],
    ['V4 presigned URL', ['--url-signature']],
  ])('%s', (name, args) => {
    const r = runCli(['sign', '--method', 'PUT', '-H', 'Content-Type: text/plain', '-H', 'x-oss-meta-a: 1', ...args, '--url', 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/dir/a b+c.txt?acl'.replace(' ', '%20').replace('+', '%2B')], { env });
    expect(r.code).toBe(0);
    // Turn the output into a raw request.
    const lines = r.stdout.split('\n');
    const signedUrl = lines[0]!.includes('signed URL') ? lines[1]! : null;
    const headerLines = signedUrl ? ['Content-Type: text/plain', 'x-oss-meta-a: 1'] : lines.slice(1, lines.indexOf(''));
    const target = signedUrl ?? 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/dir/a%20b%2Bc.txt?acl';
    const file = join(tmp, `${name}.http`);
    writeFileSync(file, [`PUT ${target} HTTP/1.1`, 'Host: examplebucket.oss-cn-hangzhou.aliyuncs.com', ...headerLines.filter((l) => !/^host:/i.test(l)), '', ''].join('\r\n'));
    const v = runCli(['verify', '--json', file], { env });
    expect(v.stderr).toBe('');
    expect((JSON.parse(v.stdout) as { results: Array<{ signature: { verified: boolean } }> }).results[0]!.signature.verified).toBe(true);
    expect(v.code).toBe(0);
  });
});

describe('sign refuses what it cannot do, exit 2', () => {
  it('without a secret', () => {
    expect(runCli(['sign', '--url', 'https://b.oss-cn-hangzhou.aliyuncs.com/k'], { env: { OSS_ACCESS_KEY_ID: 'ak' } })).toEqual({ code: 2, stdout: '', stderr: 'sigdoctor: sign needs the AccessKey secret — set OSS_ACCESS_KEY_SECRET or pass --secret-file FILE (never on the command line)\n' });
  });
  it('V4 on a custom domain without --region', () => {
    const r = runCli(['sign', '--url', 'https://static.example.com/k', '--bucket', 'b'], { env });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'sigdoctor: sign: the region is unknown (a custom domain or no Host): pass --region, e.g. --region cn-hangzhou\n' });
  });
  it('a V4 presigned URL longer than 7 days', () => {
    const r = runCli(['sign', '--url-signature', '--expires', '604801', '--url', 'https://b.oss-cn-hangzhou.aliyuncs.com/k'], { env });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'sigdoctor: --expires 604801: a V4 presigned URL lasts 1…604800 seconds (EC 0002-00000232)\n' });
  });
});
