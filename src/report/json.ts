/** `--format json`: exactly CONTRACT.md's schema (schemaVersion 1), extensions after the contract fields. */
import type { Report } from '../model/report.js';
import { VERSION } from '../version.js';

export function formatJson(report: Report): string {
  const doc = {
    schemaVersion: 1,
    tool: { name: 'sigdoctor', version: VERSION },
    command: report.command,
    results: report.results.map((r) => ({
      source: r.source,
      verdict: r.verdict,
      signatureVersion: r.signatureVersion,
      scheme: r.scheme,
      request: r.request,
      error: r.error,
      stringToSign: r.stringToSign,
      canonicalRequest: r.canonicalRequest,
      canonicalRequestSource: r.canonicalRequestSource,
      firstDifference: r.firstDifference,
      signature: r.signature,
      causes: r.causes.map((c) => ({ id: c.id, title: c.title, evidence: c.evidence, fix: c.fix, docs: c.docs, severity: c.severity, basis: c.basis, ...(c.data ? { data: c.data } : {}) })),
      lines: r.lines,
      canonicalLines: r.canonicalLines,
      steps: r.steps,
      notes: r.notes,
    })),
  };
  const withSkipped = report.skipped && report.skipped.length > 0 ? { ...doc, skipped: { count: report.skipped.length, entries: report.skipped } } : doc;
  return JSON.stringify(withSkipped, null, 2) + '\n';
}
