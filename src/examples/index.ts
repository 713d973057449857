/**
 * Bundled examples for `sigdoctor example`: one per documented cause, taken
 * from the fixtures (embedded by esbuild's text loader), so a new user sees a
 * real diagnosis without a failure of their own.
 */
import cdnHeadReq from '../../fixtures/cdn-head-to-get/seed-002-head-through-cdn/request.txt';
import cdnHeadResp from '../../fixtures/cdn-head-to-get/seed-002-head-through-cdn/response.xml';
import rangeReq from '../../fixtures/cdn-range-behavior-header/seed-002-cdn-back-to-origin/request.txt';
import rangeResp from '../../fixtures/cdn-range-behavior-header/seed-002-cdn-back-to-origin/response.xml';
import cnameReq from '../../fixtures/cname-not-enabled/seed-002-custom-domain-path-style/request.txt';
import cnameResp from '../../fixtures/cname-not-enabled/seed-002-custom-domain-path-style/response.xml';
import ctUrl from '../../fixtures/content-type-mismatch/seed-002-mini-program-adds-json/url.txt';
import ctResp from '../../fixtures/content-type-mismatch/seed-002-mini-program-adds-json/response.xml';
import proxyReq from '../../fixtures/proxy-modified-headers/gateway-adds-trace-header/request.txt';
import proxyResp from '../../fixtures/proxy-modified-headers/gateway-adds-trace-header/response.xml';
import secretCapture from '../../fixtures/secret-mismatch/curl-v-get-strings-identical/capture.txt';
import plusUrl from '../../fixtures/unencoded-plus-in-signature/signature-provided-shows-space/url.txt';
import plusResp from '../../fixtures/unencoded-plus-in-signature/signature-provided-shows-space/response.xml';
import methodReq from '../../fixtures/wrong-signature-method/seed-000-header-where-url-required/request.txt';
import methodResp from '../../fixtures/wrong-signature-method/seed-000-header-where-url-required/response.txt';
import v4SeedReq from '../../fixtures/malformed-v4-authorization/seed-001-unknown-key/request.txt';
import v4CdnReq from '../../fixtures/cdn-head-to-get/v4-header-head-through-cdn/request.txt';
import v4CdnResp from '../../fixtures/cdn-head-to-get/v4-header-head-through-cdn/response.xml';

export interface Example {
  name: string;
  /** The cause it demonstrates. */
  cause: string;
  title: string;
  /** What happened, in the user's words. */
  story: string;
  inputs: Array<{ name: string; text: string }>;
  bucket?: string;
}

export const EXAMPLES: readonly Example[] = [
  {
    name: 'mini-program-content-type',
    cause: 'content-type-mismatch',
    title: 'a signed PUT URL works in the browser but fails from a WeChat mini program',
    story: 'The URL was signed without a Content-Type; the mini program\'s request adds one, and OSS signs what it receives.',
    inputs: [{ name: 'url.txt', text: ctUrl }, { name: 'response.xml', text: ctResp }],
  },
  {
    name: 'gateway-adds-header',
    cause: 'proxy-modified-headers',
    title: 'a tracing gateway adds an x-oss-* header after signing',
    story: 'A PUT goes through an internal gateway that stamps x-oss-meta-trace-id on every request.',
    inputs: [{ name: 'request.txt', text: proxyReq }, { name: 'response.xml', text: proxyResp }],
  },
  {
    name: 'cdn-range-behavior',
    cause: 'cdn-range-behavior-header',
    title: 'a ranged GET through Alibaba Cloud CDN fails at the origin',
    story: 'The CDN adds x-oss-range-behavior: standard when it fetches from OSS.',
    inputs: [{ name: 'request.txt', text: rangeReq }, { name: 'response.xml', text: rangeResp }],
  },
  {
    name: 'cdn-head-to-get',
    cause: 'cdn-head-to-get',
    title: 'a HEAD request through a CDN domain fails (seed 002)',
    story: 'The CDN turns HEAD into GET on its way back to OSS.',
    inputs: [{ name: 'request.txt', text: cdnHeadReq }, { name: 'response.xml', text: cdnHeadResp }],
  },
  {
    name: 'unencoded-plus',
    cause: 'unencoded-plus-in-signature',
    title: 'a signed URL works sometimes and fails sometimes',
    story: 'The signature was pasted into the URL without percent-encoding; whenever it contains "+", OSS reads a space.',
    inputs: [{ name: 'url.txt', text: plusUrl }, { name: 'response.xml', text: plusResp }],
  },
  {
    name: 'hls-sign-in-header',
    cause: 'wrong-signature-method',
    title: 'x-oss-process=hls/sign is signed in the Authorization header (seed 000)',
    story: 'The HLS playlist signing operation only accepts a signed URL.',
    inputs: [{ name: 'request.txt', text: methodReq }, { name: 'response.txt', text: methodResp }],
  },
  {
    name: 'v4-unknown-key',
    cause: 'malformed-v4-authorization',
    title: 'a V4 Authorization header with an unknown key (seed 001)',
    story: 'OSS answers EC 0002-00000204; the header itself shows what is wrong, no response needed.',
    inputs: [{ name: 'request.txt', text: v4SeedReq }],
  },
  {
    name: 'v4-cdn-head-to-get',
    cause: 'cdn-head-to-get',
    title: 'V4: OSS sent only its StringToSign, and the hash proves the CDN turned HEAD into GET',
    story: 'The last line of a V4 StringToSign is the SHA-256 of OSS\'s canonical request; one candidate change reproduces it exactly.',
    inputs: [{ name: 'request.txt', text: v4CdnReq }, { name: 'response.xml', text: v4CdnResp }],
    bucket: 'examplebucket',
  },
  {
    name: 'custom-domain-without-cname',
    cause: 'cname-not-enabled',
    title: 'a custom domain is used with an SDK that is not in CNAME mode',
    story: 'static.example.com is bound to the bucket, but the SDK addresses it like a regional endpoint (path-style).',
    inputs: [{ name: 'request.txt', text: cnameReq }, { name: 'response.xml', text: cnameResp }],
  },
  {
    name: 'wrong-secret',
    cause: 'secret-mismatch',
    title: 'curl -v output where every byte of the string to sign matches',
    story: 'A real `curl -v … 2>&1` capture; the request is fine except for the secret it was signed with.',
    inputs: [{ name: 'curl-v.txt', text: secretCapture }],
  },
];

export function findExample(name: string): Example | undefined {
  return EXAMPLES.find((e) => e.name === name || e.cause === name);
}
