/**
 * Every XML attack in every place sigdoctor reads XML from (plain error XML, a
 * response body, the x-oss-err header and a bare x-oss-err value, a curl -v
 * body, HAR content plain and base64, a JSON-escaped log line, an oss2 bytes
 * repr, an x-oss-err header in a Go SDK log, a Java
 * [ResponseError], an ali-oss DEBUG log, a browser-viewer copy, under a
 * copied curl command, UTF-16 text): refused with this exact one-line message,
 * or read without expanding anything (then what was read is pinned).
 * `npm run fuzz` also times each pair (< 100 ms).
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/index.js';
import { parseErrorXml } from '../../src/parse/error-xml.js';
import { XML_ATTACKS, XML_PLACES, runXmlAttack } from './xml-attacks.js';

const DOCTYPE = 'the error XML contains a DOCTYPE or ENTITY declaration; OSS never sends one, so sigdoctor refuses to parse it';
const TAGS = 'the error XML has more than 1000 tags; an OSS error document has about two dozen (limit 1000, fixed), so sigdoctor refuses to parse it';
const size = (n: number): string => `the error XML is ${n} bytes; an OSS error body is a few KB (limit 262144 bytes, fixed)`;
/** A base64 value that does not start like `<?xml` / `<Error` is not taken for an x-oss-err value at all. */
const NOT_DETECTED = 'attack.txt: cannot tell what this is — expected a raw HTTP request/response, curl -v or --trace-ascii output, a curl command, a HAR file, an SDK debug log, an OSS <Error> XML or a signed URL';
const STS = 'GET\n\n\nSun, 22 Nov 2026 14:02:21 GMT\n/examplebucket/k';

type Expected = { refused: string; notDetectedAsXOssErr?: true } | { read: string; source: 'StringToSignBytes' | 'StringToSign' };

const EXPECTED: Record<string, Expected> = {
  doctype: { refused: DOCTYPE },
  'doctype-lowercase': { refused: DOCTYPE, notDetectedAsXOssErr: true },
  'billion-laughs': { refused: DOCTYPE },
  'quadratic-blowup': { refused: DOCTYPE, notDetectedAsXOssErr: true },
  'external-entity-system': { refused: DOCTYPE },
  'external-entity-public': { refused: DOCTYPE },
  'external-dtd-system': { refused: DOCTYPE, notDetectedAsXOssErr: true },
  'parameter-entity': { refused: DOCTYPE, notDetectedAsXOssErr: true },
  'entity-without-doctype': { refused: DOCTYPE },
  'fake-string-to-sign-entity': { refused: DOCTYPE, notDetectedAsXOssErr: true },
  'deep-nesting-100k': { refused: size(700029) },
  'deep-nesting-30k': { refused: TAGS },
  'deep-nesting-unclosed': { refused: TAGS },
  'huge-attribute': { read: STS, source: 'StringToSignBytes' },
  'huge-attribute-over-limit': { refused: size(300474) },
  'many-attributes': { read: STS, source: 'StringToSignBytes' },
  'duplicate-attributes': { refused: "the error XML is malformed (Attribute 'a' is repeated. at line 5)" },
  'huge-text': { read: STS, source: 'StringToSignBytes' },
  'huge-text-over-limit': { refused: size(300468) },
  'many-elements': { refused: TAGS },
  'many-char-refs': { read: STS, source: 'StringToSignBytes' },
  'out-of-range-char-ref': { read: STS, source: 'StringToSignBytes' },
  // CDATA hides markup: the "elements" inside it are StringToSign text, and there is no StringToSignBytes.
  'cdata-hides-elements': { read: 'GET</StringToSign><StringToSignBytes>00</StringToSignBytes>', source: 'StringToSign' },
  // The declaration check is textual: a DOCTYPE inside CDATA or a comment is refused too (OSS sends neither).
  'cdata-hides-doctype': { refused: DOCTYPE },
  'cdata-unterminated': { refused: 'the error XML is malformed (Invalid \'[ "Error", "Message"]\' found. at line 1)' },
  'cdata-split-terminator': { read: STS, source: 'StringToSignBytes' },
  'processing-instructions': { read: STS, source: 'StringToSignBytes' },
  'many-processing-instructions': { refused: TAGS },
  'comment-hides-doctype': { refused: DOCTYPE },
  xinclude: { read: STS, source: 'StringToSignBytes' },
  'prototype-pollution': { refused: 'the error XML cannot be parsed ([SECURITY] Invalid name: "__proto__" is a reserved JavaScript keyword that could cause prototype pollution)' },
};

describe('XML attacks, in every place XML is read', () => {
  it('has an expectation for every attack', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(XML_ATTACKS.map((a) => a.name).sort());
  });

  const cases = XML_ATTACKS.flatMap((a) => XML_PLACES.map((p) => [`${a.name} @ ${p.name}`, a, p] as const));
  it.each(cases)('%s', (_name, attack, place) => {
    const want = EXPECTED[attack.name]!;
    const got = runXmlAttack(attack, place);
    if ('refused' in want) {
      let message = `${place.prefix}: ${want.refused}`;
      if (want.notDetectedAsXOssErr && place.name === 'x-oss-err-value') message = NOT_DETECTED;
      expect(got).toEqual({ kind: 'refused', message });
    } else {
      expect(got).toEqual({ kind: 'read', results: 1, codes: ['SignatureDoesNotMatch'], server: want.read, serverSource: want.source });
    }
    expect(({} as Record<string, unknown>)['polluted']).toBe(undefined);
  });

  it('reads character references outside Unicode as text, and never expands anything', () => {
    const attack = XML_ATTACKS.find((a) => a.name === 'out-of-range-char-ref')!;
    expect(parseErrorXml(attack.xml, 'attack.txt', 'standalone').message).toBe('&#x110000;&#99999999999;');
    const xinclude = XML_ATTACKS.find((a) => a.name === 'xinclude')!;
    expect(JSON.stringify(parseErrorXml(xinclude.xml, 'attack.txt', 'standalone'))).not.toContain('root:');
  });

  it('refuses nesting deeper than 20 with its own message (under the tag limit)', () => {
    const xml = `<Error><Code>x</Code>${'<a>'.repeat(25)}${'</a>'.repeat(25)}</Error>`;
    let thrown: unknown;
    try {
      parseErrorXml(xml, 'nest.xml', 'standalone');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).message).toBe('nest.xml: the error XML nests elements more than 20 deep; an OSS error document is 2 deep (limit 20, fixed), so sigdoctor refuses to parse it');
  });

  it('accepts exactly 1000 tags and refuses 1001', () => {
    // `<Error>` + `</Error>` + 498 `<M>x</M>` pairs = 998 tags; two more make 1000.
    const at = (n: number): string => `<Error>${'<M>x</M>'.repeat(n)}<Code>x</Code></Error>`;
    expect(parseErrorXml(at(498), 'ok.xml', 'standalone').code).toBe('x');
    let thrown: unknown;
    try {
      parseErrorXml(`${at(498)}<!-- -->`, 'big.xml', 'standalone');
    } catch (e) {
      thrown = e;
    }
    expect((thrown as InputError).message).toBe(`big.xml: ${TAGS}`);
  });
});
