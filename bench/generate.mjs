/**
 * Input generators for the benchmark: a big HAR and big `curl -v` logs built
 * from the real captures in fixtures/samples/, written to a temp directory.
 * Deterministic: the same files every run.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLES = new URL('../fixtures/samples/', import.meta.url);

function sample(name) {
  return readFileSync(new URL(name, SAMPLES), 'utf8');
}

/** A 2xx twin of a failing HAR entry: another key, status 200, no error body, no x-oss-ec. */
function passingEntry(entry, i) {
  const e = structuredClone(entry);
  const url = new URL(e.request.url);
  url.pathname = `/assets/img-${i}.png`;
  url.search = '';
  e.request.url = url.href;
  for (const h of e.request.headers) if (h.name === ':path') h.value = url.pathname;
  e.response.status = 200;
  e.response.statusText = 'OK';
  e.response.headers = e.response.headers.filter((h) => !/^x-oss-(ec|err)$/i.test(h.name) && !/^content-(type|length)$/i.test(h.name));
  e.response.headers.push({ name: 'content-type', value: 'image/png' }, { name: 'content-length', value: '0' });
  e.response.content = { size: 0, mimeType: 'image/png', text: '' };
  return e;
}

/**
 * A HAR 1.2 file of `count` entries: every `failEvery`-th entry is one of the
 * failing entries of the two sample HARs (plain and sanitized), the others
 * are 2xx entries made from them. Pretty-printed like a browser export.
 * Returns { path, bytes, failing }.
 */
export function writeBigHar(dir, count = 10000, failEvery = 10) {
  const plain = JSON.parse(sample('har-synthetic-chrome-style-oss-403.har'));
  const sanitized = JSON.parse(sample('har-synthetic-chrome-style-oss-403-sanitized.har'));
  const failing = [...plain.log.entries, ...sanitized.log.entries];
  const entries = [];
  let nFailing = 0;
  for (let i = 0; i < count; i++) {
    const base = failing[i % failing.length];
    if (i % failEvery === failEvery - 1) {
      entries.push(base);
      nFailing++;
    } else entries.push(passingEntry(base, i));
  }
  const doc = { log: { ...plain.log, entries } };
  const text = JSON.stringify(doc, null, 2);
  const path = join(dir, `bench-${count}.har`);
  const fd = openSync(path, 'w');
  writeSync(fd, text);
  closeSync(fd);
  return { path, bytes: Buffer.byteLength(text), failing: nFailing };
}

