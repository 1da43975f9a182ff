import type { JobOptions } from '../logic/start-request.ts';
import { CONCURRENCY } from '../../../../shared/limits.ts';
import type { StartProblems } from '../logic/start-problems.ts';
import { ProblemList, describedBy } from '../../../ui/ProblemList.tsx';

interface JobOptionFieldsProps {
  id: string;
  values: JobOptions;
  problems: StartProblems['byField'];
  onChange(patch: Partial<JobOptions>): void;
}

/** Folders to skip or rename, how many accounts at once, and the job's name. All optional. */
export function JobOptionFields({ id, values, problems, onChange }: JobOptionFieldsProps) {
  return (
    <fieldset className="form-section">
      <legend>Options</legend>
      <div className="options-grid">
        <div className="field">
          <label htmlFor={`${id}-skip`}>Folders to leave out (optional)</label>
          <p id={`${id}-skip-hint`} className="hint">
            One folder a line; add <code>/*</code> to leave out its subfolders too. Example:{' '}
            <code>Archive/2019/*</code>
          </p>
          <textarea
            id={`${id}-skip`}
            rows={3}
            className="mono"
            spellCheck={false}
            aria-invalid={problems.skip?.length ? true : undefined}
            aria-describedby={describedBy(`${id}-skip`, true, problems.skip)}
            value={values.skip}
            onChange={(e) => onChange({ skip: e.target.value })}
          />
          <ProblemList id={`${id}-skip-problems`} problems={problems.skip} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-translate`}>Folders to rename (optional)</label>
          <p id={`${id}-translate-hint`} className="hint">
            One pair a line: old name, then new name. Example: <code>Sent Items,Sent</code>
          </p>
          <textarea
            id={`${id}-translate`}
            rows={3}
            className="mono"
            spellCheck={false}
            aria-invalid={problems.translate?.length ? true : undefined}
            aria-describedby={describedBy(`${id}-translate`, true, problems.translate)}
            value={values.translate}
            onChange={(e) => onChange({ translate: e.target.value })}
          />
          <ProblemList id={`${id}-translate-problems`} problems={problems.translate} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-concurrency`}>Accounts at once</label>
          <p id={`${id}-concurrency-hint`} className="hint">
            How many mailboxes are copied at the same time. 4 suits most servers; lower it if one complains.
          </p>
          <input
            id={`${id}-concurrency`}
            type="number"
            min={CONCURRENCY.min}
            max={CONCURRENCY.max}
            className="narrow"
            aria-invalid={problems.concurrency?.length ? true : undefined}
            aria-describedby={describedBy(`${id}-concurrency`, true, problems.concurrency)}
            value={values.concurrency}
            onChange={(e) => onChange({ concurrency: e.target.value })}
          />
          <ProblemList id={`${id}-concurrency-problems`} problems={problems.concurrency} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Job name (optional)</label>
          <p id={`${id}-name-hint`} className="hint">
            Leave it empty and Cutover numbers the job.
          </p>
          <input
            id={`${id}-name`}
            type="text"
            autoComplete="off"
            aria-invalid={problems.name?.length ? true : undefined}
            aria-describedby={describedBy(`${id}-name`, true, problems.name)}
            value={values.name}
            onChange={(e) => onChange({ name: e.target.value })}
          />
          <ProblemList id={`${id}-name-problems`} problems={problems.name} />
        </div>
      </div>
    </fieldset>
  );
}
