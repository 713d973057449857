import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseErrorXml } from '../../src/parse/error-xml.js';
import {
  BROWSER_VIEWER_NOTE,
  buildErrorXml,
  escapeXmlText,
  looksLikeMangledError,
  readPythonLiteral,
  recoverErrorXml,
  recoverPythonErrorDict,
} from '../../src/parse/mangled-error.js';

const INPUTS = new URL('../../fixtures/inputs/', import.meta.url);

function input(name: string): string {
  return readFileSync(new URL(name, INPUTS), 'utf8');
}

const HOST = 'examplebucket.oss-cn-hangzhou.aliyuncs.com';
const AK = 'LTAI5tExampleKeyId0000';
const MSG = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';

/** The "PicGo story" of the written inputs (fixtures/inputs/README.md). */
const STS = 'PUT\n\nimage/png\nSun, 22 Nov 2026 14:40:12 GMT\n/examplebucket/img/截图 1.png';
const SIG = 'F7Zcat+FnVesRYV/JORTijOIwZU=';
const RID = '6650B1A4D11E553933CC8001';
const HEX = [...Buffer.from(STS, 'utf8')].map((b) => b.toString(16).toUpperCase().padStart(2, '0') + ' ').join('');

/** OSS's document (INPUTS.md §1.1), without the final newline when cut out of text at `</Error>`. */
function storyXml(opts: { prolog?: boolean; finalLf?: boolean } = {}): string {
  const xml =
    (opts.prolog === false ? '' : '<?xml version="1.0" encoding="UTF-8"?>\n') +
    '<Error>\n  <Code>SignatureDoesNotMatch</Code>\n' +
    `  <Message>${MSG}</Message>\n  <RequestId>${RID}</RequestId>\n  <HostId>${HOST}</HostId>\n` +
    `  <OSSAccessKeyId>${AK}</OSSAccessKeyId>\n  <SignatureProvided>${SIG}</SignatureProvided>\n` +
    `  <StringToSign>${STS}</StringToSign>\n  <StringToSignBytes>${HEX}</StringToSignBytes>\n` +
    '  <EC>0002-00000040</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0002-00000040</RecommendDoc>\n</Error>';
  return opts.finalLf ? xml + '\n' : xml;
}

/** The recovered XML must go through the real parser and give the story's bytes back. */
function expectStoryBytes(xml: string): void {
  const err = parseErrorXml(xml, 'test', 'standalone');
  expect(Buffer.from(err.stringToSignBytes!).toString('utf8')).toBe(STS);
  expect(err.code).toBe('SignatureDoesNotMatch');
}

describe('looksLikeMangledError', () => {
  it.each([
    ['picgo-json-escaped-error.log', true],
    ['node-util-inspect-error-body.txt', true],
    ['python-bytes-repr-error-body.txt', true],
    ['oss2-exception-str.txt', true],
    ['oss2-exception-str-hand-edited.txt', true],
    ['java-oss-exception-stacktrace.txt', true],
    ['java-oss-exception-no-xml.txt', true],
    ['browser-xml-viewer-copy.txt', true],
    // Plain error XML inside these is for findErrorXml; they hold no mangled copy.
    ['sdk-ali-oss-6.23.0-DEBUG-stderr.txt', false],
    ['sdk-ali-oss-6.23.0-console-log-err.txt', false],
    ['ossutil-1.x-stat-head-403-debug.log', false],
    ['go-sdk-v2-v4-put-object-403-debug.log', false],
  ])('%s → %s', (name, yes) => {
    expect(looksLikeMangledError(input(name))).toBe(yes);
  });

  it('is false for plain XML, XML with the docs\' literal \\n, and non-error text', () => {
    expect(looksLikeMangledError(storyXml({ finalLf: true }))).toBe(false);
    expect(looksLikeMangledError('<?xml version="1.0"?><Error><Code>X</Code><StringToSign>PUT\\n\\n\\nd\\n/b/?acl</StringToSign></Error>')).toBe(false);
    expect(looksLikeMangledError('{"name":"x","message":"hello"}')).toBe(false);
    expect(looksLikeMangledError('')).toBe(false);
  });
});

