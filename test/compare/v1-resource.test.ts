/**
 * Reading a V1 CanonicalizedResource back into bucket, key and sub-resources
 * when the key itself holds `?` (V1 signs it raw). Regressions from the
 * round-trip tests (test/roundtrip/mutations.test.ts): OSS's resource, whose key
 * differs from the client's (the hint), was split at the key's first `?`, so a
 * "+ read as a space" was reported as a resource difference with a wrong key.
 */
import { describe, expect, it } from 'vitest';
import { parseV1Resource } from '../../src/compare/v1-resource.js';

describe('parseV1Resource', () => {
  it.each([
    ['the hint matches: split right after the hinted key', '/b/a?x?acl', { bucket: 'b', key: 'a?x' }, { key: 'a?x', subresources: [{ name: 'acl', value: null }] }],
    ['OSS\'s key differs from the hint: the `?` followed only by sub-resources', '/b/a y?x?acl&uploadId=1', { bucket: 'b', key: 'a+y?x' }, { key: 'a y?x', subresources: [{ name: 'acl', value: null }, { name: 'uploadId', value: '1' }] }],
    ['OSS\'s key differs, no sub-resources: the key keeps all its `?`', '/qoz/*?ßY 1b/?Å', { bucket: 'qoz', key: '*?ßY+1b/?Å' }, { key: '*?ßY 1b/?Å', subresources: [] }],
    ['an unknown sub-resource: the `?` after as many as the hinted key holds', '/b/a y?k?weirdThing', { bucket: 'b', key: 'a+y?k' }, { key: 'a y?k', subresources: [{ name: 'weirdThing', value: null }] }],
    ['no hint: the first `?` followed only by sub-resources', '/b/x?y?acl', undefined, { key: 'x?y', subresources: [{ name: 'acl', value: null }] }],
    ['no hint, nothing known after any `?`: the first one', '/b/k?weirdThing', undefined, { key: 'k', subresources: [{ name: 'weirdThing', value: null }] }],
    ['no `?` at all', '/b/k', undefined, { key: 'k', subresources: [] }],
  ])('%s', (_name, resource, hint, expected) => {
    const r = parseV1Resource(resource, hint);
    expect({ bucket: r.bucket, key: r.key, subresources: r.subresources }).toEqual({ bucket: resource.split('/')[1], ...expected });
  });
});
