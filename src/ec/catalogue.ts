/**
 * The OSS error-code (EC) catalogue behind `sigdoctor ec CODE` and `ec --list`.
 *
 * Every entry is written from ../shared/docs/SIGNING.md (§9 for the 0002 family, §1, §2, §3, §4,
 * §5.4, §6, §7 and §8 for the surrounding facts) and the seed pages it was built from. Where the
 * documentation says little about a code, so does the entry: nothing here is guessed.
 */
import type { CauseId } from '../diagnose/cause-ids.js';

/** The headings of SIGNING.md §9 (plus `Neighbours` for the non-0002 codes), in listing order. */
export const EC_GROUPS = [
  'STS / security token',
  'Mode / method selection',
  'V1 header / URL',
  'OSS V2 (OSS2)',
  'V4 (OSS4-HMAC-SHA256)',
  'S3-compatible SigV2',
  'S3-compatible SigV4',
  'Time',
  'IP / VPC-restricted signatures',
  'PostObject',
  'LiveChannel / RTMP',
  'AccessKey',
  'Neighbours',
] as const;

export type EcGroup = (typeof EC_GROUPS)[number];

/** One OSS error code (the `<EC>` element / `x-oss-ec` header value). */
export interface EcEntry {
  /** The full code, `FFFF-NNNNNNNN`, e.g. `0002-00000040`. */
  ec: string;
  /** The 4-digit family, e.g. `0002`. */
  family: string;
  /** The group it is listed under (one of {@link EC_GROUPS}). */
  group: string;
  /** The error `Code` OSS pairs with it, only when the documentation says so. */
  code?: string;
  /** What the code means, in one or two sentences. */
  meaning: string;
  /** Likely causes, most common first. */
  causes: string[];
  /** What to do about it, concretely. */
  fix: string;
  /** The Alibaba Cloud documentation page for this code. */
  docs: string;
  /** Cause ids (CAUSES.md) a diagnosis of such a failure usually ends up naming; may be empty. */
  sigdoctorCauses: string[];
}

const DOCS_BASE = 'https://www.alibabacloud.com/help/en/oss/support/';

/** The documentation page URL for an EC. */
export function ecDocsUrl(ec: string): string {
  return DOCS_BASE + ec;
}

interface Extra {
  code?: string;
  causes?: readonly CauseId[];
}

function entry(
  ec: string,
  group: EcGroup,
  meaning: string,
  causes: readonly string[],
  fix: string,
  extra: Extra = {},
): EcEntry {
  const e: EcEntry = {
    ec,
    family: ec.slice(0, 4),
    group,
    meaning,
    causes: Object.freeze([...causes]) as string[],
    fix,
    docs: ecDocsUrl(ec),
    sigdoctorCauses: Object.freeze([...(extra.causes ?? [])]) as string[],
  };
  if (extra.code !== undefined) e.code = extra.code;
  return Object.freeze(e);
}

// Cause-id sets shared by several entries.

/** What a V1 string-to-sign diff can show (CAUSES.md; the V1 mismatch page, seed 002). */
const V1_MISMATCH_CAUSES: readonly CauseId[] = [
  'secret-mismatch',
  'content-type-mismatch',
  'proxy-modified-headers',
  'cdn-range-behavior-header',
  'cdn-head-to-get',
  'cname-not-enabled',
  'unencoded-plus-in-signature',
  'method-mismatch',
  'content-md5-mismatch',
  'date-mismatch',
  'resource-mismatch',
  'key-encoding-mismatch',
  'subresource-mismatch',
  'security-token-not-signed',
  'header-value-encoding',
  'header-whitespace',
  'html-escaped-url',
];

/** What a V4 canonical-request / string-to-sign diff can show (CAUSES.md). */
const V4_MISMATCH_CAUSES: readonly CauseId[] = [
  'secret-mismatch',
  'v4-scope-mismatch',
  'content-type-mismatch',
  'proxy-modified-headers',
  'cdn-range-behavior-header',
  'cdn-head-to-get',
  'cname-not-enabled',
  'v4-additional-headers-mismatch',
  'method-mismatch',
  'content-md5-mismatch',
  'resource-mismatch',
  'key-encoding-mismatch',
  'security-token-not-signed',
  'header-value-encoding',
  'header-whitespace',
  'html-escaped-url',
];

const MALFORMED_V4: readonly CauseId[] = ['malformed-v4-authorization'];
/** A required signed-URL parameter is missing or empty: often the URL was damaged by copying. */
const DAMAGED_URL: readonly CauseId[] = ['html-escaped-url'];

const V1_HEADER_SHAPE = '`Authorization: OSS <AccessKeyId>:<Signature>` (one space after `OSS`, a colon between id and signature)';
const OSS2_HEADER_SHAPE =
  '`Authorization: OSS2 AccessKeyId:<id>,AdditionalHeaders:<a;b>,Signature:<sig>` (key and value joined by `:`, pairs by `,`, `AdditionalHeaders` optional, no trailing comma)';
const V4_HEADER_SHAPE =
  '`Authorization: OSS4-HMAC-SHA256 Credential=<AccessKeyId>/<YYYYMMDD>/<region>/oss/aliyun_v4_request,AdditionalHeaders=<a;b>,Signature=<64 lower-case hex>` (one space after the algorithm, pairs separated by `,`, key and value by `=`; only `Credential`, `Signature` and the optional `AdditionalHeaders`)';
const V4_CREDENTIAL_SHAPE = '`<AccessKeyId>/<YYYYMMDD>/<region>/oss/aliyun_v4_request` (in a URL the `/` are written `%2F`)';
const USE_SDK = 'Letting an official SDK build the signature avoids hand-made mistakes.';
const S3_NOT_ENABLED_FIX =
  'Sign with OSS\'s own scheme (V4, `OSS4-HMAC-SHA256`, is recommended), or contact Alibaba Cloud technical support to have this S3-compatible mode enabled.';

