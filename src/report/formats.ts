/** The report formats (a module of its own so the CLI can check `--format` without loading the formatters). */
export const FORMATS = ['human', 'json', 'markdown', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];
