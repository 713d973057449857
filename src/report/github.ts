/**
 * `--format github`: GitHub Actions workflow commands, one per cause, so a CI
 * smoke check fails loudly and readably in the run's annotations
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
import type { CaseReport, Report } from '../model/report.js';

/** Message escaping for workflow commands: `%`, CR and LF. */
function data(s: string): string {
  return s.split('%').join('%25').split('\r').join('%0D').split('\n').join('%0A');
}

/** Property escaping: also `:` and `,`. */
function prop(s: string): string {
  return data(s).split(':').join('%3A').split(',').join('%2C');
}

function annotations(r: CaseReport): string[] {
  const out: string[] = [];
  const where = r.request ? `${r.request.method} ${r.request.host ?? ''}${r.request.path}` : r.source;
  const requestId = r.error?.requestId ? ` (RequestId ${r.error.requestId})` : '';
  for (const c of r.causes) {
    const level = c.severity === 'info' ? 'notice' : c.id === 'insufficient-input' ? 'warning' : 'error';
    const message = `${c.title}${requestId}\n${where} — ${r.source}\nEvidence: ${c.evidence}\nFix: ${c.fix}\nDocs: ${c.docs}`;
    out.push(`::${level} title=${prop(`sigdoctor: ${c.id}`)}::${data(message)}`);
  }
  if (r.causes.length === 0) {
    const ok = r.signature.verified ? 'the secret reproduces the signature' : r.firstDifference === null && r.stringToSign.server !== null ? 'the strings to sign match' : 'no signature problem found';
    out.push(`::notice title=${prop('sigdoctor: ok')}::${data(`${where} — ${r.source}: ${ok}`)}`);
  }
  return out;
}

export function formatGithub(report: Report): string {
  const lines = report.results.flatMap(annotations);
  const count = (v: string): number => report.results.filter((r) => r.verdict === v).length;
  const skipped = report.skipped?.length ? `, ${report.skipped.length} skipped` : '';
  lines.push(`::notice title=${prop('sigdoctor')}::${data(`${report.results.length} result(s): ${count('problem')} problem, ${count('inconclusive')} inconclusive, ${count('ok')} ok${skipped}`)}`);
  return lines.join('\n') + '\n';
}
