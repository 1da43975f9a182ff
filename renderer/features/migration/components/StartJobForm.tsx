import { useId, useState } from 'react';
import type { FormEvent, Ref } from 'react';
import type { ApiError } from '../../../../preload/contract.ts';
import { CONCURRENCY } from '../../../../shared/limits.ts';
import type { JobOptions } from '../logic/start-request.ts';
import type { StartField, StartProblems } from '../logic/start-problems.ts';
import { sortStartProblems } from '../logic/start-problems.ts';
import { Notice } from '../../../ui/Notice.tsx';
import type { JobSource } from './job-source.ts';
import { JobOptionFields } from './JobOptionFields.tsx';
import { NotStartedNotice } from './NotStartedNotice.tsx';

const NO_PROBLEMS: StartProblems = { byField: {}, general: [], fields: [] };

const INITIAL_OPTIONS: JobOptions = {
  name: '',
  skip: '',
  translate: '',
  concurrency: String(CONCURRENCY.default),
};

export interface StartJobFormProps {
  /** Called with the names of the jobs started (several when the accounts were cut into batches). */
  onStarted(names: string[]): void;
  /** Opens the form with the other source of accounts. */
  onSwitch(): void;
  /** Shown as a way back when the project already has jobs. */
  onCancel?: () => void;
  /** The form's heading, for the page to move focus to when it shows the form. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * Starts migration jobs for the project, from the accounts `source` gives, with the options
 * every job takes; one job per batch of at most 500 accounts, the first one put on screen.
 */
export function StartJobForm({
  source,
  onStarted,
  onSwitch,
  onCancel,
  headingRef,
}: StartJobFormProps & { source: JobSource }) {
  const base = useId();
  const optionsId = `${base}-opts`;
  const [options, setOptions] = useState<JobOptions>(INITIAL_OPTIONS);
  const [problems, setProblems] = useState<StartProblems>(NO_PROBLEMS);
  const [partlyStarted, setPartlyStarted] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if ('placeholder' in source) return source.placeholder;

  const fieldElementId = (field: StartField) => source.fieldElementId(base, field) ?? `${optionsId}-${field}`;

  const showProblems = (found: StartProblems) => {
    setProblems(found);
    const first = found.fields[0];
    // After React has opened any disclosure the field is in.
    if (first) requestAnimationFrame(() => document.getElementById(fieldElementId(first))?.focus());
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || !source.ready || !source.canStart) return;
    const plan = source.plan(options);
    if (!plan.ok) {
      showProblems(plan.problems);
      return;
    }
    setBusy(true);
    setPartlyStarted(null);
    const name = options.name.trim();
    const count = plan.starts.length;
    const started: string[] = [];
    let failure: ApiError | null = null;
    for (const [index, start] of plan.starts.entries()) {
      const result = await start({
        show: index === 0,
        ...(name ? { name: count > 1 ? `${name}-${index + 1}` : name } : {}),
      });
      if (!result.ok) {
        failure = result.error;
        break;
      }
      started.push(result.value.name);
    }
    setBusy(false);

    if (failure === null) {
      plan.done?.();
      setProblems(NO_PROBLEMS);
      onStarted(started);
      return;
    }
    if (started.length === 0) {
      showProblems(sortStartProblems(failure));
      return;
    }
    const after = plan.partly(started, failure);
    setPartlyStarted(after.notice);
    showProblems(after.problems);
  };

  const submitLabel = busy
    ? 'Starting…'
    : source.jobCount > 1
      ? `Start ${source.jobCount} jobs`
      : 'Start copying';

  return (
    <form
      className="card start-form"
      aria-labelledby={`${base}-title`}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <h3 id={`${base}-title`} ref={headingRef} tabIndex={-1} className="section-title">
        {source.title}
      </h3>
      <p className="hint form-lead">{source.lead}</p>
      <NotStartedNotice problems={problems} />
      {partlyStarted ? (
        <Notice tone="info">
          <p>{partlyStarted}</p>
        </Notice>
      ) : null}

      {source.fields(base, problems)}

      {source.ready ? (
        <JobOptionFields
          id={optionsId}
          values={options}
          problems={problems.byField}
          onChange={(patch) => setOptions((v) => ({ ...v, ...patch }))}
        />
      ) : null}

      <div className="form-actions">
        {source.ready ? (
          <button
            type="submit"
            className="button button-primary button-large"
            aria-disabled={busy || !source.canStart || undefined}
          >
            {submitLabel}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onSwitch}>
          {source.switchLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Back to the jobs
          </button>
        ) : null}
      </div>
    </form>
  );
}
