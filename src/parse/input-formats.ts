/** The `--input-format` choices (a module of its own so the CLI can offer them without loading the parsers). */
export const INPUT_FORMATS = ['raw', 'curl', 'har', 'xml', 'url', 'log'] as const;
export type InputFormatOption = (typeof INPUT_FORMATS)[number];
