/**
 * insufficient-input for a HAR entry whose response body (with OSS's
 * StringToSign) is not in the export: the evidence says how to export it with
 * the body, for the browser that wrote the file.
 */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/index.js';

const URL_ = 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/notes/a.md';
const PREFIX = "OSS's answer (EC 0002-00000040) is in the input but its string to sign is not: the response body with StringToSignBytes is missing. ";

function harWith(creator: string, method: string, content: Record<string, unknown>, responseHeaders: Array<[string, string]> = []): Buffer {
  const entry = {
    request: { method, url: URL_, httpVersion: 'HTTP/2', headers: [{ name: 'Host', value: 'examplebucket.oss-cn-hangzhou.aliyuncs.com' }, { name: 'x-oss-date', value: 'Sun, 22 Nov 2026 14:02:21 GMT' }, { name: 'Authorization', value: 'OSS LTAI5tExampleKeyId0000:2jmw4IzINvAgR8ovCDuQjbE6kzM=' }] },
    response: { status: 403, statusText: 'Forbidden', httpVersion: 'HTTP/2', headers: [['x-oss-ec', '0002-00000040'], ...responseHeaders].map(([name, value]) => ({ name, value })), content },
  };
  return Buffer.from(JSON.stringify({ log: { version: '1.2', creator: { name: creator, version: '1' }, entries: [entry] } }));
}

describe('insufficient-input for a HAR entry without its body', () => {
  it.each([
    [
      'Firefox, bodies left out of the export',
      harWith('Firefox', 'PUT', { mimeType: 'application/xml', size: 900, comment: 'Response bodies are not included.' }),
      `${PREFIX}Firefox left the response body out of this HAR (its content.comment says "Response bodies are not included."). In about:config set devtools.netmonitor.har.includeResponseBodies and devtools.netmonitor.saveRequestAndResponseBodies to true (their defaults), reproduce the failing request with the Network panel open, and export again with "Save All As HAR" — or capture the request with \`curl -v … 2>&1\`.`,
    ],
    [
      'Chrome, body no longer held by DevTools',
      harWith('WebInspector', 'PUT', { size: 0, mimeType: 'x-unknown' }),
      `${PREFIX}The HAR entry has no response body: DevTools exports only the bodies it still holds. Open DevTools before reproducing the failing request (in Chrome tick "Preserve log"), then export the HAR again — or capture the request with \`curl -v … 2>&1\`.`,
    ],
    [
      'a HEAD entry without x-oss-err',
      harWith('Firefox', 'HEAD', { mimeType: 'application/xml', size: 0, comment: 'Response bodies are not included.' }),
      `${PREFIX}For HEAD, OSS puts it base64-encoded in the x-oss-err response header: keep the response headers (curl -I -v).`,
    ],
  ])('%s', (_name, bytes, evidence) => {
    const [result] = diagnose([{ name: 'export.har', bytes }], {}).results;
    expect(result!.verdict).toBe('inconclusive');
    expect(result!.causes.map((c) => [c.id, c.evidence])).toEqual([['insufficient-input', evidence]]);
  });
});
