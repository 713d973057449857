/**
 * A copied curl command line → the request curl would send. Pure text
 * parsing: nothing is ever run, no file named in the command is read.
 *
 * Sources (INPUTS.md §7.7): Chrome/Edge DevTools "Copy as cURL" for bash
 * (`'…'`, `$'…'` ANSI-C strings, ` \` continuations) and for cmd (`^"…^"`,
 * `^` escapes, `^` continuations), Firefox, Charles, Proxyman, mitmproxy,
 * Postman and Insomnia exports, hand-written commands for PowerShell
 * (`curl.exe`, backtick continuations), and terminal copies with a `$ ` prompt.
 *
 * Shell text is turned into argv the way each shell would (bash quoting;
 * cmd.exe's `^` pass followed by the MS C runtime's argv rules; PowerShell
 * quoting), then argv is read the way curl's tool_getparam.c reads it. What
 * curl adds on its own and OSS signs (the form Content-Type of `-d`) is added;
 * everything read loosely is said in a note. Notes never quote header values,
 * data or credentials.
 */
import { TextDecoder } from 'node:util';
import type { HeaderField, HttpRequestMessage } from '../model/http.js';
import { InputError } from '../model/input-error.js';

export interface ParsedCurlCommand {
  request: HttpRequestMessage;
  /** How the command was read where a reader would want to know (one sentence each). */
  notes: string[];
  /** Any text after the command, exactly as given (e.g. an error XML pasted below it). */
  rest: string;
}

type Dialect = 'bash' | 'cmd' | 'powershell';

// ---------------------------------------------------------------------------
// Finding the command

/**
 * `curl` at the start of a line, after optional blanks and a shell prompt:
 * `$ `, `> `, `user@host:~$ `, `root@host:~# `, `[user@host dir]$ `, `PS C:\…> `.
 */
