/**
 * All wording about causes in one place (STYLE.md: facts in the rule, words
 * beside it). Each entry: a title, the default fix, and the documentation page
 * it rests on. Rules may give a more specific fix built from their facts.
 */
import type { CauseId } from './cause-ids.js';

export type Severity = 'error' | 'info';

export interface CauseEntry {
  title: string;
  severity: Severity;
  fix: string;
  /** The Alibaba Cloud page (or SDK source) the cause comes from. */
  docs: string;
}

// Documentation pages (SIGNING.md §0).
const EC = (code: string): string => `https://www.alibabacloud.com/help/en/oss/support/${code}`;
const DOC_V1H = 'https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header';
const DOC_V1U = 'https://www.alibabacloud.com/help/en/oss/developer-reference/add-signatures-to-urls';
const DOC_SIGFAQ = 'https://www.alibabacloud.com/help/en/oss/developer-reference/faq-24';
const DOC_V4H = 'https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4';
const DOC_V4U = 'https://www.alibabacloud.com/help/ja/oss/developer-reference/add-signatures-to-urls';
const DOC_S3 = 'https://www.alibabacloud.com/help/en/oss/developer-reference/compatibility-with-amazon-s3';

export const CATALOGUE: Record<CauseId, CauseEntry> = {
  'content-type-mismatch': {
    title: 'The Content-Type that was signed is not the one OSS received',
    severity: 'error',
    fix: 'Sign exactly the Content-Type the runtime sends, or set it explicitly on both sides (an absent header and an empty one are different).',
    docs: EC('0002-00000040'),
  },
  'proxy-modified-headers': {
    title: 'An x-oss-* header was added, removed or changed between signing and OSS',
    severity: 'error',
    fix: 'Find the proxy, gateway or SDK middleware that changes the header; sign it, or stop it from being added.',
    docs: EC('0002-00000040'),
  },
  'cdn-range-behavior-header': {
    title: 'A CDN added x-oss-range-behavior on the way to OSS',
    severity: 'error',
    fix: 'Add the header `x-oss-range-behavior: standard` to the request before signing it, so the signature covers what the CDN sends.',
    docs: EC('0002-00000040'),
  },
  'cdn-head-to-get': {
    title: 'A CDN turned the HEAD request into GET',
    severity: 'error',
    fix: 'Send HEAD requests to the bucket\'s default OSS domain, or configure the CDN back-to-origin header `Ali-Swift-Fwd-Head: on` (it applies to every HEAD request on that domain).',
    docs: EC('0002-00000040'),
  },
  'unencoded-plus-in-signature': {
    title: 'The signed URL\'s Signature has a raw "+" that OSS reads as a space',
    severity: 'error',
    fix: 'URL-encode the signature (`+` → `%2B`, `/` → `%2F`, `=` → `%3D`) with a real encoder, not string concatenation.',
    docs: EC('0002-00000040'),
  },
  'wrong-signature-method': {
    title: 'This operation needs the signature in the other place (URL vs Authorization header)',
    severity: 'error',
    fix: 'Move the signature to where the operation requires it: a signed URL (OSSAccessKeyId/Expires/Signature) for e.g. `x-oss-process=hls/sign`, the Authorization header otherwise.',
    docs: EC('0002-00000038'),
  },
  'malformed-v4-authorization': {
    title: 'The V4 Authorization header or presigned URL is malformed',
    severity: 'error',
    fix: 'Use exactly `OSS4-HMAC-SHA256 Credential=<id>/<yyyymmdd>/<region>/oss/aliyun_v4_request,AdditionalHeaders=<a;b>,Signature=<64 hex>` (AdditionalHeaders optional, no other keys).',
    docs: EC('0002-00000204'),
  },
  'cname-not-enabled': {
    title: 'A custom domain is used without CNAME mode, so the bucket in the signature is wrong',
    severity: 'error',
    fix: 'Enable CNAME mode in the SDK (`cname: true` in ali-oss, `isCname`/`$isCNAME = true` in PHP, `setSupportCname(true)` in Java, `oss.UseCname(true)` in Go) with the full custom domain as endpoint, or use the bucket\'s default OSS domain.',
    docs: EC('0002-00000040'),
  },
  'secret-mismatch': {
    title: 'Same string to sign, different signature: the AccessKey secret differs',
    severity: 'error',
    fix: 'Check the AccessKey pair: stray whitespace or a trailing newline in the secret, the secret of another AccessKeyId, or an expired/rotated STS pair (use id, secret and token from the same AssumeRole response).',
    docs: EC('0002-00000040'),
  },
  'method-mismatch': {
    title: 'The request was signed for another HTTP method',
    severity: 'error',
    fix: 'Sign with the method that is actually sent (a URL signed for GET cannot be used for PUT).',
    docs: DOC_SIGFAQ,
  },
  'content-md5-mismatch': {
    title: 'The Content-MD5 that was signed is not the one OSS received',
    severity: 'error',
    fix: 'Sign the Content-MD5 that is sent, or send the one signed. It is base64 of the 16 raw MD5 bytes, not of the hex digest.',
    docs: DOC_V1H,
  },
  'date-mismatch': {
    title: 'The date line differs (Date, x-oss-date or Expires)',
    severity: 'error',
    fix: 'Sign the date header that is sent. When x-oss-date is present OSS uses it instead of Date; browsers cannot set Date, so use x-oss-date there.',
    docs: DOC_V1H,
  },
  'resource-mismatch': {
    title: 'The canonical resource differs (bucket or path)',
    severity: 'error',
    fix: 'Sign `/bucket/key` with the bucket OSS resolves and the key as sent; path-style and virtual-hosted requests sign the same resource.',
    docs: DOC_V1H,
  },
  'key-encoding-mismatch': {
    title: 'The object key was signed in a different encoding than OSS decoded',
    severity: 'error',
    fix: 'V1 signs the decoded key as raw UTF-8 (`/bucket/a b+c.txt`), while the URL path carries it percent-encoded (`/a%20b%2Bc.txt`). Sign the decoded key and encode only the URL.',
    docs: DOC_V1H,
  },
  'subresource-mismatch': {
    title: 'The signed sub-resources differ from OSS\'s',
    severity: 'error',
    fix: 'Sign exactly the sub-resources OSS signs (acl, uploadId, partNumber, response-content-*, x-oss-process, security-token, …) with decoded values, sorted; leave ordinary query parameters (prefix, max-keys, …) out.',
    docs: DOC_V1H,
  },
  'security-token-not-signed': {
    title: 'The STS security token is carried but not signed',
    severity: 'error',
    fix: 'Send the token as the `x-oss-security-token` header (signed among the x-oss-* headers) or, in a signed URL, as `security-token` (signed as a sub-resource).',
    docs: DOC_V1H,
  },
  'header-value-encoding': {
    title: 'A signed header value is not ASCII and was altered in transit',
    severity: 'error',
    fix: 'Percent-encode (or otherwise ASCII-encode) non-ASCII x-oss-meta-* values before signing and sending them.',
    docs: DOC_V1H,
  },
  'header-whitespace': {
    title: 'A signed header value differs only in white space',
    severity: 'error',
    fix: 'Trim header values before signing, as OSS does, and do not rely on inner runs of spaces surviving.',
    docs: DOC_V1H,
  },
  'request-expired': {
    title: 'The request or signed URL had expired when OSS received it',
    severity: 'error',
    fix: 'Re-sign with a later expiry. V1 Expires is an absolute Unix time in seconds (not milliseconds); V4 x-oss-expires is a duration in seconds.',
    docs: EC('0002-00000069'),
  },
  'clock-skew': {
    title: 'The request time is more than 15 minutes from OSS\'s clock',
    severity: 'error',
    fix: 'Sync the client clock (NTP), or sign with the server\'s time (SDKs correct it from the response Date).',
    docs: EC('0002-00000504'),
  },
  'v4-scope-mismatch': {
    title: 'The V4 credential scope is wrong or differs from OSS\'s',
    severity: 'error',
    fix: 'Use the bare region id (`cn-hangzhou`, not `oss-cn-hangzhou`), product `oss`, and the date of x-oss-date.',
    docs: EC('0002-00000226'),
  },
  'v4-additional-headers-mismatch': {
    title: 'A V4 additional header is missing or changed in transit',
    severity: 'error',
    fix: 'List in AdditionalHeaders only headers that reach OSS unchanged; never hop-by-hop headers.',
    docs: EC('0002-00000211'),
  },
  'signature-version-mismatch': {
    title: 'The request uses another signature scheme than the endpoint expects',
    severity: 'error',
    fix: 'Use the OSS signing the endpoint expects, or the S3-compatible settings (endpoint s3.oss-<region>.aliyuncs.com, virtual-hosted style).',
    docs: DOC_S3,
  },
  'html-escaped-url': {
    title: 'The signed URL was damaged by copying (HTML/JSON escaping or truncation)',
    severity: 'error',
    fix: 'Use the raw URL exactly as the signer produced it; copy it from the program, not from HTML, JSON or a log viewer.',
    docs: DOC_V1U,
  },
  'sanitized-har': {
    title: 'The HAR export removed the Authorization header',
    severity: 'info',
    fix: 'In DevTools enable "Allow to generate HAR with sensitive data" and export again, or capture with `curl -v`.',
    docs: 'https://developer.chrome.com/docs/devtools/network/reference',
  },
  'server-string-redacted': {
    title: 'OSS\'s StringToSign text and StringToSignBytes disagree; the bytes are used',
    severity: 'info',
    fix: 'Nothing to fix: StringToSignBytes is the byte-exact string OSS signed; the text was redacted or re-encoded on the way to you.',
    docs: DOC_SIGFAQ,
  },
  'unexplained-difference': {
    title: 'Something differs, or OSS refused the request, and no known cause explains it',
    severity: 'error',
    fix: 'Compare the labelled lines below; send a fuller capture (`curl -v … 2>&1`, or the request plus the whole error XML) so the difference can be traced.',
    docs: DOC_SIGFAQ,
  },
  'insufficient-input': {
    title: 'The input lacks what a verdict needs',
    severity: 'error',
    fix: 'Give both the request as sent and OSS\'s whole error response.',
    docs: DOC_SIGFAQ,
  },
};

/** Cause docs link for the V4 scheme description (used by later rules). */
export const DOCS = { DOC_V1H, DOC_V1U, DOC_V4H, DOC_V4U, DOC_SIGFAQ, DOC_S3, EC };
