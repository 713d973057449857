import { describe, expect, it } from 'vitest';
import type { V4AuthCause, V4AuthContext, V4AuthProblem } from '../../src/model/v4-auth.js';
import { looksLikeV4Query, parseV4Authorization, parseV4Query } from '../../src/request/v4-auth.js';
import { parseQuery } from '../../src/request/url-parts.js';

const M: V4AuthCause = 'malformed-v4-authorization';
const S: V4AuthCause = 'v4-scope-mismatch';

/** A problem with every field but the message exact (messages are checked separately where they carry a rule). */
function p(cause: V4AuthCause, field: string, offending: string, ec: string | null): V4AuthProblem {
  return { cause, field, offending, ec, message: expect.any(String) as unknown as string };
}

// SIGNING.md §4.6 (go-v2 / py-v2 vectors).
const SIG = '4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f';
const CRED = 'ak/20231216/cn-hangzhou/oss/aliyun_v4_request';
const H = (pairs: string): string => `OSS4-HMAC-SHA256 ${pairs}`;
/** The documented shape for the §4.6 values, optionally with AdditionalHeaders. */
const good = (additional?: string, cred = CRED, sig = SIG): string =>
  `OSS4-HMAC-SHA256 Credential=${cred}${additional === undefined ? '' : `,AdditionalHeaders=${additional}`},Signature=${sig}`;

/** A corrected scope (date, region, product, terminator) derives another key: the old signature cannot be kept. */
const RESIGN = '<re-sign with this scope>';

const SEED_001 = 'OSS4-HMAC-SHA256 CredentialAK**ID/20221220/us-east-1/oss/aliyun_v4_request,Signature=18**0a,UnknownKey=1';

