/**
 * Masking (CONTRACT.md --no-redact): AccessKey ids keep their first and last 4
 * characters, signatures (Authorization header, V1 `Signature=`, V4
 * `x-oss-signature`/`Signature=`, `SignatureProvided`, and the one sigdoctor
 * computes with the secret) and security tokens their first 4; masks keep the
 * length. Every format is run twice over every input kind — masked (the
 * default) and with --no-redact — and the masked output must be exactly the
 * --no-redact output with each credential replaced by its mask.
 */
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import type { CliResult } from './support/run-cli.js';
import { runAll } from './support/run-cli-async.js';

const SECRET = 'fixture-secret-not-real-0001';
const stars = (n: number): string => '*'.repeat(n);
const TOKEN = 'CAIS8gF1q6Ft5B2yfSjIr5fYE/Example+Sts+Token/NotReal0000Zm9vYmFy0123456789abcdefGhIjKl=';

/** Each input kind: its inputs, and every form of its credentials with the mask it must get. */
const KINDS: Array<{ kind: string; inputs: string[]; forms: Array<[string, string]> }> = [
  {
    kind: 'V1 header (real curl -v capture)',
    inputs: ['fixtures/samples/curl-v-8.21.0-put-403.txt'],
    forms: [
      ['LTAI5tExampleKeyId0000', 'LTAI**************0000'],
      ['uGB76pBpQY12gjk6RJdluCVKZhE=', `uGB7${stars(24)}`],
    ],
  },
  {
    kind: 'V1 URL (real presigned capture)',
    inputs: ['fixtures/samples/curl-v-8.21.0-presigned-get-403.txt'],
    forms: [
      ['9+VDxWa6ZzZkGkVHYAmCsNvNnMg=', `9+VD${stars(24)}`],
      ['9%2BVDxWa6ZzZkGkVHYAmCsNvNnMg%3D', `9%2B${stars(28)}`],
    ],
  },
  {
    kind: 'V4 header',
    inputs: ['fixtures/secret-mismatch/v4-header-secret-proven/request.txt', 'fixtures/secret-mismatch/v4-header-secret-proven/response.xml'],
    forms: [['63f097e29971400be9ccb2c608c120ad0cbe3f27a1d02f3af4716a3a3ea8942f', `63f0${stars(60)}`]],
  },
  {
    kind: 'V4 URL',
    inputs: ['fixtures/cdn-range-behavior-header/v4-presigned-cdn-back-to-origin/request.txt', 'fixtures/cdn-range-behavior-header/v4-presigned-cdn-back-to-origin/response.xml'],
    forms: [['e0335d66811679e098dcad8ff38251d67539b50c3c582513e67471f14a88ab14', `e033${stars(60)}`]],
  },
  {
    kind: 'STS token (URL and header)',
    inputs: [
      'fixtures/security-token-not-signed/url-token-left-out-proven/url.txt', 'fixtures/security-token-not-signed/url-token-left-out-proven/response.xml',
      'fixtures/security-token-not-signed/header-token-left-out-proven/request.txt', 'fixtures/security-token-not-signed/header-token-left-out-proven/response.xml',
    ],
    forms: [
      [TOKEN, `CAIS${stars(TOKEN.length - 4)}`],
      [encodeURIComponent(TOKEN), `CAIS${stars(encodeURIComponent(TOKEN).length - 4)}`],
      ['SPFQIYCNePcLzzCfPRbOuOh+VTY=', `SPFQ${stars(24)}`],
      ['SPFQIYCNePcLzzCfPRbOuOh%2BVTY%3D', `SPFQ${stars(28)}`],
      ['DxN2sIA/Q9oqMGf3Zbi6tJnh+T4=', `DxN2${stars(24)}`],
    ],
  },
];
const INPUTS = KINDS.flatMap((k) => k.inputs);

const FORMATS = ['human', 'json', 'markdown', 'github'] as const;
type Format = (typeof FORMATS)[number];

const V1H = ['LTAI5tExampleKeyId0000', 'uGB76pBpQY12gjk6RJdluCVKZhE='];
const V1U = ['9+VDxWa6ZzZkGkVHYAmCsNvNnMg=', '9%2BVDxWa6ZzZkGkVHYAmCsNvNnMg%3D'];
const V4H = ['63f097e29971400be9ccb2c608c120ad0cbe3f27a1d02f3af4716a3a3ea8942f'];
const V4U = ['e0335d66811679e098dcad8ff38251d67539b50c3c582513e67471f14a88ab14'];
const STS = [TOKEN, encodeURIComponent(TOKEN), 'SPFQIYCNePcLzzCfPRbOuOh+VTY=', 'SPFQIYCNePcLzzCfPRbOuOh%2BVTY%3D'];
/**
 * Which credential forms each format shows with --no-redact, by kind, and how
 * many of the signatures computed with the secret. JSON carries every field
 * (the explain steps and the proof's data too, where the header-token request's
 * own signature DxN2… appears); the GitHub annotations only the causes' evidence.
 */
