import { useId, useState } from 'react';
import type { FormEvent, Ref } from 'react';
import type { ApiError } from '../../../../preload/contract.ts';
import type { StartFormValues } from '../logic/start-request.ts';
import { buildStartRequest } from '../logic/start-request.ts';
import type { StartField, StartProblems } from '../logic/start-problems.ts';
import { sortStartProblems } from '../logic/start-problems.ts';
import { sourceProtocol } from '../../servers/logic/server-options.ts';
import { withoutLines } from '../logic/user-batches.ts';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { SourceServerFields } from '../../servers/components/SourceServerFields.tsx';
import { DestinationServerFields } from '../../servers/components/DestinationServerFields.tsx';
import { UsersField, useAccountCount } from './UsersField.tsx';
import { JobOptionFields } from './JobOptionFields.tsx';
import { NotStartedNotice } from './NotStartedNotice.tsx';

const INITIAL: StartFormValues = {
  name: '',
  source: {
    host: '',
    protocol: 'imaps',
    ports: { imap: '143', imaps: '993', pop3: '110', pop3s: '995' },
    allowPlaintext: false,
    trust: '',
  },
  destination: {
    host: '',
    protocol: 'imaps',
    port: '993',
    allowPlaintext: false,
    trust: '',
    adminUser: '',
    adminPassword: '',
  },
  users: '',
  delimiter: '',
  skip: '',
  translate: '',
  concurrency: '4',
};

const NO_PROBLEMS: StartProblems = { byField: {}, general: [], fields: [] };

interface StartJobFormProps {
  projectId: number;
  /** Called with the names of the jobs started (several when the list was split into batches). */
  onStarted(names: string[]): void;
  /** Shown as a way back when the project already has jobs. */
  onCancel?: () => void;
  /** Goes back to starting from the project's own servers and accounts. */
  onProjectInstead?: () => void;
  /** The form's heading, for the page to move focus to when it shows the form. */
  headingRef?: Ref<HTMLHeadingElement>;
}

/** Starts a migration job for the project: both servers, the accounts, and the optional lists. */
export function StartJobForm({
  projectId,
  onStarted,
  onCancel,
  onProjectInstead,
  headingRef,
}: StartJobFormProps) {
  const startJob = useAppState((s) => s.startJob);
  const base = useId();
  const ids = {
    source: `${base}-src`,
    destination: `${base}-dst`,
    users: `${base}-users`,
    options: `${base}-opts`,
  };
  const [values, setValues] = useState<StartFormValues>(INITIAL);
  const [problems, setProblems] = useState<StartProblems>(NO_PROBLEMS);
  const [partlyStarted, setPartlyStarted] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { batches } = useAccountCount(values.users);

  const fieldElementId = (field: StartField): string => {
    switch (field) {
      case 'sourceHost':
        return `${ids.source}-host`;
      case 'sourcePorts':
        return `${ids.source}-port-${sourceProtocol(values.source.protocol).ports[0]}`;
      case 'sourceTrust':
        return `${ids.source}-trust`;
      case 'destinationHost':
        return `${ids.destination}-host`;
      case 'destinationPort':
        return `${ids.destination}-port`;
      case 'destinationTrust':
        return `${ids.destination}-trust`;
      case 'admin':
        return `${ids.destination}-admin-user`;
      case 'users':
        return ids.users;
      default:
        return `${ids.options}-${field}`;
    }
  };

  const showProblems = (found: StartProblems) => {
    setProblems(found);
    const first = found.fields[0];
    // After React has opened any disclosure the field is in.
    if (first) requestAnimationFrame(() => document.getElementById(fieldElementId(first))?.focus());
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const request = buildStartRequest(projectId, values);
    if (!request.ok) {
      showProblems(request.problems);
      return;
    }
    setBusy(true);
    setPartlyStarted(null);
    const parts = batches ?? [{ users: values.users, lineNumbers: [] as number[] }];
    const name = request.args.name;
    const started: string[] = [];
    const startedLines = new Set<number>();
    let failure: ApiError | null = null;
    for (const [index, part] of parts.entries()) {
      const args = { ...request.args, users: part.users };
      if (name && parts.length > 1) args.name = `${name}-${index + 1}`;
      const result = await startJob(args, { show: index === 0 });
      if (!result.ok) {
        failure = result.error;
        break;
      }
      started.push(result.value.name);
      for (const line of part.lineNumbers) startedLines.add(line);
    }
    setBusy(false);

    if (failure === null) {
      // Passwords are write-only: once main has them, they leave the form.
      setValues((v) => ({ ...v, users: '', destination: { ...v.destination, adminPassword: '' } }));
      setProblems(NO_PROBLEMS);
      onStarted(started);
      return;
    }
    if (started.length === 0) {
      showProblems(sortStartProblems(failure));
      return;
    }
    // Some batches started: keep only the accounts that did not, and renumber their problems.
    const rest = withoutLines(values.users, startedLines);
    setValues((v) => ({ ...v, users: rest.text }));
    setPartlyStarted(
      `Started ${started.length === 1 ? 'job' : 'jobs'} ${started.map((n) => `“${n}”`).join(', ')}. The accounts of the batches that did not start are still in the list.`,
    );
    showProblems(sortStartProblems(failure, rest.moved));
  };

  const submitLabel = busy ? 'Starting…' : batches ? `Start ${batches.length} jobs` : 'Start copying';

  return (
    <form
      className="card start-form"
      aria-labelledby={`${base}-title`}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <h3 id={`${base}-title`} ref={headingRef} tabIndex={-1} className="section-title">
        Start a job from a list of users
      </h3>
      <p className="hint form-lead">
        A job copies every folder of each account from the old server to the new one, keeping dates and flags.
        Running it again copies only what is missing.
      </p>
      <NotStartedNotice problems={problems} />
      {partlyStarted ? (
        <Notice tone="info">
          <p>{partlyStarted}</p>
        </Notice>
      ) : null}

      <div className="server-columns">
        <SourceServerFields
          id={ids.source}
          values={values.source}
          problems={problems.byField}
          onChange={(patch) => setValues((v) => ({ ...v, source: { ...v.source, ...patch } }))}
        />
        <DestinationServerFields
          id={ids.destination}
          values={values.destination}
          problems={problems.byField}
          onChange={(patch) => setValues((v) => ({ ...v, destination: { ...v.destination, ...patch } }))}
        />
      </div>
      <UsersField
        id={ids.users}
        value={values.users}
        delimiter={values.delimiter}
        problems={problems.byField.users}
        onChange={(users) => setValues((v) => ({ ...v, users }))}
        onDelimiterChange={(delimiter) => setValues((v) => ({ ...v, delimiter }))}
      />
      <JobOptionFields
        id={ids.options}
        values={values}
        problems={problems.byField}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
      />

      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary button-large"
          aria-disabled={busy || undefined}
        >
          {submitLabel}
        </button>
        {onProjectInstead ? (
          <button type="button" className="button" onClick={onProjectInstead}>
            Use the project’s accounts
          </button>
        ) : null}
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Back to the jobs
          </button>
        ) : null}
      </div>
    </form>
  );
}