describe('parseV4Authorization: problems and the corrected header', () => {
  type Row = [string, string, V4AuthContext, V4AuthProblem[], string | null];
  it.each<Row>([
    // Seed 001 (DOC-EC/0002-00000204) and its documented correction (without AdditionalHeaders=host: the request lists none).
    [
      'seed 001',
      SEED_001,
      {},
      [p(M, 'pair', 'CredentialAK**ID/20221220/us-east-1/oss/aliyun_v4_request', '0002-00000203'), p(M, 'key', 'UnknownKey=1', '0002-00000204')],
      'OSS4-HMAC-SHA256 Credential=AK**ID/20221220/us-east-1/oss/aliyun_v4_request,Signature=18**0a',
    ],
    [
      'seed 001 with its Host region (oss-cn-hangzhou): the doc example also mismatches the region',
      SEED_001,
      { hostRegion: 'cn-hangzhou' },
      [
        p(M, 'pair', 'CredentialAK**ID/20221220/us-east-1/oss/aliyun_v4_request', '0002-00000203'),
        p(M, 'key', 'UnknownKey=1', '0002-00000204'),
        p(S, 'scope.region', 'us-east-1', '0002-00000226'),
      ],
      'OSS4-HMAC-SHA256 Credential=AK**ID/20221220/cn-hangzhou/oss/aliyun_v4_request,Signature=<re-sign with this scope>',
    ],

    // Clean values.
    ['§4.6 case 2 (AdditionalHeaders)', good('abc;zabc'), {}, [], null],
    ['§4.6 case 1', good(undefined, CRED, 'e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe'), {}, [], null],
    [
      '§4.6 case 2 with a matching request context',
      good('abc;zabc'),
      { hostRegion: 'cn-hangzhou', xOssDate: '20231216T172512Z', headerNames: ['abc', 'zabc', 'content-type', 'x-oss-date', 'host'] },
      [],
      null,
    ],
    ['oss2: `, ` separators, AdditionalHeaders last', H(`Credential=${CRED}, Signature=${SIG}, AdditionalHeaders=abc;zabc`), {}, [], null],
    ['keys in any order', H(`Signature=${SIG},AdditionalHeaders=abc;zabc,Credential=${CRED}`), {}, [], null],
    [
      'CloudBox (§4.6 case 4): the cb- id is not compared with the Host region',
      H('Credential=ak/20231216/cb-123/oss-cloudbox/aliyun_v4_request,Signature=94ce1f12c17d148ea681030275a94449d3357f5b5b21133996eec80af3e08a43'),
      { hostRegion: 'cn-hangzhou' },
      [],
      null,
    ],
    ['OSS Tables product', H(`Credential=ak/20231216/cn-hangzhou/osstables/aliyun_v4_request,Signature=${SIG}`), {}, [], null],

    // Algorithm and the space after it.
    ['misspelled algorithm', `OSS4-HMAC-SHA1 Credential=${CRED},Signature=${SIG}`, {}, [p(M, 'algorithm', 'OSS4-HMAC-SHA1', null)], good()],
    ['algorithm in lower case', `oss4-hmac-sha256 Credential=${CRED},Signature=${SIG}`, {}, [p(M, 'algorithm', 'oss4-hmac-sha256', null)], good()],
    ['no space after the algorithm', `OSS4-HMAC-SHA256Credential=${CRED},Signature=${SIG}`, {}, [p(M, 'algorithm', 'OSS4-HMAC-SHA256Credential', null)], good()],
    ['two spaces after the algorithm', `OSS4-HMAC-SHA256  Credential=${CRED},Signature=${SIG}`, {}, [p(M, 'algorithm', 'OSS4-HMAC-SHA256  ', null)], good()],
    ['a tab after the algorithm', `OSS4-HMAC-SHA256\tCredential=${CRED},Signature=${SIG}`, {}, [p(M, 'algorithm', 'OSS4-HMAC-SHA256\t', null)], good()],
    ['a comma after the algorithm', `OSS4-HMAC-SHA256,Credential=${CRED},Signature=${SIG}`, {}, [p(M, 'algorithm', 'OSS4-HMAC-SHA256,', null)], good()],
    [
      'misspelled algorithm glued to Credential',
      `OSS4-HMAC-SHA1Credential=${CRED},Signature=${SIG}`,
      {},
      [p(M, 'algorithm', 'OSS4-HMAC-SHA1', null), p(M, 'algorithm', 'OSS4-HMAC-SHA1Credential', null)],
      good(),
    ],

    // Pairs.
    ['Signature missing (too few pairs)', H(`Credential=${CRED}`), {}, [p(M, 'Signature', '', '0002-00000202')], `OSS4-HMAC-SHA256 Credential=${CRED},Signature=<signature>`],
    [
      'Credential missing',
      H(`Signature=${SIG}`),
      {},
      [p(M, 'Credential', '', '0002-00000205')],
      `OSS4-HMAC-SHA256 Credential=<AccessKeyId>/<yyyymmdd>/<region>/oss/aliyun_v4_request,Signature=${SIG}`,
    ],
    [
      'Credential missing, scope filled from the context',
      H(`Signature=${SIG}`),
      { hostRegion: 'cn-hangzhou', xOssDate: '20231216T172512Z' },
      [p(M, 'Credential', '', '0002-00000205')],
      `OSS4-HMAC-SHA256 Credential=<AccessKeyId>/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=${SIG}`,
    ],
    [
      'the algorithm alone',
      'OSS4-HMAC-SHA256',
      {},
      [p(M, 'Credential', '', '0002-00000205'), p(M, 'Signature', '', '0002-00000202')],
      'OSS4-HMAC-SHA256 Credential=<AccessKeyId>/<yyyymmdd>/<region>/oss/aliyun_v4_request,Signature=<signature>',
    ],
    ['Signature without `=`', H(`Credential=${CRED},Signature${SIG}`), {}, [p(M, 'pair', `Signature${SIG}`, '0002-00000203')], good()],
    ['an element without `=` that names no key', H(`Credential=${CRED},Signature=${SIG},host`), {}, [p(M, 'pair', 'host', '0002-00000203')], good()],
    ['unknown key', H(`Credential=${CRED},SignedHeaders=host,Signature=${SIG}`), {}, [p(M, 'key', 'SignedHeaders=host', '0002-00000204')], good()],
    ['key in the wrong case', H(`credential=${CRED},Signature=${SIG}`), {}, [p(M, 'key', `credential=${CRED}`, '0002-00000204')], good()],
    ['duplicate key (the first is kept)', H(`Credential=${CRED},Signature=${SIG},Signature=abc`), {}, [p(M, 'key', 'Signature=abc', null)], good()],
    ['trailing comma', H(`Credential=${CRED},Signature=${SIG},`), {}, [p(M, 'pair', ',', null)], good()],
    ['empty element between commas', H(`Credential=${CRED},,Signature=${SIG}`), {}, [p(M, 'pair', ',,', null)], good()],
    ['whitespace before a comma', H(`Credential=${CRED} ,Signature=${SIG}`), {}, [p(M, 'pair', `Credential=${CRED} `, null)], good()],
    ['whitespace around `=`', H(`Credential = ${CRED},Signature=${SIG}`), {}, [p(M, 'pair', `Credential = ${CRED}`, null)], good()],

    // AccessKeyId.
    ['AccessKeyId with a leading \\r', H(`Credential=\rak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=${SIG}`), {}, [p(M, 'scope.accessKeyId', '\rak', '0002-00000206')], good()],
    [
      'AccessKeyId empty',
      H(`Credential=/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=${SIG}`),
      {},
      [p(M, 'scope.accessKeyId', '', '0002-00000206')],
      good(undefined, '<AccessKeyId>/20231216/cn-hangzhou/oss/aliyun_v4_request'),
    ],

    // Signature value.
    ['Signature empty', H(`Credential=${CRED},Signature=`), {}, [p(M, 'Signature', 'Signature=', '0002-00000208')], `OSS4-HMAC-SHA256 Credential=${CRED},Signature=<signature>`],
    ['Signature too short', H(`Credential=${CRED},Signature=4a4183c1`), {}, [p(M, 'Signature', '4a4183c1', null)], null],
    ['Signature in base64 (V1 habit)', H(`Credential=${CRED},Signature=3iYQTEBsxQRLuS9NzWyA1cpMJkc=`), {}, [p(M, 'Signature', '3iYQTEBsxQRLuS9NzWyA1cpMJkc=', null)], null],
    ['Signature in upper-case hex', H(`Credential=${CRED},Signature=${SIG.toUpperCase()}`), {}, [p(M, 'Signature', SIG.toUpperCase(), null)], good()],

    // AdditionalHeaders.
    ['AdditionalHeaders empty', H(`Credential=${CRED},AdditionalHeaders=,Signature=${SIG}`), {}, [p(M, 'AdditionalHeaders', 'AdditionalHeaders=', '0002-00000209')], good()],
    ['AdditionalHeaders trailing `;`', H(`Credential=${CRED},AdditionalHeaders=host;,Signature=${SIG}`), {}, [p(M, 'AdditionalHeaders', 'host;', '0002-00000210')], good('host')],
    ['AdditionalHeaders leading `;`', H(`Credential=${CRED},AdditionalHeaders=;host,Signature=${SIG}`), {}, [p(M, 'AdditionalHeaders', ';host', '0002-00000210')], good('host')],
    ['AdditionalHeaders `;;`', H(`Credential=${CRED},AdditionalHeaders=abc;;zabc,Signature=${SIG}`), {}, [p(M, 'AdditionalHeaders', 'abc;;zabc', '0002-00000210')], good('abc;zabc')],
    ['AdditionalHeaders upper-case name', H(`Credential=${CRED},AdditionalHeaders=Host,Signature=${SIG}`), {}, [p(M, 'AdditionalHeaders', 'Host', null)], good('host')],
    ['AdditionalHeaders unsorted', H(`Credential=${CRED},AdditionalHeaders=zabc;abc,Signature=${SIG}`), {}, [p(M, 'AdditionalHeaders', 'zabc;abc', null)], good('abc;zabc')],
    ['AdditionalHeaders repeated name', H(`Credential=${CRED},AdditionalHeaders=abc;abc,Signature=${SIG}`), {}, [p(M, 'AdditionalHeaders', 'abc;abc', null)], good('abc')],
    ['AdditionalHeaders name with `_`', H(`Credential=${CRED},AdditionalHeaders=x_custom,Signature=${SIG}`), {}, [p(M, 'AdditionalHeaders', 'x_custom', '0002-00000211')], good()],
    [
      'AdditionalHeaders names a header the request does not carry (host is always carried)',
      H(`Credential=${CRED},AdditionalHeaders=abc;host,Signature=${SIG}`),
      { headerNames: ['x-oss-date'] },
      [p('v4-additional-headers-mismatch', 'AdditionalHeaders', 'abc', '0002-00000211')],
      good('host'),
    ],
    [
      'AdditionalHeaders lists default-signed headers',
      H(`Credential=${CRED},AdditionalHeaders=content-type;host;x-oss-meta-a,Signature=${SIG}`),
      {},
      [p(M, 'AdditionalHeaders', 'content-type', null), p(M, 'AdditionalHeaders', 'x-oss-meta-a', null)],
      good('host'),
    ],

    // Credential scope.
    ['scope with 4 parts', H(`Credential=ak/20231216/cn-hangzhou/oss,Signature=${SIG}`), {}, [p(M, 'Credential', 'ak/20231216/cn-hangzhou/oss', null)], null],
    [
      'scope URL-encoded inside the header',
      H(`Credential=ak%2F20231216%2Fcn-hangzhou%2Foss%2Faliyun_v4_request,Signature=${SIG}`),
      {},
      [p(M, 'Credential', 'ak%2F20231216%2Fcn-hangzhou%2Foss%2Faliyun_v4_request', null)],
      null,
    ],
    [
      'scope date with dashes',
      H(`Credential=ak/2022-12-20/cn-hangzhou/oss/aliyun_v4_request,Signature=${SIG}`),
      {},
      [p(S, 'scope.date', '2022-12-20', '0002-00000212')],
      good(undefined, 'ak/20221220/cn-hangzhou/oss/aliyun_v4_request', RESIGN),
    ],
    [
      'scope date not the date of x-oss-date',
      good(),
      { xOssDate: '20231217T000102Z' },
      [p(S, 'scope.date', '20231216', null)],
      good(undefined, 'ak/20231217/cn-hangzhou/oss/aliyun_v4_request', RESIGN),
    ],
    [
      'terminator wrong',
      H(`Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4,Signature=${SIG}`),
      {},
      [p(M, 'scope.terminator', 'aliyun_v4', '0002-00000213')],
      good(undefined, CRED, RESIGN),
    ],
    [
      'region with the oss- prefix',
      H(`Credential=ak/20231216/oss-cn-hangzhou/oss/aliyun_v4_request,Signature=${SIG}`),
      { hostRegion: 'cn-hangzhou' },
      [p(S, 'scope.region', 'oss-cn-hangzhou', '0002-00000226')],
      good(undefined, CRED, RESIGN),
    ],
    ['region not the Host region', good(), { hostRegion: 'cn-beijing' }, [p(S, 'scope.region', 'cn-hangzhou', '0002-00000226')], good(undefined, 'ak/20231216/cn-beijing/oss/aliyun_v4_request', RESIGN)],
    ['product not oss', H(`Credential=ak/20231216/cn-hangzhou/s3/aliyun_v4_request,Signature=${SIG}`), {}, [p(M, 'scope.product', 's3', null)], good(undefined, CRED, RESIGN)],
  ])('%s', (_name, value, ctx, problems, corrected) => {
    const facts = parseV4Authorization(value, ctx);
    expect(facts.problems).toEqual(problems);
    expect(facts.corrected).toBe(corrected);
    expect(facts.form).toBe('header');
    expect(facts.raw).toBe(value);
    for (const pr of facts.problems) {
      expect(pr.message.length).toBeGreaterThan(10);
      expect(pr.message).not.toContain('\n');
    }
  });

  it('reads the facts of the seed 001 header, and says Credential is therefore missing', () => {
    const facts = parseV4Authorization(SEED_001);
    expect(facts).toEqual({
      form: 'header',
      raw: SEED_001,
      credential: { accessKeyId: 'AK**ID', date: '20221220', region: 'us-east-1', product: 'oss', terminator: 'aliyun_v4_request' },
      additionalHeaders: null,
      signature: '18**0a',
      timestamp: null,
      expires: null,
      securityToken: null,
      problems: expect.any(Array) as unknown,
      corrected: 'OSS4-HMAC-SHA256 Credential=AK**ID/20221220/us-east-1/oss/aliyun_v4_request,Signature=18**0a',
    });
    expect(facts.problems[0]!.message).toMatch(/Credential is therefore missing/);
  });

  it('reads the facts of a clean header with the context timestamp', () => {
    const value = H(`Credential=${CRED}, Signature=${SIG}, AdditionalHeaders=zabc;abc`);
    const facts = parseV4Authorization(value, { xOssDate: '20231216T172512Z' });
    expect(facts.credential).toEqual({ accessKeyId: 'ak', date: '20231216', region: 'cn-hangzhou', product: 'oss', terminator: 'aliyun_v4_request' });
    expect(facts.additionalHeaders).toEqual(['zabc', 'abc']); // as given
    expect(facts.signature).toBe(SIG);
    expect(facts.timestamp).toBe('20231216T172512Z');
    expect(facts.corrected).toBe(good('abc;zabc'));
  });

  it.each([
    ['oss- prefix → bare region id', H(`Credential=ak/20231216/oss-cn-hangzhou/oss/aliyun_v4_request,Signature=${SIG}`), {}, /bare region id.*`cn-hangzhou`/],
    ['default-signed names → SDKs drop them', H(`Credential=${CRED},AdditionalHeaders=content-md5,Signature=${SIG}`), {}, /SDKs drop/],
    ['scope date vs x-oss-date → undocumented, S3 analogue', good(), { xOssDate: '20231217T000102Z' }, /§12\.8.*0002-00000409/],
    ['upper-case hex → lower-case', H(`Credential=${CRED},Signature=${SIG.toUpperCase()}`), {}, /lower-case/],
    ['control characters shown escaped', H(`Credential=\rak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=${SIG}`), {}, /`\\rak`/],
  ])('message: %s', (_name, value, ctx: V4AuthContext, re) => {
    expect(parseV4Authorization(value, ctx).problems[0]!.message).toMatch(re);
  });
});

