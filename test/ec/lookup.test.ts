import { describe, expect, it } from 'vitest';
import { lookupEc, ecFamilyName, GAP_NOTE, UNKNOWN_NOTE } from '../../src/ec/lookup.js';
import type { EcLookupResult } from '../../src/ec/lookup.js';

/** The error block of ../shared/seeds/002_02c5b82b9e6f0da3.txt (DOC-EC/0002-00000040), verbatim. */
const SEED_002_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>SignatureDoesNotMatch</Code>
  <Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>
  <RequestId>646DCB189AE2D1333018****</RequestId>
  <HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>
  <OSSAccessKeyId>LTAI******** </OSSAccessKeyId>
  <SignatureProvided>tPN3LTAI******** </SignatureProvided>
  <StringToSign>PUT\\n\\n\\nTue, 23 May 2023 15:24:55 GMT\\n/bucket/?acl</StringToSign>
  <StringToSignBytes>50 55 54 0A 0A 0A 54 75 65 2C 20 32 33 20 4D 61 79 20 32 30 32 33 20 31 35 3A 32 34 3A 35 35 20 47 4D 54 0A 2F 64 69 6E 61 72 79 2F 3F 61 63 6C </StringToSignBytes>
  <EC>0002-00000040</EC>
</Error>`;

/** The go-v2 mock HEAD 404 document (SIGNING.md §8.4). */
const NO_SUCH_KEY_XML = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The specified key does not exist.</Message>
  <RequestId>6556E3AED11E553933CCDEDF</RequestId>
  <HostId>demo-walker-6961.oss-cn-hangzhou.aliyuncs.com</HostId>
  <Key>walker2asdasdasd.txt</Key>
  <EC>0026-00000001</EC>
  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0026-00000001</RecommendDoc>
</Error>
`;
const NO_SUCH_KEY_B64 = Buffer.from(NO_SUCH_KEY_XML).toString('base64');

function ecOf(r: EcLookupResult): string | null {
  return r.kind === 'ec' ? r.entry.ec : r.kind === 'unknown-ec' ? r.ec : null;
}

describe('lookupEc: ECs typed by hand', () => {
  it.each([
    '0002-00000040',
    '  0002-00000040\n',
    'EC 0002-00000040',
    'ec:0002-00000040',
    'EC: 0002-00000040',
    'x-oss-ec: 0002-00000040',
    'X-Oss-Ec:0002-00000040',
    'X-OSS-EC: 0002-00000040',
    '"0002-00000040"',
    '<EC>0002-00000040</EC>',
    '0002 - 00000040',
    '0002–00000040',
    '000200000040',
    '2-40',
    '0002-40',
    'EC 2-40',
  ])('%j → 0002-00000040', (q) => {
    const r = lookupEc(q);
    expect(r.kind).toBe('ec');
    expect(ecOf(r)).toBe('0002-00000040');
  });

  it('returns the full entry', () => {
    const r = lookupEc('0002-00000038');
    if (r.kind !== 'ec') throw new Error(r.kind);
    expect(r.entry.group).toBe('Mode / method selection');
    expect(r.entry.sigdoctorCauses).toEqual(['wrong-signature-method']);
    expect(r.entry.docs).toBe('https://www.alibabacloud.com/help/en/oss/support/0002-00000038');
  });

  it('finds the neighbours', () => {
    expect(ecOf(lookupEc('0003-00000002'))).toBe('0003-00000002');
    expect(ecOf(lookupEc('3-2'))).toBe('0003-00000002');
    expect(ecOf(lookupEc('0026-00000001'))).toBe('0026-00000001');
  });

  it('reports a §9 gap code as unknown-ec with the gap note', () => {
    expect(lookupEc('0002-00000005')).toEqual({
      kind: 'unknown-ec',
      ec: '0002-00000005',
      family: '0002',
      note: GAP_NOTE,
    });
    expect(GAP_NOTE).toBe('no documentation page was found for this code (SIGNING.md §9 gap list)');
    expect(lookupEc('<EC>0002-00000216</EC>')).toMatchObject({ kind: 'unknown-ec', note: GAP_NOTE });
  });

  it('reports any other well-formed code as unknown-ec, not in the catalogue', () => {
    expect(lookupEc('0002-00000999')).toEqual({
      kind: 'unknown-ec',
      ec: '0002-00000999',
      family: '0002',
      note: UNKNOWN_NOTE,
    });
    expect(lookupEc('0042-00000001')).toMatchObject({ kind: 'unknown-ec', family: '0042', note: UNKNOWN_NOTE });
  });
});

