/**
 * The formatter registry: one pure `(report, options) => string` per format.
 * Adding a format (markdown, github) is one file and one entry here.
 */
import type { Report } from '../model/report.js';
import { formatGithub } from './github.js';
import { formatHuman } from './human.js';
import { formatMarkdown } from './markdown.js';
import { formatJson } from './json.js';
import { redactReport } from './redact.js';
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
  return FORMATTERS[format](shown, options);
}