const STS: EcEntry[] = [
  entry(
    '0002-00000001',
    'STS / security token',
    'The request carries STS temporary credentials (a `security-token` query parameter or an `x-oss-security-token` header), but this API operation or region does not support STS.',
    ['STS temporary credentials were used for an operation or in a region that does not accept them'],
    'Sign this request with a RAM user\'s AccessKey pair instead of STS credentials.',
  ),
  entry(
    '0002-00000003',
    'STS / security token',
    'An STS temporary AccessKeyId (it starts with `STS.`) was used, but the request carries no security token.',
    [
      'No `x-oss-security-token` header (header signature) and no `security-token` query parameter (V1 signed URL) was sent',
      'The client was given the temporary AccessKeyId and secret but not the token',
    ],
    'Send the token that came with the temporary key pair: the `x-oss-security-token` header for header signatures, `security-token` in a V1 signed URL, `x-oss-security-token` in a V4 signed URL — and sign it along with the rest.',
  ),
  entry(
    '0002-00000004',
    'STS / security token',
    'The security token and the temporary AccessKeyId/secret do not belong together: they come from different AssumeRole responses (AccessKeyIdAndSecurityTokenNotMatch).',
    ['The token from one AssumeRole call was combined with the key pair from another'],
    'Use the AccessKeyId, AccessKeySecret and SecurityToken returned by one and the same AssumeRole response.',
  ),
  entry(
    '0002-00000006',
    'STS / security token',
    'The security token is invalid.',
    ['The token sent is not the one STS returned with this temporary key pair'],
    'Send the security token exactly as STS returned it, together with its key pair.',
  ),
  entry(
    '0002-00000007',
    'STS / security token',
    'The STS temporary credentials have expired.',
    ['The temporary key pair and token were used after their expiry time'],
    'Call AssumeRole again and sign with the new key pair and token.',
  ),
  entry(
    '0002-00000008',
    'STS / security token',
    'The security token is invalid (the documentation describes it as 0002-00000006).',
    ['The token sent is not the one STS returned with this temporary key pair'],
    'Send the security token exactly as STS returned it, together with its key pair.',
  ),
  entry(
    '0002-00000009',
    'STS / security token',
    'An S3-compatible (AWS-signed) request carries its STS token in `x-oss-security-token`; in S3 mode the token header is `x-amz-security-token`.',
    ['An S3 client or hand-made S3 request used the OSS token header name'],
    'Send the token in the `x-amz-security-token` header instead of `x-oss-security-token`.',
  ),
  entry(
    '0002-00000010',
    'STS / security token',
    'The security token was sent twice: in the URL (`security-token`) and in the `x-oss-security-token` header.',
    ['The token was put in the URL as `security-token` and also sent in the `x-oss-security-token` header'],
    'Send the token in one place only: the header for header signatures, the query string for signed URLs.',
  ),
];

const MODE: EcEntry[] = [
  entry(
    '0002-00000031',
    'Mode / method selection',
    'The request uses Amazon S3-compatible authentication, which is not enabled.',
    ['An AWS-style signature (`AWS …` or `AWS4-HMAC-SHA256`) was sent while S3-compatible authentication is off'],
    S3_NOT_ENABLED_FIX,
    { causes: ['signature-version-mismatch'] },
  ),
  entry(
    '0002-00000032',
    'Mode / method selection',
    'S3-compatible Signature Version 2 (`AWS <AccessKeyId>:<Signature>`, or `AWSAccessKeyId`/`Expires`/`Signature` in a URL) is not enabled.',
    ['An AWS SigV2 signature was sent while S3-compatible SigV2 is off'],
    S3_NOT_ENABLED_FIX,
    { causes: ['signature-version-mismatch'] },
  ),
  entry(
    '0002-00000033',
    'Mode / method selection',
    'S3-compatible Signature Version 4 (`AWS4-HMAC-SHA256`) is not enabled.',
    ['An AWS SigV4 signature was sent while S3-compatible SigV4 is off'],
    S3_NOT_ENABLED_FIX,
    { causes: ['signature-version-mismatch'] },
  ),
  entry(
    '0002-00000034',
    'Mode / method selection',
    'This bucket (a CloudBox bucket) accepts only V4 signatures carried in the Authorization header.',
    ['A V1 signature, or a signature in the URL, was used for a CloudBox bucket'],
    'Sign with V4 in the Authorization header, with product `oss-cloudbox` and the CloudBox ID (`cb-…`) as the region in the credential scope.',
    { causes: ['signature-version-mismatch'] },
  ),
  entry(
    '0002-00000037',
    'Mode / method selection',
    'The operation requires a signature in the URL, but the URL carries none (for example the request was signed in the Authorization header instead). Documented example: `x-oss-process=hls/sign`.',
    ['The request was signed in the Authorization header for an operation that needs a signed URL'],
    'Put the signature in the URL query string (a signed URL) and remove the Authorization header.',
    { causes: ['wrong-signature-method'] },
  ),
  entry(
    '0002-00000038',
    'Mode / method selection',
    'The signature is in the wrong place for this operation: in the Authorization header where a signed URL is required (e.g. `x-oss-process=hls/sign`), or in the URL where the Authorization header is required.',
    [
      'Signed in the Authorization header, but the operation requires the signature in the URL query string',
      'Signed in the URL query string, but the operation requires the Authorization header',
    ],
    'Move the signature to where the operation requires it: into the query string (and drop the Authorization header), or into the Authorization header (and drop the signature parameters from the URL).',
    { causes: ['wrong-signature-method'] },
  ),
  entry(
    '0002-00000039',
    'Mode / method selection',
    'The request carries a signature both in the Authorization header and in the URL query string. The error echoes the header in an `<Authorization>` element.',
    ['A signed URL (`OSSAccessKeyId`/`Signature`, `x-oss-signature`, …) was sent with an `Authorization` header as well'],
    'Keep exactly one: either the Authorization header or the signature parameters in the URL.',
    { code: 'InvalidArgument' },
  ),
  entry(
    '0002-00000080',
    'Mode / method selection',
    'OSS no longer supports V1 signatures for this request.',
    [
      'V1 signing is not available to new accounts (new UIDs) since March 1, 2025, nor for new buckets since September 1, 2025',
    ],
    'Switch to V4 (`OSS4-HMAC-SHA256`) signing; the current "-v2" OSS SDKs use V4 by default (see the guide for upgrading V1 signatures to V4).',
    { causes: ['signature-version-mismatch'] },
  ),
];

