/**
 * Output of `sigdoctor sign`. The signature is what the user asked for, so it is
 * shown in full (it is not a diagnosis of someone else's request); the secret never is.
 */
import type { SignResult } from '../signer/sign-request.js';
import type { Style } from './style.js';
import { VERSION } from '../version.js';

export function formatSignHuman(r: SignResult, st: Style): string {
  const out: string[] = [];
  if (r.form === 'query') {
    out.push(st.bold(`${r.version.toUpperCase()} signed URL (${r.method}):`));
    out.push(r.url ?? r.target);
  } else {
    out.push(st.bold(`${r.version.toUpperCase()} signature — send these headers with ${r.method} ${r.target}:`));
    for (const h of r.headers) out.push(`${h.name}: ${h.value}`);
  }
  if (r.canonicalRequest !== null) {
    out.push('', st.dim('Canonical request:'), ...r.canonicalRequest.split('\n').map((l) => st.dim(`  ${l === '' ? '(empty)' : l}`)));
  }
  out.push('', st.dim('String to sign:'), ...r.stringToSign.split('\n').map((l) => st.dim(`  ${l === '' ? '(empty)' : l}`)));
  return out.join('\n') + '\n';
}

export function formatSignJson(r: SignResult): string {
  return JSON.stringify({ schemaVersion: 1, tool: { name: 'sigdoctor', version: VERSION }, command: 'sign', sign: r }, null, 2) + '\n';
}