describe('recoverErrorXml: quoted string literals', () => {
  it('JSON-escaped body in a PicGo / request-promise log (JSON.parse of the literal)', () => {
    expect(recoverErrorXml(input('picgo-json-escaped-error.log'))).toEqual({
      xml: storyXml(),
      notes: ['recovered the error XML from a JSON string literal (escapes such as \\n and \\" decoded with JSON.parse)'],
    });
  });

  it('Node util.inspect output: the \'…\\n\' + pieces are joined back, prolog included', () => {
    const r = recoverErrorXml(input('node-util-inspect-error-body.txt'))!;
    expect(r).toEqual({
      xml: storyXml(),
      notes: ['recovered the error XML from a single-quoted string literal (a Python repr or Node util.inspect output, 17 pieces joined); its escapes were decoded'],
    });
    expectStoryBytes(r.xml);
  });

  it("Python bytes repr b'…': \\xNN are UTF-8 bytes", () => {
    const r = recoverErrorXml(input('python-bytes-repr-error-body.txt'))!;
    expect(r).toEqual({ xml: storyXml(), notes: ["recovered the error XML from a single-quoted string literal (a Python bytes literal b'…'); its escapes were decoded"] });
    expectStoryBytes(r.xml);
  });

  it('pprint-style bytes pieces cut inside a UTF-8 sequence are joined as bytes', () => {
    const text = "{'data': b'<Error><StringToSign>a\\n/b/\\xe6\\x88'\n          b'\\xaa</StringToSign></Error>'}";
    expect(recoverErrorXml(text)!.xml).toBe('<Error><StringToSign>a\n/b/截</StringToSign></Error>');
  });

  it('Go json.Marshal escapes < > & as \\u003c \\u003e \\u0026; PHP escapes / as \\/', () => {
    const go = '{"body":"\\u003c?xml version=\\"1.0\\"?\\u003e\\n\\u003cError\\u003e\\u003cCode\\u003eX\\u003c/Code\\u003e\\u003cMessage\\u003ea \\u0026amp; b\\u003c/Message\\u003e\\u003c/Error\\u003e"}';
    expect(recoverErrorXml(go)).toEqual({
      xml: '<?xml version="1.0"?>\n<Error><Code>X</Code><Message>a &amp; b</Message></Error>',
      notes: ['recovered the error XML from a JSON string literal (escapes such as \\n and \\" decoded with JSON.parse)'],
    });
    const php = '{"error":"<Error>\\n<Code>X<\\/Code>\\n<StringToSign>GET\\n\\n\\n1\\n\\/b\\/k<\\/StringToSign>\\n<\\/Error>"}';
    expect(recoverErrorXml(php)!.xml).toBe('<Error>\n<Code>X</Code>\n<StringToSign>GET\n\n\n1\n/b/k</StringToSign>\n</Error>');
  });

  it('a JSON string inside a JSON string is decoded twice', () => {
    const once = JSON.stringify(storyXml({ finalLf: true }));
    const twice = `{"log":${JSON.stringify(`upload failed: ${once}`)}}`;
    expect(recoverErrorXml(twice)).toEqual({
      xml: storyXml(),
      notes: ['recovered the error XML from a JSON string literal (escapes such as \\n and \\" decoded with JSON.parse)', 'the XML was escaped 2 times over; it was decoded 2 times'],
    });
  });

  it('decodes leniently when the quoted text is not valid JSON', () => {
    const text = `error: "<Error>\\n  <Code>X</Code>\\n  <Message>it\\'s \\x41</Message>\\n</Error>" at line 3`;
    expect(recoverErrorXml(text)).toEqual({
      xml: "<Error>\n  <Code>X</Code>\n  <Message>it's A</Message>\n</Error>",
      notes: ['recovered the error XML from a quoted string that is not valid JSON; its escapes (\\n, \\", \\uXXXX …) were decoded leniently'],
    });
  });

  it('leaves plain XML (even between quotes, or with the docs\' literal \\n) to findErrorXml', () => {
    expect(recoverErrorXml(storyXml({ finalLf: true }))).toBeNull();
    expect(recoverErrorXml('"<Error><Code>X</Code></Error>"')).toBeNull();
    expect(recoverErrorXml('<Error>\n<StringToSign>PUT\\n\\n\\nTue, 23 May 2023 15:24:55 GMT\\n/bucket/?acl</StringToSign>\n</Error>')).toBeNull();
  });

  it('returns null for an unterminated literal or one without </Error>', () => {
    expect(recoverErrorXml('"<Error>\\n<Code>X</Code>\\n')).toBeNull();
    expect(recoverErrorXml('"<Error>\\n<Code>X</Code>\\n"')).toBeNull();
  });
});