const V1: EcEntry[] = [
  entry(
    '0002-00000040',
    'V1 header / URL',
    'Signature mismatch for a V1 signature (`Authorization: OSS …` or a V1 signed URL): the signature OSS computed from the request it received differs from the one sent.',
    [
      'Wrong AccessKeyId/AccessKeySecret pair',
      'Content-Type sent differs from the one signed (e.g. a WeChat mini program adds one a browser does not)',
      'A proxy changed the request after signing, e.g. added a header',
      'A CDN added `x-oss-range-behavior: standard` to the back-to-origin request; every `x-oss-*` header is signed',
      'A CDN-accelerated domain turned a HEAD request into a GET',
      'A custom domain (CNAME) was used without enabling CNAME mode in the SDK',
      'The signature in a signed URL contains a `+` that was not URL-encoded',
    ],
    'Compare the server\'s string to sign (decode `StringToSignBytes`: the `StringToSign` text may be redacted) with the one you signed, byte by byte, and fix the part that differs; check the AccessKey pair. Feed the request and the error response to `sigdoctor` to do the comparison.',
    { code: 'SignatureDoesNotMatch', causes: V1_MISMATCH_CAUSES },
  ),
  entry(
    '0002-00000061',
    'V1 header / URL',
    'The Authorization header does not start with `OSS` (or, for Amazon S3-compatible requests, `AWS`).',
    ['The header value starts with something other than `OSS ` or `AWS `'],
    `Use ${V1_HEADER_SHAPE}, or a V4 header starting with \`OSS4-HMAC-SHA256\`.`,
    { code: 'InvalidArgument' },
  ),
  entry(
    '0002-00000062',
    'V1 header / URL',
    'The V1 Authorization header is malformed, e.g. the `:` between the AccessKeyId and the signature is missing.',
    ['The colon separating AccessKeyId and signature is missing'],
    `Use ${V1_HEADER_SHAPE}.`,
    { code: 'InvalidArgument' },
  ),
  entry(
    '0002-00000063',
    'V1 header / URL',
    'The AccessKeyId in the V1 Authorization header is empty (`OSS  :<signature>`).',
    ['The AccessKeyId was empty when the header was built'],
    `Put the AccessKeyId between \`OSS \` and \`:\`; ${V1_HEADER_SHAPE}.`,
  ),
  entry(
    '0002-00000064',
    'V1 header / URL',
    'The AccessKeyId in the V1 Authorization header contains invalid characters, such as a tab.',
    ['Control characters or white space were copied along with the AccessKeyId'],
    'Trim the AccessKeyId and remove any control characters before building the header.',
  ),
  entry(
    '0002-00000065',
    'V1 header / URL',
    'The signature in the V1 Authorization header is empty (`OSS <AccessKeyId>:`).',
    ['The signature was not computed, or was lost, when the header was built'],
    `Compute the signature and put it after the colon: ${V1_HEADER_SHAPE}.`,
  ),
  entry(
    '0002-00000066',
    'V1 header / URL',
    'The `x-oss-signature-version` parameter in the URL has a value that is not valid for this signed URL.',
    ['A V1 signed URL carries `x-oss-signature-version`, or a V2 signed URL carries a value other than `OSS2`'],
    'For a V1 signed URL leave `x-oss-signature-version` out; for a V2 signed URL set it to `OSS2` (a V4 signed URL uses `OSS4-HMAC-SHA256`).',
  ),
  entry(
    '0002-00000067',
    'V1 header / URL',
    'The V1 signed URL has no `Expires` parameter.',
    ['The URL was built without `Expires`, or lost it when it was copied or edited'],
    `Add \`Expires=<Unix time in seconds>\` — the same value signed on the fourth line of the string to sign. ${USE_SDK}`,
    { code: 'AccessDenied', causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000068',
    'V1 header / URL',
    'The `Expires` parameter of the V1 signed URL is empty.',
    ['`Expires=` was written without a value'],
    'Set `Expires` to the absolute expiry time in Unix seconds — the value you signed.',
  ),
  entry(
    '0002-00000069',
    'V1 header / URL',
    'The signed URL has expired (V1 `Expires` or V2 `x-oss-expires` is in the past): "Request has expired."',
    [
      'The URL was used after its expiry time',
      'The expiry was computed wrongly: V1 `Expires` is an absolute Unix time in seconds, compared with the time OSS receives the request',
    ],
    'Generate a new signed URL with a later expiry. Console-generated URLs default to 3600 s and allow at most 32400 s.',
    { code: 'AccessDenied', causes: ['request-expired'] },
  ),
  entry(
    '0002-00000070',
    'V1 header / URL',
    'The `Expires` (V1) or `x-oss-expires` (V2) value of the signed URL is not an integer.',
    ['The expiry is not a whole number'],
    'Use an integer: the absolute expiry time in Unix seconds.',
  ),
  entry(
    '0002-00000071',
    'V1 header / URL',
    'The V1 signed URL has no `OSSAccessKeyId` parameter.',
    ['The URL was built without `OSSAccessKeyId`, or lost it when it was copied or edited'],
    `Add \`OSSAccessKeyId=<AccessKeyId>\` of the key pair that signed the URL. ${USE_SDK}`,
    { code: 'AccessDenied', causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000073',
    'V1 header / URL',
    'The `OSSAccessKeyId` value in the V1 signed URL is invalid.',
    ['The value is not a valid AccessKeyId'],
    'Use the AccessKeyId of the key pair that signed the URL, unchanged.',
  ),
  entry(
    '0002-00000075',
    'V1 header / URL',
    'The `Signature` parameter of the V1 signed URL is empty.',
    ['The signature was not computed, or was cut off when the URL was copied'],
    `Compute the signature, URL-encode it (\`+\` → \`%2B\`, \`/\` → \`%2F\`, \`=\` → \`%3D\`) and put it in \`Signature\`. ${USE_SDK}`,
    { causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000076',
    'V1 header / URL',
    'The `x-oss-additional-headers` parameter of a V2 signed URL is present but empty.',
    ['`x-oss-additional-headers=` was sent without header names'],
    'Leave the parameter out, or list the additional signed header names (lower case, `;`-separated).',
  ),
  entry(
    '0002-00000077',
    'V1 header / URL',
    'The `x-oss-additional-headers` parameter names a header the request does not carry, or its value is invalid.',
    ['A header listed in `x-oss-additional-headers` was not sent with the request'],
    'List only headers that the request actually sends, and sign them.',
  ),
];

const OSS2: EcEntry[] = [
  entry(
    '0002-00000101',
    'OSS V2 (OSS2)',
    'Signature mismatch for an OSS V2 (`OSS2`, HMAC-SHA256) signature.',
    [
      'Wrong AccessKeyId/AccessKeySecret pair',
      'The request changed after signing (Content-Type, `x-oss-*` or additional headers)',
      'The V2 canonical resource was built wrongly: `/bucket/key` is URI-encoded with `/` encoded too, followed by all query parameters, encoded and sorted',
    ],
    'Compare the server\'s string to sign with yours if the error returns it, and rebuild the V2 string to sign exactly. Moving to V4 (`OSS4-HMAC-SHA256`) is the supported path; sigdoctor recomputes V1 and V4 only.',
  ),
  entry(
    '0002-00000102',
    'OSS V2 (OSS2)',
    'The OSS2 Authorization header is malformed (e.g. the Signature is missing, or there is a trailing comma).',
    ['The header does not follow the OSS2 shape'],
    `Use ${OSS2_HEADER_SHAPE}.`,
  ),
  entry(
    '0002-00000103',
    'OSS V2 (OSS2)',
    'A key in the OSS2 Authorization header has no `:` separating it from its value.',
    ['A pair such as `AccessKeyId<id>` was written without the colon'],
    `Use ${OSS2_HEADER_SHAPE}.`,
  ),
  entry(
    '0002-00000104',
    'OSS V2 (OSS2)',
    'The OSS2 Authorization header contains an unknown key.',
    ['A key other than `AccessKeyId`, `AdditionalHeaders` or `Signature` was sent'],
    `Use only the documented keys: ${OSS2_HEADER_SHAPE}.`,
  ),
  entry(
    '0002-00000105',
    'OSS V2 (OSS2)',
    'The OSS2 Authorization header has no `AccessKeyId`.',
    ['The `AccessKeyId:<id>` pair is missing'],
    `Add the AccessKeyId pair: ${OSS2_HEADER_SHAPE}.`,
  ),
  entry(
    '0002-00000106',
    'OSS V2 (OSS2)',
    'The `AccessKeyId` in the OSS2 Authorization header is empty.',
    ['`AccessKeyId:` was written without a value'],
    'Put the AccessKeyId after `AccessKeyId:`.',
  ),
  entry(
    '0002-00000108',
    'OSS V2 (OSS2)',
    'The OSS2 Authorization header has no `Signature`.',
    ['The `Signature:<sig>` pair is missing'],
    `Add the signature pair: ${OSS2_HEADER_SHAPE}.`,
  ),
  entry(
    '0002-00000109',
    'OSS V2 (OSS2)',
    'The `Signature` in the OSS2 Authorization header is empty.',
    ['`Signature:` was written without a value'],
    'Compute the base64 HMAC-SHA256 signature and put it after `Signature:`.',
  ),
  entry(
    '0002-00000113',
    'OSS V2 (OSS2)',
    'The V2 signed URL has no `x-oss-expires` parameter.',
    ['The URL was built without `x-oss-expires`, or lost it when it was copied or edited'],
    'Add `x-oss-expires=<absolute Unix time in seconds>` (V2 URL form).',
    { causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000114',
    'OSS V2 (OSS2)',
    'The `x-oss-expires` parameter of the V2 signed URL is empty.',
    ['`x-oss-expires=` was written without a value'],
    'Set `x-oss-expires` to the absolute expiry time in Unix seconds.',
  ),
  entry(
    '0002-00000116',
    'OSS V2 (OSS2)',
    'The `x-oss-access-key-id` parameter of the V2 signed URL is empty.',
    ['`x-oss-access-key-id=` was written without a value'],
    'Put the AccessKeyId of the signing key pair in `x-oss-access-key-id`.',
  ),
  entry(
    '0002-00000117',
    'OSS V2 (OSS2)',
    'The V2 signed URL has no `x-oss-signature` parameter.',
    ['The URL was built without `x-oss-signature`, or lost it when it was copied or edited'],
    'Add the URL-encoded signature as `x-oss-signature`.',
    { causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000118',
    'OSS V2 (OSS2)',
    'The `x-oss-signature` parameter of the V2 signed URL is empty.',
    ['The signature was not computed, or was cut off when the URL was copied'],
    'Compute the signature and put it, URL-encoded, in `x-oss-signature`.',
    { causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000119',
    'OSS V2 (OSS2)',
    'Signature mismatch for a V2 signature on a request with an IP restriction (`x-oss-ac-subnet-mask`).',
    ['The signature does not match for a request carrying `x-oss-ac-*` restriction parameters'],
    'Check that the `x-oss-ac-*` parameters are sent exactly as they were signed, and that the request comes from the allowed address range.',
  ),
];

const V4: EcEntry[] = [
  entry(
    '0002-00000201',
    'V4 (OSS4-HMAC-SHA256)',
    'Signature mismatch for a V4 (`OSS4-HMAC-SHA256`) signature, in the Authorization header or in a signed URL.',
    [
      'Wrong AccessKeyId/AccessKeySecret pair',
      'Credential scope differs from what the server uses: region written with the `oss-` prefix or not the Host\'s region, wrong product, or a date that is not the request\'s',
      'Content-Type sent differs from the one signed (signed but not sent, or the reverse)',
      'A proxy or CDN changed, added or removed an `x-oss-*` header, or a header listed in AdditionalHeaders',
      'Canonical URI or query encoded differently (object key, `+`/space, sort order)',
    ],
    'If the error returns `StringToSign`, compare it with the one you computed before signing; rebuild the canonical request (method, URI, query, headers, additional headers, `UNSIGNED-PAYLOAD`) exactly as sent. Feed the request and the error response to `sigdoctor` to do the comparison.',
    { code: 'SignatureDoesNotMatch', causes: V4_MISMATCH_CAUSES },
  ),
  entry(
    '0002-00000202',
    'V4 (OSS4-HMAC-SHA256)',
    'The V4 Authorization header has too few key=value pairs, or a required field is missing.',
    ['`Credential` or `Signature` is missing, or the separators are wrong so the pairs cannot be split'],
    `Use ${V4_HEADER_SHAPE}.`,
    { causes: MALFORMED_V4 },
  ),
  entry(
    '0002-00000203',
    'V4 (OSS4-HMAC-SHA256)',
    'A key in the V4 Authorization header has no `=` (e.g. `CredentialAK…`).',
    ['A pair was written without `=` between key and value'],
    `Use ${V4_HEADER_SHAPE}.`,
    { causes: MALFORMED_V4 },
  ),
  entry(
    '0002-00000204',
    'V4 (OSS4-HMAC-SHA256)',
    'The V4 Authorization header is malformed: it contains an unknown key. Only `Credential` and `Signature` (required) and `AdditionalHeaders` (optional) are allowed.',
    [
      'An extra or misspelled key, such as `UnknownKey=1`',
      'Wrong separators: the algorithm and the pairs are separated by one space, pairs by `,`, key and value by `=`',
      'An algorithm other than `OSS4-HMAC-SHA256`',
    ],
    `Use ${V4_HEADER_SHAPE}.`,
    { causes: MALFORMED_V4 },
  ),
  entry(
    '0002-00000205',
    'V4 (OSS4-HMAC-SHA256)',
    'The V4 Authorization header has no `Credential`.',
    ['The `Credential=` pair is missing'],
    `Add the \`Credential\` pair: ${V4_HEADER_SHAPE}.`,
    { causes: MALFORMED_V4 },
  ),
  entry(
    '0002-00000206',
    'V4 (OSS4-HMAC-SHA256)',
    'The AccessKeyId inside the V4 `Credential` is invalid (e.g. it starts with a `\\r`).',
    ['Control characters or white space were copied along with the AccessKeyId'],
    'Trim the AccessKeyId and remove control characters before building the Credential.',
    { causes: MALFORMED_V4 },
  ),
  entry(
    '0002-00000208',
    'V4 (OSS4-HMAC-SHA256)',
    'The `Signature` in the V4 Authorization header is empty.',
    ['`Signature=` was written without a value'],
    'Compute the signature (64 lower-case hex characters) and put it after `Signature=`.',
    { causes: MALFORMED_V4 },
  ),
  entry(
    '0002-00000209',
    'V4 (OSS4-HMAC-SHA256)',
    '`AdditionalHeaders` is present in the V4 Authorization header but empty.',
    ['`AdditionalHeaders=` was written without header names'],
    'Leave `AdditionalHeaders` out, or list the header names: lower case, sorted, `;`-separated.',
    { causes: MALFORMED_V4 },
  ),
  entry(
    '0002-00000210',
    'V4 (OSS4-HMAC-SHA256)',
    '`AdditionalHeaders` contains an empty element (e.g. `host;`).',
    ['A trailing or doubled `;` in the list'],
    'Write the names in lower case, sorted alphabetically, separated by `;`, with no trailing semicolon.',
    { causes: MALFORMED_V4 },
  ),
  entry(
    '0002-00000211',
    'V4 (OSS4-HMAC-SHA256)',
    '`AdditionalHeaders` lists a header the request does not carry, or a header name containing `_`.',
    ['A listed header was not sent (or was dropped in transit)', 'A header name with an underscore was listed'],
    'List only headers that the request actually sends and that arrive unchanged; do not list names containing `_`.',
    { causes: ['v4-additional-headers-mismatch'] },
  ),
  entry(
    '0002-00000212',
    'V4 (OSS4-HMAC-SHA256)',
    'The date in the V4 `Credential` scope is malformed (e.g. `2022-12-20`).',
    ['The sign date was written with separators or in another format'],
    'Write the date as `YYYYMMDD` (the first 8 characters of `x-oss-date`), e.g. `20221220`.',
    { causes: MALFORMED_V4 },
  ),
  entry(
    '0002-00000213',
    'V4 (OSS4-HMAC-SHA256)',
    'The V4 `Credential` scope does not end with `aliyun_v4_request`.',
    ['Another terminator (e.g. an AWS-style one) or a truncated scope'],
    `End the scope with \`aliyun_v4_request\`: ${V4_CREDENTIAL_SHAPE}.`,
    { causes: MALFORMED_V4 },
  ),
  entry(
    '0002-00000214',
    'V4 (OSS4-HMAC-SHA256)',
    'The `x-oss-content-sha256` header is not `UNSIGNED-PAYLOAD`, the only accepted value.',
    ['A payload hash or another value was sent in `x-oss-content-sha256`'],
    'Set `x-oss-content-sha256: UNSIGNED-PAYLOAD` (and use the same value as the last line of the canonical request).',
  ),
  entry(
    '0002-00000215',
    'V4 (OSS4-HMAC-SHA256)',
    'The V4 signed URL has no `x-oss-expires` parameter.',
    ['The URL was built without `x-oss-expires`, or lost it when it was copied or edited'],
    `Add \`x-oss-expires=<seconds>\` (validity relative to \`x-oss-date\`, 1…604800) and sign it in the canonical query. ${USE_SDK}`,
    { causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000217',
    'V4 (OSS4-HMAC-SHA256)',
    'The V4 signed URL has no `x-oss-credential` parameter.',
    ['The URL was built without `x-oss-credential`, or lost it when it was copied or edited'],
    `Add \`x-oss-credential=\`${V4_CREDENTIAL_SHAPE}. ${USE_SDK}`,
    { causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000219',
    'V4 (OSS4-HMAC-SHA256)',
    'The V4 signed URL has no `x-oss-signature` parameter.',
    ['The URL was built without `x-oss-signature`, or lost it (e.g. cut off) when it was copied'],
    `Add \`x-oss-signature=<64 lower-case hex>\`. ${USE_SDK}`,
    { causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000220',
    'V4 (OSS4-HMAC-SHA256)',
    'The `x-oss-signature` parameter of the V4 signed URL is empty.',
    ['The signature was not computed, or was cut off when the URL was copied'],
    'Compute the signature (64 lower-case hex characters) and put it in `x-oss-signature`.',
    { causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000223',
    'V4 (OSS4-HMAC-SHA256)',
    'The date in the `x-oss-credential` scope of a V4 signed URL is malformed.',
    ['The sign date is not in `YYYYMMDD` form'],
    'Write the date as `YYYYMMDD`, the first 8 characters of `x-oss-date`.',
  ),
  entry(
    '0002-00000224',
    'V4 (OSS4-HMAC-SHA256)',
    'The `x-oss-credential` parameter of a V4 signed URL is invalid (e.g. its scope does not end with `aliyun_v4_request`).',
    ['A wrong terminator or a truncated scope'],
    `Use ${V4_CREDENTIAL_SHAPE}.`,
  ),
  entry(
    '0002-00000225',
    'V4 (OSS4-HMAC-SHA256)',
    'Signature mismatch for a V4 signature on a request with an IP restriction (`x-oss-ac-subnet-mask`).',
    ['The signature does not match for a request carrying `x-oss-ac-*` restriction parameters'],
    'Check that the `x-oss-ac-*` parameters are sent exactly as they were signed, and that the request comes from the allowed address range.',
  ),
  entry(
    '0002-00000226',
    'V4 (OSS4-HMAC-SHA256)',
    'The region in the V4 credential scope is invalid (the `oss-` prefix is not allowed) or differs from the region of the Host.',
    [
      'The region was written as the endpoint name (`oss-cn-hangzhou`) instead of the region ID (`cn-hangzhou`)',
      'The request is sent to an endpoint in another region than the one signed',
    ],
    'Use the bare region ID of the endpoint you send to (e.g. `cn-hangzhou` for `oss-cn-hangzhou.aliyuncs.com`) in the scope and in the signing key.',
    { causes: ['v4-scope-mismatch'] },
  ),
  entry(
    '0002-00000232',
    'V4 (OSS4-HMAC-SHA256)',
    'The `x-oss-expires` value of the V4 signed URL is outside 1…604800 seconds (7 days).',
    [
      'An absolute Unix time was used: in V4 `x-oss-expires` is a duration in seconds relative to `x-oss-date`',
      'A validity longer than 7 days was requested',
    ],
    'Set `x-oss-expires` to a number of seconds from 1 to 604800, counted from `x-oss-date`.',
  ),
  entry(
    '0002-00000236',
    'V4 (OSS4-HMAC-SHA256)',
    'The V4 signed URL has expired: `x-oss-date` + `x-oss-expires` is in the past.',
    ['The URL was used after its validity ended', 'The signing clock (`x-oss-date`) was behind'],
    'Generate a new signed URL (with a correct clock), with a validity long enough for its use (at most 604800 s).',
    { causes: ['request-expired'] },
  ),
];

const S3V2: EcEntry[] = [
  entry(
    '0002-00000301',
    'S3-compatible SigV2',
    'The S3-compatible SigV2 signed URL (`AWSAccessKeyId`/`Expires`/`Signature`) has no `Expires` parameter.',
    ['The URL was built without `Expires`, or lost it when it was copied or edited'],
    'Add `Expires=<absolute Unix time in seconds>`, the value that was signed.',
    { causes: DAMAGED_URL },
  ),
  entry(
    '0002-00000302',
    'S3-compatible SigV2',
    'The `Expires` parameter of the S3-compatible SigV2 signed URL is empty.',
    ['`Expires=` was written without a value'],
    'Set `Expires` to the absolute expiry time in Unix seconds — the value you signed.',
  ),
  entry(
    '0002-00000307',
    'S3-compatible SigV2',
    'Signature mismatch for an S3-compatible SigV2 signature (`AWS <AccessKeyId>:<Signature>`); the error carries `<AWSAccessKeyId>` instead of `<OSSAccessKeyId>`.',
    [
      'Wrong AccessKeyId/AccessKeySecret pair',
      'A path-style URL sent to a virtual-hosted host: the bucket then appears twice in the resource; only virtual-hosted style is accepted for S3 requests',
      'The request changed after signing (Content-Type, `x-amz-*` headers)',
    ],
    'Use virtual-hosted–style addressing against an S3 endpoint (`https://s3.oss-<region>.aliyuncs.com`), check the key pair, and compare `StringToSignBytes` from the error with the string you signed.',
    { code: 'SignatureDoesNotMatch', causes: ['signature-version-mismatch'] },
  ),
];

const S3V4: EcEntry[] = [
  entry('0002-00000401', 'S3-compatible SigV4', 'The Authorization header of the S3-compatible SigV4 request is empty.', ['The header was sent without a value'], 'Send `Authorization: AWS4-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…`, or remove the header.'),
  entry('0002-00000403', 'S3-compatible SigV4', 'The S3-compatible SigV4 Authorization header has no `Credential`.', ['The `Credential=` pair is missing'], 'Add `Credential=<AccessKeyId>/<date>/<region>/s3/aws4_request`.'),
  entry('0002-00000404', 'S3-compatible SigV4', 'The `Credential` of the S3-compatible SigV4 request is incomplete (e.g. the date is missing).', ['A scope part was left out'], 'Write the full scope: `<AccessKeyId>/<date>/<region>/s3/aws4_request`.'),
  entry('0002-00000405', 'S3-compatible SigV4', 'The S3-compatible SigV4 Authorization header has no `SignedHeaders`.', ['The `SignedHeaders=` pair is missing'], 'Add `SignedHeaders=` with the signed header names (it must include `host`).'),
  entry('0002-00000407', 'S3-compatible SigV4', 'The S3-compatible SigV4 Authorization header has no `Signature`.', ['The `Signature=` pair is missing'], 'Add `Signature=<64 hex characters>`.'),
  entry('0002-00000408', 'S3-compatible SigV4', 'The `Signature` of the S3-compatible SigV4 request is not 64 characters long.', ['The signature was truncated or is not the hex SHA-256 HMAC'], 'Send the full 64-character hex signature.'),
  entry('0002-00000409', 'S3-compatible SigV4', 'The date in the SigV4 `Credential` scope differs from the date of `x-amz-date`.', ['The scope date and the request time were taken at different moments or from different clocks'], 'Take the scope date from the same `x-amz-date` value the request carries.'),
  entry('0002-00000411', 'S3-compatible SigV4', '`X-Amz-Algorithm` is not `AWS4-HMAC-SHA256`.', ['Another algorithm name was sent'], 'Set `X-Amz-Algorithm=AWS4-HMAC-SHA256`.'),
  entry('0002-00000412', 'S3-compatible SigV4', 'The S3-compatible SigV4 presigned URL has no `X-Amz-Credential`.', ['The URL was built without it, or lost it when it was copied or edited'], 'Add `X-Amz-Credential=<AccessKeyId>/<date>/<region>/s3/aws4_request` (URL-encoded).', { causes: DAMAGED_URL }),
  entry('0002-00000414', 'S3-compatible SigV4', 'The S3-compatible SigV4 presigned URL has no `X-Amz-Date`.', ['The URL was built without it, or lost it when it was copied or edited'], 'Add `X-Amz-Date`, the signing time that was signed.', { causes: DAMAGED_URL }),
  entry('0002-00000416', 'S3-compatible SigV4', 'The S3-compatible SigV4 presigned URL has no `X-Amz-Expires`.', ['The URL was built without it, or lost it when it was copied or edited'], 'Add `X-Amz-Expires=<seconds>` (an integer from 1 to 604800).', { causes: DAMAGED_URL }),
  entry('0002-00000417', 'S3-compatible SigV4', '`X-Amz-Expires` is invalid: it must be an integer from 1 to 604800.', ['A non-integer value, or a validity longer than 7 days'], 'Set `X-Amz-Expires` to an integer number of seconds from 1 to 604800.'),
  entry('0002-00000418', 'S3-compatible SigV4', 'The S3-compatible SigV4 presigned URL has expired.', ['The URL was used after its validity ended'], 'Generate a new presigned URL with a validity long enough for its use.', { causes: ['request-expired'] }),
  entry('0002-00000420', 'S3-compatible SigV4', '`host` is not among `X-Amz-SignedHeaders`.', ['The Host header was not signed'], 'Sign the `host` header and list it in `X-Amz-SignedHeaders`.'),
  entry('0002-00000423', 'S3-compatible SigV4', '`X-Amz-Signature` has the wrong length.', ['The signature was truncated or is not the hex SHA-256 HMAC'], 'Send the full 64-character hex signature in `X-Amz-Signature`.'),
  entry('0002-00000425', 'S3-compatible SigV4', '`X-Amz-Credential` is invalid.', ['The credential scope is malformed'], 'Use `X-Amz-Credential=<AccessKeyId>/<date>/<region>/s3/aws4_request`.'),
  entry(
    '0002-00000427',
    'S3-compatible SigV4',
    '`X-Amz-Content-SHA256` is invalid.',
    ['A value other than `UNSIGNED-PAYLOAD`, the SHA-256 of the empty string (for methods without a body) or the SHA-256 of the body (PUT/POST)'],
    'Send `UNSIGNED-PAYLOAD`, the SHA-256 of the empty string for body-less methods, or the SHA-256 of the actual body for PUT/POST.',
  ),
  entry(
    '0002-00000429',
    'S3-compatible SigV4',
    'Signature mismatch for an S3-compatible SigV4 (`AWS4-HMAC-SHA256`) signature.',
    [
      'Wrong AccessKeyId/AccessKeySecret pair',
      'Path-style addressing: only virtual-hosted style is accepted for S3 requests',
      'The request changed after signing (a signed header or the query)',
    ],
    'Use virtual-hosted–style addressing against an S3 endpoint (`https://s3.oss-<region>.aliyuncs.com`), check the key pair, and compare the server\'s string to sign with yours if the error returns it.',
    { causes: ['signature-version-mismatch'] },
  ),
  entry(
    '0002-00000430',
    'S3-compatible SigV4',
    'Signature mismatch for a chunked (streaming) S3-compatible SigV4 upload.',
    ['A chunk signature does not match'],
    'Check the key pair and the chunk signing; the documented AWS SDK for Java v2 sample against OSS disables chunked encoding (`chunkedEncodingEnabled(false)`).',
  ),
  entry('0002-00000431', 'S3-compatible SigV4', 'An `x-amz-*` header is not included in SignedHeaders.', ['An `x-amz-*` header was added but not signed'], 'Sign every `x-amz-*` header the request carries and list it in SignedHeaders.'),
];

const TIME: EcEntry[] = [
  entry(
    '0002-00000501',
    'Time',
    'The time of an S3-compatible request (`Date` or `x-amz-date`) is too far from the server\'s time.',
    ['The client clock is off'],
    'Synchronise the client clock (NTP) and sign again.',
    { causes: ['clock-skew'] },
  ),
  entry(
    '0002-00000502',
    'Time',
    'The request time is malformed: `Date` is not in HTTP GMT format, or `x-oss-date` is not ISO 8601 basic format.',
    ['A `Date` not like `Sun, 22 Nov 2015 08:16:38 GMT` (the older docs require a two-digit day)', 'An `x-oss-date` not like `20221220T084818Z`'],
    'Send `Date` as `Sun, 22 Nov 2015 08:16:38 GMT`, or `x-oss-date` as `YYYYMMDDTHHMMSSZ` (UTC), and sign the value exactly as sent.',
    { code: 'AccessDenied' },
  ),
  entry(
    '0002-00000503',
    'Time',
    'The request carries neither a `Date` nor an `x-oss-date` header.',
    ['The HTTP client does not send `Date` (browsers cannot set it)'],
    'Add `x-oss-date` (e.g. `20221220T084818Z`) and sign it; it takes the place of `Date`.',
    { code: 'AccessDenied' },
  ),
  entry(
    '0002-00000504',
    'Time',
    'The request time (`Date`, `x-oss-date` or `x-amz-date`) is more than 15 minutes from the server\'s time. The error carries `MaxAllowedSkewMilliseconds`, `RequestTime` and `ServerTime`.',
    ['The client clock is off', 'The HTTP library overrides `Date` with its own value'],
    'Synchronise the client clock (NTP), or sign with the server\'s time (`ServerTime` from the error); if the HTTP library forces its own `Date`, send `x-oss-date` (or `x-amz-date`) instead.',
    { code: 'RequestTimeTooSkewed', causes: ['clock-skew'] },
  ),
];

const IP: EcEntry[] = [
  entry(
    '0002-00000602',
    'IP / VPC-restricted signatures',
    'Signature check failed for a signed URL with an IP restriction: the request IP is outside the signed range, or the parameters differ.',
    ['The request comes from an address outside the signed range', 'The restriction parameters were changed after signing'],
    'Send the request from an address inside the signed range, or sign a new URL for the right range; keep the `x-oss-ac-*` parameters exactly as signed.',
  ),
  entry(
    '0002-00000603',
    'IP / VPC-restricted signatures',
    'The VPC restriction of the signature is not satisfied.',
    ['The request does not come from the VPC the signature is restricted to'],
    'Send the request from the allowed VPC, or sign without (or with the right) VPC restriction.',
  ),
];

const POST: EcEntry[] = [
  entry(
    '0002-00000705',
    'PostObject',
    'Signature mismatch for a PostObject (HTML form) upload, e.g. the signature sits in the wrong form field for its signature version.',
    [
      'The signature is in the wrong form field: V1 uses `Signature`, V2 and V4 `x-oss-signature`, S3 SigV2 `Signature`, S3 SigV4 `x-amz-signature`',
      'The V1 signature is not base64(HMAC-SHA1(secret, the base64 policy))',
    ],
    'Put the signature in the field of its version, and sign the base64-encoded policy exactly as it is sent in the form.',
  ),
  entry(
    '0002-00000708',
    'PostObject',
    'The AccessKeyId in the V4 `x-oss-credential` form field of a PostObject upload is invalid.',
    ['A malformed credential or a wrong AccessKeyId in the form'],
    'Set the `x-oss-credential` field to `<AccessKeyId>/<YYYYMMDD>/<region>/oss/aliyun_v4_request` with the AccessKeyId of the signing key pair.',
  ),
  entry(
    '0002-00000714',
    'PostObject',
    'S3-compatible SigV2 is not enabled for PostObject.',
    ['A PostObject form was signed with S3 SigV2'],
    'Sign the form with OSS V4 (`x-oss-signature`), or contact technical support to enable S3-compatible SigV2.',
    { causes: ['signature-version-mismatch'] },
  ),
];

const RTMP: EcEntry[] = [
  entry(
    '0002-00000801',
    'LiveChannel / RTMP',
    'The RTMP push URL has no `OSSAccessKeyId`, or it is empty.',
    ['The parameter was left out or written without a value'],
    'Add `OSSAccessKeyId=<AccessKeyId>` of the key pair that signed the push URL.',
  ),
  entry(
    '0002-00000802',
    'LiveChannel / RTMP',
    'The `OSSAccessKeyId` of the RTMP push URL is invalid.',
    ['The value is not a valid AccessKeyId'],
    'Use the AccessKeyId of the key pair that signed the push URL, unchanged.',
  ),
  entry(
    '0002-00000807',
    'LiveChannel / RTMP',
    'Signature mismatch for an RTMP (LiveChannel) push URL.',
    [
      'Wrong AccessKeyId/AccessKeySecret pair',
      'The string to sign was built wrongly: it is `Expires` + "\\n" + the other parameters as sorted `key:value\\n` lines + `/BucketName/ChannelName`',
    ],
    'Rebuild the RTMP signature: base64(HMAC-SHA1(secret, Expires + "\\n" + CanonicalizedParams + "/BucketName/ChannelName")), leaving `OSSAccessKeyId`, `Expires`, `Signature` and the security token out of the parameters.',
  ),
  entry(
    '0002-00000808',
    'LiveChannel / RTMP',
    'The `SignatureVersion` of the RTMP push URL is invalid: `OSS4-HMAC-SHA256` is not supported for RTMP.',
    ['The push URL was signed with V4'],
    'Sign RTMP push URLs with the HMAC-SHA1 RTMP scheme (V1 style), without `SignatureVersion=OSS4-HMAC-SHA256`.',
  ),
];

const ACCESS_KEY: EcEntry[] = [
  entry(
    '0002-00000901',
    'AccessKey',
    'The AccessKeyId value is invalid (it contains characters an AccessKeyId cannot have).',
    ['Extra characters, white space or control characters in the AccessKeyId'],
    'Use the AccessKeyId exactly as issued, trimmed.',
    { code: 'InvalidAccessKeyId' },
  ),
  entry(
    '0002-00000902',
    'AccessKey',
    'The AccessKeyId is missing or unknown: "The OSS Access Key Id you provided does not exist in our records." On HEAD requests this error arrives base64-encoded in the `x-oss-err` header.',
    ['A wrong AccessKeyId (typo, another key), or a key that no longer exists'],
    'Sign with the AccessKeyId of an existing AccessKey pair, and the secret that belongs to it.',
    { code: 'InvalidAccessKeyId' },
  ),
  entry(
    '0002-00000903',
    'AccessKey',
    'The AccessKeyId is disabled.',
    ['The AccessKey pair was disabled'],
    'Enable the AccessKey pair again, or sign with another active pair.',
    { code: 'InvalidAccessKeyId' },
  ),
  entry(
    '0002-00000904',
    'AccessKey',
    'The AccessKeyId is disabled, or its IP restriction does not allow the caller.',
    ['The AccessKey pair was disabled', 'The AccessKey is restricted to addresses the request does not come from'],
    'Enable the AccessKey pair or use another active pair; if it is IP-restricted, call from an allowed address.',
  ),
];

const NEIGHBOURS: EcEntry[] = [
  entry(
    '0003-00000001',
    'Neighbours',
    'A permission error (family 0003). sigdoctor\'s sources show this code only as the `x-oss-ec` example of the error-responses page, without further detail.',
    ['The identity that sent the request is not permitted to perform it'],
    'Check that the identity behind the AccessKeyId is allowed to perform this operation on this bucket or object; see the documentation page for this code.',
  ),
  entry(
    '0003-00000002',
    'Neighbours',
    'No credentials, or an invalid AccessKey, for a bucket operation.',
    ['The request was sent without a signature', 'The AccessKey used is invalid'],
    'Sign the request with a valid AccessKey pair.',
  ),
  entry(
    '0026-00000001',
    'Neighbours',
    'NoSuchKey: the object does not exist. The error echoes the key in `<Key>`; for HEAD requests it arrives base64-encoded in the `x-oss-err` header (HTTP 404). Not a signature error.',
    ['No object exists under this key in this bucket', 'The key or bucket in the request is not the one intended'],
    'Check the bucket and the object key the request names (the error\'s `<Key>`).',
    { code: 'NoSuchKey' },
  ),
];

/** Every EC sigdoctor knows, in listing order (grouped as {@link EC_GROUPS}). */
export const EC_CATALOGUE: readonly EcEntry[] = Object.freeze([
  ...STS,
  ...MODE,
  ...V1,
  ...OSS2,
  ...V4,
  ...S3V2,
  ...S3V4,
  ...TIME,
  ...IP,
  ...POST,
  ...RTMP,
  ...ACCESS_KEY,
  ...NEIGHBOURS,
]);

/** The non-0002 codes listed for context (SIGNING.md §8.4, §9 footnote). */
export const NEIGHBOUR_ECS: readonly string[] = Object.freeze(NEIGHBOURS.map((e) => e.ec));

const ERROR_CODE_MEANINGS: ReadonlyArray<readonly [string, string]> = [
  [
    'SignatureDoesNotMatch',
    'HTTP 403: the signature OSS calculated from the request it received differs from the one the request carries. For V1 and S3-compatible SigV2 signatures the error also returns the server\'s StringToSign and StringToSignBytes.',
  ],
  [
    'InvalidAccessKeyId',
    'HTTP 403: the AccessKeyId is unknown, invalid or not active. On HEAD requests the error arrives base64-encoded in the `x-oss-err` header.',
  ],
  [
    'AccessDenied',
    'HTTP 403. In the signing context: a missing or malformed request date, a signed URL lacking `Expires`/`OSSAccessKeyId`/`Signature`, or a signed URL that has expired ("Request has expired.").',
  ],
  [
    'InvalidArgument',
    'HTTP 400. In the signing context: a malformed Authorization header, or a signature given both in the Authorization header and in the URL.',
  ],
  [
    'RequestTimeTooSkewed',
    'HTTP 403: the request time is more than 15 minutes from the server\'s time; the error carries MaxAllowedSkewMilliseconds (900000), RequestTime and ServerTime.',
  ],
  [
    'NoSuchKey',
    'HTTP 404: the object does not exist. For HEAD requests it arrives base64-encoded in the `x-oss-err` header. Not a signature error.',
  ],
  [
    'NoSuchBucket',
    'The bucket does not exist; seen, like NoSuchKey, in `x-oss-err` on HEAD responses. Not a signature error; sigdoctor\'s sources document no EC for it.',
  ],
];

/**
 * The OSS error `Code` names sigdoctor explains, with the ECs documented to come with them
 * (derived from {@link EC_CATALOGUE}, so the two never disagree).
 */
export const ERROR_CODES: Record<string, { meaning: string; ecs: string[] }> = Object.freeze(
  Object.fromEntries(
    ERROR_CODE_MEANINGS.map(([code, meaning]) => [
      code,
      Object.freeze({ meaning, ecs: EC_CATALOGUE.filter((e) => e.code === code).map((e) => e.ec) }),
    ]),
  ),
);

/**
 * 0002 codes for which no documentation page was found (the gap list at the end of SIGNING.md §9),
 * as inclusive ranges of the 8-digit number.
 */
export const EC_DOC_GAPS: ReadonlyArray<readonly [number, number]> = [
  [2, 2], [5, 5], [11, 30], [35, 36], [41, 60], [72, 72], [74, 74], [78, 79],
  [107, 107], [110, 112], [115, 115],
  [200, 200], [207, 207], [216, 216], [218, 218], [221, 222], [227, 231], [233, 235],
  [303, 306],
  [402, 402], [406, 406], [410, 410], [413, 413], [415, 415], [419, 419], [421, 422], [424, 424],
  [426, 426], [428, 428], [432, 432],
  [601, 601], [701, 704], [706, 707], [709, 713], [803, 806],
];

/** True when `ec` (full `FFFF-NNNNNNNN` form) is in the §9 list of codes without a documentation page. */
export function isDocumentationGap(ec: string): boolean {
  if (!/^0002-\d{8}$/.test(ec)) return false;
  const n = Number(ec.slice(5));
  return EC_DOC_GAPS.some(([lo, hi]) => n >= lo && n <= hi);
}
