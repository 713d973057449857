/** CLI behaviour that needs a terminal on stdin, run in-process with fake streams. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';

function io(argv: string[], stdinIsTTY: boolean) {
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(Readable.from([]), { isTTY: stdinIsTTY });
  return {
    streams: { argv, env: { NO_COLOR: '1' }, stdout: { write: (s: string) => void (stdout += s) }, stderr: { write: (s: string) => void (stderr += s) }, stdin },
    out: () => ({ stdout, stderr }),
  };
}

describe('no input on a terminal', () => {
  it('prints a short usage hint and exits 2 instead of waiting', async () => {
    const t = io([], true);
    expect(await runCli(t.streams)).toBe(2);
    expect(t.out()).toEqual({ stdout: '', stderr: 'sigdoctor: no input — give a FILE (or - for stdin), or pipe into it: curl -v … 2>&1 | sigdoctor — see sigdoctor --help\n' });
  });

  it('reads piped stdin when it is not a terminal (empty here: an input error, exit 2)', async () => {
    const t = io([], false);
    expect(await runCli(t.streams)).toBe(2);
    expect(t.out().stderr).toBe('sigdoctor: stdin: input is empty — paste the failing request and OSS\'s error response, or pipe `curl -v … 2>&1` into sigdoctor\n');
  });
});
