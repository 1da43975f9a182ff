import { useEffect, useId, useState } from 'react';
import { CONCURRENCY } from '../../../../shared/limits.ts';
import type { FormEvent, Ref } from 'react';
import type { ApiError } from '../../../../preload/contract.ts';
import type { StartFormValues } from '../logic/start-request.ts';
import type { StartProblems } from '../logic/start-problems.ts';
import { sortStartProblems } from '../logic/start-problems.ts';
import { describeAccountBatch, describeServer, projectReadiness } from '../logic/project-start.ts';
import { plural } from '../logic/progress-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { selectProjectAccounts } from '../../setup/state/accounts-slice.ts';
import { selectProjectProfiles } from '../../setup/state/server-profiles-slice.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { JobOptionFields } from './JobOptionFields.tsx';
import { NotStartedNotice } from './NotStartedNotice.tsx';

type OptionValues = Pick<StartFormValues, 'skip' | 'translate' | 'concurrency' | 'name'>;

const NO_PROBLEMS: StartProblems = { byField: {}, general: [], fields: [] };

interface ProjectJobFormProps {
  projectId: number;
  onStarted(names: string[]): void;
  /** Opens the form that takes a pasted list of users instead. */
  onPasteInstead(): void;
  onCancel?: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * Starts jobs from what the project holds: its old and new server and its accounts, cut into
 * batches of at most 500. Passwords stay in main; this form never sees them.
 */
export function ProjectJobForm({
  projectId,
  onStarted,
  onPasteInstead,
  onCancel,
  headingRef,
}: ProjectJobFormProps) {
  const loadProfiles = useAppState((s) => s.loadProfiles);
  const loadAccounts = useAppState((s) => s.loadAccounts);
  const profiles = useAppState((s) => selectProjectProfiles(s, projectId));
  const accounts = useAppState((s) => selectProjectAccounts(s, projectId));
  const navigate = useAppState((s) => s.navigate);
  const startProjectJob = useAppState((s) => s.startProjectJob);
  const base = useId();
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [options, setOptions] = useState<OptionValues>({
    skip: '',
    translate: '',
    concurrency: String(CONCURRENCY.default),
    name: '',
  });
  const [chosen, setChosen] = useState<ReadonlySet<number> | null>(null);
  const [problems, setProblems] = useState<StartProblems>(NO_PROBLEMS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([loadProfiles(projectId), loadAccounts(projectId)]).then(([p, a]) => {
      if (!live) return;
      if (p.ok && a.ok) setLoaded(true);
      else setLoadError(!p.ok ? p.error.message : !a.ok ? a.error.message : null);
    });
    return () => {
      live = false;
    };
  }, [loadProfiles, loadAccounts, projectId]);

  if (loadError) {
    return (
      <Notice tone="error">
        <p>The project’s servers and accounts could not be loaded. {loadError}</p>
      </Notice>
    );
  }
  if (!loaded || !profiles || !accounts) {
    return (
      <p className="muted" role="status">
        Loading the project’s servers and accounts…
      </p>
    );
  }

  const readiness = projectReadiness(profiles, accounts);
  const batchIndexes = readiness.batches.map((_, i) => i);
  const selected = chosen ?? new Set(batchIndexes);
  const toStart = readiness.batches.filter((_, i) => selected.has(i));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || readiness.missing.length > 0 || toStart.length === 0) return;
    const concurrency = Number(options.concurrency);
    if (
      !/^\s*\d+\s*$/.test(options.concurrency) ||
      concurrency < CONCURRENCY.min ||
      concurrency > CONCURRENCY.max
    ) {
      setProblems({
        byField: {
          concurrency: [
            `Accounts at once must be a whole number from ${CONCURRENCY.min} to ${CONCURRENCY.max}.`,
          ],
        },
        general: [],
        fields: ['concurrency'],
      });
      requestAnimationFrame(() => document.getElementById(`${base}-opts-concurrency`)?.focus());
      return;
    }
    setBusy(true);
    setProblems(NO_PROBLEMS);
    const name = options.name.trim();
    const started: string[] = [];
    let failure: ApiError | null = null;
    for (const [index, batch] of toStart.entries()) {
      const result = await startProjectJob(
        {
          projectId,
          accountIds: batch.accountIds,
          skip: options.skip,
          translate: options.translate,
          concurrency,
          ...(name ? { name: toStart.length > 1 ? `${name}-${index + 1}` : name } : {}),
        },
        { show: index === 0 },
      );
      if (!result.ok) {
        failure = result.error;
        break;
      }
      started.push(result.value.name);
    }
    setBusy(false);
    if (failure === null) {
      onStarted(started);
      return;
    }
    const found = sortStartProblems(failure);
    if (started.length > 0)
      found.general.unshift(
        `Started ${started.map((n) => `“${n}”`).join(', ')}; the next batch did not start.`,
      );
    setProblems(found);
    const first = found.fields[0];
    if (first) requestAnimationFrame(() => document.getElementById(`${base}-opts-${first}`)?.focus());
  };

  const ready = readiness.missing.length === 0;
  const submitLabel = busy
    ? 'Starting…'
    : toStart.length > 1
      ? `Start ${toStart.length} jobs`
      : 'Start copying';

  return (
    <form
      className="card start-form"
      aria-labelledby={`${base}-title`}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <h3 id={`${base}-title`} ref={headingRef} tabIndex={-1} className="section-title">
        Start a job
      </h3>
      <p className="hint form-lead">
        Copies every folder of the project’s accounts from the old server to the new one, keeping dates and
        flags. Running it again copies only what is missing.
      </p>

      <NotStartedNotice problems={problems} />

      <dl className="fact-list">
        <dt>From the old server</dt>
        <dd>{profiles.source ? describeServer(profiles.source) : 'Not set yet'}</dd>
        <dt>To the new server</dt>
        <dd>{profiles.destination ? describeServer(profiles.destination) : 'Not set yet'}</dd>
        <dt>Accounts</dt>
        <dd>
          {accounts.length === 0
            ? 'None yet'
            : readiness.batches.length > 1
              ? `${plural(accounts.length, 'account')}, in ${readiness.batches.length} jobs of at most 500`
              : plural(accounts.length, 'account')}
        </dd>
      </dl>

      {!ready ? (
        <Notice tone="info">
          <p className="notice-title">Before a job can start:</p>
          <ul>
            {readiness.missing.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          <button type="button" className="button" onClick={() => navigate('setup')}>
            Open servers and accounts
          </button>
        </Notice>
      ) : null}

      {ready && readiness.batches.length > 1 ? (
        <fieldset className="form-section">
          <legend>Batches</legend>
          <p className="hint">
            A job takes at most 500 accounts, so the list is cut into batches. Each batch is its own job;
            untick one to start it later.
          </p>
          <ul className="batch-choices">
            {readiness.batches.map((batch, i) => (
              <li key={batch.first}>
                <label>
                  <input
                    type="checkbox"
                    checked={selected.has(i)}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.target.checked) next.add(i);
                      else next.delete(i);
                      setChosen(next);
                    }}
                  />{' '}
                  {describeAccountBatch(batch, i)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}

      {ready ? (
        <JobOptionFields
          id={`${base}-opts`}
          values={options}
          problems={problems.byField}
          onChange={(patch) => setOptions((v) => ({ ...v, ...patch }))}
        />
      ) : null}

      <div className="form-actions">
        {ready ? (
          <button
            type="submit"
            className="button button-primary button-large"
            aria-disabled={busy || toStart.length === 0 || undefined}
          >
            {submitLabel}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onPasteInstead}>
          Paste a list of users instead
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