describe('recoverErrorXml: oss2 exception (Python dict repr)', () => {
  it('rebuilds the XML from the details dict, in its order, with \\n and UTF-8 decoded', () => {
    const r = recoverErrorXml(input('oss2-exception-str.txt'))!;
    expect(r).toEqual({
      xml: storyXml({ finalLf: true }),
      notes: ['rebuilt the error XML from the details of a Python dict repr (an oss2 exception, str(e)); \\n and \\xNN escapes were decoded'],
    });
    expectStoryBytes(r.xml);
  });

  it('reads the fields one by one when the dict was cut or edited (#186 ends in a curly quote)', () => {
    const r = recoverErrorXml(input('oss2-exception-str-hand-edited.txt'))!;
    const cut = storyXml({ finalLf: true }).replace('  <EC>0002-00000040</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=0002-00000040</RecommendDoc>\n', '');
    // The unterminated StringToSignBytes value is the run of hex pairs before the curly quote.
    expect(r).toEqual({
      xml: cut,
      notes: ['rebuilt the error XML from a Python dict repr (an oss2 exception) that is not a complete literal; its fields were read one by one'],
    });
    expectStoryBytes(r.xml);
  });

  it('gives status and request id to the SDK-log reader, and keeps None as an empty element', () => {
    const d = recoverPythonErrorDict("x {'status': 403, 'x-oss-request-id': 'R1', 'details': {'Code': 'SignatureDoesNotMatch', 'HostId': None, 'StringToSign': 'GET\\n\\n\\n1\\n/b/k'}}");
    expect(d).toMatchObject({
      status: 403,
      requestId: 'R1',
      lenient: false,
      fields: [
        ['Code', 'SignatureDoesNotMatch'],
        ['HostId', null],
        ['StringToSign', 'GET\n\n\n1\n/b/k'],
      ],
    });
    expect(buildErrorXml(d!.fields)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <HostId></HostId>\n  <StringToSign>GET\n\n\n1\n/b/k</StringToSign>\n</Error>\n',
    );
  });
});

describe('recoverErrorXml: Java SDK exception message', () => {
  it('returns the raw XML after [ResponseError]:', () => {
    const r = recoverErrorXml(input('java-oss-exception-stacktrace.txt'))!;
    expect(r).toEqual({ xml: storyXml(), notes: ['took the raw error XML that follows "[ResponseError]:" in a Java SDK exception message'] });
    expectStoryBytes(r.xml);
  });

  it('rebuilds Code/Message/RequestId/HostId/EC when there is no XML', () => {
    expect(recoverErrorXml(input('java-oss-exception-no-xml.txt'))).toEqual({
      xml:
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>SignatureDoesNotMatch</Code>\n' +
        `  <Message>${MSG}</Message>\n  <RequestId>${RID}</RequestId>\n  <HostId>${HOST}</HostId>\n  <EC>0002-00000040</EC>\n</Error>\n`,
      notes: ['rebuilt the error XML from the [ErrorCode]/[RequestId]/[HostId]/[EC] lines of a Java SDK exception message; it has no [ResponseError] XML, so no StringToSign'],
    });
  });

  it('skips "null" values of older SDKs', () => {
    const r = recoverErrorXml('com.aliyun.oss.OSSException: m\n[ErrorCode]: AccessDenied\n[RequestId]: R\n[HostId]: null\n[ResourceType]: null\n')!;
    expect(r.xml).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>AccessDenied</Code>\n  <Message>m</Message>\n  <RequestId>R</RequestId>\n</Error>\n');
  });
});