// SIGNING.md §5.1 (DOC-V4U) and §5.3 (go-v2 TestV4AuthQuery).
const DOC_V4U =
  'x-oss-additional-headers=host&x-oss-credential=LTAI********************%2F20241203%2Fcn-hangzhou%2Foss%2Faliyun_v4_request&x-oss-date=20241203T034420Z&x-oss-expires=86400&x-oss-signature=70c542eaf652ac291c0c343d63ac24ede41c0526661d9d4c63c0906a2686160c&x-oss-signature-version=OSS4-HMAC-SHA256';
const QSIG = 'a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe';
const QCRED = 'x-oss-credential=ak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request';
const QDATE = 'x-oss-date=20231217T025437Z';
const QEXP = 'x-oss-expires=599';
const QVER = 'x-oss-signature-version=OSS4-HMAC-SHA256';
const QS = `x-oss-signature=${QSIG}`;
/** The parameters in the order an SDK emits them, with replacements. */
const query = (o: { ver?: string | null; cred?: string | null; date?: string | null; exp?: string | null; sig?: string | null; extra?: string } = {}): string =>
  [
    'param1=value1',
    o.ver === undefined ? QVER : o.ver,
    o.cred === undefined ? QCRED : o.cred,
    o.date === undefined ? QDATE : o.date,
    o.exp === undefined ? QEXP : o.exp,
    o.extra ?? null,
    o.sig === undefined ? QS : o.sig,
  ]
    .filter((x): x is string => x !== null)
    .join('&');
