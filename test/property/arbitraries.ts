/**
 * Generators the V1 and V4 ali-oss property tests share: the same buckets,
 * keys, header values, Content-Types, ids and sub-resource flags, so both
 * signature forms are checked on the same inputs. Each test keeps the
 * generators that follow its own form's rules (and ali-oss's quirks for it).
 */
import fc from 'fast-check';

export const AK = 'property-test-ak';
export const SECRET = 'property-test-secret';
export const SEED = Number(process.env.FC_SEED ?? 20261122);

export const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/**
 * No `xn--` prefix: Node's URL parsers reject the invalid punycode (`Invalid URL`) before anything
 * is signed — in createRequest, signatureUrl, signatureUrlV4 and urllib alike.
 */
export const bucketArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,18}[a-z0-9]$/).filter((b) => !b.startsWith('xn--'));

/** Key pieces: single characters (reserved, unreserved, tab, DEL, NBSP, non-ASCII incl. astral) and escape look-alikes. */
const KEY_TOKENS = [
  ...'abcxyzABCXYZ0189',
  ' ', '  ', '+', '-', '_', '.', '~', '!', '*', "'", '(', ')', '%', '&', '=', '?', '#', ',', ';', '@', '$', ':',
  '[', ']', '{', '}', '|', '\\', '^', '`', '"', '<', '>', '\t', '\u007f', '\u00a0',
  'é', 'ü', 'ñ', 'Å', 'ß', '中', '文', '件', 'ア', '한', '😀', '🎉',
  '%2B', '%20', '%2F', '%25', '%zz',
];

/** Segments; sometimes empty, which gives `a//b` keys. */
const segmentArb = fc.oneof(
  { arbitrary: fc.array(fc.constantFrom(...KEY_TOKENS), { minLength: 1, maxLength: 8 }).map((t) => t.join('')).filter((s) => s !== '.' && s !== '..'), weight: 12 },
  { arbitrary: fc.constant(''), weight: 1 },
);

/** Sometimes a file extension, so that ali-oss's mime-based Content-Type fill-in gets exercised. */
const extensionArb = fc.constantFrom('', '', '', '.txt', '.jpg', '.html', '.json', '.tar.gz');

export const objectKeyArb = fc
  .tuple(fc.array(segmentArb, { minLength: 1, maxLength: 4 }), extensionArb, fc.boolean())
  .map(([segments, ext, trailingSlash]) => segments.join('/') + (trailingSlash ? '/' : ext))
  // A key never starts with `/` (OSS rejects it; ali-oss strips it).
  .filter((k) => k !== '' && !k.startsWith('/'));

/** Mostly object keys, sometimes a bucket-level request (empty key). */
export const keyOrBucketArb = fc.oneof({ arbitrary: objectKeyArb, weight: 9 }, { arbitrary: fc.constant(''), weight: 1 });

const PRINTABLE_ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const printableArb = (maxLength: number) => fc.string({ unit: fc.constantFrom(...PRINTABLE_ASCII), maxLength });
const VALUE_UNITS = [...PRINTABLE_ASCII, '\t', 'é', 'ß', '中', '文', '😀', '\u00a0'];

/**
 * x-oss-* header values: printable ASCII; non-ASCII (UTF-8 in the string to
 * sign); inner runs of spaces and tabs (kept by both sides); padded with spaces
 * or tabs on purpose (both sides trim x-oss-* values); empty (`name:`).
 */
export const headerValueArb = fc.oneof(
  { arbitrary: printableArb(24).map((s) => s.trim()), weight: 4 },
  { arbitrary: fc.string({ unit: fc.constantFrom(...VALUE_UNITS), maxLength: 20 }), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom(' ', '  ', '\t', ' \t'), printableArb(16), fc.constantFrom('', ' ', '\t')).map(([a, b, c]) => a + b + c), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

export const otherOssHeadersArb = fc.record(
  {
    'x-oss-object-acl': fc.constantFrom('private', 'public-read', 'default'),
    'x-oss-storage-class': fc.constantFrom('Standard', 'IA', 'Archive'),
    'x-oss-forbid-overwrite': fc.constantFrom('true', 'false'),
    'x-oss-server-side-encryption': fc.constant('AES256'),
  },
  { requiredKeys: [] },
);

export const CONTENT_TYPES = [
  'text/plain',
  'text/html; charset=utf-8',
  'application/octet-stream',
  'image/jpeg',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----sigdoctor',
];
export const contentTypeArb = fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined, freq: 2 });
export const contentMd5Arb = fc.option(
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('base64')),
  { nil: undefined, freq: 2 },
);
export const stsTokenArb = fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{8,64}$/), { nil: undefined });

/** Opaque ids (uploadId, versionId): base64-ish, sometimes with URL-special characters. */
export const idArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{1,32}$/),
  fc.stringMatching(/^[A-Za-z0-9+/=.\-_]{1,40}$/),
);

export const PROCESSES = ['image/resize,w_100', 'image/resize,m_fixed,w_100,h_100', 'image/rotate,90/format,png', 'video/snapshot,t_1000,f_jpg'];

export type SubresValue = string | number | null;
export const flagArb = fc.constantFrom<SubresValue>('', null);
