/** How a delimiter is named in messages: a tab is invisible when quoted. */
export function describeDelimiter(delimiter: string): string {
  return delimiter === '\t' ? 'a tab' : `"${delimiter}"`;
}

/** Why a delimiter the caller passed cannot be used, or undefined when it can. */
export function delimiterProblem(delimiter: string, reserved: readonly string[]): string | undefined {
  if ([...delimiter].length !== 1) {
    return `The delimiter must be a single character (got ${delimiter.length === 0 ? 'nothing' : `"${delimiter}"`}).`;
  }
  if (delimiter === '\n' || delimiter === '\r') return 'The delimiter cannot be a line break.';
  if (reserved.includes(delimiter)) {
    return `${describeDelimiter(delimiter)} cannot be the delimiter here; choose another character.`;
  }
  return undefined;
}
