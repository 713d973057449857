/** The colours a formatter may use. The CLI passes a chalk instance; tests pass `plain`. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

const id = (s: string): string => s;
export const plain: Style = { bold: id, dim: id, red: id, green: id, yellow: id, cyan: id };
