/**
 * Which string OSS signed: `StringToSignBytes` when present (the byte-exact
 * truth, SIGNING.md §8.2), else the `StringToSign` text, repaired as far as
 * it safely can be (INPUTS.md §1.2).
 */
import { decodeUtf8, utf8 } from '../compare/bytes.js';
import type { ServerError } from '../model/server-error.js';

export interface ServerString {
  bytes: Uint8Array;
  source: 'StringToSignBytes' | 'StringToSign';
  /** Caveats about a text-derived string (literal `\n` unescaped …). */
  notes: string[];
}

export function pickServerString(error: ServerError | undefined): ServerString | null {
  if (!error) return null;
  if (error.stringToSignBytes) return { bytes: error.stringToSignBytes, source: 'StringToSignBytes', notes: [] };
  const text = error.stringToSign;
  if (text === undefined || error.textLossy) return null;
  const notes: string[] = [];
  let repaired = text;
  if (!text.includes('\n') && text.includes('\\n')) {
    // Docs, JSON logs and ossutil print the newlines as the two characters `\n`.
    repaired = text.split('\\n').join('\n');
    notes.push('OSS\'s StringToSign text had literal "\\n" for newlines (a log or doc rendering); they were turned back into newlines');
  }
  if (!repaired.includes('\n')) {
    notes.push('OSS\'s StringToSign text has no line breaks at all: it looks like a browser XML viewer\'s rendering, which turns newlines into spaces; paste the raw response (or its StringToSignBytes)');
  }
  if (error.stringToSignBytesProblem) notes.push(`StringToSignBytes could not be read (${error.stringToSignBytesProblem}); the StringToSign text is used instead`);
  else notes.push('OSS\'s response has no StringToSignBytes; the StringToSign text is used, which may be redacted or re-encoded');
  return { bytes: utf8(repaired), source: 'StringToSign', notes };
}

/**
 * True when the StringToSign text says something other than the bytes, after
 * undoing the harmless renderings (literal `\n`, CRs the XML parser folded).
 */
export function textDisagreesWithBytes(error: ServerError): { text: string; bytesText: string } | null {
  if (!error.stringToSignBytes || error.stringToSign === undefined || error.textLossy) return null;
  const bytesText = decodeUtf8(error.stringToSignBytes);
  let text = error.stringToSign;
  if (!text.includes('\n') && text.includes('\\n')) text = text.split('\\n').join('\n');
  const norm = (s: string): string => s.split('\r\n').join('\n').split('\r').join('\n');
  if (norm(text) === norm(bytesText)) return null;
  // A browser's XML viewer collapses the newlines to spaces (INPUTS.md §1.2): harmless too.
  const squash = (s: string): string => s.split(/\s+/).join(' ').trim();
  if (!text.includes('\n') && squash(text) === squash(bytesText)) return null;
  return { text, bytesText };
}
