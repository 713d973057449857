/**
 * Undo what Windows PowerShell 5.1 does to a native program's stderr when it
 * is redirected (`curl.exe -v … 2>&1 > out.txt`, INPUTS.md §7.8), so the curl
 * readers see curl's own lines again. Established from PowerShell's source and
 * public captures:
 *
 * - Every stderr line becomes an ErrorRecord. The first is "NativeCommandError"
 *   and prints in the full error view; the rest are "NativeCommandErrorMessage"
 *   and print as the bare line (PowerShell ProcessStreamReader.ErrorHandler in
 *   NativeCommandProcessor.cs; the 5.1 ErrorRecord view prints
 *   `$_.Exception.Message` for NativeCommandErrorMessage).
 * - The full view is `<command> : <line>`, the position message
 *   `At line:1 char:1` (localized: `所在位置 行:1 字符: 1` on Chinese Windows) /
 *   `+ <command line, cut to 69 chars with " ...">` /
 *   `+ ~~~~`, then `    + CategoryInfo          : NotSpecified: (<line, 15
 *   chars...15 chars when over 40>:String) [], RemoteException`,
 *   `    + FullyQualifiedErrorId : NativeCommandError` and a line holding one
 *   space (5.1 PositionUtilities.VerboseMessage; ErrorCategoryInfo.Ellipsize;
 *   the view appends "`n "). Public captures show the same shape (a posh-git
 *   README, docker/npm/python/bun runs pasted in issues and notes, one from a
 *   Chinese Windows; INPUTS.md §7.8 cites gitlab-runner MR 4474).
 * - The `<command> : <line>` text is word-wrapped at the console width (the
 *   break keeps the space at the end of the line: "…See `npm " / "help npmrc`…"
 *   in a 120-column capture), so its lines are joined back without adding
 *   anything. The plain continuation lines were not wrapped in the public
 *   Out-File capture found (a 133-character line intact), so they are left alone.
 * - .NET reads the child's streams line by line and treats a bare `\r` as a
 *   line end, so curl's progress-meter updates (`\r  0 … 0*   Trying …`) come
 *   out as lines of their own; the `\r` is put back in front of them so the
 *   curl readers strip the meter as usual.
 *
 * Output encoding (UTF-16LE with BOM) is handled by decode-input.
 */
import { progressMeterPrefixLength } from './text-lines.js';

export interface UnwrappedPowerShell {
  text: string;
  /** The program PowerShell named in the record (`curl.exe`). */
  commands: string[];
}

const FQID_RE = /^ {2,8}\+ FullyQualifiedErrorId : NativeCommandError *$/;
const CATEGORY_RE = /^ {2,8}\+ CategoryInfo {2,12}: NotSpecified: \((.*):String\) \[\], RemoteException *$/;
/**
 * The position line, localized with Windows: "At line:1 char:1", "At C:\\x.ps1:12 char:5",
 * Chinese "所在位置 行:1 字符: 1", German "In Zeile:1 Zeichen:1". The record's other labels
 * (CategoryInfo, NotSpecified, FullyQualifiedErrorId) are not translated.
 */
const AT_RE = /^\S.{0,300}: ?[0-9]{1,9}$/;
const SOURCE_RE = /^\+ /;
const UNDERLINE_RE = /^\+ +~+ *$/;
const HEADER_RE = /^([^\s:]{1,260}) : /;
/** Lines the record's header may be wrapped over (a first stderr line of up to ~4 KB at 80 columns). */
const MAX_HEADER_LINES = 64;

/** PowerShell's ErrorCategoryInfo.Ellipsize: over 40 characters → first 15 + "..." + last 15. */
export function ellipsizeTarget(s: string): string {
  return s.length <= 40 ? s : `${s.slice(0, 15)}...${s.slice(-15)}`;
}

/**
 * The text without PowerShell's error-record wrappers, or null when there is
 * none. Linear in the input: each line is looked at a bounded number of times.
 */
