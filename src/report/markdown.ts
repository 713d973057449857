/**
 * `--format markdown`: a report to paste into a support ticket or an issue.
 * Redacted by default like every format (report/index.ts); keeps the RequestId,
 * which support asks for.
 */
import type { CaseReport, Report, ReportLine } from '../model/report.js';
import { VERSION } from '../version.js';

const VERDICT: Record<string, string> = { ok: '✔ OK', problem: '✖ Problem', inconclusive: '? Inconclusive' };

/** Inline code that survives any content: a fence longer than any backtick run inside. */
function code(s: string): string {
  let fence = '`';
  while (s.includes(fence)) fence += '`';
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** Text for a table cell or list item: no line breaks, no unescaped pipes. */
function cell(s: string): string {
  return s.split('\n').join(' ').split('|').join('\\|');
}

/** A fenced block whose fence cannot be closed by the content. */
function block(lang: string, lines: string[]): string[] {
  let fence = '```';
  while (lines.some((l) => l.includes(fence))) fence += '`';
  return [`${fence}${lang}`, ...lines, fence];
}

function diffLines(lines: ReportLine[]): string[] {
  const both = lines.some((l) => l.client !== null) && lines.some((l) => l.server !== null);
  const width = Math.min(32, Math.max(...lines.map((l) => l.label.length)) + 2);
  const out: string[] = [];
  for (const l of lines) {
    const label = l.label.length >= width ? `${l.label} ` : l.label.padEnd(width);
    const v = (x: string | null): string => (x === null ? '(absent)' : x === '' ? '(empty)' : x);
    if (!both || l.same) out.push(`  ${label}${v(both ? l.client : (l.client ?? l.server))}`);
    else {
      out.push(`- ${label}${v(l.client)}`);
      out.push(`+ ${label}${v(l.server)}`);
    }
  }
  return out;
}

function title(r: CaseReport, command: Report['command']): string {
  if (command === 'verify') return r.verdict === 'ok' ? '✔ Verified' : '✖ Not verified';
  const errors = r.causes.filter((c) => c.severity === 'error' && c.id !== 'insufficient-input');
  const what = r.verdict === 'problem' ? (errors.length === 1 ? errors[0]!.title : `${errors.length} causes found`) : r.verdict === 'ok' ? 'no signature problem found' : 'not enough input for a verdict';
  return `${VERDICT[r.verdict] ?? r.verdict}: ${what}`;
}

function formatCase(r: CaseReport, command: Report['command']): string[] {
  const out: string[] = [`## ${title(r, command)}`, '', '| | |', '|---|---|', `| Source | ${code(cell(r.source))} |`];
  if (r.request) out.push(`| Request | ${code(cell(`${r.request.method} ${r.request.host ?? ''}${r.request.path}${r.request.query ? `?${r.request.query}` : ''}`))} |`);
  out.push(`| Signature | ${cell(r.scheme)} |`);
  if (r.error) {
    const bits = [r.error.status !== null ? String(r.error.status) : null, r.error.code, r.error.ec ? `EC ${r.error.ec}` : null].filter(Boolean).join(' · ');
    if (bits) out.push(`| OSS answered | ${cell(bits)} |`);
    if (r.error.requestId) out.push(`| RequestId | ${code(r.error.requestId)} |`);
    if (r.error.ec && r.error.ecMeaning) out.push(`| EC ${r.error.ec} | ${cell(r.error.ecMeaning)} |`);
  }
  if (r.signature.verified !== null) out.push(`| Secret reproduces the signature | ${r.signature.verified ? 'yes' : 'no'} |`);
  if (r.causes.length) {
    out.push('', '### Causes', '');
    r.causes.forEach((c, i) => {
      out.push(`${i + 1}. **${code(c.id)}** — ${cell(c.title)} _(${c.basis === 'elimination' ? 'by elimination' : c.basis})_`);
      out.push(`   - **Evidence:** ${cell(c.evidence)}`);
      if (c.id !== 'insufficient-input' || c.fix !== c.evidence) out.push(`   - **Fix:** ${cell(c.fix)}`);
      out.push(`   - **Docs:** <${c.docs}>`);
      const signed = c.data?.['signed'];
      if (typeof signed === 'string') out.push('', ...block('', signed.split('\n')).map((l) => `   ${l}`));
    });
  }
  if (r.lines.length) {
    const both = r.stringToSign.client !== null && r.stringToSign.server !== null;
    out.push('', `### String to sign${both ? ` — yours (\`-\`) vs OSS's (\`+\`, from ${r.stringToSign.serverSource})` : ''}`, '', ...block('diff', diffLines(r.lines)));
    if (r.firstDifference) out.push('', `First difference at byte ${r.firstDifference.offset} (line ${r.firstDifference.line}).`);
  }
  if (r.canonicalLines.length) {
    const source = r.canonicalRequestSource === 'reconstructed' ? 'reconstructed from its StringToSign hash' : r.canonicalRequestSource;
    out.push('', `### Canonical request${r.canonicalLines.some((l) => l.server !== null) ? ` — yours (\`-\`) vs OSS's (\`+\`, ${source})` : ''}`, '', ...block('diff', diffLines(r.canonicalLines)));
  }
  if (r.notes.length) out.push('', '<details><summary>Notes</summary>', '', ...r.notes.map((n) => `- ${cell(n)}`), '', '</details>');
  return out;
}

export function formatMarkdown(report: Report, redacted: boolean): string {
  const out: string[] = [];
  report.results.forEach((r, i) => {
    if (i > 0) out.push('', '---', '');
    out.push(...formatCase(r, report.command));
  });
  if (report.skipped && report.skipped.length > 0) out.push('', `_${report.skipped.length} other entr${report.skipped.length === 1 ? 'y was' : 'ies were'} not signature errors and were skipped._`);
  out.push('', `<sub>sigdoctor ${VERSION}${redacted ? ' · AccessKey ids, signatures and tokens are masked' : ''}</sub>`);
  return out.join('\n') + '\n';
}
