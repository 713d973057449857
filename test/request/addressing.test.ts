import { describe, expect, it } from 'vitest';
import { parseOssHost, resolveAddressing } from '../../src/request/addressing.js';

describe('parseOssHost', () => {
  it.each([
    ['examplebucket.oss-cn-hangzhou.aliyuncs.com', { bucketLabel: 'examplebucket', region: 'cn-hangzhou' }],
    ['oss-example.oss-cn-hangzhou.aliyuncs.com', { bucketLabel: 'oss-example', region: 'cn-hangzhou' }], // a bucket may start with "oss-"
    ['oss-cn-hangzhou.aliyuncs.com', { bucketLabel: null, region: 'cn-hangzhou' }],
    ['b.oss-cn-beijing-internal.aliyuncs.com', { bucketLabel: 'b', region: 'cn-beijing' }],
    ['b.oss-accelerate.aliyuncs.com', { bucketLabel: 'b' }],
    ['b.s3.oss-cn-hangzhou.aliyuncs.com', { bucketLabel: 'b', region: 'cn-hangzhou' }],
    ['s3.oss-cn-hangzhou.aliyuncs.com', { bucketLabel: null, region: 'cn-hangzhou' }],
    ['b.cb-123.cn-hangzhou.oss-cloudbox.aliyuncs.com', { bucketLabel: 'b', region: 'cn-hangzhou' }],
    ['ecs.aliyuncs.com', null],
    ['static.example.com', null],
  ])('%s', (host, out) => {
    expect(parseOssHost(host)).toEqual(out);
  });
});

describe('resolveAddressing', () => {
  it.each([
    ['virtual-hosted', 'b.oss-cn-hangzhou.aliyuncs.com', '/dir/a%20b%2Bc.txt', {}, { style: 'virtual-hosted', bucket: 'b', key: 'dir/a b+c.txt' }],
    ['bucket-level', 'b.oss-cn-hangzhou.aliyuncs.com', '/', {}, { style: 'virtual-hosted', bucket: 'b', key: '' }],
    ['path-style', 'oss-cn-hangzhou.aliyuncs.com', '/b/dir/k', {}, { style: 'path-style', bucket: 'b', key: 'dir/k' }],
    ['path-style bucket-level', 'oss-cn-hangzhou.aliyuncs.com', '/b', {}, { style: 'path-style', bucket: 'b', key: '' }],
    ['service-level', 'oss-cn-hangzhou.aliyuncs.com', '/', {}, { style: 'path-style', bucket: null, key: '' }],
    ['IP endpoint', '127.0.0.1', '/b/k', {}, { style: 'path-style', bucket: 'b', key: 'k' }],
    ['custom domain + --bucket', 'static.example.com', '/k.jpg', { bucket: 'b' }, { style: 'custom-domain', bucket: 'b', key: 'k.jpg' }],
    ['custom domain, bucket from OSS', 'static.example.com', '/k.jpg', { serverBucket: 'b' }, { style: 'custom-domain', bucket: 'b', key: 'k.jpg' }],
    ['custom domain, bucket unknown', 'static.example.com', '/k.jpg', {}, { style: 'custom-domain', bucket: null, key: 'k.jpg' }],
    ['--cname on an OSS host', 'b.oss-cn-hangzhou.aliyuncs.com', '/k', { cname: true, bucket: 'other' }, { style: 'custom-domain', bucket: 'other', key: 'k' }],
    ['no Host: path-style', null, '/bucket/abc', {}, { style: 'no-host', bucket: 'bucket', key: 'abc' }],
    ['no Host: OSS shows bucket + whole path', null, '/abc', { serverBucket: 'b', serverResourcePath: '/b/abc' }, { style: 'no-host', bucket: 'b', key: 'abc' }],
  ])('%s', (_name, host, path, hints, out) => {
    expect(resolveAddressing(host, path, hints)).toMatchObject(out);
  });
});
