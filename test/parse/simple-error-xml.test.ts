/**
 * The fast path for OSS's own error-document shape must read exactly what the
 * validating fast-xml-parser path reads, and accept nothing that path refuses.
 * Held against each other on every <Error> document in fixtures/ and on
 * generated documents built from the characters that matter (entities,
 * character references, CR/LF, quotes, markup, control characters).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findErrorXml, parseErrorXml, parseWithFastXmlParser } from '../../src/parse/error-xml.js';
import { readSimpleErrorXml } from '../../src/parse/simple-error-xml.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (!name.endsWith('.json') && !name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** The two paths agree, or the fast one declines. Returns whether the fast path read it. */
function agree(xml: string): boolean {
  const fast = readSimpleErrorXml(xml);
  if (fast === null) return false;
  const full = parseWithFastXmlParser(xml, 'doc', 'body');
  expect(parseErrorXml(xml, 'doc', 'body')).toEqual(full);
  return true;
}

describe('the simple-shape fast path', () => {
  it('reads every OSS document in fixtures/ exactly as the full parser does', () => {
    let docs = 0;
    let fast = 0;
    for (const f of files(FIXTURES)) {
      for (const span of findErrorXml(readFileSync(f, 'utf8'))) {
        let full = true;
        try {
          parseWithFastXmlParser(span.xml, 'doc', 'body');
        } catch {
          full = false;
        }
        if (!full) {
          expect(readSimpleErrorXml(span.xml)).toBeNull();
          continue;
        }
        docs++;
        if (agree(span.xml)) fast++;
      }
    }
    // Most real documents take the fast path (the rest: escaped, collapsed or quoted text).
    expect(docs).toBeGreaterThan(150);
    expect(fast / docs).toBeGreaterThan(0.8);
  });

  it('a real capture\'s document takes it', () => {
    const text = readFileSync(join(FIXTURES, 'samples/curl-v-8.21.0-get-403.txt'), 'utf8');
    expect(readSimpleErrorXml(findErrorXml(text)[0]!.xml)).not.toBeNull();
  });

  it.each([
    ['an attribute', '<Error><Code a="1">X</Code></Error>'],
    ['a comment', '<Error><!-- c --><Code>X</Code></Error>'],
    ['CDATA', '<Error><Code><![CDATA[X]]></Code></Error>'],
    ['a nested element', '<Error><Code><B>X</B></Code></Error>'],
    ['a character reference', '<Error><StringToSign>GET&#10;</StringToSign></Error>'],
    ['an HTML entity', '<Error><Message>a&nbsp;b</Message></Error>'],
    ['a bare ampersand', '<Error><Message>a & b</Message></Error>'],
    ['a mismatched close', '<Error><Code>X</Cod></Error>'],
    ['text after the root', '<Error><Code>X</Code></Error>junk'],
    ['another prolog', '<?xml version="1.1"?><Error><Code>X</Code></Error>'],
    ['white space before the prolog', ' <?xml version="1.0"?><Error><Code>X</Code></Error>'],
    ['a control character', '<Error><Code>X\u0001</Code></Error>'],
    ['text directly in <Error>', '<Error>hello<Code>X</Code></Error>'],
    ['an empty <Error>', '<Error>\n</Error>'],
  ])('declines %s (the full path decides)', (_name, xml) => {
    expect(readSimpleErrorXml(xml)).toBeNull();
  });

  it('reads the five predefined entities, CR/LF as LF and the first of repeated elements', () => {
    expect(readSimpleErrorXml('<?xml version="1.0" encoding="UTF-8"?>\r\n<Error>\r\n  <StringToSign>a&amp;b&lt;c&gt;d&quot;e&apos;f\r\ng</StringToSign>\n  <Code>A</Code><Code>B</Code>\n</Error>\n')).toEqual({
      StringToSign: 'a&b<c>d"e\'f\ng',
      Code: 'A',
    });
  });

  it('agrees with the full path on generated documents', () => {
    const names = fc.constantFrom('Code', 'Code', 'StringToSign', 'Message', 'RequestId', 'HostId', 'OSSAccessKeyId', 'SignatureProvided', 'StringToSign', 'StringToSignBytes', 'CanonicalRequest', 'EC', 'RecommendDoc', 'X-y_1', 'a');
    // Mostly what OSS's documents hold; now and then something only the full path reads (or refuses).
    const plainPiece = fc.constantFrom('GET', '\n', '\r\n', '\r', ' ', '\t', '/b/k', '中文', '😀', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '>', '"', "'", '\u00a0', '47 45 54 0A ', 'x-oss-date:');
    const oddPiece = fc.constantFrom('&#10;', '&#x41;', '&nbsp;', '&', ']]>', '<', '\u0001', '&amp', '<!-- c -->', '<![CDATA[x]]>');
    const piece = fc.oneof({ arbitrary: plainPiece, weight: 30 }, { arbitrary: oddPiece, weight: 1 });
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    const space = fc.constantFrom('', '\n', '\r\n', '  ', '\n  ', '\t');
    const element = fc.tuple(names, text, space).map(([n, t, s]) => `${s}<${n}>${t}</${n}>`);
    const prolog = fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>');
    let fastCount = 0;
    let runs = 0;
    fc.assert(
      fc.property(prolog, fc.array(element, { maxLength: 8 }), space, space, (p, els, s1, s2) => {
        runs++;
        const xml = `${p}${s1}<Error>${els.join('')}${s2}</Error>${s1}`;
        let full: unknown;
        try {
          full = parseWithFastXmlParser(xml, 'doc', 'body');
        } catch {
          full = undefined;
        }
        const fast = readSimpleErrorXml(xml);
        if (full === undefined) {
          expect(fast).toBeNull();
          return;
        }
        if (fast !== null) {
          fastCount++;
          expect(parseErrorXml(xml, 'doc', 'body')).toEqual(full);
        }
      }),
      { numRuns: 3000, seed: 20261122 },
    );
    // Not vacuous: a good share of the documents went the fast path.
    expect(fastCount / runs).toBeGreaterThan(0.2);
  });
});