describe('recoverErrorXml: browser XML viewer', () => {
  it('returns the copied XML and says only StringToSignBytes is reliable', () => {
    const r = recoverErrorXml(input('browser-xml-viewer-copy.txt'))!;
    expect(r.notes).toEqual([BROWSER_VIEWER_NOTE]);
    expect(BROWSER_VIEWER_NOTE).toBe('StringToSign newlines were collapsed by a browser XML viewer; only StringToSignBytes is reliable');
    expect(r.xml).toBe(
      input('browser-xml-viewer-copy.txt')
        .slice(input('browser-xml-viewer-copy.txt').indexOf('<Error>'))
        .trimEnd(),
    );
    const err = parseErrorXml(r.xml, 't', 'standalone');
    expect(err.stringToSign).toBe('PUT image/png Sun, 22 Nov 2026 14:40:12 GMT /examplebucket/img/截图 1.png');
    expect(Buffer.from(err.stringToSignBytes!).toString('utf8')).toBe(STS);
  });

  it('adds that the exact string is unknown when StringToSignBytes is missing', () => {
    const text =
      'This XML file does not appear to have any style information associated with it. The document tree is shown below.\n' +
      '<Error>\n<Code>SignatureDoesNotMatch</Code>\n<StringToSign>\nGET 1596699696 /bucket/key\n</StringToSign>\n</Error>\n';
    expect(recoverErrorXml(text)).toEqual({
      xml: '<Error>\n<Code>SignatureDoesNotMatch</Code>\n<StringToSign>\nGET 1596699696 /bucket/key\n</StringToSign>\n</Error>',
      notes: [BROWSER_VIEWER_NOTE, 'this copy has no StringToSignBytes, so the exact string OSS signed is not known'],
    });
  });
});

describe('helpers and limits', () => {
  it('escapes XML text so parseErrorXml gives the same string back, CR included', () => {
    const value = 'PUT\n\ntext/plain\r\n<a> & "b"\t\u0001';
    expect(escapeXmlText(value)).toBe('PUT\n\ntext/plain&#13;\n&lt;a&gt; &amp; "b"\t&#1;');
    const err = parseErrorXml(buildErrorXml([['Code', 'X'], ['StringToSign', 'PUT\r\n<a> & b']]), 't', 'standalone');
    expect(err.stringToSign).toBe('PUT\r\n<a> & b');
  });

  it('reads Python literals without eval', () => {
    const literal = "{'a': [1, -2.5e3, None, True], 'b': (b'\\x00\\xff',), \"c\": u'\\u00e9\\U0001F600'} trailing";
    expect(readPythonLiteral(literal, 0)).toEqual({
      value: {
        type: 'dict',
        entries: [
          { key: { type: 'str', value: 'a' }, value: { type: 'list', items: [{ type: 'num', text: '1' }, { type: 'num', text: '-2.5e3' }, { type: 'const', value: 'None' }, { type: 'const', value: 'True' }] } },
          { key: { type: 'str', value: 'b' }, value: { type: 'list', items: [{ type: 'bytes', value: Uint8Array.from([0, 255]) }] } },
          { key: { type: 'str', value: 'c' }, value: { type: 'str', value: 'é😀' } },
        ],
      },
      end: literal.indexOf(' trailing'),
    });
    expect(readPythonLiteral("{'a': __import__('os')}", 0)).toBeNull();
    expect(readPythonLiteral('['.repeat(100) + ']'.repeat(100), 0)).toBeNull();
  });

  it('never throws and stays fast on hostile input', () => {
    const junk = [
      '"<Error'.repeat(200_000),
      "'<Error" + '\\'.repeat(100_000),
      "{'details': {" + "'Code': '".repeat(50_000),
      '\n[ErrorCode]: \n[RequestId]: \n[ResponseError]:\n<Error>',
      'This XML file does not appear to have any style information <Error>',
      "b'" + '\\x'.repeat(100_000),
    ];
    // Their time is measured by the fuzz script (test/fuzz/regex-worst-cases.ts, long-line sweep).
    for (const t of junk) {
      expect(() => recoverErrorXml(t)).not.toThrow();
      expect(() => looksLikeMangledError(t)).not.toThrow();
    }
  });
});