const SHOWN: Record<Format, { kinds: Record<string, string[]>; computed: number }> = {
  human: { kinds: { [KINDS[0]!.kind]: V1H, [KINDS[1]!.kind]: V1U, [KINDS[2]!.kind]: V4H, [KINDS[3]!.kind]: V4U, [KINDS[4]!.kind]: STS }, computed: 3 },
  json: { kinds: { [KINDS[0]!.kind]: V1H, [KINDS[1]!.kind]: V1U, [KINDS[2]!.kind]: V4H, [KINDS[3]!.kind]: V4U, [KINDS[4]!.kind]: [...STS, 'DxN2sIA/Q9oqMGf3Zbi6tJnh+T4='] }, computed: 5 },
  markdown: { kinds: { [KINDS[0]!.kind]: V1H, [KINDS[1]!.kind]: V1U, [KINDS[2]!.kind]: V4H, [KINDS[3]!.kind]: V4U, [KINDS[4]!.kind]: STS }, computed: 3 },
  github: { kinds: { [KINDS[0]!.kind]: [V1H[1]!], [KINDS[1]!.kind]: [V1U[0]!], [KINDS[2]!.kind]: V4H, [KINDS[3]!.kind]: [], [KINDS[4]!.kind]: [STS[2]!] }, computed: 3 },
};

/** The signature sigdoctor computes with the secret for a result, computed here independently (SIGNING.md §2.6, §4.4–4.5). */
function expectedSignature(version: string, stringToSign: string): string {
  if (version.startsWith('v1')) return createHmac('sha1', SECRET).update(stringToSign, 'utf8').digest('base64');
  const [date, region, product] = stringToSign.split('\n')[2]!.split('/');
  let key = createHmac('sha256', `aliyun_v4${SECRET}`).update(date!).digest();
  for (const part of [region!, product!, 'aliyun_v4_request']) key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

const runs = FORMATS.flatMap((format) => [false, true].map((full) => ({ format, full, run: { args: ['--format', format, ...(full ? ['--no-redact'] : []), ...INPUTS], env: { OSS_ACCESS_KEY_SECRET: SECRET } } })));
let results: CliResult[];
/** The signatures computed with the secret, which reports mask like any other. */
let computed: Array<[string, string]> = [];

const out = (format: Format, full: boolean): CliResult => results[runs.findIndex((r) => r.format === format && r.full === full)]!;

beforeAll(async () => {
  results = await runAll(runs.map((r) => r.run));
  const doc = JSON.parse(out('json', true).stdout) as { results: Array<{ signatureVersion: string; stringToSign: { client: string | null }; signature: { verified: boolean | null } }> };
  computed = doc.results
    .filter((r) => r.signature.verified !== null && r.stringToSign.client !== null)
    .map((r) => expectedSignature(r.signatureVersion, r.stringToSign.client!))
    .map((sig) => [sig, sig.slice(0, 4) + stars(sig.length - 4)]);
}, 60000);

describe.each(FORMATS)('%s', (format) => {
  it('both runs succeed (exit 1: every input is a problem), nothing on stderr', () => {
    for (const full of [false, true]) expect({ code: out(format, full).code, stderr: out(format, full).stderr }).toEqual({ code: 1, stderr: '' });
  });

  it('masked = --no-redact with every credential replaced by its mask', () => {
    const pairs = [...KINDS.flatMap((k) => k.forms), ...computed].sort((a, b) => b[0].length - a[0].length);
    let want = out(format, true).stdout;
    for (const [value, mask] of pairs) want = want.split(value).join(mask);
    if (format === 'markdown') want = want.replace(`<sub>sigdoctor ${pkg.version}</sub>`, `<sub>sigdoctor ${pkg.version} · AccessKey ids, signatures and tokens are masked</sub>`);
    expect(out(format, false).stdout).toBe(want);
  });

  it.each(KINDS.map((k) => [k.kind, k] as const))('%s: in full only with --no-redact', (kind, k) => {
    const shown = (text: string): string[] => k.forms.map(([v]) => v).filter((v) => text.includes(v));
    expect(shown(out(format, true).stdout)).toEqual(SHOWN[format].kinds[kind]);
    expect(shown(out(format, false).stdout)).toEqual([]);
  });

  it('the signatures computed with the secret: in full only with --no-redact', () => {
    // V1 header, V1 URL, V4 header and the two STS requests (the V4 URL's CDN host needs --bucket: nothing to compute).
    expect(computed).toHaveLength(5);
    const shown = (text: string): number => computed.filter(([v]) => text.includes(v)).length;
    expect([shown(out(format, true).stdout), shown(out(format, false).stdout)]).toEqual([SHOWN[format].computed, 0]);
  });
});
