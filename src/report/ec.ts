/** Output of `sigdoctor ec`: what an OSS error code means, its likely causes and fix. */
import type { EcEntry } from '../ec/catalogue.js';
import { EC_CATALOGUE, EC_GROUPS } from '../ec/catalogue.js';
import type { EcLookupResult } from '../ec/lookup.js';
import { ecFamilyName } from '../ec/lookup.js';
import { VERSION } from '../version.js';
import type { Style } from './style.js';

function entryLines(e: EcEntry, st: Style): string[] {
  const out = [st.bold(`EC ${e.ec}${e.code ? ` — ${e.code}` : ''}`) + st.dim(`  (${e.group})`), `  ${e.meaning}`];
  if (e.causes.length) out.push(st.bold('  Likely causes:'), ...e.causes.map((c) => `    - ${c}`));
  out.push(`${st.bold('  Fix:')} ${e.fix}`);
  if (e.sigdoctorCauses.length) out.push(`${st.bold('  sigdoctor causes:')} ${e.sigdoctorCauses.join(', ')}`);
  out.push(`${st.bold('  Docs:')} ${st.cyan(e.docs)}`);
  return out;
}

export function formatEcHuman(r: EcLookupResult, st: Style): string {
  switch (r.kind) {
    case 'ec':
      return entryLines(r.entry, st).join('\n') + '\n';
    case 'code':
      return [st.bold(r.code), `  ${r.meaning}`, '', ...r.entries.flatMap((e) => [...entryLines(e, st), ''])].join('\n');
    case 'unknown-ec':
      return `${st.bold(`EC ${r.ec}`)}${r.family ? st.dim(`  (family ${r.family}: ${ecFamilyName(r.family)})`) : ''}\n  ${r.note}.\n  OSS's own page: ${st.cyan(`https://api.aliyun.com/troubleshoot?q=${r.ec}`)}\n`;
    case 'not-found':
      return '';
  }
}

export function formatEcList(st: Style): string {
  const out: string[] = [];
  for (const g of EC_GROUPS) {
    const entries = EC_CATALOGUE.filter((e) => e.group === g);
    if (!entries.length) continue;
    out.push(st.bold(g));
    for (const e of entries) out.push(`  ${e.ec}  ${e.code ? `${e.code}: ` : ''}${e.meaning}`);
    out.push('');
  }
  return out.join('\n');
}

export function formatEcJson(r: EcLookupResult | { kind: 'list'; entries: readonly EcEntry[] }): string {
  return JSON.stringify({ schemaVersion: 1, tool: { name: 'sigdoctor', version: VERSION }, command: 'ec', ...r }, null, 2) + '\n';
}