/** The corrected parameter list (alphabetical, as in DOC-V4U). */
const fixedQ = (o: { add?: string; cred?: string; date?: string; exp?: string; token?: string; sig?: string } = {}): string =>
  [
    o.add === undefined ? null : `x-oss-additional-headers=${o.add}`,
    o.cred ?? QCRED,
    o.date ?? QDATE,
    o.exp ?? QEXP,
    o.token === undefined ? null : `x-oss-security-token=${o.token}`,
    o.sig ?? QS,
    QVER,
  ]
    .filter((x): x is string => x !== null)
    .join('&');

describe('parseV4Query: problems and the corrected parameters', () => {
  type Row = [string, string, V4AuthContext, V4AuthProblem[], string | null];
  it.each<Row>([
    ['DOC-V4U example', DOC_V4U, { hostRegion: 'cn-hangzhou', headerNames: ['host'] }, [], null],
    ['go-v2 vector order', query(), { hostRegion: 'cn-hangzhou' }, [], null],
    ['raw `/` in the credential is tolerated', query({ cred: 'x-oss-credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request' }), {}, [], null],
    ['raw `;` in the additional headers is tolerated', query({ extra: 'x-oss-additional-headers=abc;zabc' }), { headerNames: ['abc', 'zabc'] }, [], null],
    ['STS token', query({ extra: 'x-oss-security-token=CAIS%2Babc%3D' }), {}, [], null],

    // x-oss-signature-version.
    [
      'the docs typo x-oss-signature-verion',
      query({ ver: 'x-oss-signature-verion=OSS4-HMAC-SHA256' }),
      {},
      [p(M, 'x-oss-signature-version', 'x-oss-signature-verion', null)],
      fixedQ(),
    ],
    ['x-oss-signature-version missing', query({ ver: null }), {}, [p(M, 'x-oss-signature-version', '', null)], fixedQ()],
    ['x-oss-signature-version wrong', query({ ver: 'x-oss-signature-version=OSS4-HMAC-SHA1' }), {}, [p(M, 'x-oss-signature-version', 'OSS4-HMAC-SHA1', null)], fixedQ()],
    ['x-oss-signature-version repeated', query({ extra: 'x-oss-signature-version=OSS2' }), {}, [p(M, 'x-oss-signature-version', 'x-oss-signature-version=OSS2', null)], fixedQ()],

    // x-oss-credential.
    [
      'x-oss-credential missing',
      query({ cred: null }),
      { hostRegion: 'cn-hangzhou' },
      [p(M, 'x-oss-credential', '', '0002-00000217')],
      fixedQ({ cred: 'x-oss-credential=<AccessKeyId>%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request' }),
    ],
    [
      'x-oss-credential empty',
      query({ cred: 'x-oss-credential=' }),
      {},
      [p(M, 'x-oss-credential', 'x-oss-credential=', null)],
      fixedQ({ cred: 'x-oss-credential=<AccessKeyId>%2F20231217%2F<region>%2Foss%2Faliyun_v4_request' }),
    ],
    ['x-oss-credential with 4 parts', query({ cred: 'x-oss-credential=ak%2F20231217%2Fcn-hangzhou%2Foss' }), {}, [p(M, 'x-oss-credential', 'ak%2F20231217%2Fcn-hangzhou%2Foss', null)], null],
    [
      'x-oss-credential date with dashes',
      query({ cred: 'x-oss-credential=ak%2F2023-12-17%2Fcn-hangzhou%2Foss%2Faliyun_v4_request' }),
      {},
      [p(S, 'scope.date', '2023-12-17', '0002-00000223')],
      fixedQ({ sig: `x-oss-signature=${RESIGN}` }),
    ],
    [
      'x-oss-credential date not the date of x-oss-date',
      query({ cred: 'x-oss-credential=ak%2F20231216%2Fcn-hangzhou%2Foss%2Faliyun_v4_request' }),
      {},
      [p(S, 'scope.date', '20231216', null)],
      fixedQ({ sig: `x-oss-signature=${RESIGN}` }),
    ],
    [
      'x-oss-credential terminator wrong',
      query({ cred: 'x-oss-credential=ak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4' }),
      {},
      [p(M, 'scope.terminator', 'aliyun_v4', '0002-00000224')],
      fixedQ({ sig: `x-oss-signature=${RESIGN}` }),
    ],
    [
      'x-oss-credential region with the oss- prefix',
      query({ cred: 'x-oss-credential=ak%2F20231217%2Foss-cn-hangzhou%2Foss%2Faliyun_v4_request' }),
      {},
      [p(S, 'scope.region', 'oss-cn-hangzhou', '0002-00000226')],
      fixedQ({ sig: `x-oss-signature=${RESIGN}` }),
    ],
    [
      'x-oss-credential region not the Host region',
      query(),
      { hostRegion: 'cn-beijing' },
      [p(S, 'scope.region', 'cn-hangzhou', '0002-00000226')],
      fixedQ({ cred: 'x-oss-credential=ak%2F20231217%2Fcn-beijing%2Foss%2Faliyun_v4_request', sig: `x-oss-signature=${RESIGN}` }),
    ],
    [
      'x-oss-credential AccessKeyId with an encoded \\r',
      query({ cred: 'x-oss-credential=%0Dak%2F20231217%2Fcn-hangzhou%2Foss%2Faliyun_v4_request' }),
      {},
      [p(M, 'scope.accessKeyId', '%0Dak', null)],
      fixedQ(),
    ],

    // x-oss-date.
    ['x-oss-date missing', query({ date: null }), {}, [p(M, 'x-oss-date', '', null)], fixedQ({ date: 'x-oss-date=<yyyymmddThhmmssZ>' })],
    ['x-oss-date in extended ISO 8601', query({ date: 'x-oss-date=2023-12-17T02%3A54%3A37Z' }), {}, [p(M, 'x-oss-date', '2023-12-17T02%3A54%3A37Z', null)], fixedQ()],
    ['x-oss-date unreadable', query({ date: 'x-oss-date=yesterday' }), {}, [p(M, 'x-oss-date', 'yesterday', null)], null],

    // x-oss-expires.
    ['x-oss-expires missing', query({ exp: null }), {}, [p(M, 'x-oss-expires', '', '0002-00000215')], fixedQ({ exp: 'x-oss-expires=<seconds>' })],
    ['x-oss-expires 0', query({ exp: 'x-oss-expires=0' }), {}, [p(M, 'x-oss-expires', '0', '0002-00000232')], null],
    ['x-oss-expires over 7 days', query({ exp: 'x-oss-expires=604801' }), {}, [p(M, 'x-oss-expires', '604801', '0002-00000232')], null],
    ['x-oss-expires 7 days', query({ exp: 'x-oss-expires=604800' }), {}, [], null],
    ['x-oss-expires not an integer', query({ exp: 'x-oss-expires=1.5' }), {}, [p(M, 'x-oss-expires', '1.5', '0002-00000232')], null],
    ['x-oss-expires as an absolute time', query({ exp: 'x-oss-expires=1702782276' }), {}, [p(M, 'x-oss-expires', '1702782276', '0002-00000232')], null],
    ['x-oss-expires repeated (the first wins)', query({ extra: 'x-oss-expires=600' }), {}, [p(M, 'x-oss-expires', 'x-oss-expires=600', null)], fixedQ()],

    // x-oss-signature.
    ['x-oss-signature missing', query({ sig: null }), {}, [p(M, 'x-oss-signature', '', '0002-00000219')], fixedQ({ sig: 'x-oss-signature=<signature>' })],
    ['x-oss-signature empty', query({ sig: 'x-oss-signature=' }), {}, [p(M, 'x-oss-signature', 'x-oss-signature=', '0002-00000220')], fixedQ({ sig: 'x-oss-signature=<signature>' })],
    ['x-oss-signature without a value', query({ sig: 'x-oss-signature' }), {}, [p(M, 'x-oss-signature', 'x-oss-signature', '0002-00000220')], fixedQ({ sig: 'x-oss-signature=<signature>' })],
    ['x-oss-signature not hex', query({ sig: 'x-oss-signature=3iYQTEBsxQRLuS9NzWyA1cpMJkc%3D' }), {}, [p(M, 'x-oss-signature', '3iYQTEBsxQRLuS9NzWyA1cpMJkc%3D', null)], null],
    ['x-oss-signature upper-case hex', query({ sig: `x-oss-signature=${QSIG.toUpperCase()}` }), {}, [p(M, 'x-oss-signature', QSIG.toUpperCase(), null)], fixedQ()],

    // x-oss-additional-headers.
    ['x-oss-additional-headers empty', query({ extra: 'x-oss-additional-headers=' }), {}, [p(M, 'x-oss-additional-headers', 'x-oss-additional-headers=', '0002-00000209')], fixedQ()],
    ['x-oss-additional-headers trailing %3B', query({ extra: 'x-oss-additional-headers=host%3B' }), {}, [p(M, 'x-oss-additional-headers', 'host%3B', '0002-00000210')], fixedQ({ add: 'host' })],
    ['x-oss-additional-headers upper-case', query({ extra: 'x-oss-additional-headers=Host' }), {}, [p(M, 'x-oss-additional-headers', 'Host', null)], fixedQ({ add: 'host' })],
    ['x-oss-additional-headers unsorted', query({ extra: 'x-oss-additional-headers=zabc%3Babc' }), {}, [p(M, 'x-oss-additional-headers', 'zabc%3Babc', null)], fixedQ({ add: 'abc%3Bzabc' })],
    ['x-oss-additional-headers with `_`', query({ extra: 'x-oss-additional-headers=a_b' }), {}, [p(M, 'x-oss-additional-headers', 'a_b', '0002-00000211')], fixedQ()],
    [
      'x-oss-additional-headers names an absent header',
      query({ extra: 'x-oss-additional-headers=abc%3Bhost' }),
      { headerNames: [] },
      [p('v4-additional-headers-mismatch', 'x-oss-additional-headers', 'abc', '0002-00000211')],
      fixedQ({ add: 'host' }),
    ],
    [
      'x-oss-additional-headers default-signed',
      query({ extra: 'x-oss-additional-headers=content-type%3Bhost' }),
      {},
      [p(M, 'x-oss-additional-headers', 'content-type', null)],
      fixedQ({ add: 'host' }),
    ],
    [
      'the STS token is kept in the corrected list',
      query({ ver: null, extra: 'x-oss-security-token=CAIS%2Babc%3D' }),
      {},
      [p(M, 'x-oss-signature-version', '', null)],
      fixedQ({ token: 'CAIS%2Babc%3D' }),
    ],
  ])('%s', (_name, raw, ctx, problems, corrected) => {
    const facts = parseV4Query(parseQuery(raw), raw, ctx);
    expect(facts.problems).toEqual(problems);
    expect(facts.corrected).toBe(corrected);
    expect(facts.form).toBe('query');
    expect(facts.raw).toBe(raw);
  });

  it('reads the facts of the DOC-V4U example', () => {
    expect(parseV4Query(parseQuery(DOC_V4U), DOC_V4U)).toEqual({
      form: 'query',
      raw: DOC_V4U,
      credential: { accessKeyId: 'LTAI********************', date: '20241203', region: 'cn-hangzhou', product: 'oss', terminator: 'aliyun_v4_request' },
      additionalHeaders: ['host'],
      signature: '70c542eaf652ac291c0c343d63ac24ede41c0526661d9d4c63c0906a2686160c',
      timestamp: '20241203T034420Z',
      expires: '86400',
      securityToken: null,
      problems: [],
      corrected: null,
    });
  });

  it('reads the security token decoded', () => {
    const raw = query({ extra: 'x-oss-security-token=CAIS%2Babc%3D' });
    expect(parseV4Query(parseQuery(raw), raw).securityToken).toBe('CAIS+abc=');
  });

  it('says the typo was copied from the docs', () => {
    const raw = query({ ver: 'x-oss-signature-verion=OSS4-HMAC-SHA256' });
    expect(parseV4Query(parseQuery(raw), raw).problems[0]!.message).toMatch(/copied from the docs' examples/);
  });
});

describe('looksLikeV4Query', () => {
  it.each([
    ['DOC-V4U example', DOC_V4U, true],
    ['docs typo only', 'x-oss-signature-verion=OSS4-HMAC-SHA256', true],
    ['x-oss-credential only', 'x-oss-credential=ak%2F20231217', true],
    ['x-oss-signature only', `x-oss-signature=${QSIG}`, true],
    ['x-oss-signature-version only', 'x-oss-signature-version=OSS4-HMAC-SHA256', true],
    ['OSS V2 URL', 'x-oss-signature-version=OSS2&x-oss-access-key-id=ak&x-oss-expires=1&x-oss-signature=abc', false],
    ['V1 URL', 'OSSAccessKeyId=ak&Expires=1&Signature=abc', false],
    ['no query', '', false],
  ])('%s → %s', (_name, raw, expected) => {
    expect(looksLikeV4Query(parseQuery(raw))).toBe(expected);
  });
});

describe('never throws, bounded work', () => {
  const big = 2 * 1024 * 1024;
  it.each([
    ['empty', ''],
    ['commas', ',,,,'],
    ['only `=`', '='.repeat(big)],
    ['many unknown pairs', `OSS4-HMAC-SHA256 ${'a=b,'.repeat(big / 4)}`],
    ['huge AdditionalHeaders', `OSS4-HMAC-SHA256 Credential=${CRED},AdditionalHeaders=${'h;'.repeat(big / 2)},Signature=${SIG}`],
    ['huge AdditionalHeaders, distinct names', `OSS4-HMAC-SHA256 Credential=${CRED},AdditionalHeaders=${Array.from({ length: 100000 }, (_, i) => `H${i}`).join(';')},Signature=${SIG}`],
    ['leading whitespace in a value', `OSS4-HMAC-SHA256 Credential=${' '.repeat(big)}x`],
    ['huge signature', `OSS4-HMAC-SHA256 Credential=${CRED},Signature=${'a'.repeat(big)}`],
    ['control characters', 'OSS4-HMAC-SHA256 \u0000\r\n,=;/'],
  ])('header: %s', (_name, value) => {
    const facts = parseV4Authorization(value, { headerNames: [], hostRegion: 'cn-hangzhou', xOssDate: 'x' });
    expect(facts.problems.length).toBeLessThanOrEqual(101);
    for (const pr of facts.problems) expect(pr.offending.length).toBeLessThanOrEqual(1025);
  });

  it.each([
    ['repeated parameters', Array.from({ length: 200000 }, () => 'x-oss-expires=1').join('&')],
    ['huge credential', `x-oss-credential=${'%2F'.repeat(big / 3)}`],
    ['huge additional headers', `x-oss-additional-headers=${'a%3B'.repeat(big / 4)}`],
    ['odd percent escapes', 'x-oss-credential=%E4%2F%&x-oss-signature=%zz&x-oss-date=%'],
  ])('query: %s', (_name, raw) => {
    const facts = parseV4Query(parseQuery(raw), raw, { headerNames: [] });
    expect(facts.problems.length).toBeLessThanOrEqual(101);
  });

  it('survives inputs that break the types', () => {
    expect(() => parseV4Authorization(undefined as unknown as string)).not.toThrow();
    expect(() => parseV4Query(undefined as unknown as [], undefined as unknown as string)).not.toThrow();
    expect(() => parseV4Query([{ name: 'x-oss-credential' } as never], 'x')).not.toThrow();
    expect(() => looksLikeV4Query(null as unknown as [])).not.toThrow();
  });
});