/** The sample exchange turned into a 200 (no error body, a small plain body instead). */
function passingCurlExchange(text, i) {
  const cut = text.indexOf('<?xml');
  const head = text.slice(0, cut)
    .replace('< HTTP/1.1 403 Forbidden', '< HTTP/1.1 200 OK')
    .replace(/^< x-oss-ec: [^\n]*\n/m, '')
    .replace('Content-Type: application/xml', 'Content-Type: text/plain')
    .replace(/Content-Length: \d+/, 'Content-Length: 12')
    .replace(/\{ \[\d+ bytes data\]/, '{ [12 bytes data]')
    .replace('GET /exampleobject.txt ', `GET /logs/part-${i}.txt `);
  return `${head}hello world\n`;
}

/**
 * A `curl -v … 2>&1` log of about `targetBytes`: many 2xx exchanges made
 * from a real capture, and the real failing (403 SignatureDoesNotMatch)
 * exchange at the end. Returns { path, bytes, exchanges }.
 */
export function writeBigCurlLog(dir, targetBytes) {
  const failing = sample('curl-v-8.5.0-get-403.txt');
  const path = join(dir, 'bench-curl-v-many.txt');
  const fd = openSync(path, 'w');
  let bytes = 0;
  let n = 0;
  const chunk = [];
  let chunkBytes = 0;
  while (bytes + Buffer.byteLength(failing) < targetBytes) {
    const ex = passingCurlExchange(failing, n++);
    chunk.push(ex);
    chunkBytes += ex.length;
    bytes += ex.length;
    if (chunkBytes > 1 << 20) {
      writeSync(fd, chunk.join(''));
      chunk.length = 0;
      chunkBytes = 0;
    }
  }
  chunk.push(failing);
  bytes += Buffer.byteLength(failing);
  writeSync(fd, chunk.join(''));
  closeSync(fd);
  return { path, bytes, exchanges: n + 1 };
}

/**
 * A `curl -v … 2>&1` log of about `targetBytes` holding ONE exchange whose
 * 403 response carries a huge body: the OSS <Error> document followed by
 * many lines of text (a proxy appending a page, a log pasted under it).
 * Returns { path, bytes }.
 */
export function writeHugeBodyCurlLog(dir, targetBytes) {
  const failing = sample('curl-v-8.5.0-get-403.txt');
  const path = join(dir, 'bench-curl-v-huge-body.txt');
  const fd = openSync(path, 'w');
  writeSync(fd, failing);
  let bytes = Buffer.byteLength(failing);
  const line = `${'lorem ipsum dolor sit amet consectetur adipiscing elit '.repeat(2)}\n`;
  const block = line.repeat(Math.ceil((1 << 20) / line.length));
  while (bytes + block.length < targetBytes) {
    writeSync(fd, block);
    bytes += block.length;
  }
  closeSync(fd);
  return { path, bytes };
}

/**
 * The hypothesis searches' worst case: a request with `n` signed x-oss-meta-*
 * headers and `n` query parameters (every one a place a candidate change can
 * go, and pairs of them), and an OSS answer that no candidate explains, so the
 * search runs to its bound. Two pairs of files (request, response):
 *   v4: an OSS4-HMAC-SHA256 header request; OSS's StringToSign has the
 *       request's own date and scope and a hash nothing reproduces;
 *   v1: an `OSS id:signature` request; OSS's answer has SignatureProvided but
 *       no StringToSign, so only the secret (BENCH secret, given to the child
 *       in its environment) can prove a candidate — and none does.
 * Made up here (no capture has 40 signed headers); the shapes follow the
 * fixtures in fixtures/unexplained-difference/.
 */
export function writeSearchWorstCase(dir, n = 40) {
  const host = 'examplebucket.oss-cn-hangzhou.aliyuncs.com';
  const query = Array.from({ length: n }, (_, i) => `p${String(i).padStart(2, '0')}=v%2B${i}`).join('&');
  const meta = Array.from({ length: n }, (_, i) => `x-oss-meta-m${String(i).padStart(2, '0')}: value ${i}`);
  const hash = (seed) => createHash('sha256').update(seed).digest('hex');
  const error = (extra) => `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>SignatureDoesNotMatch</Code>
  <Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>
  <RequestId>6650B1A4D11E553933CD0999</RequestId>
  <HostId>${host}</HostId>
  <OSSAccessKeyId>LTAI5tExampleKeyId0000</OSSAccessKeyId>
${extra}</Error>
`;
  const v4Sig = hash('v4-signature');
  const v4 = {
    request: [
      `PUT /reports/2026/q3.csv?${query} HTTP/1.1`,
      `Host: ${host}`,
      'x-oss-date: 20261122T140221Z',
      'x-oss-content-sha256: UNSIGNED-PAYLOAD',
      'Content-Type: text/csv',
      ...meta,
      `Authorization: OSS4-HMAC-SHA256 Credential=LTAI5tExampleKeyId0000/20261122/cn-hangzhou/oss/aliyun_v4_request,Signature=${v4Sig}`,
      '',
      '',
    ].join('\n'),
    response: error(`  <SignatureProvided>${v4Sig}</SignatureProvided>
  <StringToSign>OSS4-HMAC-SHA256\n20261122T140221Z\n20261122/cn-hangzhou/oss/aliyun_v4_request\n${hash('nothing reproduces this')}</StringToSign>
  <EC>0002-00000201</EC>
`),
  };
  const v1Sig = createHash('sha1').update('v1-signature').digest('base64');
  const v1 = {
    request: [
      `PUT /reports/2026/q3.csv?${query} HTTP/1.1`,
      `Host: ${host}`,
      'Date: Sun, 22 Nov 2026 14:02:21 GMT',
      'Content-Type: text/csv',
      ...meta,
      `Authorization: OSS LTAI5tExampleKeyId0000:${v1Sig}`,
      '',
      '',
    ].join('\n'),
    response: error(`  <SignatureProvided>${v1Sig}</SignatureProvided>
  <EC>0002-00000040</EC>
`),
  };
  const out = {};
  for (const [name, files] of Object.entries({ v4, v1 })) {
    out[name] = { request: join(dir, `search-${name}-${n}-request.txt`), response: join(dir, `search-${name}-${n}-response.xml`) };
    writeFileSync(out[name].request, files.request);
    writeFileSync(out[name].response, files.response);
  }
  return out;
}
