/**
 * Every parser input in fixtures/inputs/ (SDK logs, mangled error text,
 * copied curl commands) is detected as the format it is and diagnosed end to
 * end — never rejected. The verdicts are pinned with and without the secret
 * the files were made with: the strings to sign in them agree, so a request
 * plus OSS's string is secret-mismatch; OSS's answer alone is
 * insufficient-input until the secret proves the client signed what OSS
 * signed; SDK messages without OSS's string stay insufficient-input. Where the
 * file holds a request, the secret must reproduce its signature from the
 * bytes sigdoctor rebuilt: that proves the parser recovered exactly what was
 * signed (quoting, escapes, continuation lines, log layouts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/index.js';
import { decodeInput } from '../src/parse/decode-input.js';
import { readInput } from '../src/parse/read-input.js';

const ROOT = new URL('../fixtures/inputs/', import.meta.url);
/** The secret each file was signed with (fixtures/inputs/README.md, curl-commands/README.md). */
function secretOf(name: string): string {
  return name.startsWith('curl-commands/') || name.startsWith('sdk-ali-oss-6.23.0-') ? 'wrong-secret-for-demo' : 'fixture-secret-not-real-0001';
}

type V = boolean | null;
const SM = 'problem:secret-mismatch';
const CT = 'problem:content-type-mismatch';
const II = 'inconclusive:insufficient-input';

/**
 * file → [detected format, verdict without the secret, verdict with it,
 * signature.verified with it per result (null: no request in the file)].
 */
const PINNED: Record<string, [string, string, string, V[]]> = {
  'ali-oss-6.23.0-DEBUG-colour-stderr.txt': ['sdk-log', `${SM} | ${SM}`, `${SM} | ${SM}`, [true, true]],
  'browser-xml-viewer-copy.txt': ['mangled-xml', II, SM, [null]],
  // Go SDK messages carry no StringToSign from OSS: the SDK's own string is all there is.
  'go-sdk-v1-v4-put-object-403-debug.log': ['sdk-log', II, II, [true]],
  'go-sdk-v2-v4-put-object-403-debug.log': ['sdk-log', II, II, [true]],
  'java-oss-exception-no-xml.txt': ['mangled-xml', II, II, [null]],
  'java-oss-exception-stacktrace.txt': ['mangled-xml', II, SM, [null]],
  'node-util-inspect-error-body.txt': ['mangled-xml', II, SM, [null]],
  'oss2-exception-str-hand-edited.txt': ['mangled-xml', II, SM, [null]],
  'oss2-exception-str.txt': ['mangled-xml', II, SM, [null]],
  'oss2-v1-put-object-403-debug.log': ['sdk-log', SM, SM, [true]],
  'oss2-v4-get-object-403-debug.log': ['sdk-log', SM, SM, [true]],
  'ossutil-1.x-stat-head-403-debug.log': ['sdk-log', SM, SM, [true]],
  'picgo-json-escaped-error.log': ['mangled-xml', II, SM, [null]],
  'python-bytes-repr-error-body.txt': ['mangled-xml', II, SM, [null]],
  'sdk-ali-oss-6.23.0-DEBUG-stderr.txt': ['sdk-log', `${SM} | ${SM} | ${SM}`, `${SM} | ${SM} | ${SM}`, [true, true, true]],
  // console.log(err) keeps the code and EC only.
  'sdk-ali-oss-6.23.0-console-log-err.txt': ['sdk-error', `${II} | ${II} | ${II}`, `${II} | ${II} | ${II}`, [null, null, null]],
  // A command alone is a request; with an error beside it, a full case. The two with OSS's
  // answer are the real curl PUT captures, where curl added a Content-Type after signing.
  'curl-commands/capture-head-I-then-headers.txt': ['curl-command', II, II, [true]],
  'curl-commands/capture-put-data-binary-then-xml.txt': ['curl-command', SM, CT, [false]],
  'curl-commands/chrome-bash-h2-authority-put.txt': ['curl-command', II, II, [true]],
  'curl-commands/chrome-bash-put.txt': ['curl-command', II, II, [true]],
  'curl-commands/chrome-cmd-h2-authority-put.txt': ['curl-command', II, II, [true]],
  'curl-commands/chrome-cmd-put.txt': ['curl-command', II, II, [true]],
  'curl-commands/chrome-v2-bash-presigned-get.txt': ['curl-command', II, II, [true]],
  'curl-commands/chrome-v2-cmd-presigned-get.txt': ['curl-command', II, II, [true]],
  'curl-commands/chrome-v2-cmd-put.txt': ['curl-command', II, II, [true]],
  'curl-commands/cmd-handwritten-put.txt': ['curl-command', II, II, [true]],
  'curl-commands/postman-put.txt': ['curl-command', II, II, [true]],
  'curl-commands/powershell-curl-exe-put.txt': ['curl-command', II, II, [true]],
  'curl-commands/unterminated-quote-then-xml.txt': ['curl-command', SM, CT, [false]],
  'curl-commands/upload-T-trailing-slash.txt': ['curl-command', II, II, [true]],
};

function files(): string[] {
  const out: string[] = [];
  for (const dir of ['', 'curl-commands/']) {
    for (const f of readdirSync(new URL(dir, ROOT), { withFileTypes: true })) {
      if (f.isFile() && !f.name.endsWith('.md')) out.push(dir + f.name);
    }
  }
  return out.sort();
}

function run(name: string, secret?: string) {
  return diagnose([{ name, bytes: readFileSync(new URL(name, ROOT)) }], secret ? { secret } : {});
}

function summary(report: ReturnType<typeof run>): string {
  return report.results.map((r) => `${r.verdict}:${r.causes.map((c) => c.id).join(',')}`).join(' | ');
}

describe('parser inputs diagnose end to end', () => {
  it('pins every file in fixtures/inputs', () => {
    expect(files()).toEqual(Object.keys(PINNED).sort());
  });

  it.each(files())('%s', (name) => {
    const [format, plain, withSecret, verified] = PINNED[name]!;
    expect(readInput(decodeInput(readFileSync(new URL(name, ROOT)), name), name).format).toBe(format);
    expect(summary(run(name))).toBe(plain);
    const proven = run(name, secretOf(name));
    expect(summary(proven)).toBe(withSecret);
    expect(proven.results.map((r) => r.signature.verified)).toEqual(verified);
  });

  it.each(files())('%s: --input-format log / curl keeps the detected reading', (name) => {
    const [format] = PINNED[name]!;
    const text = decodeInput(readFileSync(new URL(name, ROOT)), name);
    expect(readInput(text, name, format === 'curl-command' ? 'curl' : 'log').format).toBe(format);
  });
});
