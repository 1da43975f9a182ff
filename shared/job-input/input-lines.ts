/** A line that carries data, with the number the admin sees in their editor. */
export interface InputLine {
  number: number;
  text: string;
}

/**
 * The lines of pasted or loaded text that carry data: blank lines and lines starting with `#`
 * are left out. The text of a line is not trimmed, because spaces in passwords count.
 */
export function contentLines(text: string): InputLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const result: InputLine[] = [];
  lines.forEach((line, index) => {
    const start = line.trimStart();
    if (start === '' || start.startsWith('#')) return;
    result.push({ number: index + 1, text: line });
  });
  return result;
}
