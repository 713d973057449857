/**
 * Detect an input's format from its content (CONTRACT.md "Inputs") and read
 * it into exchanges and stand-alone error documents.
 */
import type { Exchange } from '../model/http.js';
import { InputError } from '../model/input-error.js';
import type { ServerError } from '../model/server-error.js';
import { looksLikeCurlTrace, parseCurlTrace } from './curl-trace.js';
import { looksLikeCurlVerbose, parseCurlVerbose } from './curl-verbose.js';
import { decodeOssErrHeader, findErrorXml, parseErrorXml } from './error-xml.js';
import { looksLikeHar, parseHar } from './har.js';
import { looksLikeRawHttp, parseRawHttp } from './http-message.js';
import { looksLikeAliOssErrorObject, parseAliOssErrorObjects } from './sdk-error-object.js';
import { looksLikeCurlCommand, parseCurlCommand } from './curl-command.js';
import { recoverErrorXml } from './mangled-error.js';
import { unwrapPowerShellErrorRecords } from './powershell-error-records.js';
import type { SdkLogKind } from './sdk-logs.js';
import { detectSdkLog, parseSdkLog } from './sdk-logs.js';

import type { InputFormatOption } from './input-formats.js';
export { INPUT_FORMATS } from './input-formats.js';
export type { InputFormatOption } from './input-formats.js';

export type DetectedFormat = 'raw' | 'curl-verbose' | 'curl-trace' | 'curl-command' | 'har' | 'xml' | 'mangled-xml' | 'url' | 'x-oss-err' | 'sdk-error' | 'sdk-log';

/** An exchange plus a label for it within its input (`#2`, a HAR entry URL). */
export interface LabelledExchange extends Exchange {
  label?: string;
  /** HAR entries: the exporting tool, the browser's failure for entries without a response, and why a body is missing. */
  har?: { creator: string | null; failure?: string; responseBodyComment?: string };
  /** A HAR entry already known to be no signature error: why it is skipped (it has no request or response then). */
  skip?: string;
}

export interface ParsedInput {
  name: string;
  format: DetectedFormat;
  exchanges: LabelledExchange[];
  /** `<Error>` documents given on their own (not inside a response). */
  errors: ServerError[];
  /** How the input itself was read (recovered from a log, …). */
  notes?: string[];
}

const FORMAT_LABEL: Record<DetectedFormat, string> = {
  raw: 'a raw HTTP message',
  'curl-verbose': 'curl -v output',
  'curl-trace': 'curl --trace output',
  'curl-command': 'a curl command line (Copy as cURL)',
  'mangled-xml': 'an OSS error quoted in a log or exception',
  'sdk-log': 'an SDK debug log',
  har: 'a HAR file',
  xml: 'an OSS error XML',
  url: 'a signed URL',
  'x-oss-err': 'an x-oss-err header value',
  'sdk-error': 'an ali-oss error object (console.log(err))',
};

export function describeFormat(f: DetectedFormat): string {
  return FORMAT_LABEL[f];
}

