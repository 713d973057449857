/**
 * XML attacks (issue part 4, INPUTS.md §8) and every place sigdoctor reads
 * XML from. Each attack × place goes through the whole pipeline (diagnose());
 * it must be refused with a one-line InputError or read without expanding
 * anything, and in well under 100 ms. xml-attacks.test.ts pins the exact
 * messages; the fuzz campaign (`npm run fuzz`) times every pair.
 */
import { diagnose, InputError } from '../../src/index.js';

export interface XmlAttack {
  name: string;
  /** The hostile `<Error>` document. */
  xml: string;
}

const STS = '<StringToSign>GET\n\n\nSun, 22 Nov 2026 14:02:21 GMT\n/examplebucket/k</StringToSign><StringToSignBytes>47 45 54 0A 0A 0A 53 75 6E 2C 20 32 32 20 4E 6F 76 20 32 30 32 36 20 31 34 3A 30 32 3A 32 31 20 47 4D 54 0A 2F 65 78 61 6D 70 6C 65 62 75 63 6B 65 74 2F 6B </StringToSignBytes>';
const err = (inner: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>\n'): string => `${prolog}<Error>\n  <Code>SignatureDoesNotMatch</Code>\n  <RequestId>6650B1A4D11E553933CCDE35</RequestId>\n  ${inner}\n  ${STS}\n  <EC>0002-00000040</EC>\n</Error>\n`;

const laughs = (): string => {
  const defs = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) defs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE Error [\n  ${defs.join('\n  ')}\n]>\n` + err('<Message>&lol9;</Message>', '');
};

export const XML_ATTACKS: XmlAttack[] = [
  { name: 'doctype', xml: '<?xml version="1.0"?>\n<!DOCTYPE Error>\n' + err('<Message>x</Message>', '') },
  { name: 'doctype-lowercase', xml: '<!doctype Error>\n' + err('<Message>x</Message>', '') },
  { name: 'billion-laughs', xml: laughs() },
  { name: 'quadratic-blowup', xml: `<!DOCTYPE Error [<!ENTITY a "${'A'.repeat(9000)}">]>\n` + err(`<Message>${'&a;'.repeat(50)}</Message>`, '') },
  { name: 'external-entity-system', xml: '<?xml version="1.0"?>\n<!DOCTYPE Error [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' + err('<Message>&xxe;</Message>', '') },
  { name: 'external-entity-public', xml: '<?xml version="1.0"?>\n<!DOCTYPE Error PUBLIC "-//EVIL//DTD x//EN" "http://127.0.0.1:9/evil.dtd">\n' + err('<Message>x</Message>', '') },
  { name: 'external-dtd-system', xml: '<!DOCTYPE Error SYSTEM "http://127.0.0.1:9/evil.dtd">\n' + err('<Message>x</Message>', '') },
  { name: 'parameter-entity', xml: '<!DOCTYPE Error [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p; <!ENTITY % q "<!ENTITY r \'x\'>"> %q;]>\n' + err('<Message>&r;</Message>', '') },
  { name: 'entity-without-doctype', xml: err('<!ENTITY a "x"><Message>&a;</Message>') },
  { name: 'fake-string-to-sign-entity', xml: '<!DOCTYPE Error [<!ENTITY sts "PUT&#10;&#10;&#10;1&#10;/b/k">]>\n<Error><Code>SignatureDoesNotMatch</Code><StringToSign>&sts;</StringToSign></Error>' },
  { name: 'deep-nesting-100k', xml: `<Error><Code>x</Code>${'<a>'.repeat(100000)}${'</a>'.repeat(100000)}</Error>` },
  { name: 'deep-nesting-30k', xml: `<Error><Code>x</Code>${'<a>'.repeat(30000)}${'</a>'.repeat(30000)}</Error>` },
  { name: 'deep-nesting-unclosed', xml: `<Error><Code>x</Code>${'<a>'.repeat(60000)}</Error>` },
  { name: 'huge-attribute', xml: err(`<Message a="${'x'.repeat(120000)}">m</Message>`) },
  { name: 'huge-attribute-over-limit', xml: err(`<Message a="${'x'.repeat(300000)}">m</Message>`) },
  { name: 'many-attributes', xml: err(`<Message ${Array.from({ length: 5000 }, (_, i) => `a${i}=""`).join(' ')}>m</Message>`) },
  { name: 'duplicate-attributes', xml: err(`<Message ${'a="1" '.repeat(5000)}>m</Message>`) },
  { name: 'huge-text', xml: err(`<Message>${'x'.repeat(120000)}</Message>`) },
  { name: 'huge-text-over-limit', xml: err(`<Message>${'x'.repeat(300000)}</Message>`) },
  { name: 'many-elements', xml: err('<M>x</M>'.repeat(3000)) },
  { name: 'many-char-refs', xml: err(`<Message>${'&#10;&amp;&lt;'.repeat(10000)}</Message>`) },
  { name: 'out-of-range-char-ref', xml: err('<Message>&#x110000;&#99999999999;&#0;&#xD800;</Message>') },
  { name: 'cdata-hides-elements', xml: '<Error><Code>SignatureDoesNotMatch</Code><StringToSign><![CDATA[GET</StringToSign><StringToSignBytes>00</StringToSignBytes>]]></StringToSign></Error>' },
  { name: 'cdata-hides-doctype', xml: err('<Message><![CDATA[<!DOCTYPE x [<!ENTITY a "b">]>]]></Message>') },
  { name: 'cdata-unterminated', xml: `<Error><Code>x</Code><Message><![CDATA[${'y'.repeat(1000)}</Message></Error>` },
  { name: 'cdata-split-terminator', xml: err('<Message><![CDATA[a]]]]><![CDATA[>b]]></Message>') },
  { name: 'processing-instructions', xml: '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="http://127.0.0.1:9/x.xsl"?>\n' + err('<?php system("id"); ?><Message>m</Message>', '') },
  { name: 'many-processing-instructions', xml: err('<?pi x?>'.repeat(3000)) },
  { name: 'comment-hides-doctype', xml: err('<!-- <!DOCTYPE x> --><Message>m</Message>') },
  { name: 'xinclude', xml: err('<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd" parse="text"/>') },
  { name: 'prototype-pollution', xml: err('<__proto__><polluted>yes</polluted></__proto__><constructor><prototype><polluted>yes</polluted></prototype></constructor>') },
];

export interface XmlPlace {
  name: string;
  /** The input bytes that carry the XML there. */
  wrap: (xml: string) => string;
  /** The input name as the error message starts (the place decides the suffix). */
  prefix: string;
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const CURL_V = (body: string): string => `* Connected to examplebucket.oss-cn-hangzhou.aliyuncs.com (127.0.0.1) port 80\n> GET /k HTTP/1.1\r\n> Host: examplebucket.oss-cn-hangzhou.aliyuncs.com\r\n> Date: Sun, 22 Nov 2026 14:02:21 GMT\r\n> Authorization: OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=\r\n> \r\n< HTTP/1.1 403 Forbidden\r\n< Content-Type: application/xml\r\n< \r\n{ [958 bytes data]\n* Connection #0 to host examplebucket.oss-cn-hangzhou.aliyuncs.com left intact\n${body}`;
const RAW_RESPONSE = (body: string): string => `HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nx-oss-request-id: 6650B1A4D11E553933CCDE35\r\n\r\n${body}`;
const har = (text: string, base64: boolean): string =>
  JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries: [{ request: { method: 'GET', url: 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k', headers: [{ name: 'Authorization', value: 'OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=' }] }, response: { status: 403, headers: [], content: { mimeType: 'application/xml', text: base64 ? b64(text) : text, ...(base64 ? { encoding: 'base64' } : {}) } } }] } });

export const XML_PLACES: XmlPlace[] = [
  { name: 'plain', wrap: (x) => x, prefix: 'attack.txt' },
  { name: 'response-body', wrap: RAW_RESPONSE, prefix: 'attack.txt' },
  { name: 'x-oss-err-header', wrap: (x) => `HTTP/1.1 403 Forbidden\r\nx-oss-ec: 0002-00000040\r\nx-oss-err: ${b64(x)}\r\n\r\n`, prefix: 'attack.txt (x-oss-err header)' },
  { name: 'x-oss-err-value', wrap: (x) => b64(x), prefix: 'attack.txt (x-oss-err)' },
  { name: 'curl-verbose-body', wrap: CURL_V, prefix: 'attack.txt' },
  { name: 'har-content', wrap: (x) => har(x, false), prefix: 'attack.txt (entry 0 https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k)' },
  { name: 'har-content-base64', wrap: (x) => har(x, true), prefix: 'attack.txt (entry 0 https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k)' },
  { name: 'log-json-string', wrap: (x) => `2026-11-22 14:40:12 [PicGo ERROR]\nStatusCodeError: 403 - ${JSON.stringify(x)}\n    at new StatusCodeError (errors.js:32:15)\n`, prefix: 'attack.txt' },
  { name: 'log-java-response-error', wrap: (x) => `com.aliyun.oss.OSSException: The request signature we calculated does not match\n[ErrorCode]: SignatureDoesNotMatch\n[RequestId]: 6650B1A4D11E553933CCDE35\n[HostId]: examplebucket.oss-cn-hangzhou.aliyuncs.com\n[ResponseError]:\n${x}\n`, prefix: 'attack.txt' },
  { name: 'log-ali-oss-debug', wrap: (x) => `2026-11-22T14:12:19.639Z ali-oss request GET http://examplebucket.oss-cn-hangzhou.aliyuncs.com/k, with headers {"authorization":"OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A="}\n2026-11-22T14:12:19.652Z ali-oss response GET http://examplebucket.oss-cn-hangzhou.aliyuncs.com/k, got 403, headers: {"content-type":"application/xml"}\n2026-11-22T14:12:19.652Z ali-oss request response error data: ${x}\n`, prefix: 'attack.txt' },
  { name: 'log-python-bytes-repr', wrap: (x) => `2026-11-22 14:10:33,527 oss2.http [DEBUG] 1 : Get response body, req-id: 6650B1A4D11E553933CCDE35, content: b'${x.split('\\').join('\\\\').split("'").join("\\'").split('\n').join('\\n').split('\r').join('\\r')}'\n`, prefix: 'attack.txt' },
  { name: 'log-go-x-oss-err', wrap: (x) => `2026/11/22 14:20:05.118391 [debug][Req:0xc000123400]Method:HEAD\tHost:examplebucket.oss-cn-hangzhou.aliyuncs.com\tPath:/k\tQuery:\tHeader info:\tAuthorization:OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=\n2026/11/22 14:20:05.161027 [debug][Resp:0xc000123400]StatusCode:403\tHeader info:\tX-Oss-Ec:0002-00000040\tX-Oss-Err:${b64(x)}\n`, prefix: 'attack.txt (x-oss-err header)' },
  { name: 'browser-viewer-copy', wrap: (x) => `This XML file does not appear to have any style information associated with it. The document tree is shown below.\n${x}`, prefix: 'attack.txt' },
  { name: 'under-curl-command', wrap: (x) => `curl 'https://examplebucket.oss-cn-hangzhou.aliyuncs.com/k' -H 'Authorization: OSS LTAI5tExampleKeyId0000:bSgShpvmMPfCiZdFJEYnY7G8++A=' -H 'Date: Sun, 22 Nov 2026 14:02:21 GMT'\n${x}`, prefix: 'attack.txt' },
  { name: 'utf16-plain', wrap: (x) => x, prefix: 'attack.txt' },
];

export type AttackOutcome = { kind: 'refused'; message: string } | { kind: 'read'; results: number; codes: Array<string | null>; server: string | null; serverSource: string | null };

/** Run one attack in one place through diagnose(); the input is `attack.txt`. */
export function runXmlAttack(attack: XmlAttack, place: XmlPlace): AttackOutcome {
  const text = place.wrap(attack.xml);
  const bytes = place.name === 'utf16-plain' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.from(text, 'utf8');
  try {
    const report = diagnose([{ name: 'attack.txt', bytes }]);
    const first = report.results[0];
    return { kind: 'read', results: report.results.length, codes: report.results.map((r) => r.error?.code ?? null), server: first?.stringToSign.server ?? null, serverSource: first?.stringToSign.serverSource ?? null };
  } catch (e) {
    if (e instanceof InputError) return { kind: 'refused', message: e.message };
    throw e;
  }
}

export interface TimedCheck {
  name: string;
  ms: number;
  limitMs: number;
  ok: boolean;
  outcome: string;
}

/** Every attack in every place, timed (best of 3, so a busy machine does not fail it): each under 100 ms. */
export function runXmlAttackTimings(limitMs = 100): TimedCheck[] {
  const out: TimedCheck[] = [];
  for (const attack of XML_ATTACKS) {
    for (const place of XML_PLACES) {
      let best = Number.POSITIVE_INFINITY;
      let outcome = '';
      let ok = true;
      for (let i = 0; i < 3 && best >= limitMs / 4; i++) {
        const t0 = performance.now();
        try {
          const r = runXmlAttack(attack, place);
          outcome = r.kind === 'refused' ? `refused: ${r.message.slice(0, 160)}` : `read: ${r.results} result(s)`;
        } catch (e) {
          ok = false;
          outcome = `crashed: ${e instanceof Error ? e.message : String(e)}`;
        }
        best = Math.min(best, performance.now() - t0);
      }
      if (({} as Record<string, unknown>)['polluted'] !== undefined) {
        ok = false;
        outcome = 'Object.prototype was polluted';
      }
      out.push({ name: `${attack.name} @ ${place.name}`, ms: best, limitMs, ok: ok && best < limitMs, outcome });
    }
  }
  return out;
}
