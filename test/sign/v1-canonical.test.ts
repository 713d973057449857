/** The building blocks of the V1 string to sign, rule by rule (SIGNING.md §2.3–2.5, §3.2). */
import { describe, expect, it } from 'vitest';
import { resolveAddressing } from '../../src/request/addressing.js';
import { resolveRequest } from '../../src/request/resolve-request.js';
import { parseQuery } from '../../src/request/url-parts.js';
import { buildV1Resource, canonicalizeV1Headers, selectV1Subresources } from '../../src/sign/v1.js';
import { computeV1 } from '../../src/sign/v1-request.js';

describe('canonicalizeV1Headers (§2.3)', () => {
  it('keeps x-oss-* only, lower-cases, trims, joins repeats with ",", sorts by bytes, keeps empty values', () => {
    expect(canonicalizeV1Headers([
      { name: 'X-OSS-Meta-B', value: '  two  ' },
      { name: 'Content-Type', value: 'text/plain' },
      { name: 'x-oss-meta-a', value: '1' },
      { name: 'X-Oss-Meta-A', value: ' 2' },
      { name: 'x-oss-meta-Z', value: '' },
      { name: 'x-oss-meta-_', value: 'u' },
      { name: 'Host', value: 'h' },
    ])).toEqual([
      { name: 'x-oss-meta-_', value: 'u' },
      { name: 'x-oss-meta-a', value: '1,2' },
      { name: 'x-oss-meta-b', value: 'two' },
      { name: 'x-oss-meta-z', value: '' },
    ]);
  });
});

describe('selectV1Subresources (§2.4–2.5)', () => {
  it.each([
    ['acl&prefix=a&max-keys=10', 'acl'],
    ['uploads&uploadId=x', 'uploadId=x&uploads'], // byte order: "I" (0x49) < "s"
    ['acl=&tagging', 'acl&tagging'], // empty value → key alone
    ['versionId=1&versionId=2', 'versionId=1'], // the first value wins
    ['response-content-disposition=attachment%3B%20filename%3D%22a%2Bb.txt%22', 'response-content-disposition=attachment; filename="a+b.txt"'],
    ['x-oss-process=image%2Fresize%2Cw_100&x-oss-anything=1', 'x-oss-anything=1&x-oss-process=image/resize,w_100'],
    ['OSSAccessKeyId=ak&Expires=1&Signature=s&security-token=t%2B', 'security-token=t+'],
    ['continuation-token=abc&list-type=2', 'continuation-token=abc'],
  ])('%s → ?%s', (query, expected) => {
    expect(buildV1Resource('b', 'k', selectV1Subresources(parseQuery(query)))).toBe(`/b/k?${expected}`);
  });

  it('renders bucket-level and service-level resources', () => {
    expect(buildV1Resource('b', '', [{ name: 'acl', value: null }])).toBe('/b/?acl');
    expect(buildV1Resource(null, '', [])).toBe('/');
  });
});

describe('the date line (§2.2, §3.2)', () => {
  const compute = (headers: Array<[string, string]>, target = '/k') => {
    const all: Array<[string, string]> = [['Host', 'b.oss-cn-hangzhou.aliyuncs.com'], ...headers];
    const req = resolveRequest({ method: 'GET', target, headers: all.map(([name, value]) => ({ name, value })) });
    return computeV1(req, resolveAddressing(req.host, req.target.rawPath), req.auth.kind === 'v1-query' ? 'query' : 'header');
  };

  it('x-oss-date wins over Date and also appears among the headers', () => {
    const c = compute([['Date', 'Sun, 22 Nov 2026 14:00:00 GMT'], ['x-oss-date', 'Sun, 22 Nov 2026 14:02:21 GMT']]);
    expect(c.stringToSign).toBe('GET\n\n\nSun, 22 Nov 2026 14:02:21 GMT\nx-oss-date:Sun, 22 Nov 2026 14:02:21 GMT\n/b/k');
    expect(c.dateSource).toBe('x-oss-date');
  });

  it('an empty x-oss-date falls back to Date (java-v2 getDateFromHeaders)', () => {
    const c = compute([['Date', 'Sun, 22 Nov 2026 14:00:00 GMT'], ['x-oss-date', '']]);
    expect(c.stringToSign).toBe('GET\n\n\nSun, 22 Nov 2026 14:00:00 GMT\nx-oss-date:\n/b/k');
    expect(c.dateSource).toBe('Date');
  });

  it('a signed URL signs Expires, not Date', () => {
    const c = compute([['Date', 'Sun, 22 Nov 2026 14:00:00 GMT']], '/k?OSSAccessKeyId=ak&Expires=1767225600&Signature=x');
    expect(c.stringToSign).toBe('GET\n\n\n1767225600\n/b/k');
    expect(c.dateSource).toBe('Expires');
  });
});
