/**
 * Windows PowerShell 5.1 captures (INPUTS.md §7.8): the error-record wrapper
 * around a native program's first stderr line is removed, its console
 * wrapping undone, and curl's progress-meter `\r` put back. Record shapes
 * follow PowerShell's source and public captures (see
 * src/parse/powershell-error-records.ts); the fixtures derived from real curl
 * captures are pinned byte for byte and must read and diagnose exactly like
 * the captures they come from.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/index.js';
import { decodeInput } from '../../src/parse/decode-input.js';
import { ellipsizeTarget, unwrapPowerShellErrorRecords } from '../../src/parse/powershell-error-records.js';
import { readInput } from '../../src/parse/read-input.js';
import type { NativeCommandRun } from '../support/windows-powershell.js';
import { dotnetLines, windowsPowerShellOutFile } from '../support/windows-powershell.js';

const crlf = (lines: string[]): string => lines.map((l) => `${l}\r\n`).join('');

interface UnwrapCase {
  name: string;
  input: string;
  text: string;
  commands: string[];
}

const unwrapCases: UnwrapCase[] = [
  {
    name: 'curl -v: the first stderr line back in place, the meter update after .NET split it on \\r',
    input: crlf([
      'curl.exe : * Added examplebucket.oss-cn-hangzhou.aliyuncs.com:80:127.0.0.1 to DNS cache',
      'At line:1 char:1',
      '+ curl.exe -v --resolve examplebucket.oss-cn-hangzhou.aliyuncs.com:80:1 ...',
      `+ ${'~'.repeat(69)}`,
      '    + CategoryInfo          : NotSpecified: (* Added example....1 to DNS cache:String) [], RemoteException',
      '    + FullyQualifiedErrorId : NativeCommandError',
      ' ',
      '* Hostname examplebucket.oss-cn-hangzhou.aliyuncs.com was found in DNS cache',
      '                                 Dload  Upload   Total   Spent    Left  Speed',
      '',
      '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0*   Trying 127.0.0.1:80...',
      '100   922  100   922    0     0   513k      0 --:--:-- --:--:-- --:--:--  900k',
      '> GET /exampleobject.txt HTTP/1.1',
    ]),
    text: '* Added examplebucket.oss-cn-hangzhou.aliyuncs.com:80:127.0.0.1 to DNS cache\n* Hostname examplebucket.oss-cn-hangzhou.aliyuncs.com was found in DNS cache\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0*   Trying 127.0.0.1:80...\r100   922  100   922    0     0   513k      0 --:--:-- --:--:-- --:--:--  900k\n> GET /exampleobject.txt HTTP/1.1\n',
    commands: ['curl.exe'],
  },
  {
    name: 'a header word-wrapped at 120 columns (the break keeps its space) is joined back',
    input: crlf([
      'python.exe : 2026-11-22 14:02:21,005 oss2.api [DEBUG] 140231: Init oss bucket, endpoint: ',
      'https://oss-cn-hangzhou.aliyuncs.com, isCname: False, connect_timeout: None, app_name: , enabled_crc: True, region: ',
      'None',
      'At line:1 char:1',
      '+ python.exe upload.py 2>&1 > out.txt',
      `+ ${'~'.repeat(35)}`,
      '    + CategoryInfo          : NotSpecified: (2026-11-22 14:0...e, region: None:String) [], RemoteException',
      '    + FullyQualifiedErrorId : NativeCommandError',
      ' ',
      '2026-11-22 14:02:21,006 oss2.api [DEBUG] 140231: Start to put object',
    ]),
    text: '2026-11-22 14:02:21,005 oss2.api [DEBUG] 140231: Init oss bucket, endpoint: https://oss-cn-hangzhou.aliyuncs.com, isCname: False, connect_timeout: None, app_name: , enabled_crc: True, region: None\n2026-11-22 14:02:21,006 oss2.api [DEBUG] 140231: Start to put object\n',
    commands: ['python.exe'],
  },
  {
    name: 'a wrapped line that itself looks like "name : text" is told apart by the CategoryInfo target',
    input: crlf([
      'node.exe : npm warn config production Use `--omit=dev` instead. The setting will be removed in the next major version. ',
      'npm : user config',
      'At line:1 char:1',
      '+ & "C:\\Program Files\\nodejs/node.exe" "C:\\Program Files\\nodejs/node_mo ...',
      `+ ${'~'.repeat(69)}`,
      '    + CategoryInfo          : NotSpecified: (npm warn config...m : user config:String) [], RemoteException',
      '    + FullyQualifiedErrorId : NativeCommandError',
      ' ',
      'up to date in 1s',
    ]),
    text: 'npm warn config production Use `--omit=dev` instead. The setting will be removed in the next major version. npm : user config\nup to date in 1s\n',
    commands: ['node.exe'],
  },
  {
    name: 'inside a script: "At <file>:<line> char:<col>", a line cut on both sides',
    input: crlf([
      'before',
      'curl.exe : *   Trying 47.110.177.34:443...',
      'At C:\\work\\upload.ps1:12 char:35',
      '+ ... tch {} } }; curl.exe -v $url -H "Date: $date" -H "Authorization: $a ...',
      `+                 ${'~'.repeat(57)}`,
      '    + CategoryInfo          : NotSpecified: (*   Trying 47.110.177.34:443...:String) [], RemoteException',
      '    + FullyQualifiedErrorId : NativeCommandError',
      '',
      '* Connected to examplebucket.oss-cn-hangzhou.aliyuncs.com (47.110.177.34) port 443',
    ]),
    text: 'before\n*   Trying 47.110.177.34:443...\n* Connected to examplebucket.oss-cn-hangzhou.aliyuncs.com (47.110.177.34) port 443\n',
    commands: ['curl.exe'],
  },
  {
    name: 'Chinese Windows: the position line is localized, the record labels are not',
    input: crlf([
      'curl.exe : *   Trying 47.110.177.34:443...',
      '所在位置 行:1 字符: 1',
      '+ curl.exe -v https://examplebucket.oss-cn-hangzhou.aliyuncs.com/a.txt 2 ...',
      `+ ${'~'.repeat(69)}`,
      '    + CategoryInfo          : NotSpecified: (*   Trying 47.110.177.34:443...:String) [], RemoteException',
      '    + FullyQualifiedErrorId : NativeCommandError',
      ' ',
      '* Connected to examplebucket.oss-cn-hangzhou.aliyuncs.com (47.110.177.34) port 443',
    ]),
    text: '*   Trying 47.110.177.34:443...\n* Connected to examplebucket.oss-cn-hangzhou.aliyuncs.com (47.110.177.34) port 443\n',
    commands: ['curl.exe'],
  },
  {
    name: 'two runs appended to one file (>>): each record unwrapped',
    input: crlf([
      'curl.exe : * Host examplebucket.oss-cn-hangzhou.aliyuncs.com:443 was resolved.',
      'At line:1 char:1',
      '+ curl.exe -v https://examplebucket.oss-cn-hangzhou.aliyuncs.com/a.txt 2 ...',
      `+ ${'~'.repeat(69)}`,
      '    + CategoryInfo          : NotSpecified: (* Host exampleb...3 was resolved.:String) [], RemoteException',
      '    + FullyQualifiedErrorId : NativeCommandError',
      ' ',
      '* IPv4: 47.110.177.34',
      'curl.exe : * Host examplebucket.oss-cn-hangzhou.aliyuncs.com:443 was resolved.',
      'At line:1 char:1',
      '+ curl.exe -v https://examplebucket.oss-cn-hangzhou.aliyuncs.com/b.txt 2 ...',
      `+ ${'~'.repeat(69)}`,
      '    + CategoryInfo          : NotSpecified: (* Host exampleb...3 was resolved.:String) [], RemoteException',
      '    + FullyQualifiedErrorId : NativeCommandError',
      ' ',
      '* IPv4: 47.110.177.34',
    ]),
    text: '* Host examplebucket.oss-cn-hangzhou.aliyuncs.com:443 was resolved.\n* IPv4: 47.110.177.34\n* Host examplebucket.oss-cn-hangzhou.aliyuncs.com:443 was resolved.\n* IPv4: 47.110.177.34\n',
    commands: ['curl.exe', 'curl.exe'],
  },
];

describe('unwrapPowerShellErrorRecords', () => {
  it.each(unwrapCases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(unwrapPowerShellErrorRecords(c.input)).toEqual({ text: c.text, commands: c.commands });
  });

  it.each([
    ['no record at all', '* Trying 127.0.0.1:80...\n> GET / HTTP/1.1\n'],
    ['the words in prose', 'PowerShell reports stderr as NativeCommandError, see FullyQualifiedErrorId.\n'],
    ['an FQID line without the position message', crlf(['curl.exe : * Trying', '    + CategoryInfo          : NotSpecified: (* Trying:String) [], RemoteException', '    + FullyQualifiedErrorId : NativeCommandError', ' '])],
    ['a CategoryInfo target that no header line gives', crlf(['curl.exe : * Trying 127.0.0.1:80...', 'At line:1 char:1', '+ curl.exe -v http://x/', '+ ~~~~~~~~~~~~~~~~~~~~', '    + CategoryInfo          : NotSpecified: (something else:String) [], RemoteException', '    + FullyQualifiedErrorId : NativeCommandError', ' '])],
  ])('leaves text alone: %s', (_name, text) => {
    expect(unwrapPowerShellErrorRecords(text)).toBeNull();
  });

  it.each([
    ['* Trying 127.0.0.1:80...', '* Trying 127.0.0.1:80...'],
    ['1234567890123456789012345678901234567890', '1234567890123456789012345678901234567890'],
    ['12345678901234567890123456789012345678901', '123456789012345...789012345678901'],
  ])('ellipsizes %s like ErrorCategoryInfo', (line, target) => {
    expect(ellipsizeTarget(line)).toBe(target);
  });
});

describe('the .NET line reader the fixtures are derived with', () => {
  it.each([
    ['a\r\nb\rc\nd', ['a', 'b', 'c', 'd']],
    ['Speed\n\r  0 …     0*   Trying\n', ['Speed', '', '  0 …     0*   Trying']],
    ['last line unterminated', ['last line unterminated']],
    ['\r\n\r\n', ['', '']],
  ])('%j', (text, lines) => {
    expect(dotnetLines(text)).toEqual(lines);
  });
});

const SAMPLES = new URL('../../fixtures/samples/', import.meta.url);
const FIXTURES = new URL('../../fixtures/', import.meta.url);

/** The two fixtures, with the curl command each capture came from (only its first 69 characters reach the file). */
const derived: Array<{ fixture: string; sample: string; commandLine: string; causes: string[] }> = [
  {
    fixture: 'secret-mismatch/curl-v-windows-powershell-utf16-get/out.txt',
    sample: 'curl-v-8.5.0-get-403.txt',
    commandLine: 'curl.exe -v --resolve examplebucket.oss-cn-hangzhou.aliyuncs.com:80:127.0.0.1 -H "Date: Sun, 22 Nov 2026 14:02:21 GMT" -H "Authorization: OSS LTAI5tExampleKeyId0000:SzSrgu0asW35zksVfa6qjNTurSM=" http://examplebucket.oss-cn-hangzhou.aliyuncs.com/exampleobject.txt 2>&1 > out.txt',
    causes: ['secret-mismatch'],
  },
  {
    fixture: 'content-type-mismatch/curl-v-windows-powershell-utf16-put/out.txt',
    sample: 'curl-v-8.21.0-put-403.txt',
    commandLine: 'curl.exe -v --resolve examplebucket.oss-cn-hangzhou.aliyuncs.com:80:127.0.0.1 -X PUT --data-binary @hello.txt -H "Date: Sun, 22 Nov 2026 14:02:21 GMT" -H "Authorization: OSS LTAI5tExampleKeyId0000:uGB76pBpQY12gjk6RJdluCVKZhE=" http://examplebucket.oss-cn-hangzhou.aliyuncs.com/upload/hello.txt 2>&1 > out.txt',
    causes: ['content-type-mismatch'],
  },
];

