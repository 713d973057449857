/**
 * ali-oss's `console.log(err)` / `util.inspect(err)` output (INPUTS.md §7.5):
 * `Error [SignatureDoesNotMatchError]: … { status: 403, code: '…', requestId:
 * '…', ecCode: '…', hostId: '…', params: {…} }`. It carries no string to sign
 * and no headers, but it names the error, which is enough to say what to
 * capture next.
 */
import type { ServerError } from '../model/server-error.js';

export function looksLikeAliOssErrorObject(text: string): boolean {
  return /Error \[[A-Za-z]{1,64}Error\]:/.test(text.slice(0, 65536)) && /\n[ \t]{1,64}(ecCode|requestId|code): '/.test(text);
}

function field(block: string, name: string): string | undefined {
  const m = new RegExp(`\\n[ \\t]{1,64}${name}: '([^'\\n]{0,256})'`).exec(block);
  return m?.[1];
}

export function parseAliOssErrorObjects(text: string): ServerError[] {
  const out: ServerError[] = [];
  // One block per `Error [XxxError]:` line.
  const starts: number[] = [];
  const re = /Error \[[A-Za-z]{1,64}Error\]:/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) starts.push(m.index);
  starts.forEach((start, i) => {
    const block = text.slice(start, starts[i + 1] ?? text.length);
    const e: ServerError = { origin: 'sdk-error' };
    const message = /^Error \[[A-Za-z]{1,64}Error\]: ([^\n]{0,512})/.exec(block)?.[1];
    const code = field(block, 'code');
    const requestId = field(block, 'requestId');
    const ec = field(block, 'ecCode');
    const hostId = field(block, 'hostId');
    if (message) e.message = message;
    if (code) e.code = code;
    if (requestId) e.requestId = requestId;
    if (ec) e.ec = ec;
    if (hostId) e.hostId = hostId;
    if (code || ec) out.push(e);
  });
  return out;
}
