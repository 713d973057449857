import { describe, expect, it } from 'vitest';
import { parseQuery, percentDecode, splitTarget } from '../../src/request/url-parts.js';

describe('splitTarget keeps the bytes as sent', () => {
  it.each([
    ['/key%2B1?acl', { rawPath: '/key%2B1', rawQuery: 'acl' }],
    ['/', { rawPath: '/', rawQuery: '' }],
    ['/a/../b?x=1&y', { rawPath: '/a/../b', rawQuery: 'x=1&y' }],
    ['https://b.oss-cn-hangzhou.aliyuncs.com/k%20x?Signature=a%2Bb', { scheme: 'https', authority: 'b.oss-cn-hangzhou.aliyuncs.com', rawPath: '/k%20x', rawQuery: 'Signature=a%2Bb' }],
    ['http://user@host:8080?q', { scheme: 'http', authority: 'host:8080', rawPath: '/', rawQuery: 'q' }],
    ['/k#frag', { rawPath: '/k', rawQuery: '', fragment: 'frag' }],
  ])('%s', (target, parts) => {
    expect(splitTarget(target)).toEqual(parts);
  });
});

describe('percentDecode', () => {
  it.each([
    ['a%20b', 'a b'],
    ['a+b', 'a+b'], // a path "+" is a plus, not a space (SIGNING.md §10.7)
    ['%E4%B8%AD%E6%96%87', '中文'],
    ['%e4%b8%ad', '中'],
    ['100%', '100%'],
    ['%zz%4', '%zz%4'],
    ['%252B', '%2B'], // one level only
    ['中文', '中文'],
  ])('%s → %s', (input, out) => {
    expect(percentDecode(input)).toBe(out);
  });
});

describe('parseQuery', () => {
  it('keeps order, repeats, raw and decoded forms, and tells `k` from `k=`', () => {
    expect(parseQuery('acl&uploadId=a%2Bb&x=&acl=2&&response-content-disposition=attachment%3B%20filename%3D%22a.txt%22')).toEqual([
      { rawName: 'acl', rawValue: null, name: 'acl', value: null },
      { rawName: 'uploadId', rawValue: 'a%2Bb', name: 'uploadId', value: 'a+b' },
      { rawName: 'x', rawValue: '', name: 'x', value: '' },
      { rawName: 'acl', rawValue: '2', name: 'acl', value: '2' },
      { rawName: 'response-content-disposition', rawValue: 'attachment%3B%20filename%3D%22a.txt%22', name: 'response-content-disposition', value: 'attachment; filename="a.txt"' },
    ]);
  });
});