/** curl -v 2>&1 into a pipe: the body (stdout) arrives after all of stderr (INPUTS.md §2.1). */
function runOf(sample: string, commandLine: string): NativeCommandRun {
  const text = readFileSync(new URL(sample, SAMPLES), 'latin1');
  const body = text.indexOf('<?xml');
  return { commandLine, commandName: 'curl.exe', stderr: text.slice(0, body), stdout: text.slice(body) };
}

const NOTE = 'read as Windows PowerShell output: removed the error record PowerShell wrapped around curl.exe\'s first stderr line ("curl.exe : …", "At line:… char:…", CategoryInfo, FullyQualifiedErrorId : NativeCommandError)';

describe.each(derived)('$fixture', ({ fixture, sample, commandLine, causes }) => {
  const bytes = readFileSync(new URL(fixture, FIXTURES));
  const sampleBytes = readFileSync(new URL(sample, SAMPLES));

  it(`is ${sample} as Windows PowerShell 5.1 writes it`, () => {
    expect(bytes.equals(windowsPowerShellOutFile(runOf(sample, commandLine)))).toBe(true);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(decodeInput(bytes, 'out.txt').split('\r\n').slice(0, 7)).toEqual([
      'curl.exe : * Added examplebucket.oss-cn-hangzhou.aliyuncs.com:80:127.0.0.1 to DNS cache',
      'At line:1 char:1',
      '+ curl.exe -v --resolve examplebucket.oss-cn-hangzhou.aliyuncs.com:80:1 ...',
      `+ ${'~'.repeat(69)}`,
      '    + CategoryInfo          : NotSpecified: (* Added example....1 to DNS cache:String) [], RemoteException',
      '    + FullyQualifiedErrorId : NativeCommandError',
      ' ',
    ]);
  });

  it('reads to the same exchanges as the capture, plus a note', () => {
    const fromPowerShell = readInput(decodeInput(bytes, 'out.txt'), 'out.txt');
    const fromCapture = readInput(decodeInput(sampleBytes, sample), sample);
    expect(fromPowerShell.format).toBe('curl-verbose');
    expect(fromPowerShell.exchanges.map((e) => ({ ...e, notes: e.notes.filter((n) => n !== NOTE) }))).toEqual(fromCapture.exchanges);
    expect(fromPowerShell.exchanges.map((e) => e.notes.includes(NOTE))).toEqual(fromCapture.exchanges.map(() => true));
  });

  it('diagnoses like the capture', () => {
    const secret = 'wrong-secret-for-demo';
    const a = diagnose([{ name: 'capture', bytes: bytes }], { secret }).results;
    const b = diagnose([{ name: 'capture', bytes: sampleBytes }], { secret }).results;
    const view = (r: (typeof a)[number]) => ({ verdict: r.verdict, causes: r.causes.map((c) => c.id), stringToSign: r.stringToSign, request: r.request, error: r.error, firstDifference: r.firstDifference, signature: r.signature });
    expect(a.map(view)).toEqual(b.map(view));
    expect(a.map((r) => r.causes.map((c) => c.id))).toEqual([causes]);
  });
});
