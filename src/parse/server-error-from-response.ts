/**
 * Pull OSS's error out of an HTTP response: the `<Error>` body, or for HEAD
 * (no body) the base64 XML in `x-oss-err`, or at least `x-oss-ec` (SIGNING.md §8.4).
 */
import type { HttpResponseMessage } from '../model/http.js';
import { findHeader } from '../model/http.js';
import type { ServerError, ServerResponseFacts } from '../model/server-error.js';
import { decodeOssErrHeader, findErrorXml, parseErrorXml } from './error-xml.js';

export interface ExtractedError {
  error?: ServerError;
  facts: ServerResponseFacts;
  notes: string[];
}

export function responseFacts(resp: HttpResponseMessage): ServerResponseFacts {
  const facts: ServerResponseFacts = { status: resp.status };
  const ec = findHeader(resp.headers, 'x-oss-ec');
  const rid = findHeader(resp.headers, 'x-oss-request-id');
  const date = findHeader(resp.headers, 'date');
  if (ec) facts.ecHeader = ec.trim();
  if (rid) facts.requestIdHeader = rid.trim();
  if (date) facts.date = date.trim();
  return facts;
}

export function extractServerError(resp: HttpResponseMessage, inputName: string): ExtractedError {
  const facts = responseFacts(resp);
  const notes: string[] = [];
  const span = resp.body ? findErrorXml(resp.body)[0] : undefined;
  if (span) {
    const error = parseErrorXml(span.xml, inputName, 'body');
    if (resp.bodyLossy) {
      error.textLossy = true;
      notes.push('the response body comes from an ASCII trace, which shows newlines as "."; StringToSignBytes is used');
    }
    return { error, facts, notes };
  }
  const ossErr = findHeader(resp.headers, 'x-oss-err');
  if (ossErr !== undefined) {
    const xml = decodeOssErrHeader(ossErr);
    if (xml !== null) {
      const inner = findErrorXml(xml)[0];
      if (inner) return { error: parseErrorXml(inner.xml, `${inputName} (x-oss-err header)`, 'x-oss-err'), facts, notes };
    }
    notes.push('the x-oss-err response header is not base64 of an OSS error document; ignored');
  }
  // A success status means OSS accepted the request, whatever headers came along.
  if (resp.status >= 400) {
    const error: ServerError = { origin: 'headers' };
    if (facts.ecHeader) error.ec = facts.ecHeader;
    if (facts.requestIdHeader) error.requestId = facts.requestIdHeader;
    return { error, facts, notes };
  }
  return { facts, notes };
}
