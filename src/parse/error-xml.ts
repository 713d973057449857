/**
 * Reading OSS `<Error>` documents from untrusted text. The only module that
 * touches fast-xml-parser. Configuration and its reasons: INPUTS.md §8.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../model/input-error.js';
import type { ServerError } from '../model/server-error.js';
import { readSimpleErrorXml } from './simple-error-xml.js';

/** OSS error bodies are 1–4 KB; anything near this is not an OSS error body. */
export const MAX_ERROR_XML_BYTES = 256 * 1024;
/**
 * Markup (`<`) in one error document: OSS's has about two dozen tags. Bounds the
 * validator's and parser's work (tens of thousands of tiny elements or
 * processing instructions cost far more than their bytes).
 */
export const MAX_ERROR_XML_MARKUP = 1000;
/** Element depth; an OSS error document is 2 deep (fast-xml-parser maxNestedTags). */
export const MAX_ERROR_XML_DEPTH = 20;

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false, // keep RequestId / SignatureProvided / EC as strings (INPUTS.md §8.1)
  parseAttributeValue: false,
  trimValues: false, // StringToSign must stay byte-exact (trailing spaces, leading newlines)
  processEntities: true, // &amp; must decode; declared entities are refused before parsing
  htmlEntities: true, // decodes &#10; / &#13; numeric references
  isArray: () => false,
  maxNestedTags: MAX_ERROR_XML_DEPTH,
  strictReservedNames: true,
});

/** A located `<Error>` document inside larger text. */
export interface XmlSpan {
  xml: string;
  start: number;
  end: number;
}

/**
 * Find every `<Error>…</Error>` document in `text` (with its `<?xml …?>`
 * prolog when one directly precedes it). Plain indexOf scanning: linear, no
 * regex backtracking. An `<Error` without a closing tag is returned too (to
 * the end of the text) so it can be reported as truncated.
 */
export function findErrorXml(text: string): XmlSpan[] {
  const spans: XmlSpan[] = [];
  let from = 0;
  while (from < text.length) {
    const open = indexOfErrorOpen(text, from);
    if (open < 0) break;
    const close = text.indexOf('</Error>', open);
    // Everything between the previous document and this one; regions never overlap, so
    // the look-backs below cost O(input) in total (no lastIndexOf running back to 0).
    const gap = text.slice(from, open);
    let start = open;
    // Include an `<?xml …?>` prolog when only whitespace separates it from `<Error`.
    const prolog = gap.lastIndexOf('<?xml');
    if (prolog >= 0) {
      const prologEnd = gap.indexOf('?>', prolog);
      if (prologEnd >= 0 && gap.slice(prologEnd + 2).trim() === '') start = from + prolog;
    }
    // A DOCTYPE/ENTITY declaration in front of this document must reach parseErrorXml
    // (which refuses it), not be silently cut off: look back for one with no element closed since.
    const decl = lastDeclaration(gap);
    if (decl >= 0 && from + decl < start && !gap.slice(decl).includes('</')) {
      const p2 = gap.lastIndexOf('<?xml', decl);
      start = from + (p2 >= 0 && !gap.slice(p2, decl).includes('</') ? p2 : decl);
    }
    const end = close < 0 ? text.length : close + '</Error>'.length;
    spans.push({ xml: text.slice(start, end), start, end });
    from = end;
  }
  return spans;
}

function lastDeclaration(gap: string): number {
  let best = -1;
  for (const needle of ['<!DOCTYPE', '<!doctype', '<!Doctype', '<!ENTITY', '<!entity']) best = Math.max(best, gap.lastIndexOf(needle));
  return best;
}

function indexOfErrorOpen(text: string, from: number): number {
  let i = text.indexOf('<Error', from);
  while (i >= 0) {
    const next = text.charAt(i + 6);
    if (next === '>' || next === ' ' || next === '\t' || next === '\n' || next === '\r') return i;
    i = text.indexOf('<Error', i + 6);
  }
  return -1;
}

/**
 * Parse one OSS error document. Throws InputError (naming `inputName`) for a
 * DOCTYPE or entity declaration (OSS never sends one; refusing is safer than
 * expanding), an oversized document, or malformed/truncated XML.
 */
export function parseErrorXml(xml: string, inputName: string, origin: ServerError['origin']): ServerError {
  const size = xml.length > MAX_ERROR_XML_BYTES / 4 ? Buffer.byteLength(xml, 'utf8') : xml.length;
  if (size > MAX_ERROR_XML_BYTES) {
    throw new InputError(`${inputName}: the error XML is ${size} bytes; an OSS error body is a few KB (limit ${MAX_ERROR_XML_BYTES} bytes, fixed)`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new InputError(`${inputName}: the error XML contains a DOCTYPE or ENTITY declaration; OSS never sends one, so sigdoctor refuses to parse it`);
  }
  if (!xml.includes('</Error>')) {
    throw new InputError(`${inputName}: the error XML is truncated: it has no closing </Error>`, 'paste the whole <Error> document (StringToSignBytes must be complete)');
  }
  if (countMarkup(xml, MAX_ERROR_XML_MARKUP + 1) > MAX_ERROR_XML_MARKUP) {
    throw new InputError(`${inputName}: the error XML has more than ${MAX_ERROR_XML_MARKUP} tags; an OSS error document has about two dozen (limit ${MAX_ERROR_XML_MARKUP}, fixed), so sigdoctor refuses to parse it`);
  }
  // OSS's own shape is read by a linear scan; everything else by the validating parser.
  const simple = readSimpleErrorXml(xml);
  return simple ? readErrorFields(simple, origin) : parseWithFastXmlParser(xml, inputName, origin);
}

/**
 * The full path: fast-xml-parser's validator, then its parser. Exported so a
 * test can hold the fast path (simple-error-xml.ts) against it.
 */
export function parseWithFastXmlParser(xml: string, inputName: string, origin: ServerError['origin']): ServerError {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const e = valid.err;
    throw new InputError(`${inputName}: the error XML is malformed (${e.msg.replace(/\s+/g, ' ').slice(0, 160)} at line ${e.line})`);
  }
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (err) {
    if (oneLine(err) === 'Maximum nested tags exceeded') {
      throw new InputError(`${inputName}: the error XML nests elements more than ${MAX_ERROR_XML_DEPTH} deep; an OSS error document is 2 deep (limit ${MAX_ERROR_XML_DEPTH}, fixed), so sigdoctor refuses to parse it`);
    }
    throw new InputError(`${inputName}: the error XML cannot be parsed (${oneLine(err)})`);
  }
  const root = isRecord(doc) ? doc['Error'] : undefined;
  if (!isRecord(root)) throw new InputError(`${inputName}: the XML has no <Error> root element`);
  return readErrorFields(root, origin);
}

