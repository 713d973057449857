/**
 * The formatter registry: one pure `(report, options) => string` per format.
 * Adding a format (markdown, github) is one file and one entry here.
 */
import type { Report } from '../model/report.js';
import { formatGithub } from './github.js';
import { formatHuman } from './human.js';
import { formatMarkdown } from './markdown.js';
import { formatJson } from './json.js';
import { mapStrings, redactReport } from './redact.js';
import type { Style } from './style.js';

import type { FormatName } from './formats.js';
export { FORMATS } from './formats.js';
export type { FormatName } from './formats.js';

export interface FormatOptions {
  style: Style;
  /** --no-redact: show AccessKey ids, signatures and tokens in full. */
  redact: boolean;
}

const FORMATTERS: Record<FormatName, (report: Report, options: FormatOptions) => string> = {
  human: (r, o) => formatHuman(r, { style: o.style }),
  json: (r) => formatJson(r),
  markdown: (r, o) => formatMarkdown(r, o.redact),
  github: (r) => formatGithub(r),
};

export function formatReport(report: Report, format: FormatName, options: FormatOptions): string {
  const shown = options.redact ? redactReport(report) : report;
  return FORMATTERS[format](format === 'json' ? shown : visibleControls(shown), options);
}

// C0 controls but tab and newline, DEL, C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * The text formats end up on a terminal or in a ticket: a control character
 * from the input (an ESC sequence, BEL, a bare CR) is shown as an escape
 * (`\x1B`, as the byte diffs write it), never emitted. JSON escapes them itself.
 * Runs after redaction, so masking still sees the values as they are.
 */
function visibleControls(report: Report): Report {
  const show = (s: string): string => s.replace(CONTROL, (c) => (c.charCodeAt(0) < 0x80 ? `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  const out: Report = { ...report, results: mapStrings(report.results, show) };
  if (report.skipped) out.skipped = mapStrings(report.skipped, show);
  return out;
}