function singleLine(text: string): string | null {
  const t = text.trim();
  if (t.includes('\n')) return null;
  return t.replace(/^(['"])(.*)\1$/, '$2');
}

export function detectFormat(text: string): DetectedFormat | null {
  if (looksLikeHar(text)) return 'har';
  if (looksLikeCurlTrace(text)) return 'curl-trace';
  if (looksLikeCurlVerbose(text)) return 'curl-verbose';
  if (looksLikeCurlCommand(text)) return 'curl-command';
  if (detectSdkLog(text) !== null) return 'sdk-log';
  if (looksLikeRawHttp(text)) return 'raw';
  const line = singleLine(text);
  if (line !== null && /^https?:\/\/\S+$/i.test(line)) return 'url';
  // Quoted XML (JSON strings, Python reprs, exception text) before plain XML: read plainly,
  // a JSON-escaped body keeps its `\n` and `\"`.
  if (recoverErrorXml(text) !== null) return 'mangled-xml';
  if (findErrorXml(text).length > 0) return 'xml';
  if (line !== null && /^(x-oss-err:\s*)?(PD94bWwg|PEVycm9y)/i.test(line)) return 'x-oss-err';
  if (looksLikeAliOssErrorObject(text)) return 'sdk-error';
  return null;
}

function matchesOption(detected: DetectedFormat | null, forced: InputFormatOption): DetectedFormat {
  switch (forced) {
    case 'curl':
      return detected === 'curl-trace' || detected === 'curl-command' ? detected : 'curl-verbose';
    case 'log':
      // Logs and quoted errors: SDK debug logs, exception text, console.log(err).
      return detected === 'mangled-xml' || detected === 'sdk-error' ? detected : 'sdk-log';
    case 'xml':
      return detected === 'x-oss-err' ? 'x-oss-err' : 'xml';
    default:
      return forced;
  }
}

export function readInput(text: string, name: string, forced?: InputFormatOption): ParsedInput {
  try {
    return readInputUnchecked(text, name, forced);
  } catch (e) {
    // Every input error names the input it is about (the parsers do not know it).
    if (e instanceof InputError && !e.message.startsWith(`${name}:`) && !e.message.startsWith(`${name} `)) throw new InputError(`${name}: ${e.message}`, e.hint);
    throw e;
  }
}

function readInputUnchecked(original: string, name: string, forced?: InputFormatOption): ParsedInput {
  // Windows PowerShell 5.1 wraps a native program's first stderr line in an error record.
  const powershell = unwrapPowerShellErrorRecords(original);
  const text = powershell?.text ?? original;
  const result = readText(text, name, forced);
  if (powershell) {
    const note = `read as Windows PowerShell output: removed the error record PowerShell wrapped around ${powershell.commands[0]}'s first stderr line ("${powershell.commands[0]} : …", "At line:… char:…", CategoryInfo, FullyQualifiedErrorId : NativeCommandError)`;
    for (const ex of result.exchanges) ex.notes.push(note);
    result.notes = [...(result.notes ?? []), note];
  }
  return result;
}

/** A HAR's entries as labelled exchanges (`fastSkip`: see parseHar). */
export function readHarExchanges(text: string, name: string, fastSkip = true): LabelledExchange[] {
  const out: LabelledExchange[] = [];
  for (const ex of parseHar(text, name, fastSkip)) {
    const { index, url, creator, failure, responseBodyComment, skip, ...rest } = ex;
    const label = `entry ${index} ${url}`;
    if (skip !== undefined) {
      out.push({ notes: rest.notes, label, skip });
      continue;
    }
    const har: NonNullable<LabelledExchange['har']> = { creator };
    if (failure) har.failure = failure;
    if (responseBodyComment) har.responseBodyComment = responseBodyComment;
    out.push({ ...rest, label, har });
  }
  return out;
}

function readText(text: string, name: string, forced?: InputFormatOption): ParsedInput {
  const detected = detectFormat(text);
  const format = forced ? matchesOption(detected, forced) : detected;
  if (format === null) {
    throw new InputError(
      `${name}: cannot tell what this is — expected a raw HTTP request/response, curl -v or --trace-ascii output, a curl command, a HAR file, an SDK debug log, an OSS <Error> XML or a signed URL`,
      'force a format with --input-format raw|curl|har|xml|url|log',
    );
  }
  const result: ParsedInput = { name, format, exchanges: [], errors: [] };
  switch (format) {
    case 'har':
      result.exchanges = readHarExchanges(text, name);
      break;
    case 'curl-trace':
      result.exchanges = parseCurlTrace(text);
      break;
    case 'curl-verbose':
      result.exchanges = parseCurlVerbose(text);
      break;
    case 'raw': {
      const ex = parseRawHttp(text);
      if (ex) result.exchanges.push(ex);
      break;
    }
    case 'url': {
      const url = singleLine(text) ?? text.trim();
      result.exchanges.push({
        request: { method: 'GET', target: url, headers: [], methodAssumed: true },
        notes: ['a URL alone does not say the method; GET is assumed'],
      });
      break;
    }
    case 'xml':
      for (const span of findErrorXml(text)) result.errors.push(parseErrorXml(span.xml, name, 'standalone'));
      break;
    case 'sdk-error':
      result.errors.push(...parseAliOssErrorObjects(text));
      break;
    case 'sdk-log': {
      const kind: SdkLogKind | null = detectSdkLog(text);
      if (kind === null) throw new InputError(`${name}: not an SDK debug log sigdoctor knows (ali-oss DEBUG, oss2, Go SDK v1/ossutil, Go SDK v2)`);
      result.exchanges = parseSdkLog(text, kind);
      break;
    }
    case 'curl-command': {
      const cmd = parseCurlCommand(text);
      result.exchanges.push({ request: cmd.request, notes: cmd.notes });
      // An error pasted under the command.
      const rest = cmd.rest.trim();
      if (rest !== '') {
        const recovered = recoverErrorXml(rest);
        const spans = findErrorXml(recovered?.xml ?? rest);
        for (const span of spans) result.errors.push(parseErrorXml(span.xml, name, 'standalone'));
      }
      break;
    }
    case 'mangled-xml': {
      const recovered = recoverErrorXml(text);
      if (!recovered) throw new InputError(`${name}: no OSS error could be recovered from the quoted text`);
      for (const span of findErrorXml(recovered.xml)) {
        const e = parseErrorXml(span.xml, name, 'standalone');
        result.errors.push(e);
      }
      result.notes = recovered.notes;
      break;
    }
    case 'x-oss-err': {
      const value = (singleLine(text) ?? '').replace(/^x-oss-err:\s*/i, '');
      const xml = decodeOssErrHeader(value);
      const span = xml === null ? undefined : findErrorXml(xml)[0];
      if (!span) throw new InputError(`${name}: looks like an x-oss-err value but is not base64 of an OSS error document`);
      result.errors.push(parseErrorXml(span.xml, `${name} (x-oss-err)`, 'x-oss-err'));
      break;
    }
  }
  if (result.exchanges.length === 0 && result.errors.length === 0) {
    throw new InputError(`${name}: read as ${FORMAT_LABEL[format]} but found no request, response or <Error> document in it`);
  }
  return result;
}