describe('lookupEc: Code names', () => {
  it.each(['SignatureDoesNotMatch', 'signaturedoesnotmatch', ' SIGNATUREDOESNOTMATCH ', 'Code: SignatureDoesNotMatch'])(
    '%j',
    (q) => {
      const r = lookupEc(q);
      if (r.kind !== 'code') throw new Error(r.kind);
      expect(r.code).toBe('SignatureDoesNotMatch');
      expect(r.meaning).toMatch(/403/);
      expect(r.entries.map((e) => e.ec)).toEqual(expect.arrayContaining(['0002-00000040', '0002-00000201']));
      expect(r.entries.every((e) => e.code === 'SignatureDoesNotMatch')).toBe(true);
    },
  );

  it('knows the other Codes', () => {
    const r = lookupEc('invalidaccesskeyid');
    if (r.kind !== 'code') throw new Error(r.kind);
    expect(r.code).toBe('InvalidAccessKeyId');
    expect(r.entries.map((e) => e.ec)).toContain('0002-00000902');
    expect(lookupEc('NoSuchBucket')).toMatchObject({ kind: 'code', code: 'NoSuchBucket', entries: [] });
    expect(lookupEc('RequestTimeTooSkewed')).toMatchObject({ kind: 'code', code: 'RequestTimeTooSkewed' });
  });

  it('falls back to <Code> when a (pre-2022) error has no EC', () => {
    const xml = '<?xml version="1.0"?>\n<Error>\n  <Code>RequestTimeTooSkewed</Code>\n  <Message>x</Message>\n</Error>';
    expect(lookupEc(xml)).toMatchObject({ kind: 'code', code: 'RequestTimeTooSkewed' });
  });

  it('recognises a Code name in a log line', () => {
    expect(lookupEc('OSS error: InvalidAccessKeyId: The OSS Access Key Id you provided does not exist')).toMatchObject({
      kind: 'code',
      code: 'InvalidAccessKeyId',
    });
    expect(lookupEc('ali-oss threw SignatureDoesNotMatchError (status 403)')).toMatchObject({
      kind: 'code',
      code: 'SignatureDoesNotMatch',
    });
  });
});

