import type { StartProblems } from '../logic/start-problems.ts';
import { Notice } from '../../../ui/Notice.tsx';

/** Why a job did not start: problems no field owns, and a pointer to the fields marked below. */
export function NotStartedNotice({ problems }: { problems: StartProblems }) {
  if (problems.fields.length === 0 && problems.general.length === 0) return null;
  return (
    <Notice tone="error">
      <p className="notice-title">The job was not started.</p>
      {problems.general.map((text) => (
        <p key={text}>{text}</p>
      ))}
      {problems.fields.length > 0 ? <p>Fix what is marked below, then start again.</p> : null}
    </Notice>
  );
}
