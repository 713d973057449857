/**
 * A fast path for the one shape OSS actually sends: an optional
 * `<?xml version="1.0" encoding="UTF-8"?>` declaration, then `<Error>` holding
 * only flat text elements (`<Code>…</Code>`, `<StringToSign>…</StringToSign>`)
 * and white space, then `</Error>`. Such a document is read by one linear
 * scan, without fast-xml-parser's validator and parser — they cost about
 * 0.15 ms per document, most of a HAR's diagnosis time when it holds
 * thousands of failing entries.
 *
 * Anything outside that strict subset of well-formed XML — attributes,
 * comments, CDATA, processing instructions, nested elements, character
 * references, any entity but the five predefined ones, a name outside
 * [A-Za-z][A-Za-z0-9_-]* — returns null, and the caller takes the full
 * (validating, hardened) path. So this never accepts what that path would
 * refuse, and where both read a document they read the same fields: a
 * property test holds the two against each other (test/parse/simple-error-xml.test.ts).
 */

/** The declarations OSS sends; any other prolog goes the full path. */
const PROLOGS = ['<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="utf-8"?>', '<?xml version="1.0"?>'];

function entity(name: string): string | undefined {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
    default:
      return undefined;
  }
}

/** The children of `<Error>` by name (the first of repeated ones), or null: not the simple shape. */
export function readSimpleErrorXml(xml: string): Record<string, string> | null {
  let i = 0;
  for (const p of PROLOGS) {
    if (xml.startsWith(p)) {
      i = p.length;
      break;
    }
  }
  i = skipSpace(xml, i);
  if (!xml.startsWith('<Error>', i)) return null;
  i += '<Error>'.length;
  const fields: Record<string, string> = {};
  for (;;) {
    i = skipSpace(xml, i);
    if (xml.charCodeAt(i) !== 0x3c /* < */) return null;
    if (xml.startsWith('</Error>', i)) {
      i = skipSpace(xml, i + '</Error>'.length);
      // An empty <Error> is no error document (the full path refuses it too).
      return i === xml.length && Object.keys(fields).length > 0 ? fields : null;
    }
    // <Name>text</Name>
    const nameEnd = nameAt(xml, i + 1);
    if (nameEnd < 0 || xml.charCodeAt(nameEnd) !== 0x3e /* > */) return null;
    const name = xml.slice(i + 1, nameEnd);
    const textStart = nameEnd + 1;
    const textEnd = xml.indexOf('<', textStart);
    if (textEnd < 0) return null;
    const close = `</${name}>`;
    if (!xml.startsWith(close, textEnd)) return null;
    const text = decodeText(xml, textStart, textEnd);
    if (text === null) return null;
    if (!Object.prototype.hasOwnProperty.call(fields, name)) fields[name] = text;
    i = textEnd + close.length;
  }
}

/** XML white space (S production): space, tab, CR, LF. */
function skipSpace(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else return i;
  }
}

/** End of an ASCII element name starting at i, or -1. */
function nameAt(s: string, i: number): number {
  const first = s.charCodeAt(i);
  if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) return -1;
  let j = i + 1;
  for (;;) {
    const c = s.charCodeAt(j);
    const ok = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
    if (!ok) return j - i > 64 ? -1 : j;
    j++;
  }
}

/**
 * Element text with the five predefined entities decoded and line ends
 * normalized as XML requires; null for any other
 * `&…;` (character references included: the full path decodes those), and for
 * characters XML does not allow (the validator's business).
 */
function decodeText(s: string, start: number, end: number): string | null {
  let out = '';
  let run = start;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return null;
    if (c === 0x0d) {
      // XML end-of-line handling (XML 1.0 §2.11): CR LF and a lone CR are read as LF.
      out += s.slice(run, i) + '\n';
      if (s.charCodeAt(i + 1) === 0x0a) i++;
      run = i + 1;
      continue;
    }
    if (c !== 0x26 /* & */) continue;
    const semi = s.indexOf(';', i);
    if (semi < 0 || semi > end || semi - i > 5) return null;
    const value = entity(s.slice(i + 1, semi));
    if (value === undefined) return null;
    out += s.slice(run, i) + value;
    run = semi + 1;
    i = semi;
  }
  return out + s.slice(run, end);
}
