interface ProblemListProps {
  id: string;
  problems: readonly string[] | undefined;
}

/** The reasons a field was not accepted, one per line; the field points here with aria-describedby. */
export function ProblemList({ id, problems }: ProblemListProps) {
  if (!problems || problems.length === 0) return null;
  return (
    <ul id={id} className="problem-list">
      {problems.map((problem, index) => (
        <li key={index} className="field-error">
          <span className="field-error-icon" aria-hidden="true">
            !
          </span>{' '}
          <span>{problem}</span>
        </li>
      ))}
    </ul>
  );
}

/** aria-describedby for a field: its hint (when it has one) and its problems (when there are any). */
export function describedBy(
  id: string,
  hint: boolean,
  problems: readonly string[] | undefined,
): string | undefined {
  return (
    [hint ? `${id}-hint` : '', problems?.length ? `${id}-problems` : ''].filter(Boolean).join(' ') ||
    undefined
  );
}
