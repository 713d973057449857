/**
 * Loading the secret (src/secret.ts) and white space around it
 * (src/diagnose/secret-whitespace.ts): exactly one trailing line ending is
 * stripped from a secret file, never more; white space left around the secret
 * is named in a warning (never the value); a copy of the secret with white
 * space is caught by an HMAC and reported as secret-mismatch, proven.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../src/index.js';
import { InputError } from '../src/model/input-error.js';
import { describeSurroundingWhitespace, findSecretWhitespace } from '../src/diagnose/secret-whitespace.js';
import { loadSecret, secretForms, stripOneNewline, TOKEN_FILE } from '../src/secret.js';

const tmp = mkdtempSync(join(tmpdir(), 'sigdoctor-secret-'));
let n = 0;
const file = (content: string | Buffer, mode = 0o600): string => {
  const p = join(tmp, `secret-${n++}.txt`);
  writeFileSync(p, content);
  chmodSync(p, mode);
  return p;
};
const inputError = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return `${e.message}${e.hint ? ` — ${e.hint}` : ''}`;
    throw e;
  }
  return 'no error';
};

describe('stripOneNewline: one trailing LF or CRLF, never more', () => {
  it.each([
    ['sk', 'sk'],
    ['sk\n', 'sk'],
    ['sk\r\n', 'sk'],
    ['sk\n\n', 'sk\n'],
    ['sk\r\n\r\n', 'sk\r\n'],
    ['sk\n\r\n', 'sk\n'],
    ['sk\r', 'sk\r'],
    ['sk \n', 'sk '],
    ['\n', ''],
  ])('%j → %j', (raw, secret) => {
    expect(stripOneNewline(raw)).toBe(secret);
  });
});

describe('describeSurroundingWhitespace names the white space, never the secret', () => {
  it.each([
    ['sk', null],
    ['sk\n', 'a trailing newline'],
    ['sk\n\n', '2 trailing newlines'],
    ['sk\r\n', 'a trailing CRLF line ending'],
    ['sk  ', '2 trailing spaces'],
    ['sk\t', 'a trailing tab'],
    [' sk', 'a leading space'],
    ['\ufeffsk', 'a leading byte-order mark'],
    ['\u3000sk', 'a leading ideographic space'],
    [' sk\n', 'a leading space and a trailing newline'],
    ['sk \n', 'trailing white space (a space, then a newline)'],
    ['sk\u00a0\u00a0\r\n', 'trailing white space (2 non-breaking spaces, then a CRLF line ending)'],
    ['sk\u2003', 'a trailing U+2003 white-space character'],
    ['s k', null],
  ])('%j → %j', (secret, words) => {
    expect(describeSurroundingWhitespace(secret)).toBe(words);
  });
});

describe('findSecretWhitespace: which copy has the white space', () => {
  const only = (want: string) => (c: string): boolean => c === want;
  it.each([
    ['your copy has a trailing newline', 'sk\n', 'sk', { supplied: 'a trailing newline', client: null, string: 'recomputed' }],
    ['your copy has spaces around it', '  sk ', 'sk', { supplied: '2 leading spaces and a trailing space', client: null, string: 'recomputed' }],
    ["the client's copy has a trailing newline", 'sk', 'sk\n', { supplied: null, client: 'a trailing newline', string: 'recomputed' }],
    ["the client's copy has a CRLF", 'sk', 'sk\r\n', { supplied: null, client: 'a trailing CRLF line ending', string: 'recomputed' }],
    ["the client's copy has a byte-order mark", 'sk', '\ufeffsk', { supplied: null, client: 'a leading byte-order mark', string: 'recomputed' }],
    ['both: yours 2 spaces, the client a newline', 'sk  ', 'sk\n', { supplied: '2 trailing spaces', client: 'a trailing newline', string: 'recomputed' }],
    ['nothing reproduces it', 'sk', 'other', null],
    ['only white space', '  ', 'x', null],
  ])('%s', (_name, supplied, clientCopy, want) => {
    expect(findSecretWhitespace(supplied, 'recomputed', only(clientCopy))).toEqual(want);
  });

  it('never tries the supplied secret itself (the caller did)', () => {
    const tried: string[] = [];
    findSecretWhitespace('sk\n', 'oss', (c) => (tried.push(c), false));
    expect(tried).toEqual(['sk', 'sk\r\n', 'sk\r', 'sk ', 'sk  ', 'sk\t', 'sk\n\n', ' sk', '\ufeffsk']);
  });
});

describe('loadSecret', () => {
  it.each([
    ['a bare secret', 'sk', 'sk', []],
    ['one LF stripped', 'sk\n', 'sk', []],
    ['one CRLF stripped', 'sk\r\n', 'sk', []],
    ['only one of two newlines', 'sk\n\n', 'sk\n', ['the secret has a trailing newline (only one final line ending is stripped); an AccessKey secret has no white space, but sigdoctor uses the value as given']],
    ['trailing spaces before the newline', 'sk  \n', 'sk  ', ['the secret has 2 trailing spaces (only one final line ending is stripped); an AccessKey secret has no white space, but sigdoctor uses the value as given']],
    ["Notepad's UTF-8 byte-order mark", '\ufeffsk\r\n', '\ufeffsk', ['the secret has a leading byte-order mark (only one final line ending is stripped); an AccessKey secret has no white space, but sigdoctor uses the value as given']],
  ])('%s', (_name, content, secret, warnings) => {
    const p = file(content);
    expect(loadSecret(p, {})).toEqual({ secret, source: 'file', warnings: (warnings as string[]).map((w) => `--secret-file ${p}: ${w}`) });
  });

  it("reads Windows PowerShell's UTF-16LE (with its byte-order mark), and says so", () => {
    const p = file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('sk\r\n', 'utf16le')]));
    expect(loadSecret(p, {})).toEqual({ secret: 'sk', source: 'file', warnings: [`--secret-file ${p}: the file is UTF-16 (as Windows PowerShell's Out-File writes it); read as such`] });
  });

  it.runIf(process.platform !== 'win32').each([
    [0o600, []],
    [0o400, []],
    [0o640, ['is readable by other users; chmod 600 it']],
    [0o604, ['is readable by other users; chmod 600 it']],
    [0o660, ['is readable by other users; chmod 600 it']],
  ])('mode %o: warns when group or others can read it', (mode, warnings) => {
    const p = file('sk\n', mode as number);
    expect(loadSecret(p, {})).toEqual({ secret: 'sk', source: 'file', warnings: (warnings as string[]).map((w) => `--secret-file ${p} ${w}`) });
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['one line ending', '\r\n', 'the file is empty'],
    ['white space only', ' \t\n', 'the file holds only white space'],
    ['NUL bytes (UTF-16 without its byte-order mark)', Buffer.from('sk\n', 'utf16le'), 'the file holds NUL bytes, not a text secret — write the secret as plain UTF-8 text'],
    ['too large', 'x'.repeat(4097), '4097 bytes, over the 4096-byte limit for an AccessKey secret (fixed) — put only the secret in the file, on one line'],
  ])('refuses %s, naming the file only', (_name, content, message) => {
    const p = file(content);
    expect(inputError(() => loadSecret(p, {}))).toBe(`--secret-file ${p}: ${message}`);
  });

  it('refuses a directory and a missing file', () => {
    const dir = join(tmp, 'dir');
    mkdirSync(dir);
    expect([inputError(() => loadSecret(dir, {})), inputError(() => loadSecret(join(tmp, 'absent'), {}))])
      .toEqual([`--secret-file ${dir}: not a regular file`, `--secret-file ${join(tmp, 'absent')}: cannot read it (ENOENT)`]);
  });

  it.each([
    ['sk', []],
    ['sk\n', ['OSS_ACCESS_KEY_SECRET has a trailing newline; an AccessKey secret has no white space, but sigdoctor uses the value as given']],
    [' sk ', ['OSS_ACCESS_KEY_SECRET has a leading space and a trailing space; an AccessKey secret has no white space, but sigdoctor uses the value as given']],
  ])('OSS_ACCESS_KEY_SECRET=%j is used as given, with a warning for white space', (value, warnings) => {
    expect(loadSecret(undefined, { OSS_ACCESS_KEY_SECRET: value })).toEqual({ secret: value, source: 'environment', warnings });
  });

  it('a --secret-file wins over the environment; no secret at all is undefined', () => {
    const p = file('from-file\n');
    expect([loadSecret(p, { OSS_ACCESS_KEY_SECRET: 'from-env' })?.secret, loadSecret(undefined, {}), loadSecret(undefined, { OSS_ACCESS_KEY_SECRET: '' })]).toEqual(['from-file', undefined, undefined]);
  });
});

describe('secretForms: what the CLI scrubs from its output', () => {
  it('as is, trimmed, JSON-escaped, URL-encoded, base64 and hex; short forms left out', () => {
    expect(secretForms(' a+b/"c\n')).toEqual([' a+b/"c\n', 'a+b/"c', ' a+b/\\"c\\n', '%20a%2Bb%2F%22c%0A', 'a%2Bb%2F%22c', 'IGErYi8iYwo=', '20612b622f22630a']);
    expect([secretForms('sk'), secretForms(undefined)]).toEqual([[], []]);
  });
});

/** The whitespace fixtures (fixtures/secret-mismatch/*secret*), diagnosed through the library: the exact words. */
describe('white space in a copy of the secret: secret-mismatch, proven', () => {
  const run = (dir: string, inputs: string[], command: 'diagnose' | 'verify' = 'diagnose') => {
    const base = new URL(`../fixtures/secret-mismatch/${dir}/`, import.meta.url);
    const secret = stripOneNewline(readFileSync(new URL('secret.txt', base), 'utf8'));
    const report = diagnose(inputs.map((name) => ({ name, bytes: readFileSync(new URL(name, base)) })), { secret, command });
    return report.results.map((r) => ({ verdict: r.verdict, verified: r.signature.verified, causes: r.causes.map((c) => ({ id: c.id, basis: c.basis, evidence: c.evidence, fix: c.fix, data: c.data })) }));
  };
  const ID = 'LTAI5tExampleKeyId0000';

  it("V1 header: the client's copy ends in a newline", () => {
    expect(run('v1-header-client-secret-trailing-newline', ['request.txt', 'response.xml'])).toEqual([{
      verdict: 'problem',
      verified: false,
      causes: [{
        id: 'secret-mismatch',
        basis: 'proven',
        evidence: `The strings to sign are byte-identical (68 bytes). The secret you supplied does not reproduce the request's signature, but the same secret with a trailing newline added does, exactly: the client signed with a copy of the secret that has a trailing newline. An AccessKey secret never contains white space, so that copy cannot be the one OSS holds for AccessKeyId ${ID}.`,
        fix: 'Strip the white space where the client loads the secret (a trailing newline: a file or an environment variable read without trimming — trim() / strip() / strings.TrimSpace), then sign again.',
        data: { secretReproducesSignature: false, secretWhitespace: { supplied: null, client: 'a trailing newline', string: 'recomputed' }, stringsIdentical: true },
      }],
    }]);
  });

  it("V4 header: the client's copy ends in a Windows line ending", () => {
    expect(run('v4-header-client-secret-crlf', ['request.txt', 'response.xml'])[0]!.causes.map((c) => [c.basis, c.evidence, c.data])).toEqual([[
      'proven',
      `The strings to sign are byte-identical (141 bytes). The secret you supplied does not reproduce the request's signature, but the same secret with a trailing CRLF line ending added does, exactly: the client signed with a copy of the secret that has a trailing CRLF line ending. An AccessKey secret never contains white space, so that copy cannot be the one OSS holds for AccessKeyId ${ID}.`,
      { secretReproducesSignature: false, secretWhitespace: { supplied: null, client: 'a trailing CRLF line ending', string: 'recomputed' }, stringsIdentical: true },
    ]]);
  });

  it('V1 signed URL, verify: your copy has 2 trailing spaces', () => {
    expect(run('v1-url-supplied-secret-trailing-spaces', ['url.txt'], 'verify')).toEqual([{
      verdict: 'problem',
      verified: false,
      causes: [{
        id: 'secret-mismatch',
        basis: 'proven',
        evidence: 'The secret you supplied has 2 trailing spaces; without that white space, it reproduces the request\'s signature exactly: the client signed with the secret minus that white space, so the stray white space is only in your copy (an AccessKey secret has none).',
        fix: 'Remove the white space (2 trailing spaces) from the secret you gave sigdoctor (OSS_ACCESS_KEY_SECRET or the --secret-file file).',
        data: { secretReproducesSignature: false, secretWhitespace: { supplied: '2 trailing spaces', client: null, string: 'recomputed' } },
      }],
    }]);
  });

  it('V4 presigned URL: your copy keeps a second newline; the client signed the clean secret, which OSS does not hold', () => {
    expect(run('v4-presigned-supplied-secret-second-newline', ['request.txt', 'response.xml'])[0]!.causes.map((c) => [c.basis, c.evidence, c.fix])).toEqual([[
      'proven',
      `The strings to sign are byte-identical (141 bytes). The secret you supplied has a trailing newline; without that white space, it reproduces the request's signature exactly: the client signed with the secret minus that white space, so the stray white space is only in your copy (an AccessKey secret has none). The client's secret is not the one OSS holds for AccessKeyId ${ID}.`,
      'Remove the white space (a trailing newline) from the secret you gave sigdoctor (OSS_ACCESS_KEY_SECRET or the --secret-file file). Then check the AccessKey pair the client uses: OSS holds another secret for this AccessKeyId (the secret of another AccessKeyId, a rotated or expired STS pair).',
    ]]);
  });

  it("OSS's answer alone (no request): the client's copy, found from OSS's own string", () => {
    const r = run('v1-header-client-secret-trailing-newline', ['response.xml']);
    expect(r.map((x) => ({ verdict: x.verdict, causes: x.causes.map((c) => [c.id, c.basis, c.data]) }))).toEqual([{
      verdict: 'problem',
      causes: [['secret-mismatch', 'proven', { secretReproducesSignature: false, secretWhitespace: { supplied: null, client: 'a trailing newline', string: 'oss' } }]],
    }]);
  });

  it('the right secret with no white space anywhere: the plain verdicts stay', () => {
    expect(run('v4-header-secret-proven', ['request.txt', 'response.xml'])[0]!.causes.map((c) => [c.id, c.basis, c.data])).toEqual([
      ['secret-mismatch', 'proven', { secretReproducesSignature: true }],
    ]);
  });
});