/** How many `<` the text holds, counting no further than `stop`. */
function countMarkup(xml: string, stop: number): number {
  let n = 0;
  for (let i = xml.indexOf('<'); i >= 0 && n < stop; i = xml.indexOf('<', i + 1)) n++;
  return n;
}

function readErrorFields(root: Record<string, unknown>, origin: ServerError['origin']): ServerError {
  const out: ServerError = { origin };
  const trimmed = (name: string): string | undefined => {
    const v = leaf(root[name]);
    return v === undefined ? undefined : v.trim();
  };
  const set = <K extends keyof ServerError>(key: K, value: ServerError[K] | undefined): void => {
    if (value !== undefined) out[key] = value;
  };
  set('code', trimmed('Code'));
  set('message', trimmed('Message'));
  set('requestId', trimmed('RequestId'));
  set('hostId', trimmed('HostId'));
  set('ec', trimmed('EC'));
  set('recommendDoc', trimmed('RecommendDoc'));
  set('signatureProvided', trimmed('SignatureProvided'));
  set('requestTime', trimmed('RequestTime'));
  set('serverTime', trimmed('ServerTime'));
  set('maxAllowedSkewMilliseconds', trimmed('MaxAllowedSkewMilliseconds'));
  set('authorization', trimmed('Authorization'));
  const oss = trimmed('OSSAccessKeyId');
  const aws = trimmed('AWSAccessKeyId');
  if (oss !== undefined) {
    out.accessKeyId = oss;
    out.accessKeyIdElement = 'OSSAccessKeyId';
  } else if (aws !== undefined) {
    out.accessKeyId = aws;
    out.accessKeyIdElement = 'AWSAccessKeyId';
  }
  // StringToSign and CanonicalRequest are NOT trimmed: their bytes matter.
  set('stringToSign', leaf(root['StringToSign']));
  set('canonicalRequest', leaf(root['CanonicalRequest']));
  const bytesText = trimmed('StringToSignBytes');
  if (bytesText !== undefined) {
    const decoded = decodeHexBytes(bytesText);
    if (decoded.ok) out.stringToSignBytes = decoded.bytes;
    else out.stringToSignBytesProblem = decoded.problem;
  }
  const crBytes = trimmed('CanonicalRequestBytes');
  if (crBytes !== undefined) {
    const decoded = decodeHexBytes(crBytes);
    if (decoded.ok) out.canonicalRequestBytes = decoded.bytes;
  }
  return out;
}

/** The text of a leaf element; the first one if repeated; undefined when absent or not text. */
function leaf(v: unknown): string | undefined {
  if (Array.isArray(v)) return leaf(v[0]);
  if (typeof v === 'string') return v;
  if (v === '' || v === null) return '';
  if (isRecord(v)) {
    // An element with only whitespace children, e.g. <HostId></HostId> parsed oddly.
    const t = v['#text'];
    return typeof t === 'string' ? t : Object.keys(v).length === 0 ? '' : undefined;
  }
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type HexDecodeResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/**
 * Decode `50 55 54 0A …` (any case, any whitespace between pairs, trailing
 * space) into bytes (SIGNING.md §8.2: "Parse case-insensitively, split on
 * whitespace"). Also tolerates a run of pairs without separators.
 */
export function decodeHexBytes(text: string): HexDecodeResult {
  // One pass over the text (a HAR can hold thousands of these): tokens separated by
  // white space (what /\s+/ matches), each an even run of hex digits.
  const bytes = new Uint8Array(text.length >> 1);
  let n = 0;
  let i = 0;
  const len = text.length;
  for (;;) {
    while (i < len && isJsSpace(text.charCodeAt(i))) i++;
    if (i >= len) break;
    const start = i;
    while (i < len && !isJsSpace(text.charCodeAt(i))) i++;
    if ((i - start) % 2 !== 0) return notHex(text, start, i);
    for (let j = start; j < i; j += 2) {
      const hi = hexValue(text.charCodeAt(j));
      const lo = hexValue(text.charCodeAt(j + 1));
      if (hi < 0 || lo < 0) return notHex(text, start, i);
      bytes[n++] = (hi << 4) | lo;
    }
  }
  return { ok: true, bytes: bytes.slice(0, n) };
}

function notHex(text: string, start: number, end: number): HexDecodeResult {
  return { ok: false, problem: `"${text.slice(start, end).slice(0, 12)}" is not a hex byte` };
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/** The characters JavaScript's \s matches (ECMAScript WhiteSpace and LineTerminator). */
function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

export function decodeOssErrHeader(value: string): string | null {
  const compact = value.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return null;
  const text = Buffer.from(compact, 'base64').toString('utf8');
  return text.includes('<Error') ? text : null;
}

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.slice(0, 200);
}