const COMMAND_LINE_RE =
  /^[ \t]*(?:(?:\$|>|PS [^\n>]{0,200}>|[\w.-]{1,64}@[\w.-]{1,255}(?::[^\s$#]{0,200})?[$#]|\[[^\]\n]{1,200}\][$#])[ \t]+)?(curl(?:\.exe)?)(?=[ \t])/i;
/** A Markdown code fence line (```` ``` ````, ```` ```bash ````). */
const FENCE_RE = /^[ \t]*(?:```|~~~)[\w+-]*[ \t]*$/;
/**
 * Something on the first line that only a command has: an option, a URL, a
 * quoted word, a line continuation. Keeps prose ("curl returned this:") out.
 */
const COMMAND_EVIDENCE_RE = /[ \t](?:--?[A-Za-z0-9#:]|\$?'|\^?"|[^\s'"]*:\/\/|[\w-]+(?:\.[\w-]+)+[:/])|(?:[ \t]\\|\^|`)[ \t]*$/;

interface Start {
  /** Index of the `curl` word. */
  index: number;
  /** The line had a prompt, so continuation lines may carry one too (`> `, `>> `, `More? `). */
  prompt: boolean;
  exe: boolean;
}

function findStart(text: string, anywhere: boolean): Start | undefined {
  let pos = 0;
  let fenceSeen = false;
  while (pos < text.length) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = text.length;
    const line = text.slice(pos, eol);
    const m = COMMAND_LINE_RE.exec(line);
    if (m && COMMAND_EVIDENCE_RE.test(line.slice(m[0].length))) {
      const word = m[1] ?? 'curl';
      // A lowercase `curl`: prose starts sentences with "Curl …".
      if (word.startsWith('curl')) {
        const index = pos + m[0].length - word.length;
        return { index, prompt: /\S/.test(line.slice(0, index - pos)), exe: word.length > 4 };
      }
    }
    const skippable = line.trim() === '' || (!fenceSeen && FENCE_RE.test(line));
    if (FENCE_RE.test(line)) fenceSeen = true;
    if (!skippable && !anywhere) return undefined;
    pos = eol + 1;
  }
  return undefined;
}

/** The text starts (after blank lines, a code fence or a prompt) with `curl ` or `curl.exe `. */
export function looksLikeCurlCommand(text: string): boolean {
  return findStart(text.length > 65536 ? text.slice(0, 65536) : text, false) !== undefined;
}

function detectDialect(text: string, start: Start): Dialect {
  let eol = text.indexOf('\n', start.index);
  if (eol < 0) eol = text.length;
  const first = text.slice(start.index, eol);
  if (/\^[ \t]*$/.test(first) || first.includes('^"')) return 'cmd';
  if (/`[ \t]*$/.test(first)) return 'powershell';
  if (/\\[ \t]*$/.test(first)) return 'bash';
  const noSingleQuote = !first.includes("'");
  if (start.exe) return noSingleQuote && /\^./.test(first) ? 'cmd' : 'powershell';
  // One-line Windows copies (older Chrome and Firefox): `""` for a quote, `"%"` for a percent sign, `^` escapes.
  if (noSingleQuote && (/\^[\^&|<>%\\]/.test(first) || /\S""|""\S/.test(first) || first.includes('"%"'))) return 'cmd';
  return 'bash';
}

// ---------------------------------------------------------------------------
// Shell text → tokens

type Tok = { kind: 'word'; value: string } | { kind: 'op'; value: string } | { kind: 'redirect'; needsTarget: boolean };

interface ScanOptions {
  /** Quotes (by the index of their opening character) to close at the end of their line. */
  closeAtLineEnd: (open: number) => boolean;
  /** Continuation lines may start with a prompt. */
  prompt: boolean;
}

interface Scan {
  tokens: Tok[];
  /** Index just past the command (past the line break that ends it). */
  end: number;
  /** A quote that is never closed (index of its opening character): rescan with it closed at its line end. */
  runaway?: number;
  notes: string[];
}

const NBSP = '\u00a0';
/** How far `$(…)` and `` `…` `` are looked for (they are kept as written, never run). */
const SEARCH_LIMIT = 2000;

class ScanState {
  readonly tokens: Tok[] = [];
  word: string | null = null;
  /** The current word has a quoted part (so `2` in `'2'>` is not a file descriptor). */
  quoted = false;
  readonly expansions = new Set<string>();
  readonly notes = new Set<string>();
  nbsp = false;

  add(text: string): void {
    this.word = (this.word ?? '') + text;
  }
  addQuoted(text: string): void {
    this.add(text);
    this.quoted = true;
  }
  flush(): void {
    if (this.word !== null) this.tokens.push({ kind: 'word', value: this.word });
    this.word = null;
    this.quoted = false;
  }
  op(value: string): void {
    this.flush();
    this.tokens.push({ kind: 'op', value });
  }
  redirect(needsTarget: boolean): void {
    // `2>` and `2>&1`: digits right before the operator name a file descriptor.
    if (this.word !== null && !this.quoted && /^\d+$/.test(this.word)) {
      this.word = null;
      this.quoted = false;
    } else this.flush();
    this.tokens.push({ kind: 'redirect', needsTarget });
  }
  done(end: number, runaway?: number): Scan {
    this.flush();
    const notes = [...this.notes];
    if (this.expansions.size > 0) {
      notes.push(`shell expansions are not run and were kept as written: ${[...this.expansions].join(', ')}`);
    }
    if (this.nbsp) notes.push('non-breaking spaces between words were read as spaces');
    const scan: Scan = { tokens: this.tokens, end, notes };
    if (runaway !== undefined) scan.runaway = runaway;
    return scan;
  }
}

/**
 * Blanks (space, tab) cut from the end. A loop, not `/[ \t]+$/`: that regex
 * retries from every blank of a long inner run and is quadratic in it.
 */
function trimTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * curl URL globbing: `{a,b}` or `[1-3]`. The same test as
 * `/\{[^}]*,[^}]*\}|\[[^\]]*-[^\]]*\]/` in linear time (the regex backtracks
 * quadratically on `{` followed by many commas and no `}`): some `{` and a `,`
 * after it before the next `}` that closes it.
 */
function hasUrlGlob(url: string): boolean {
  const has = (open: string, inner: string, close: string): boolean => {
    const segments = url.split(close);
    for (let i = 0; i < segments.length - 1; i++) {
      const seg = segments[i]!;
      const o = seg.indexOf(open);
      if (o >= 0 && seg.indexOf(inner, o + 1) >= 0) return true;
    }
    return false;
  };
  return has('{', ',', '}') || has('[', '-', ']');
}

/** Index just past the line break when only blanks follow `i` on its line, else -1. */
function lineBreakAfter(src: string, i: number): number {
  let j = i;
  while (src.charAt(j) === ' ' || src.charAt(j) === '\t') j++;
  return src.charAt(j) === '\n' ? j + 1 : -1;
}

/** Skips a continuation prompt (`> ` bash, `>> ` PowerShell, `More? ` cmd) on a continued line. */
function skipPrompt(src: string, i: number, prompt: boolean): number {
  if (!prompt) return i;
  const m = /^(?:>>? |More\? )/.exec(src.slice(i, i + 6));
  return m ? i + m[0].length : i;
}

/** The line at `i` starts with an option (`-H`, `--data`): a quote left open on the line before was never closed. */
function optionLineAt(src: string, i: number, prompt: boolean): boolean {
  const j = skipPrompt(src, i, prompt);
  return /^[ \t]*(?:-[A-Za-z0-9#:]|--[A-Za-z])/.test(src.slice(j, j + 40));
}

/**
 * Where the continuation character at the end of the line that ends at `nl`
 * starts (with the blanks around it), or -1. Reads the source text, which is
 * flat: strings built with `+=` must not be inspected per line (V8 would
 * flatten them every time).
 */
function continuationBefore(src: string, nl: number, cont: string, min: number): number {
  let k = nl - 1;
  while (k >= min && (src.charAt(k) === ' ' || src.charAt(k) === '\t')) k--;
  if (k < min || src.charAt(k) !== cont) return -1;
  k--;
  while (k >= min && (src.charAt(k) === ' ' || src.charAt(k) === '\t')) k--;
  return k + 1;
}

/** The first `\n` in src[from, end), or -1. */
function newlineBefore(src: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (src.charCodeAt(i) === 10) return i;
  return -1;
}

/**
 * A single-quoted string at `open` (bash `'…'`; PowerShell `'…'` with `''`
 * for a quote). Returns the index after it, or -1 for a runaway quote.
 */
function scanSingleQuoted(src: string, open: number, o: ScanOptions, s: ScanState, cont: string, doubled: boolean): number {
  const n = src.length;
  let close = -1;
  for (let j = open + 1; ; ) {
    const q = src.indexOf("'", j);
    if (q < 0) break;
    if (doubled && src.charAt(q + 1) === "'") {
      j = q + 2;
      continue;
    }
    close = q;
    break;
  }
  const end = close < 0 ? n : close;
  const content = (a: number, b: number): string => {
    const t = src.slice(a, b);
    return doubled ? t.replace(/''/g, "'") : t;
  };
  // Only newlines inside the quote: searching on to the end of a long line for every quote is quadratic.
  for (let nl = newlineBefore(src, open + 1, end); nl >= 0; nl = newlineBefore(src, nl + 1, end)) {
    const tail = continuationBefore(src, nl, cont, open + 1);
    if (o.closeAtLineEnd(open)) {
      s.addQuoted(content(open + 1, tail >= 0 ? tail : nl));
      if (tail < 0) return nl;
      s.flush();
      return skipPrompt(src, nl + 1, o.prompt);
    }
    if (tail >= 0 && optionLineAt(src, nl + 1, o.prompt)) return -1;
  }
  if (close < 0) {
    if (!o.closeAtLineEnd(open)) return -1;
    s.addQuoted(content(open + 1, n));
    return n;
  }
  s.addQuoted(content(open + 1, close));
  return close + 1;
}

/**
 * Characters `matchParen` may look at in one scan of a command. Each `$(` looks
 * up to SEARCH_LIMIT ahead; a line of nothing but `$(` would cost SEARCH_LIMIT
 * per character. Past the budget a `$(` is read as plain characters; a real
 * command never comes close.
 */
const PAREN_BUDGET = 1_000_000;
let parenBudget = PAREN_BUDGET;

/** `$(…)`: index just past the matching `)`, skipping quotes and nested parentheses; -1 when unmatched. */
function matchParen(src: string, i: number): number {
  if (parenBudget <= 0) return -1;
  const limit = Math.min(src.length, i + SEARCH_LIMIT, i + parenBudget);
  parenBudget -= limit - i;
  let depth = 1;
  let j = i;
  while (j < limit) {
    const c = src.charAt(j);
    if (c === '\\') j += 2;
    else if (c === "'") {
      // Within the limit only: an unclosed quote after every `$(` would otherwise scan to the end each time.
      const k = src.slice(j + 1, limit).indexOf("'");
      if (k < 0) return -1;
      j = j + 1 + k + 1;
    } else if (c === '"') {
      j++;
      while (j < limit && src.charAt(j) !== '"') j += src.charAt(j) === '\\' ? 2 : 1;
      j++;
    } else if (c === '(') {
      depth++;
      j++;
    } else if (c === ')') {
      depth--;
      j++;
      if (depth === 0) return j;
    } else j++;
  }
  return -1;
}

/** A `$…` expansion at `i` (bash or PowerShell): where it ends and how to name it in a note (never its content). */
function expansionAt(src: string, i: number, dialect: Dialect): { end: number; label: string } | undefined {
  const d = src.charAt(i + 1);
  if (d === '(') {
    const end = matchParen(src, i + 2);
    return end < 0 ? undefined : { end, label: '$(…)' };
  }
  if (d === '{') {
    const found = src.slice(i + 2, i + 201).indexOf('}');
    const k = found < 0 ? -1 : i + 2 + found;
    if (k < 0 || k - i > 200) return undefined;
    const name = /^[A-Za-z_][A-Za-z0-9_:]*/.exec(src.slice(i + 2, k));
    return { end: k + 1, label: name ? `\${${name[0]}}` : '${…}' };
  }
  const re = dialect === 'powershell' ? /^\$(?:env:)?[A-Za-z_][A-Za-z0-9_]*/i : /^\$(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?!$-])/;
  const m = re.exec(src.slice(i, i + 200));
  return m ? { end: i + m[0].length, label: m[0] } : undefined;
}

/** Shell redirection at `i` (`>`, `>>`, `2>&1`, `<`, `<<<`, `&>`): returns the index after the operator. */
function scanRedirect(src: string, i: number, s: ScanState): number {
  let j = i;
  if (src.charAt(j) === '&' || src.charAt(j) === '*') j++; // &> (bash), *> (PowerShell)
  const c = src.charAt(j);
  j++;
  while (src.charAt(j) === c && j - i < 3) j++; // >> << <<<
  let needsTarget = true;
  if (src.charAt(j) === '&') {
    const m = /^&(\d+|-)/.exec(src.slice(j, j + 12));
    if (m) {
      j += m[0].length;
      needsTarget = false;
    } else j++;
  } else if (src.charAt(j) === '|') j++;
  s.redirect(needsTarget);
  return j;
}

/** Builds a `$'…'` string: raw bytes (`\xNN`, octal) are collected and decoded as UTF-8 together. */
class AnsiCBuilder {
  private text = '';
  private bytes: number[] = [];
  latin1 = false;
  char(c: string): void {
    this.flushBytes();
    this.text += c;
  }
  byte(b: number): void {
    this.bytes.push(b & 0xff);
  }
  private flushBytes(): void {
    if (this.bytes.length === 0) return;
    const buf = Uint8Array.from(this.bytes);
    this.bytes = [];
    try {
      this.text += new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      this.text += Buffer.from(buf).toString('latin1');
      this.latin1 = true;
    }
  }
  finish(): string {
    this.flushBytes();
    return this.text;
  }
}

const HEX_RE = /^[0-9A-Fa-f]+/;
const ANSI_C_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?',
};
const POWERSHELL_ESCAPES: Readonly<Record<string, string>> = { '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** One escape inside `$'…'` at `j` (the backslash); returns the index after it. */
function ansiCEscape(src: string, j: number, out: AnsiCBuilder): number {
  const d = src.charAt(j + 1);
  const mapped = ANSI_C_ESCAPES[d];
  if (mapped !== undefined) {
    out.char(mapped);
    return j + 2;
  }
  if (d === 'x' || d === 'u' || d === 'U') {
    const max = d === 'x' ? 2 : d === 'u' ? 4 : 8;
    const hex = (HEX_RE.exec(src.slice(j + 2, j + 2 + max)) ?? [''])[0];
    if (hex === '') {
      out.char('\\' + d);
      return j + 2;
    }
    const v = parseInt(hex, 16);
    if (d === 'x') out.byte(v);
    else if (v <= 0x10ffff) out.char(String.fromCodePoint(v));
    return j + 2 + hex.length;
  }
  if (d >= '0' && d <= '7' && d !== '') {
    const oct = (/^[0-7]{1,3}/.exec(src.slice(j + 1, j + 4)) ?? ['0'])[0];
    out.byte(parseInt(oct, 8));
    return j + 1 + oct.length;
  }
  if (d === 'c' && j + 2 < src.length) {
    out.char(String.fromCharCode(src.charCodeAt(j + 2) & 0x1f));
    return j + 3;
  }
  out.char('\\' + d);
  return j + 2;
}

/**
 * POSIX shell (bash, zsh): `'…'`, `"…"`, `$'…'`, backslash escapes and
 * continuations, `#` comments, `|`/`;`/`&` ending the command, redirections.
 */
function scanBash(src: string, from: number, o: ScanOptions): Scan {
  const s = new ScanState();
  const n = src.length;
  let i = from;

  const double = (open: number): number => {
    let text = '';
    let j = open + 1;
    for (;;) {
      if (j >= n) {
        if (!o.closeAtLineEnd(open)) return -1;
        s.addQuoted(text);
        return j;
      }
      const c = src.charAt(j);
      if (c === '"') {
        s.addQuoted(text);
        return j + 1;
      }
      if (c === '\\') {
        const nl = lineBreakAfter(src, j + 1);
        if (nl >= 0) {
          if (o.closeAtLineEnd(open)) {
            s.addQuoted(trimTrailingBlanks(text));
            s.flush();
            return skipPrompt(src, nl, o.prompt);
          }
          if (optionLineAt(src, nl, o.prompt)) return -1;
          if (src.charAt(j + 1) === '\n') {
            j = skipPrompt(src, nl, o.prompt);
            continue;
          }
        }
        const d = src.charAt(j + 1);
        if (d !== '' && '$`"\\'.includes(d)) {
          text += d;
          j += 2;
        } else {
          text += '\\';
          j++;
        }
        continue;
      }
      if (c === '\n' && o.closeAtLineEnd(open)) {
        s.addQuoted(text);
        return j;
      }
      if (c === '$' || c === '`') {
        const e = c === '$' ? expansionAt(src, j, 'bash') : backtick(j);
        if (e) {
          s.expansions.add(e.label);
          text += src.slice(j, e.end);
          j = e.end;
          continue;
        }
      }
      text += c;
      j++;
    }
  };

  const ansiC = (open: number): number => {
    const out = new AnsiCBuilder();
    const finish = (t: string): void => {
      s.addQuoted(t);
      if (out.latin1) s.notes.add("a $'…' string has \\x bytes that are not UTF-8; they were read as Latin-1");
    };
    let j = open + 1;
    for (;;) {
      if (j >= n) {
        if (!o.closeAtLineEnd(open)) return -1;
        finish(out.finish());
        return j;
      }
      const c = src.charAt(j);
      if (c === "'") {
        finish(out.finish());
        return j + 1;
      }
      if (c === '\\') {
        const nl = lineBreakAfter(src, j + 1);
        if (nl >= 0 && (o.closeAtLineEnd(open) || optionLineAt(src, nl, o.prompt))) {
          if (!o.closeAtLineEnd(open)) return -1;
          finish(trimTrailingBlanks(out.finish()));
          s.flush();
          return skipPrompt(src, nl, o.prompt);
        }
        j = ansiCEscape(src, j, out);
        continue;
      }
      if (c === '\n' && o.closeAtLineEnd(open)) {
        finish(out.finish());
        return j;
      }
      out.char(c);
      j++;
    }
  };

  const backtick = (j: number): { end: number; label: string } | undefined => {
    for (let k = j + 1; k < Math.min(n, j + SEARCH_LIMIT); k++) {
      if (src.charAt(k) === '\\') k++;
      else if (src.charAt(k) === '`') return { end: k + 1, label: '`…`' };
    }
    return undefined;
  };

  while (i < n) {
    const c = src.charAt(i);
    if (c === ' ' || c === '\t' || c === NBSP) {
      if (c === NBSP) s.nbsp = true;
      s.flush();
      i++;
      continue;
    }
    if (c === '\n') return s.done(i + 1);
    if (c === '\\') {
      const nl = lineBreakAfter(src, i + 1);
      if (nl >= 0) i = skipPrompt(src, nl, o.prompt);
      else {
        if (i + 1 < n) s.addQuoted(src.charAt(i + 1));
        i += 2;
      }
      continue;
    }
    let quoteEnd: number | undefined;
    if (c === "'") quoteEnd = scanSingleQuoted(src, i, o, s, '\\', false);
    else if (c === '"') quoteEnd = double(i);
    else if (c === '$' && src.charAt(i + 1) === "'") quoteEnd = ansiC(i + 1);
    else if (c === '$' && src.charAt(i + 1) === '"') quoteEnd = double(i + 1);
    if (quoteEnd !== undefined) {
      if (quoteEnd < 0) return s.done(n, c === '$' ? i + 1 : i);
      i = quoteEnd;
      continue;
    }
    if (c === '$' || c === '`') {
      const e = c === '$' ? expansionAt(src, i, 'bash') : backtick(i);
      if (e) {
        s.expansions.add(e.label);
        s.add(src.slice(i, e.end));
        i = e.end;
        continue;
      }
    }
    if (c === '#' && s.word === null) {
      while (i < n && src.charAt(i) !== '\n') i++;
      continue;
    }
    if (c === '<' || c === '>' || (c === '&' && src.charAt(i + 1) === '>')) {
      i = scanRedirect(src, i, s);
      continue;
    }
    if (c === '|' || c === ';' || c === '&' || c === '(' || c === ')') {
      const two = src.slice(i, i + 2);
      const op = ['&&', '||', ';;', '|&'].includes(two) ? two : c;
      s.op(op);
      i += op.length;
      continue;
    }
    s.add(c);
    i++;
  }
  return s.done(n);
}

/**
 * PowerShell (`curl.exe …`): `'…'` with `''`, `"…"` with backtick escapes
 * and `""`, backtick continuations, `#` comments, `|`/`;` ending the command.
 */
function scanPowerShell(src: string, from: number, o: ScanOptions): Scan {
  const s = new ScanState();
  const n = src.length;
  let i = from;

  const double = (open: number): number => {
    let text = '';
    let j = open + 1;
    for (;;) {
      if (j >= n) {
        if (!o.closeAtLineEnd(open)) return -1;
        s.addQuoted(text);
        return j;
      }
      const c = src.charAt(j);
      if (c === '"') {
        if (src.charAt(j + 1) === '"') {
          text += '"';
          j += 2;
          continue;
        }
        s.addQuoted(text);
        return j + 1;
      }
      if (c === '`') {
        const nl = lineBreakAfter(src, j + 1);
        if (nl >= 0 && (o.closeAtLineEnd(open) || optionLineAt(src, nl, o.prompt))) {
          if (!o.closeAtLineEnd(open)) return -1;
          s.addQuoted(trimTrailingBlanks(text));
          s.flush();
          return skipPrompt(src, nl, o.prompt);
        }
        const d = src.charAt(j + 1);
        const u = d === 'u' ? /^u\{([0-9A-Fa-f]{1,6})\}/.exec(src.slice(j + 1, j + 10)) : null;
        if (u && parseInt(u[1] ?? '0', 16) <= 0x10ffff) {
          text += String.fromCodePoint(parseInt(u[1] ?? '0', 16));
          j += 1 + u[0].length;
        } else {
          text += POWERSHELL_ESCAPES[d] ?? d;
          j += 2;
        }
        continue;
      }
      if (c === '\n' && o.closeAtLineEnd(open)) {
        s.addQuoted(text);
        return j;
      }
      if (c === '$') {
        const e = expansionAt(src, j, 'powershell');
        if (e) {
          s.expansions.add(e.label);
          text += src.slice(j, e.end);
          j = e.end;
          continue;
        }
      }
      text += c;
      j++;
    }
  };

  while (i < n) {
    const c = src.charAt(i);
    if (c === ' ' || c === '\t' || c === NBSP) {
      if (c === NBSP) s.nbsp = true;
      s.flush();
      i++;
      continue;
    }
    if (c === '\n') return s.done(i + 1);
    if (c === '`') {
      const nl = lineBreakAfter(src, i + 1);
      if (nl >= 0) i = skipPrompt(src, nl, o.prompt);
      else {
        if (i + 1 < n) s.addQuoted(src.charAt(i + 1));
        i += 2;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      const end = c === "'" ? scanSingleQuoted(src, i, o, s, '`', true) : double(i);
      if (end < 0) return s.done(n, i);
      i = end;
      continue;
    }
    if (c === '$') {
      const e = expansionAt(src, i, 'powershell');
      if (e) {
        s.expansions.add(e.label);
        s.add(src.slice(i, e.end));
        i = e.end;
        continue;
      }
    }
    if (c === '#' && s.word === null) {
      while (i < n && src.charAt(i) !== '\n') i++;
      continue;
    }
    if (c === '<' || c === '>' || ((c === '&' || c === '*') && src.charAt(i + 1) === '>')) {
      i = scanRedirect(src, i, s);
      continue;
    }
    if (c === '|' || c === ';' || c === '&') {
      const two = src.slice(i, i + 2);
      const op = two === '&&' || two === '||' ? two : c;
      s.op(op);
      i += op.length;
      continue;
    }
    s.add(c);
    i++;
  }
  return s.done(n);
}

const CONT_MARK = '\uE000';
const REDIR_MARK = '\uE001';

/**
 * cmd.exe (Chrome's "Copy as cURL (cmd)"): first cmd's own pass (`^`
 * escapes, `^` + line break continuations, `"` regions where `&|<>` are
 * literal, `%%`), then the MS C runtime's argv split (`"` toggles quoting,
 * `\"` is a quote, `""` inside quotes is a quote). `^` is read as an escape
 * inside quotes too: Chrome's older copies wrap in plain `"` and still escape
 * with `^`, meaning the unescaped text.
 */
function scanCmd(src: string, from: number, o: ScanOptions): Scan {
  const s = new ScanState();
  const n = src.length;
  let out = '';
  /** Source index of each character of `out`. */
  const at: number[] = [];
  const put = (text: string, index: number): void => {
    out += text;
    for (let k = 0; k < text.length; k++) at.push(index);
  };
  let inQuote = false;
  let end = n;
  let i = from;
  while (i < n) {
    const c = src.charAt(i);
    if (c === '^') {
      const nl = lineBreakAfter(src, i + 1);
      if (nl >= 0) {
        i = skipPrompt(src, nl, o.prompt);
        if (src.charAt(i) === '\n') {
          // Chrome writes a newline in data as `^` + two line breaks: the second one is escaped.
          put('\n', i);
          i++;
        } else {
          put(CONT_MARK, i);
          if (i < n) {
            // The first character of a continued line is taken literally.
            put(src.charAt(i), i);
            i++;
          }
        }
        continue;
      }
      if (i + 1 < n) put(src.charAt(i + 1), i + 1);
      i += 2;
      continue;
    }
    if (c === '"') {
      inQuote = !inQuote;
      put(c, i);
      i++;
      continue;
    }
    if (c === '\n') {
      end = i + 1;
      break;
    }
    if (!inQuote && (c === '&' || c === '|')) {
      const two = src.slice(i, i + 2);
      s.op(two === '&&' || two === '||' ? two : c);
      const nl = src.indexOf('\n', i);
      end = nl < 0 ? n : nl + 1;
      break;
    }
    if (!inQuote && (c === '<' || c === '>')) {
      put(REDIR_MARK, i);
      i++;
      continue;
    }
    if (c === '%') {
      if (src.charAt(i + 1) === '%') {
        put('%', i);
        s.notes.add('`%%` was read as `%` (batch-file escaping)');
        i += 2;
        continue;
      }
      const v = /^%[A-Za-z_][A-Za-z0-9_]*%/.exec(src.slice(i, i + 200));
      if (v && !/^%[0-9A-Fa-f]{2}%$/.test(v[0])) s.expansions.add(v[0]);
    }
    if (c === NBSP && !inQuote) {
      s.nbsp = true;
      put(' ', i);
      i++;
      continue;
    }
    put(c, i);
    i++;
  }
  const opToken = s.tokens.pop();

  // The C runtime's argv split.
  const L = out.length;
  let q = false;
  let qOpen = -1;
  let j = 0;
  while (j < L) {
    const c = out.charAt(j);
    if (c === CONT_MARK) {
      if (q && o.closeAtLineEnd(at[qOpen] ?? 0)) {
        q = false;
        s.word = trimTrailingBlanks(s.word ?? '');
        s.flush();
      } else if (q && optionLineAt(out, j + 1, false)) {
        return s.done(end, at[qOpen] ?? 0);
      }
      j++;
      continue;
    }
    if (c === REDIR_MARK && !q) {
      let k = j + 1;
      while (out.charAt(k) === REDIR_MARK) k++;
      let needsTarget = true;
      const m = /^&\d/.exec(out.slice(k, k + 2));
      if (m) {
        k += 2;
        needsTarget = false;
      }
      s.redirect(needsTarget);
      j = k;
      continue;
    }
    if (!q && (c === ' ' || c === '\t')) {
      s.flush();
      j++;
      continue;
    }
    if (c === '\\') {
      let k = j;
      while (out.charAt(k) === '\\') k++;
      const count = k - j;
      if (out.charAt(k) === '"') {
        s.add('\\'.repeat(count >> 1));
        if (count % 2 === 1) {
          s.addQuoted('"');
          j = k + 1;
        } else j = k;
      } else {
        s.add('\\'.repeat(count));
        j = k;
      }
      continue;
    }
    if (c === '"') {
      if (q && out.charAt(j + 1) === '"') {
        s.add('"');
        j += 2;
        continue;
      }
      if (!q) {
        q = true;
        qOpen = j;
        s.addQuoted('');
      } else q = false;
      j++;
      continue;
    }
    s.add(c === REDIR_MARK ? src.charAt(at[j] ?? 0) : c);
    j++;
  }
  if (q && !o.closeAtLineEnd(at[qOpen] ?? 0)) {
    // cmd ends the command at the line end; the C runtime closes the quote there.
    s.notes.add(`line ${lineOf(src, at[qOpen] ?? 0)}: a quote is not closed; it was read as ending at the end of the command`);
  }
  if (opToken) {
    s.flush();
    s.tokens.push(opToken);
  }
  return s.done(end);
}

/** User text quoted in a note: one line, at most 60 characters. */
function show(text: string): string {
  // eslint-disable-next-line no-control-regex
  const one = text.replace(/[\x00-\x1f\x7f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
  return one.length > 60 ? one.slice(0, 59) + '…' : one;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < index; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

function scan(dialect: Dialect, text: string, from: number, o: ScanOptions): Scan {
  parenBudget = PAREN_BUDGET;
  return dialect === 'cmd' ? scanCmd(text, from, o) : dialect === 'powershell' ? scanPowerShell(text, from, o) : scanBash(text, from, o);
}

/** Scans, closing runaway quotes at their line end one by one until none is left. */
function scanCommand(dialect: Dialect, text: string, start: Start): Scan {
  const closed = new Set<number>();
  const options: ScanOptions = { closeAtLineEnd: (open) => closed.has(open), prompt: start.prompt };
  let result = scan(dialect, text, start.index, options);
  let all = false;
  for (let round = 0; result.runaway !== undefined; round++) {
    if (round >= 16 || closed.has(result.runaway)) {
      all = true;
      result = scan(dialect, text, start.index, { ...options, closeAtLineEnd: () => true });
      break;
    }
    closed.add(result.runaway);
    result = scan(dialect, text, start.index, options);
  }
  const notes = all
    ? ['many quotes are not closed; every quote was read as ending at the end of its line at the latest']
    : [...closed].sort((a, b) => a - b).map((open) => `line ${lineOf(text, open)}: a quote is not closed; it was read as ending at the end of that line`);
  return { ...result, notes: [...notes, ...result.notes] };
}

// ---------------------------------------------------------------------------
// argv → the request curl sends

/**
 * curl's options (src/tool_getparam.c `aliases`, curl 8.x, plus older ones):
 * the ones that take an argument. `help` takes an optional one; it is left out
 * so that it never swallows the URL.
 */
const OPTIONS_WITH_ARGUMENT = new Set(
  (
    'abstract-unix-socket alt-svc aws-sigv4 cacert capath cert cert-type ciphers config connect-timeout connect-to ' +
    'continue-at cookie cookie-jar create-file-mode crlfile curves data data-ascii data-binary data-raw ' +
    'data-urlencode delegation dns-interface dns-ipv4-addr dns-ipv6-addr dns-servers doh-url dump-header ech ' +
    'egd-file engine etag-compare etag-save expect100-timeout form form-string ftp-account ' +
    'ftp-alternative-to-user ftp-method ftp-port ftp-ssl-ccc-mode happy-eyeballs-timeout-ms haproxy-clientip ' +
    'header hostpubmd5 hostpubsha256 hsts interface ip-tos ipfs-gateway json keepalive-cnt keepalive-time key ' +
    'key-type knownhosts krb krb4 libcurl limit-rate local-port login-options mail-auth mail-from mail-rcpt ' +
    'max-filesize max-redirs max-time netrc-file noproxy oauth2-bearer output output-dir parallel-max ' +
    'parallel-max-host pass pinnedpubkey preproxy proto proto-default proto-redir proxy proxy-cacert ' +
    'proxy-capath proxy-cert proxy-cert-type proxy-ciphers proxy-crlfile proxy-header proxy-key proxy-key-type ' +
    'proxy-pass proxy-pinnedpubkey proxy-service-name proxy-tls13-ciphers proxy-tlsauthtype proxy-tlspassword ' +
    'proxy-tlsuser proxy-user proxy1.0 pubkey quote random-file range rate referer request request-target ' +
    'resolve retry retry-delay retry-max-time sasl-authzid service-name sigalgs socks4 socks4a socks5 ' +
    'socks5-gssapi-service socks5-hostname speed-limit speed-time ssl-sessions stderr telnet-option ' +
    'tftp-blksize time-cond tls-max tls13-ciphers tlsauthtype tlspassword tlsuser trace trace-ascii ' +
    'trace-config unix-socket upload-file upload-flags url url-query user user-agent variable vlan-priority write-out'
  ).split(' '),
);

/** curl's options without an argument (booleans take a `--no-` prefix). */
const OPTIONS_WITHOUT_ARGUMENT = new Set(
  (
    'alpn anyauth append basic buffer ca-native cert-status clobber compressed compressed-ssh create-dirs crlf ' +
    'digest disable disable-eprt disable-epsv disallow-username-in-url doh-cert-status doh-insecure ' +
    'dump-ca-embed eprt epsv fail fail-early fail-with-body false-start follow form-escape ftp-create-dirs ' +
    'ftp-pasv ftp-pret ftp-skip-pasv-ip ftp-ssl ftp-ssl-ccc ftp-ssl-control ftp-ssl-reqd get globoff ' +
    'haproxy-protocol head help http0.9 http1.0 http1.1 http2 http2-prior-knowledge http3 http3-only ' +
    'ignore-content-length include insecure ipv4 ipv6 junk-session-cookies keepalive list-only location ' +
    'location-trusted mail-rcpt-allowfails manual metalink mptcp negotiate netrc netrc-optional next npn ntlm ' +
    'ntlm-wb out-null parallel parallel-immediate path-as-is post301 post302 post303 progress-bar ' +
    'progress-meter proxy-anyauth proxy-basic proxy-ca-native proxy-digest proxy-http2 proxy-insecure ' +
    'proxy-negotiate proxy-ntlm proxy-ssl-allow-beast proxy-ssl-auto-client-cert proxy-tlsv1 proxytunnel raw ' +
    'remote-header-name remote-name remote-name-all remote-time remove-on-error retry-all-errors ' +
    'retry-connrefused sasl-ir sessionid show-error show-headers silent skip-existing socks5-basic ' +
    'socks5-gssapi socks5-gssapi-nec ssl ssl-allow-beast ssl-auto-client-cert ssl-no-revoke ssl-reqd ' +
    'ssl-revoke-best-effort sslv2 sslv3 styled-output suppress-connect-headers tcp-fastopen tcp-nodelay ' +
    'tftp-no-options tls-earlydata tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 tr-encoding trace-ids trace-time ' +
    'use-ascii verbose version xattr'
  ).split(' '),
);

const SHORT_OPTIONS: Readonly<Record<string, string>> = {
  '#': 'progress-bar', ':': 'next', '0': 'http1.0', '1': 'tlsv1', '2': 'sslv2', '3': 'sslv3', '4': 'ipv4', '6': 'ipv6',
  a: 'append', A: 'user-agent', b: 'cookie', B: 'use-ascii', c: 'cookie-jar', C: 'continue-at', d: 'data',
  D: 'dump-header', e: 'referer', E: 'cert', f: 'fail', F: 'form', g: 'globoff', G: 'get', h: 'help', H: 'header',
  i: 'include', I: 'head', j: 'junk-session-cookies', J: 'remote-header-name', k: 'insecure', K: 'config',
  l: 'list-only', L: 'location', m: 'max-time', M: 'manual', n: 'netrc', N: 'buffer', o: 'output',
  O: 'remote-name', p: 'proxytunnel', P: 'ftp-port', q: 'disable', Q: 'quote', r: 'range', R: 'remote-time',
  s: 'silent', S: 'show-error', t: 'telnet-option', T: 'upload-file', u: 'user', U: 'proxy-user', v: 'verbose',
  V: 'version', w: 'write-out', x: 'proxy', X: 'request', y: 'speed-time', Y: 'speed-limit', z: 'time-cond',
  Z: 'parallel',
};

function takesArgument(name: string): boolean {
  return OPTIONS_WITH_ARGUMENT.has(name);
}

function knownOption(name: string): boolean {
  return OPTIONS_WITH_ARGUMENT.has(name) || OPTIONS_WITHOUT_ARGUMENT.has(name);
}

/** Older curl accepted any unambiguous prefix of a long option. */
function resolveLongOption(name: string): string | undefined {
  if (knownOption(name)) return name;
  if (name.length < 3) return undefined;
  const hits = [...OPTIONS_WITH_ARGUMENT, ...OPTIONS_WITHOUT_ARGUMENT].filter((o) => o.startsWith(name));
  return hits.length === 1 ? hits[0] : undefined;
}

/** curl_easy_escape: everything but ALPHA DIGIT `-._~` as %XX of its UTF-8 bytes. */
function curlEscape(text: string): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(ch) ? ch : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** `--data-urlencode` content: curl_easy_escape, then `%20` → `+` (tool_getparam.c). */
function formEscape(text: string): string {
  return curlEscape(text).replace(/%20/g, '+');
}

type DataPart = { text: string } | { file: string };

/** `--data-urlencode` / `--url-query` argument: `content`, `=content`, `name=content`, `@file`, `name@file`. */
function urlencoded(value: string): DataPart {
  let p = value.indexOf('=');
  if (p < 0) p = value.indexOf('@');
  if (p >= 0 && value.charAt(p) === '@') return { file: value.slice(p + 1) };
  if (p >= 0) return { text: (p > 0 ? value.slice(0, p) + '=' : '') + formEscape(value.slice(p + 1)) };
  return { text: formEscape(value) };
}

type HeaderSlot = HeaderField | { authority: string };

class CurlArgs {
  readonly urls: string[] = [];
  method?: string;
  head = false;
  get = false;
  upload?: string;
  form = false;
  jsoned = false;
  readonly data: DataPart[] = [];
  /** The separator before each data part (`&`, none for --json). */
  readonly dataSeparators: string[] = [];
  readonly headers: HeaderSlot[] = [];
  /** Lowercased names given as `-H 'Name:'`: curl must not send its own. */
  readonly removed = new Set<string>();
  userGiven = false;
  userAgent?: string;
  referer?: string;
  range?: string;
  globoff = false;
  pathAsIs = false;
  readonly urlQuery: DataPart[] = [];
  readonly notes = new Set<string>();

  addHeader(h: string): void {
    if (h.startsWith('@')) {
      this.notes.add(`headers read from the file ${h === '@-' ? 'on standard input' : `\`${show(h.slice(1))}\``} are not in the input`);
      return;
    }
    const colon = h.indexOf(':');
    const semi = h.indexOf(';');
    if (colon === 0) {
      const pseudo = /^:([A-Za-z]+)[ \t]*:(.*)$/.exec(h);
      if (pseudo && pseudo[1]?.toLowerCase() === 'authority') {
        this.headers.push({ authority: (pseudo[2] ?? '').trim() });
        return;
      }
      this.notes.add(`-H \`${(/^:[A-Za-z0-9_-]{0,40}/.exec(h) ?? [':'])[0]}\` is an HTTP/2 pseudo-header, not a header curl sends; skipped`);
      return;
    }
    if (colon > 0 && (semi < 0 || semi > colon || h.slice(semi + 1).trim() !== '')) {
      const name = h.slice(0, colon);
      let value = h.slice(colon + 1);
      if (value.trim() === '') {
        this.removed.add(name.trim().toLowerCase());
        this.notes.add(`-H '${show(name)}:' (no value) tells curl not to send its own ${show(name)} header; nothing was added for it`);
        return;
      }
      if (value.startsWith(' ')) value = value.slice(1);
      if (name.toLowerCase() === 'authority') this.headers.push({ authority: value.trim() });
      else this.headers.push({ name, value });
      return;
    }
    if (semi > 0 && h.slice(semi + 1).trim() === '') {
      this.headers.push({ name: h.slice(0, semi), value: '' });
      return;
    }
    this.notes.add('an -H value without `:` is not a header; curl does not send it');
  }

  addData(option: string, value: string): void {
    let part: DataPart;
    if (option === 'data-urlencode') part = urlencoded(value);
    else if (value.startsWith('@') && option !== 'data-raw') part = { file: value.slice(1) };
    else part = { text: value };
    if (option === 'json') this.jsoned = true;
    this.dataSeparators.push(this.data.length > 0 && option !== 'json' ? '&' : '');
    this.data.push(part);
  }

  /** The data joined as curl joins it, or undefined when part of it is in a file. */
  dataText(): string | undefined {
    let out = '';
    for (let k = 0; k < this.data.length; k++) {
      const part = this.data[k];
      if (!part || !('text' in part)) return undefined;
      out += (this.dataSeparators[k] ?? '') + part.text;
    }
    return out;
  }

  dataFiles(): string[] {
    return this.data.flatMap((p) => ('file' in p ? [p.file === '-' ? 'standard input' : `\`${show(p.file)}\``] : []));
  }

  hasCustom(name: string): boolean {
    const wanted = name.toLowerCase();
    return this.removed.has(wanted) || this.headers.some((h) => 'name' in h && h.name.trim().toLowerCase() === wanted);
  }
}

/** Reads argv (without `curl`) as curl does; returns false when the command ended (`--next`). */
function applyOption(a: CurlArgs, name: string, value: string | undefined, toggle: boolean): boolean {
  const v = value ?? '';
  switch (name) {
    case 'url':
      a.urls.push(v);
      break;
    case 'request':
      a.method = v;
      break;
    case 'head':
      a.head = toggle;
      break;
    case 'get':
      a.get = toggle;
      break;
    case 'upload-file':
      a.upload = v;
      break;
    case 'header':
      a.addHeader(v);
      break;
    case 'data':
    case 'data-ascii':
    case 'data-binary':
    case 'data-raw':
    case 'data-urlencode':
    case 'json':
      a.addData(name, v);
      break;
    case 'form':
    case 'form-string':
      a.form = true;
      break;
    case 'user':
      a.userGiven = true;
      break;
    case 'user-agent':
      a.userAgent = v;
      break;
    case 'referer':
      a.referer = v.endsWith(';auto') ? v.slice(0, -5) : v;
      break;
    case 'range':
      a.range = v;
      break;
    case 'cookie':
      a.notes.add('cookies given with -b/--cookie are ignored (OSS does not sign them)');
      break;
    case 'continue-at':
      a.notes.add('-C/--continue-at makes curl send a Range header that is not reconstructed');
      break;
    case 'proxy':
    case 'proxy1.0':
    case 'preproxy':
    case 'socks4':
    case 'socks4a':
    case 'socks5':
    case 'socks5-hostname':
      a.notes.add(`the request went through a proxy (--${name}); a proxy may change headers on the way`);
      break;
    case 'config':
      a.notes.add(`options in the config file \`${show(v)}\` (-K/--config) are not in the input`);
      break;
    case 'next':
      a.notes.add('only the first request of the command (before --next) was read');
      return false;
    case 'path-as-is':
      a.pathAsIs = toggle;
      break;
    case 'globoff':
      a.globoff = toggle;
      break;
    case 'url-query':
      a.urlQuery.push(v.startsWith('+') ? { text: v.slice(1) } : urlencoded(v));
      break;
    case 'request-target':
      a.notes.add('--request-target replaces the path curl sends; the URL was kept as the target');
      break;
    case 'oauth2-bearer':
      a.notes.add('--oauth2-bearer makes curl send an `Authorization: Bearer` header that was not added');
      break;
    case 'aws-sigv4':
      a.notes.add('--aws-sigv4 makes curl compute its own Authorization header (AWS SigV4); it is not in the input');
      break;
    case 'time-cond':
      a.notes.add('-z/--time-cond makes curl send an If-Modified-Since header that was not added');
      break;
    case 'variable':
      a.notes.add('--variable/--expand-* variables were not expanded');
      break;
    default:
      break;
  }
  return true;
}

const URL_LIKE_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:[/?#]|$))/i;

function readArgs(words: string[], a: CurlArgs): void {
  let flags = true;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] ?? '';
    if (!flags || !w.startsWith('-') || w === '-') {
      a.urls.push(w);
      continue;
    }
    if (w === '--') {
      flags = false;
      continue;
    }
    const next = words[k + 1];
    if (w.startsWith('--')) {
      let word = w.slice(2);
      let attached: string | undefined;
      let toggle = true;
      const eq = word.indexOf('=');
      if (eq > 0 && !knownOption(word) && resolveLongOption(word.slice(0, eq).replace(/^(?:no-|expand-)/, ''))) {
        attached = word.slice(eq + 1);
        word = word.slice(0, eq);
      }
      let base = word;
      if (word.startsWith('no-') && !knownOption(word)) {
        base = word.slice(3);
        toggle = false;
      } else if (word.startsWith('expand-') && !knownOption(word)) base = word.slice(7);
      const name = resolveLongOption(base);
      if (name === undefined) {
        // Unknown to this reader: take the next word as its argument unless it looks like the URL or an option.
        const eat = attached === undefined && next !== undefined && !next.startsWith('-') && !URL_LIKE_RE.test(next);
        a.notes.add(`unknown option \`--${show(word.split('=')[0] ?? '')}\` was skipped${eat ? ' with the word after it' : ''}`);
        if (eat) k++;
        continue;
      }
      if (!toggle && takesArgument(name)) {
        a.notes.add(`unknown option \`--${show(word)}\` was skipped`);
        continue;
      }
      if (name !== base) a.notes.add(`\`--${show(base)}\` was read as --${name} (a prefix older curl accepted)`);
      if (takesArgument(name)) {
        let value = attached;
        if (value === undefined) {
          if (next === undefined) {
            a.notes.add(`--${name} has no argument`);
            continue;
          }
          value = next;
          k++;
        }
        if (!applyOption(a, name, value, true)) return;
      } else if (!applyOption(a, name, undefined, toggle)) return;
      continue;
    }
    // Short options, possibly bundled (`-sSL`) or with the argument attached (`-XPUT`).
    const letters = w.slice(1);
    for (let p = 0; p < letters.length; p++) {
      const letter = letters.charAt(p);
      const name = SHORT_OPTIONS[letter];
      if (name === undefined) {
        a.notes.add(`unknown option \`-${letter}\` was skipped`);
        continue;
      }
      if (takesArgument(name)) {
        let value = letters.slice(p + 1);
        if (value === '') {
          if (next === undefined) {
            a.notes.add(`-${letter} has no argument`);
            break;
          }
          value = next;
          k++;
        }
        if (!applyOption(a, name, value, true)) return;
        break;
      }
      if (!applyOption(a, name, undefined, name !== 'buffer')) return;
    }
  }
}

/** Splits an absolute URL into [before path end, path, query with `?`, fragment with `#`]. */
function splitUrl(url: string): { origin: string; path: string; query: string; fragment: string } {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  const origin = scheme ? scheme[0] : '';
  let rest = url.slice(origin.length);
  const hash = rest.indexOf('#');
  const fragment = hash >= 0 ? rest.slice(hash) : '';
  if (hash >= 0) rest = rest.slice(0, hash);
  const qm = rest.indexOf('?');
  return { origin, path: qm >= 0 ? rest.slice(0, qm) : rest, query: qm >= 0 ? rest.slice(qm) : '', fragment };
}

function appendQuery(query: string, extra: string): string {
  if (query === '') return '?' + extra;
  if (query === '?' || query.endsWith('&')) return query + extra;
  return query + '&' + extra;
}

function buildRequest(a: CurlArgs): { request: HttpRequestMessage; notes: string[] } {
  const notes: string[] = [];
  const urls = a.urls.filter((u) => u.trim() !== '');
  const first = urls[0];
  if (first === undefined) {
    throw new InputError('the curl command has no URL', 'paste the whole command, including the URL');
  }
  if (urls.length > 1) notes.push(`the command has ${urls.length} URLs; only the first was read`);

  // ---- method (tool_getparam.c / lib/http.c: -X wins, then -I, -T, data)
  const posts = a.data.length > 0 && !a.get;
  const kinds = [a.head && '-I', a.upload !== undefined && '-T', posts && '-d', a.form && '-F'].filter((x): x is string => typeof x === 'string');
  if (kinds.length > 1) notes.push(`curl refuses to combine ${kinds.join(' and ')} (one request method only); read as written anyway`);
  let method: string;
  if (a.method !== undefined && a.method !== '') {
    method = a.method;
    if (method !== method.toUpperCase()) notes.push(`curl sends the method exactly as given (\`${show(method)}\`); HTTP methods are case-sensitive`);
    if (method.toUpperCase() === 'HEAD' && !a.head) notes.push('-X HEAD makes curl wait for a body that never comes; use -I for a HEAD request');
  } else if (a.head) method = 'HEAD';
  else if (a.upload !== undefined) method = 'PUT';
  else if (posts || a.form) method = 'POST';
  else method = 'GET';

  // ---- target
  let url = first.trim();
  if (!a.globoff) url = url.replace(/\\([[\]{}])/g, '$1'); // Chrome escapes these for curl's URL globbing
  if (!a.globoff && hasUrlGlob(url)) {
    notes.push('the URL has `{…}` or `[…]` ranges that curl expands into several URLs (without -g); the URL was read as written');
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    url = 'http://' + url;
    notes.push('the URL has no scheme; curl uses http://');
  }
  const parts = splitUrl(url);
  let changed = false;
  if (a.upload !== undefined && a.upload !== '-' && a.upload !== '.' && (parts.path === '' || parts.path.endsWith('/'))) {
    const file = a.upload.split(/[/\\]/).pop() ?? '';
    if (file !== '') {
      parts.path = (parts.path === '' ? '/' : parts.path) + curlEscape(file);
      changed = true;
      notes.push(`the URL ends with \`/\`, so curl appends the uploaded file's name to it (-T ${show(a.upload)})`);
    }
  }
  const dataText = a.dataText();
  if (a.get && a.data.length > 0) {
    if (dataText === undefined) notes.push(`-G puts data read from ${a.dataFiles().join(', ')} into the query; that part is not in the input`);
    else {
      parts.query = appendQuery(parts.query, dataText);
      changed = true;
    }
  }
  for (const q of a.urlQuery) {
    if ('file' in q) {
      notes.push(`--url-query content read from \`${show(q.file)}\` is not in the input`);
      continue;
    }
    parts.query = appendQuery(parts.query, q.text);
    changed = true;
  }
  if (changed) url = parts.origin + parts.path + parts.query + parts.fragment;
  if (parts.fragment !== '') notes.push('curl does not send the `#…` part of the URL');
  if (!a.pathAsIs && /(?:^|\/)\.\.?(?:\/|$)/.test(parts.path)) {
    notes.push('curl removes `./` and `../` segments from the path before sending it (unless --path-as-is)');
  }

  // ---- headers, in curl's order: its own first, then -H, then the body's Content-Type
  const headers: HeaderField[] = [];
  if (a.range !== undefined && !a.hasCustom('range')) headers.push({ name: 'Range', value: `bytes=${a.range}` });
  if (a.userAgent !== undefined && a.userAgent !== '' && !a.hasCustom('user-agent')) headers.push({ name: 'User-Agent', value: a.userAgent });
  if (a.referer !== undefined && a.referer !== '' && !a.hasCustom('referer')) headers.push({ name: 'Referer', value: a.referer });
  const hasHost = a.hasCustom('host');
  for (const h of a.headers) {
    if ('name' in h) headers.push(h);
    else if (hasHost) notes.push('`authority` (an HTTP/2 :authority pseudo-header in Chrome\'s copy) was dropped: a Host header is given');
    else {
      headers.push({ name: 'Host', value: h.authority });
      notes.push('`authority` (an HTTP/2 :authority pseudo-header in Chrome\'s copy) was read as the Host header');
    }
  }
  let body: string | undefined;
  if (posts && a.upload === undefined && !a.form) {
    body = dataText;
    if (a.jsoned) {
      if (!a.hasCustom('content-type')) headers.push({ name: 'Content-Type', value: 'application/json' });
      if (!a.hasCustom('accept')) headers.push({ name: 'Accept', value: 'application/json' });
    } else if (!a.hasCustom('content-type')) {
      headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded' });
      notes.push('curl adds `Content-Type: application/x-www-form-urlencoded` to data sent with -d/--data* when no Content-Type header is given, and OSS signs it');
    }
    if (dataText === undefined) notes.push(`the request body is read from ${a.dataFiles().join(', ')}, which is not in the input`);
  }
  if (a.upload !== undefined) {
    notes.push(`the request body is the file ${a.upload === '-' || a.upload === '.' ? 'on standard input' : `\`${show(a.upload)}\``}, which is not in the input`);
  }
  if (a.form) {
    notes.push('-F sends a multipart/form-data body with a random boundary (in its Content-Type); neither is reconstructed');
  }
  if (a.userGiven) {
    notes.push(
      a.hasCustom('authorization')
        ? '-u/--user was ignored: curl sends the Authorization header given with -H instead'
        : '-u/--user makes curl send `Authorization: Basic …`, which OSS does not accept; it was not added',
    );
  }

  const request: HttpRequestMessage = { method, target: url, headers };
  if (body !== undefined) request.body = body;
  return { request, notes };
}

/** The text after the command, sliced from the original (CRLF) text. */
function restAfter(original: string, normalized: string, end: number): string {
  if (end >= normalized.length) return '';
  if (original === normalized) return original.slice(end);
  let lines = 0;
  for (let k = normalized.indexOf('\n'); k >= 0 && k < end; k = normalized.indexOf('\n', k + 1)) lines++;
  let pos = 0;
  for (let k = 0; k < lines; k++) pos = original.indexOf('\n', pos) + 1;
  return original.slice(pos);
}

/**
 * The request a copied curl command sends. Throws InputError only when no URL
 * can be found (or no `curl` at all).
 */
export function parseCurlCommand(text: string): ParsedCurlCommand {
  const normalized = text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
  const start = findStart(normalized, true);
  if (!start) throw new InputError('no curl command found (a line starting with `curl `)', 'paste the command as copied, starting with `curl`');
  const dialect = detectDialect(normalized, start);
  const scanned = scanCommand(dialect, normalized, start);

  const notes = [...scanned.notes];
  const words: string[] = [];
  const tokens = scanned.tokens;
  // The first word is `curl` itself.
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t) break;
    if (t.kind === 'op') {
      if (k < tokens.length - 1) notes.push(`what follows \`${t.value}\` on the command line is not part of the curl command and was ignored`);
      break;
    }
    if (t.kind === 'redirect') {
      if (t.needsTarget && tokens[k + 1]?.kind === 'word') k++;
      continue;
    }
    words.push(t.value);
  }
  if (dialect === 'powershell' && words.some((w) => w.includes('"'))) {
    notes.push('Windows PowerShell 5.1 (and PowerShell before 7.3) drops the `"` characters inside arguments it passes to curl.exe, so curl may not have received them');
  }

  const args = new CurlArgs();
  readArgs(words, args);
  const built = buildRequest(args);
  return {
    request: built.request,
    notes: [...notes, ...args.notes, ...built.notes],
    rest: restAfter(text, normalized, scanned.end),
  };
}
