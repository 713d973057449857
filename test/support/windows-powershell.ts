/**
 * What Windows PowerShell 5.1 writes to a file for `<program> … 2>&1 > out.txt`
 * (INPUTS.md §7.8), rebuilt from the rules cited in
 * src/parse/powershell-error-records.ts. Used to derive fixtures from real curl
 * captures and to pin those fixtures byte for byte:
 *
 * - each stream is read line by line the .NET way (`\r\n`, `\r` and `\n` all end
 *   a line; a last unterminated line is delivered at the end);
 * - the first stderr line is printed in the error view of a "NativeCommandError"
 *   record, every other stderr line and every stdout line as it is;
 * - `>` is Out-File: UTF-16LE with a BOM, each line ended by CRLF.
 *
 * Only what the derived fixtures need is modelled: a first stderr line short
 * enough not to be wrapped (the console width is 120 by default), a command
 * that starts the line (`At line:1 char:1`).
 */

export interface NativeCommandRun {
  /** The line as typed, redirections included: it is the extent PowerShell underlines. */
  commandLine: string;
  /** How PowerShell names the program in the record: the invocation name (`curl.exe`). */
  commandName: string;
  /** What the program wrote to stderr, then what it wrote to stdout (curl's body arrives last in a piped run). */
  stderr: string;
  stdout: string;
  /** Console width; 120 is the Windows console default. */
  width?: number;
}

/** .NET StreamReader/AsyncStreamReader line splitting. */
export function dotnetLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' || c === '\n') {
      lines.push(text.slice(start, i));
      if (c === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** ErrorCategoryInfo.Ellipsize (PowerShell): over 40 characters → 15 + "..." + 15. */
function ellipsize(s: string): string {
  return s.length <= 40 ? s : `${s.slice(0, 15)}...${s.slice(-15)}`;
}

/**
 * PositionUtilities.VerboseMessage of Windows PowerShell 5.1 for an extent
 * covering the whole (single) line: cut to 69 characters with " ..." appended.
 */
function positionMessage(commandLine: string): string[] {
  const line = commandLine.trimEnd();
  if (line.length <= 69) return ['At line:1 char:1', `+ ${line}`, `+ ${'~'.repeat(line.length)}`];
  return ['At line:1 char:1', `+ ${line.slice(0, 69)} ...`, `+ ${'~'.repeat(69)}`];
}

export function nativeCommandErrorView(run: Pick<NativeCommandRun, 'commandLine' | 'commandName' | 'width'>, firstLine: string): string[] {
  const width = run.width ?? 120;
  const header = `${run.commandName} : ${firstLine}`;
  const category = `    + CategoryInfo          : NotSpecified: (${ellipsize(firstLine)}:String) [], RemoteException`;
  if (header.length >= width || category.length >= width) throw new Error('wrapped error records are not modelled here');
  return [header, ...positionMessage(run.commandLine), category, '    + FullyQualifiedErrorId : NativeCommandError', ' '];
}

/** The file PowerShell writes, as bytes. */
export function windowsPowerShellOutFile(run: NativeCommandRun): Buffer {
  const [first, ...rest] = dotnetLines(run.stderr);
  const lines = first === undefined ? [] : [...nativeCommandErrorView(run, first), ...rest];
  lines.push(...dotnetLines(run.stdout));
  const text = lines.map((l) => `${l}\r\n`).join('');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