export function unwrapPowerShellErrorRecords(text: string): UnwrappedPowerShell | null {
  if (!text.includes('FullyQualifiedErrorId : NativeCommandError')) return null;
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const out: string[] = [];
  const commands: string[] = [];
  let copied = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!FQID_RE.test(lines[i]!)) continue;
    const record = findRecord(lines, i, copied);
    if (!record) continue;
    for (let k = copied; k < record.start; k++) out.push(lines[k]!);
    out.push(record.line);
    commands.push(record.command);
    // The view ends with a line holding one space (or nothing, once an editor trimmed it).
    const next = lines[i + 1];
    copied = next !== undefined && next.trim() === '' ? i + 2 : i + 1;
    i = copied - 1;
  }
  if (commands.length === 0) return null;
  for (let k = copied; k < lines.length; k++) out.push(lines[k]!);
  return { text: joinRestoringMeter(out), commands };
}

interface FoundRecord {
  /** Index of the record's first line. */
  start: number;
  /** The stderr line the record wraps. */
  line: string;
  command: string;
}

/** Walks up from the FullyQualifiedErrorId line to the `<command> : <line>` header. */
function findRecord(lines: readonly string[], fqid: number, floor: number): FoundRecord | null {
  // CategoryInfo may itself be wrapped over a few lines on a narrow console.
  let cat = fqid - 1;
  while (cat > floor && cat >= fqid - 4 && !lines[cat]!.trimStart().startsWith('+ CategoryInfo')) cat--;
  if (cat < floor || !lines[cat]!.trimStart().startsWith('+ CategoryInfo')) return null;
  const categoryLine = cat === fqid - 1 ? lines[cat]! : lines.slice(cat, fqid).join('');
  const target = CATEGORY_RE.exec(categoryLine)?.[1];
  const underline = cat - 1;
  const source = cat - 2;
  const at = cat - 3;
  if (at <= floor) return null;
  if (!UNDERLINE_RE.test(lines[underline]!) || !SOURCE_RE.test(lines[source]!) || !AT_RE.test(lines[at]!)) return null;
  // The header: the nearest line above `At` that starts `<command> : ` and, joined with
  // the lines down to `At`, gives back the line CategoryInfo names (when it is readable).
  // Only the length and both ends of a candidate are needed to compare it with the
  // target, so each candidate costs O(1) amortised however long its lines are.
  // Without a readable target, the nearest header line is taken.
  let length = 0;
  let tail = '';
  for (let start = at - 1; start >= floor && start >= at - MAX_HEADER_LINES; start--) {
    const text = lines[start]!;
    length += text.length;
    if (tail.length < 15) tail = (text.slice(-15) + tail).slice(-15);
    const m = HEADER_RE.exec(text);
    if (!m) continue;
    const messageLength = length - m[0].length;
    const matches =
      target === undefined ||
      (messageLength <= 40
        ? messageLength === target.length && joinLines(lines, start, at).slice(m[0].length) === target
        : `${headOf(lines, start, at, m[0].length)}...${tail}` === target);
    if (matches) return { start, line: joinLines(lines, start, at).slice(m[0].length), command: m[1]! };
  }
  return null;
}

function joinLines(lines: readonly string[], from: number, to: number): string {
  return lines.slice(from, to).join('');
}

/** The first 15 characters of lines[from..to) joined, after `skip` characters. */
function headOf(lines: readonly string[], from: number, to: number, skip: number): string {
  let head = lines[from]!.slice(skip, skip + 15);
  for (let k = from + 1; k < to && head.length < 15; k++) head += lines[k]!.slice(0, 15 - head.length);
  return head;
}

/**
 * Joins lines with `\n`, except that a line starting with a curl progress-meter
 * update gets back the `\r` .NET split it on (time columns `--:--:--` are what
 * tell a meter update from other numbers).
 */
function joinRestoringMeter(lines: readonly string[]): string {
  let text = '';
  lines.forEach((line, k) => {
    if (k > 0) text += isMeterUpdate(line) ? '\r' : '\n';
    text += line;
  });
  return text;
}

function isMeterUpdate(line: string): boolean {
  const cut = progressMeterPrefixLength(line);
  return cut > 0 && line.slice(0, cut).includes(':');
}