describe('lookupEc: pasted responses', () => {
  it('finds the EC of the seed 002 error XML', () => {
    const r = lookupEc(SEED_002_XML);
    if (r.kind !== 'ec') throw new Error(r.kind);
    expect(r.entry.ec).toBe('0002-00000040');
    expect(r.entry.code).toBe('SignatureDoesNotMatch');
  });

  it('finds the EC in a whole HTTP response', () => {
    const response = [
      'HTTP/1.1 403 Forbidden',
      'Server: AliyunOSS',
      'Content-Type: application/xml',
      'x-oss-request-id: 646DCB189AE2D1333018AAAA',
      'x-oss-ec: 0002-00000040',
      '',
      SEED_002_XML,
    ].join('\r\n');
    expect(ecOf(lookupEc(response))).toBe('0002-00000040');
  });

  it('prefers <EC> over other EC-shaped text', () => {
    const text = `Trace 2023-12345678 seen\n${SEED_002_XML.replace('0002-00000040', '0002-00000201')}`;
    expect(ecOf(lookupEc(text))).toBe('0002-00000201');
  });

  it('reads an x-oss-ec header in curl -v output', () => {
    const curl = '< HTTP/1.1 403 Forbidden\n< server: AliyunOSS\n< x-oss-ec: 0002-00000069\n< content-length: 0\n<';
    expect(ecOf(lookupEc(curl))).toBe('0002-00000069');
  });

  it('decodes an x-oss-err base64 value given alone', () => {
    const r = lookupEc(NO_SUCH_KEY_B64);
    if (r.kind !== 'ec') throw new Error(r.kind);
    expect(r.entry.ec).toBe('0026-00000001');
    expect(r.entry.code).toBe('NoSuchKey');
  });

  it('decodes x-oss-err in a HEAD response, a header line, JSON, and wrapped over lines', () => {
    const head = `HTTP/1.1 404 Not Found\r\nServer: AliyunOSS\r\nx-oss-err: ${NO_SUCH_KEY_B64}\r\nContent-Length: 0\r\n\r\n`;
    expect(ecOf(lookupEc(head))).toBe('0026-00000001');
    expect(ecOf(lookupEc(`X-Oss-Err:${NO_SUCH_KEY_B64}`))).toBe('0026-00000001');
    expect(ecOf(lookupEc(`{"x-oss-request-id":"6556E3AED11E553933CCDEDF","x-oss-err":"${NO_SUCH_KEY_B64}"}`))).toBe(
      '0026-00000001',
    );
    expect(ecOf(lookupEc(`{"name": "x-oss-err", "value": "${NO_SUCH_KEY_B64}"}`))).toBe('0026-00000001');
    expect(ecOf(lookupEc(NO_SUCH_KEY_B64.replace(/(.{60})/g, '$1\n')))).toBe('0026-00000001');
    expect(ecOf(lookupEc(`debug: got 404 ${NO_SUCH_KEY_B64} end`))).toBe('0026-00000001');
  });

  it('decodes x-oss-err without padding, and ignores x-oss-error-type', () => {
    const unpadded = Buffer.from('<Error><Code>InvalidAccessKeyId</Code><EC>0002-00000902</EC></Error>!')
      .toString('base64')
      .replace(/=+$/, '');
    expect(unpadded.endsWith('=')).toBe(false);
    expect(ecOf(lookupEc(`x-oss-err: ${unpadded}`))).toBe('0002-00000902');
    expect(lookupEc('x-oss-error-type: AAAAAAAAAAAAAAAAAAAAAAAA')).toEqual({
      kind: 'not-found',
      query: 'x-oss-error-type: AAAAAAAAAAAAAAAAAAAAAAAA',
    });
  });

  it('finds the EC of a JSON error and of a RecommendDoc link', () => {
    expect(ecOf(lookupEc('{"Error":{"Code":"AccessDenied","EC":"0002-00000069"}}'))).toBe('0002-00000069');
    expect(ecOf(lookupEc('see https://api.aliyun.com/troubleshoot?q=0002-00000226'))).toBe('0002-00000226');
  });

  it('does not read the shorthand out of longer text', () => {
    expect(lookupEc('between 2-40 and 3-50 items')).toMatchObject({ kind: 'not-found' });
  });
});

describe('lookupEc: junk', () => {
  it.each(['', '   ', 'hello world', 'SignatureDoesMatch', '0002-0000004O', '12345-00000040', '0002-000000400', 'ec', '<Error></Error>'])(
    '%j → not-found',
    (q) => {
      expect(lookupEc(q)).toEqual({ kind: 'not-found', query: q });
    },
  );

  // Their time is measured by the fuzz script (test/fuzz/regex-worst-cases.ts); here, the answer.
  it('answers not-found on large, hostile inputs', () => {
    const inputs = [
      '-'.repeat(4_000_000),
      '0'.repeat(2_000_000) + '-' + '0'.repeat(2_000_000),
      '0002-'.repeat(800_000),
      '<EC>'.repeat(1_000_000),
      'x-oss-err: '.repeat(300_000),
      'PD94bWwg'.repeat(500_000),
      'A'.repeat(4_000_000),
      '<code>'.repeat(600_000),
      'SignatureDoesNotMatc'.repeat(200_000),
    ];
    for (const input of inputs) expect(lookupEc(input)).toEqual({ kind: 'not-found', query: input });
  });

  it('finds an EC at the end of a multi-megabyte paste', () => {
    const big = `${'log line without codes\n'.repeat(200_000)}<EC>0002-00000504</EC>`;
    expect(ecOf(lookupEc(big))).toBe('0002-00000504');
  });
});

describe('ecFamilyName', () => {
  it('names the documented families', () => {
    expect(ecFamilyName('0002')).toBe('authentication / signature');
    expect(ecFamilyName('0003')).toBe('permission');
    expect(ecFamilyName('0026')).toMatch(/object/);
    expect(ecFamilyName('0042')).toBe('unknown family');
  });
});
