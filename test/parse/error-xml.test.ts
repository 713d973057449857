/**
 * The OSS <Error> reader on untrusted input: the INPUTS.md §8 configuration
 * and what it must (and must not) do.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/input-error.js';
import { decodeHexBytes, decodeOssErrHeader, findErrorXml, parseErrorXml } from '../../src/parse/error-xml.js';

const DOC_EXAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>SignatureDoesNotMatch</Code>
  <Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>
  <RequestId>646DCB189AE2D1333018****</RequestId>
  <HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>
  <OSSAccessKeyId>LTAI5tMw7e8zyBazfpSS****</OSSAccessKeyId>
  <SignatureProvided>tPN3MChhuKk2XixolQLonoJW****</SignatureProvided>
  <StringToSign>PUT\\n\\n\\nTue, 23 May 2023 15:24:55 GMT\\n/bucket/?acl</StringToSign>
  <StringToSignBytes>50 55 54 0A 0A 0A 54 75 65 2C 20 32 33 20 4D 61 79 20 32 30 32 33 20 31 35 3A 32 34 3A 35 35 20 47 4D 54 0A 2F 64 69 6E 61 72 79 2F 3F 61 63 6C </StringToSignBytes>
  <EC>0002-00000040</EC>
</Error>
`;

const parse = (xml: string) => parseErrorXml(xml, 'test.xml', 'standalone');
const text = (b: Uint8Array | undefined) => Buffer.from(b ?? []).toString('utf8');

describe('parseErrorXml', () => {
  it('reads seed 004\'s documented example; the bytes are the truth', () => {
    const e = parse(DOC_EXAMPLE);
    expect(e.code).toBe('SignatureDoesNotMatch');
    expect(e.requestId).toBe('646DCB189AE2D1333018****');
    expect(e.ec).toBe('0002-00000040');
    expect(e.accessKeyId).toBe('LTAI5tMw7e8zyBazfpSS****');
    expect(e.accessKeyIdElement).toBe('OSSAccessKeyId');
    expect(e.stringToSign).toBe('PUT\\n\\n\\nTue, 23 May 2023 15:24:55 GMT\\n/bucket/?acl');
    expect(text(e.stringToSignBytes)).toBe('PUT\n\n\nTue, 23 May 2023 15:24:55 GMT\n/dinary/?acl');
  });

  it('keeps numeric-looking values as exact strings', () => {
    const e = parse('<Error><RequestId>565823456789012345678901</RequestId><SignatureProvided>1234567890</SignatureProvided><EC>0002-00000040</EC></Error>');
    expect(e.requestId).toBe('565823456789012345678901');
    expect(e.signatureProvided).toBe('1234567890');
  });

  it('trims nothing in StringToSign (a key ending in a space) and decodes entities once', () => {
    const e = parse('<Error xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com"><StringToSign>GET&#10;&amp;x </StringToSign><Code> X </Code></Error>');
    expect(e.stringToSign).toBe('GET\n&x ');
    expect(e.code).toBe('X');
  });

  it('reads AWSAccessKeyId for S3-compatible errors and RequestTimeTooSkewed extras', () => {
    const e = parse('<Error><Code>RequestTimeTooSkewed</Code><AWSAccessKeyId>AK</AWSAccessKeyId><RequestTime>2026-11-22T14:00:00.000Z</RequestTime><ServerTime>2026-11-22T15:00:00.000Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>');
    expect(e).toMatchObject({ accessKeyId: 'AK', accessKeyIdElement: 'AWSAccessKeyId', requestTime: '2026-11-22T14:00:00.000Z', serverTime: '2026-11-22T15:00:00.000Z', maxAllowedSkewMilliseconds: '900000' });
  });

  it('takes the first of repeated elements', () => {
    expect(parse('<Error><Code>A</Code><Code>B</Code></Error>').code).toBe('A');
  });

  it.each([
    ['a DOCTYPE with an internal entity', '<?xml version="1.0"?><!DOCTYPE Error [<!ENTITY a "AAAA">]><Error><Code>&a;</Code></Error>', 'test.xml: the error XML contains a DOCTYPE or ENTITY declaration; OSS never sends one, so sigdoctor refuses to parse it'],
    ['billion laughs', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><Error><Code>&lol1;</Code></Error>', 'test.xml: the error XML contains a DOCTYPE or ENTITY declaration; OSS never sends one, so sigdoctor refuses to parse it'],
    ['an external entity', '<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]><Error><Code>&x;</Code></Error>', 'test.xml: the error XML contains a DOCTYPE or ENTITY declaration; OSS never sends one, so sigdoctor refuses to parse it'],
    ['a truncated document', '<Error><Code>SignatureDoesNotMatch</Code><StringToSignBytes>47 45', 'test.xml: the error XML is truncated: it has no closing </Error>'],
    ['deep nesting', `<Error>${'<a>'.repeat(50)}${'</a>'.repeat(50)}</Error>`, null],
    ['a __proto__ element', '<Error><__proto__><polluted>1</polluted></__proto__></Error>', null],
    ['an oversized document', `<Error><Message>${'x'.repeat(300 * 1024)}</Message></Error>`, 'test.xml: the error XML is 307234 bytes; an OSS error body is a few KB (limit 262144 bytes, fixed)'],
  ])('refuses %s with an InputError', (_name, xml, message) => {
    let thrown: unknown;
    try {
      parse(xml);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    if (message !== null) expect((thrown as Error).message).toBe(message);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('findErrorXml', () => {
  it('finds documents inside other text, with their prolog', () => {
    const spans = findErrorXml(`log line\n<?xml version="1.0"?>\n<Error><Code>A</Code></Error>\nmore\n<Error>\n<Code>B</Code></Error>`);
    expect(spans.map((s) => s.xml)).toEqual(['<?xml version="1.0"?>\n<Error><Code>A</Code></Error>', '<Error>\n<Code>B</Code></Error>']);
  });

  it('keeps a DOCTYPE in front of the document so it is refused, not skipped', () => {
    const [span] = findErrorXml('<?xml version="1.0"?>\n<!DOCTYPE Error [<!ENTITY a "x">]>\n<Error><Code>&a;</Code></Error>');
    expect(span!.xml.startsWith('<?xml version="1.0"?>\n<!DOCTYPE')).toBe(true);
  });

  it('does not mistake <ErrorCode> for <Error>', () => {
    expect(findErrorXml('<ErrorCode>1</ErrorCode>')).toEqual([]);
  });
});

describe('decodeHexBytes', () => {
  it.each([
    ['50 55 54 0A ', [0x50, 0x55, 0x54, 0x0a]],
    ['50 55 54 0a', [0x50, 0x55, 0x54, 0x0a]],
    ['  e4 b8 ad\n', [0xe4, 0xb8, 0xad]],
    ['505554', [0x50, 0x55, 0x54]],
    ['', []],
  ])('%j', (input, bytes) => {
    expect(decodeHexBytes(input)).toEqual({ ok: true, bytes: Uint8Array.from(bytes) });
  });

  it('reports what is not hex', () => {
    expect(decodeHexBytes('50 5G')).toEqual({ ok: false, problem: '"5G" is not a hex byte' });
    expect(decodeHexBytes('50 505\u00a0AA')).toEqual({ ok: false, problem: '"505" is not a hex byte' });
    expect(decodeHexBytes('0A 0A0A0A0A0A0A0A0Z')).toEqual({ ok: false, problem: '"0A0A0A0A0A0A" is not a hex byte' });
  });

  /** The split-and-regex reading the one-pass loop replaced: the same answer on any text. */
  function reference(text: string) {
    const t = text.trim();
    if (t === '') return { ok: true, bytes: new Uint8Array(0) };
    const bytes: number[] = [];
    for (const tok of t.split(/\s+/)) {
      if (tok.length % 2 !== 0 || !/^[0-9A-Fa-f]+$/.test(tok)) return { ok: false, problem: `"${tok.slice(0, 12)}" is not a hex byte` };
      for (let i = 0; i < tok.length; i += 2) bytes.push(parseInt(tok.slice(i, i + 2), 16));
    }
    return { ok: true, bytes: Uint8Array.from(bytes) };
  }

  it('agrees with the split-and-regex reading on generated text', () => {
    const piece = fc.constantFrom('0', 'A', 'f', '9', 'a0', 'FF', 'G', 'x', ' ', '\t', '\n', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u0085', '\u200b', '\v', '\f', '中');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(decodeHexBytes(text)).toEqual(reference(text));
      }),
      { numRuns: 5000, seed: 20261122 },
    );
  });
});

describe('decodeOssErrHeader', () => {
  const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>NoSuchKey</Code>\n</Error>\n';
  it('decodes padded and unpadded base64', () => {
    const b64 = Buffer.from(xml).toString('base64');
    expect(decodeOssErrHeader(b64)).toBe(xml);
    expect(decodeOssErrHeader(b64.replace(/=+$/, ''))).toBe(xml);
  });
  it('returns null for anything else', () => {
    expect(decodeOssErrHeader('not base64!')).toBeNull();
    expect(decodeOssErrHeader(Buffer.from('hello').toString('base64'))).toBeNull();
  });
});