describe('loadSecret for sign --security-token-file names that option', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigdoctor-token-'));
  it.each([
    ['empty', '', 'the file is empty'],
    ['NUL bytes', Buffer.from('tok\n', 'utf16le'), 'the file holds NUL bytes, not a text token — write the token as plain UTF-8 text'],
    ['too large', 'x'.repeat(65537), '65537 bytes, over the 65536-byte limit for a security token (fixed) — put only the token in the file, on one line'],
  ])('%s', (_name, content, message) => {
    const path = join(dir, `${_name.replace(/ /g, '-')}.txt`);
    writeFileSync(path, content, { mode: 0o600 });
    let got = '';
    try {
      loadSecret(path, {}, TOKEN_FILE);
    } catch (e) {
      got = e instanceof InputError ? `${e.message}${e.hint ? ` — ${e.hint}` : ''}` : String(e);
    }
    expect(got).toBe(`--security-token-file ${path}: ${message}`);
  });

  it('reads a token of a few KB (STS tokens are long)', () => {
    const path = join(dir, 'sts.txt');
    writeFileSync(path, `${'t'.repeat(3000)}\n`, { mode: 0o600 });
    expect(loadSecret(path, {}, TOKEN_FILE)?.secret).toBe('t'.repeat(3000));
  });
});
