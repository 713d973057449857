/**
 * `--format human`: the verdict first, then the causes with evidence and fix,
 * then the labelled diff of the strings to sign (issue #2 §5). Keeps the
 * RequestId: support asks for it.
 */
import type { CaseReport, Report, ReportLine } from '../model/report.js';
import type { Style } from './style.js';

export interface HumanOptions {
  style: Style;
}


function verdictBadge(r: CaseReport, st: Style, command: Report['command']): string {
  if (command === 'verify') {
    if (r.verdict === 'ok') return st.green(st.bold('✔ VERIFIED'));
    return st.red(st.bold('✖ NOT VERIFIED'));
  }
  if (r.verdict === 'ok') return st.green(st.bold('✔ OK'));
  if (r.verdict === 'problem') return st.red(st.bold('✖ PROBLEM'));
  return st.yellow(st.bold('? INCONCLUSIVE'));
}

function summaryLine(r: CaseReport, command: Report['command']): string {
  const errors = r.causes.filter((c) => c.severity === 'error' && c.id !== 'insufficient-input');
  if (command === 'verify') {
    if (r.signature.verified) return 'the secret reproduces the request\'s signature';
    const ws = r.causes.find((c) => c.id === 'secret-mismatch')?.data?.['secretWhitespace'] as { supplied: string | null; client: string | null } | undefined;
    if (ws) return ws.client === null ? `the secret reproduces the signature only without its white space (${ws.supplied})` : `the signature was made with a copy of the secret that has ${ws.client}`;
    return errors.length ? errors.map((c) => c.title).join('; ') : 'the secret does not reproduce the request\'s signature';
  }
  if (r.verdict === 'ok') {
    if (r.error && r.error.status !== null && r.error.status < 400 && r.error.code === null) return `OSS accepted the request (HTTP ${r.error.status})`;
    return r.firstDifference === null && r.stringToSign.server !== null ? 'the strings to sign match' : 'no signature problem found';
  }
  if (r.verdict === 'inconclusive') return 'not enough input for a verdict';
  return errors.length === 1 ? errors[0]!.title : `${errors.length} causes found`;
}

function indent(text: string, prefix: string): string {
  return text.split('\n').map((l) => (l === '' ? l : prefix + l)).join('\n');
}

/** Wrap prose at ~100 columns for the terminal; evidence strings are long single sentences. */
function wrap(text: string, width: number, hang: string): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur !== '' && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur === '' ? w : `${cur} ${w}`;
  }
  if (cur !== '') lines.push(cur);
  return lines.join('\n' + hang);
}

function requestLine(r: CaseReport, st: Style): string[] {
  const out: string[] = [];
  if (r.request) {
    const q = r.request.query ? `?${r.request.query}` : '';
    out.push(`${st.bold(r.request.method)} ${r.request.host ?? '(no host)'}${r.request.path}${q}`);
  }
  out.push(r.scheme);
  if (r.error) {
    const bits = [r.error.status !== null ? String(r.error.status) : null, r.error.code, r.error.ec ? `EC ${r.error.ec}` : null, r.error.requestId ? `RequestId ${r.error.requestId}` : null].filter(Boolean);
    if (bits.length) out.push(`OSS answered: ${bits.join(' · ')}`);
    if (r.error.ec && r.error.ecMeaning) out.push(st.dim(`EC ${r.error.ec}: ${r.error.ecMeaning} (sigdoctor ec ${r.error.ec})`));
  }
  return out;
}

function linesBlock(lines: ReportLine[], title: { both: string; client: string; server: string }, st: Style): string[] {
  if (lines.length === 0) return [];
  const out: string[] = [];
  const both = lines.some((l) => l.client !== null) && lines.some((l) => l.server !== null);
  out.push(st.bold(both ? title.both : lines.some((l) => l.client !== null) ? title.client : title.server));
  const width = Math.min(32, Math.max(...lines.map((l) => l.label.length)) + 2);
  const shown = (v: string | null): string => (v === null ? st.dim('(absent)') : v === '' ? st.dim('(empty)') : v);
  let n = 0;
  for (const l of lines) {
    n++;
    // A label longer than the column keeps one space before its value.
    const label = l.label.length >= width ? `${l.label} ` : l.label.padEnd(width);
    if (!both || l.same) {
      out.push(`  ${String(n).padStart(3)}  ${st.dim(label)}${shown(both ? l.client : (l.client ?? l.server))}`);
      continue;
    }
    out.push(`${st.red('✗')} ${String(n).padStart(3)}  ${st.bold(label)}${st.red('- yours ')}${shown(l.client)}`);
    out.push(`       ${' '.repeat(width)}${st.green('+ OSS\'s ')}${shown(l.server)}`);
  }
  return out;
}

