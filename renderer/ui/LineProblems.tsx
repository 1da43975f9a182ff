import type { LineError } from '../../preload/contract.ts';

/** "Line 2: …" for an error main already worded as "line 2: …", and for one it did not. */
export function lineProblemText(error: LineError): string {
  if (error.line === 0) return error.message;
  const own = `line ${error.line}: `;
  return error.message.startsWith(own)
    ? `Line ${error.line}: ${error.message.slice(own.length)}`
    : `Line ${error.line}: ${error.message}`;
}

/** The bad lines of an import, under the field they came from; nothing was imported. */
export function LineProblems({ id, errors }: { id: string; errors: readonly LineError[] }) {
  if (errors.length === 0) return null;
  return (
    <div id={id} className="users-problems" role="alert">
      <p className="problems-title">Nothing was imported. Fix these lines, then import again:</p>
      <ul className="problem-list">
        {errors.map((e, index) => (
          <li key={index} className="field-error">
            <span className="field-error-icon" aria-hidden="true">
              !
            </span>{' '}
            <span>{lineProblemText(e)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
