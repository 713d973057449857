/**
 * The rule contract. A rule looks at the analysis and returns facts
 * (findings); it never prints. Rules run in registry order (rules/index.ts),
 * and may claim diff lines so that a more general rule later in the order
 * does not report the same difference again (e.g. cdn-head-to-get claims the
 * verb line before method-mismatch looks at it).
 */
import { decodeUtf8, displayBytes } from '../compare/bytes.js';
import type { AlignedLine, LabelledLine, LineRole } from '../compare/lines.js';
import type { Analysis } from './analyze.js';
import type { CauseId } from './cause-ids.js';
import { CATALOGUE } from './catalogue.js';

export type Basis =
  /** The secret proves it: an HMAC matched. */
  | 'proven'
  /** Seen directly in the input: a differing line, a header, an error field. */
  | 'observed'
  /** What remains once everything else is ruled out. */
  | 'elimination';

export interface Finding {
  id: CauseId;
  /** One or more sentences of evidence: which line, which bytes, which header. */
  evidence: string;
  /** A fix more specific than the catalogue's default, built from the facts. */
  fix?: string;
  basis: Basis;
  /** A documentation page more specific than the catalogue's (the EC OSS answered, say). */
  docs?: string;
  /** Structured facts for JSON consumers. */
  data?: Record<string, unknown>;
}

export interface RuleContext {
  a: Analysis;
  /** Differing diff lines of a role that no earlier rule has claimed. */
  unclaimed(role?: LineRole): AlignedLine[];
  claim(line: AlignedLine): void;
  /** Findings of earlier rules (to avoid naming a cause by elimination when another is observed). */
  readonly found: readonly Finding[];
}

/** True for findings that explain or block a verdict (not informational ones such as server-string-redacted). */
export function isDecisive(f: Finding): boolean {
  return CATALOGUE[f.id].severity === 'error';
}

export interface Rule {
  id: CauseId;
  check(ctx: RuleContext): Finding[];
}

/** A line's bytes for a sentence, quoted, with invisible bytes escaped; `(absent)` for a missing line. */
export function shown(l: LabelledLine | null, escapeNonAscii = false): string {
  return l === null ? '(absent)' : JSON.stringify(displayBytes(l.bytes, escapeNonAscii)).replace(/\\\\/g, '\\');
}

/** The value part of a header line, quoted. */
export function shownValue(l: LabelledLine | null, escapeNonAscii = false): string {
  if (l === null) return '(absent)';
  return JSON.stringify(displayBytes(l.value ?? l.bytes, escapeNonAscii)).replace(/\\\\/g, '\\');
}

export function lineNo(a: AlignedLine): number {
  return a.server?.lineNumber ?? a.client?.lineNumber ?? 0;
}

/** `line 3 (Content-Type)` */
/** `Line 3 (Content-Type)`, for the start of a sentence. */
export function At(a: AlignedLine): string {
  const w = where(a);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

export function where(a: AlignedLine): string {
  return a.role === 'line' ? `line ${lineNo(a)}` : `line ${lineNo(a)} (${a.label})`;
}

/**
 * The first unclaimed differing line of a role, with each side's value. V1
 * lines exist on both sides; a V4 header line (content-type, content-md5,
 * x-oss-date) may be absent on one side: `allowAbsent` returns null for it.
 */
export function changedLine(ctx: RuleContext, role: LineRole): { line: AlignedLine; sent: string; oss: string } | null;
export function changedLine(ctx: RuleContext, role: LineRole, opts: { allowAbsent: true }): { line: AlignedLine; sent: string | null; oss: string | null } | null;
export function changedLine(ctx: RuleContext, role: LineRole, opts?: { allowAbsent: true }): { line: AlignedLine; sent: string | null; oss: string | null } | null {
  const line = ctx.unclaimed(role)[0];
  if (!line) return null;
  if (!opts?.allowAbsent && (!line.client || !line.server)) return null;
  return { line, sent: line.client ? decodeUtf8(line.client.value) : null, oss: line.server ? decodeUtf8(line.server.value) : null };
}

/** A V4 grammar problem as a clause: its message, then the EC OSS answers for it. */
export function problemText(p: { message: string; ec: string | null }): string {
  const m = p.message.trim().replace(/\.$/, '');
  return p.ec ? `${m} (EC ${p.ec})` : m;
}