function diffBlock(r: CaseReport, st: Style): string[] {
  const out = linesBlock(r.lines, {
    both: `String to sign — yours (recomputed from the request) vs OSS's (${r.stringToSign.serverSource})`,
    client: 'String to sign (recomputed from the request)',
    server: `OSS's string to sign (${r.stringToSign.serverSource})`,
  }, st);
  if (out.length && r.firstDifference) out.push(`First difference at byte ${r.firstDifference.offset} (line ${r.firstDifference.line}).`);
  const source = r.canonicalRequestSource === 'reconstructed' ? 'reconstructed from its StringToSign hash' : (r.canonicalRequestSource ?? '');
  const cr = linesBlock(r.canonicalLines, {
    both: `Canonical request — yours vs OSS's (${source})`,
    client: 'Canonical request (recomputed from the request)',
    server: 'OSS\'s canonical request',
  }, st);
  if (cr.length) out.push(...(out.length ? [''] : []), ...cr);
  return out;
}

function explainBlock(r: CaseReport, st: Style): string[] {
  if (r.steps.length === 0) return [];
  const out = [st.bold('How the string to sign is built')];
  const width = Math.min(28, Math.max(...r.steps.map((s) => s.part.length)) + 2);
  for (const s of r.steps) {
    out.push(`  ${s.part.padEnd(width)}${s.value === '' ? st.dim('(empty)') : s.value}`);
    out.push(`  ${' '.repeat(width)}${st.dim('← ' + wrap(s.from, 90, ' '.repeat(width + 4)))}`);
  }
  return out;
}

function causeBlock(r: CaseReport, st: Style): string[] {
  const out: string[] = [];
  r.causes.forEach((c, i) => {
    const mark = c.severity === 'info' ? st.cyan('ℹ') : c.id === 'insufficient-input' ? st.yellow('?') : st.red('✖');
    const basis = c.basis === 'proven' ? ' [proven]' : c.basis === 'elimination' ? ' [by elimination]' : '';
    out.push(`${mark} ${i + 1}. ${st.bold(c.id)} — ${c.title}${st.dim(basis)}`);
    out.push(`     evidence  ${wrap(c.evidence, 96, '               ')}`);
    if (c.id !== 'insufficient-input' || c.fix !== c.evidence) out.push(`     fix       ${wrap(c.fix, 96, '               ')}`);
    out.push(`     docs      ${st.cyan(c.docs)}`);
    const signed = c.data?.['signed'];
    if (typeof signed === 'string') {
      // Number the lines and mark those that differ from the request's own string.
      const v4 = c.data?.['signedKind'] === 'canonical-request';
      const ours = ((v4 ? r.canonicalRequest?.client : r.stringToSign.client) ?? '').split('\n');
      out.push(`     the ${v4 ? 'canonical request' : 'string'} your code really signed (✗ = differs from the request as sent):`);
      signed.split('\n').forEach((l, j) => {
        const mark = ours[j] === l ? ' ' : st.red('✗');
        const shownLine = l === '' ? st.dim('(empty)') : l !== l.trim() ? JSON.stringify(l) : l; // make edge spaces visible
        out.push(`     ${mark} ${String(j + 1).padStart(2)}  ${shownLine}`);
      });
    }
  });
  return out;
}

function formatCase(r: CaseReport, command: Report['command'], st: Style): string {
  const out: string[] = [];
  out.push(`${verdictBadge(r, st, command)}  ${summaryLine(r, command)}  ${st.dim(r.source)}`);
  out.push(...requestLine(r, st).map((l) => `  ${l}`));
  const causes = causeBlock(r, st);
  // explain leads with the steps; the other commands with the causes.
  if (command === 'explain') {
    const ex = explainBlock(r, st);
    if (ex.length) out.push('', ...ex);
  }
  if (causes.length) out.push('', ...causes);
  const diff = diffBlock(r, st);
  if (diff.length) out.push('', ...diff.map((l) => indent(l, '')));
  if (r.notes.length) out.push('', st.dim('Notes:'), ...r.notes.map((n) => st.dim(`  - ${n}`)));
  return out.join('\n');
}

export function formatHuman(report: Report, options: HumanOptions): string {
  const st = options.style;
  const parts = report.results.map((r) => formatCase(r, report.command, st));
  if (report.skipped && report.skipped.length > 0) {
    const shown = report.skipped.slice(0, 10).map((s) => st.dim(`  - ${s.source}: ${s.reason}`));
    const more = report.skipped.length > 10 ? [st.dim(`  … and ${report.skipped.length - 10} more (--json lists them all)`)] : [];
    parts.push([st.dim(`Skipped ${report.skipped.length} entr${report.skipped.length === 1 ? 'y' : 'ies'} that are not signature errors:`), ...shown, ...more].join('\n'));
  }
  if (report.results.length === 0) parts.push(st.bold('Nothing to diagnose: no signature error in the input.'));
  if (report.results.length > 1) {
    const count = (v: string): number => report.results.filter((r) => r.verdict === v).length;
    parts.push(st.bold(`${report.results.length} results: ${count('problem')} problem, ${count('inconclusive')} inconclusive, ${count('ok')} ok`));
  }
  return parts.join('\n\n') + '\n';
}

export type { ReportLine };
