import { useState } from 'react';
import { useAppState } from '../../../app/store-context.ts';
import { destinationProtocol, portTexts, sourceProtocol } from '../../servers/logic/server-options.ts';
import { serverFieldId } from '../../servers/components/ServerFields.tsx';
import type { JobOptions, StartFormValues } from '../logic/start-request.ts';
import { buildStartRequest } from '../logic/start-request.ts';
import type { StartField } from '../logic/start-problems.ts';
import { sortStartProblems } from '../logic/start-problems.ts';
import { withoutLines } from '../logic/user-batches.ts';
import type { ReadySource } from './job-source.ts';
import type { StartJobFormProps } from './StartJobForm.tsx';
import { StartJobForm } from './StartJobForm.tsx';
import { PastedAccounts } from './PastedAccounts.tsx';
import { useAccountCount } from './UsersField.tsx';

/** What the pasted-list form holds besides the options every job takes. */
export type PastedValues = Omit<StartFormValues, keyof JobOptions>;

const INITIAL: PastedValues = {
  source: { host: '', protocol: 'imaps', ports: portTexts(), allowPlaintext: false, trust: '' },
  destination: {
    host: '',
    protocol: 'imaps',
    ports: portTexts(),
    allowPlaintext: false,
    trust: '',
    adminUser: '',
    adminPassword: '',
  },
  users: '',
  delimiter: '',
};

/** The start form fed by a pasted list of users, with both servers typed in. */
export function PastedJobForm({ projectId, ...props }: StartJobFormProps & { projectId: number }) {
  const source = usePastedJobSource(projectId);
  return <StartJobForm {...props} source={source} />;
}

function usePastedJobSource(projectId: number): ReadySource {
  const startJob = useAppState((s) => s.startJob);
  const [values, setValues] = useState<PastedValues>(INITIAL);
  const { batches } = useAccountCount(values.users);

  const fieldElementId = (base: string, field: StartField): string | null => {
    const source = `${base}-src`;
    const destination = `${base}-dst`;
    switch (field) {
      case 'sourceHost':
        return serverFieldId(source, 'host');
      case 'sourcePorts':
        return serverFieldId(source, sourceProtocol(values.source.protocol).ports[0]!);
      case 'sourceTrust':
        return serverFieldId(source, 'trust');
      case 'destinationHost':
        return serverFieldId(destination, 'host');
      case 'destinationPort':
        return serverFieldId(destination, destinationProtocol(values.destination.protocol).port);
      case 'destinationTrust':
        return serverFieldId(destination, 'trust');
      case 'admin':
        return `${destination}-admin-user`;
      case 'users':
        return `${base}-users`;
      default:
        return null;
    }
  };

  return {
    title: 'Start a job from a list of users',
    lead: 'A job copies every folder of each account from the old server to the new one, keeping dates and flags. Running it again copies only what is missing.',
    switchLabel: 'Use the project’s accounts',
    ready: true,
    canStart: true,
    jobCount: batches?.length ?? 1,
    fields: (base, problems) => (
      <PastedAccounts
        base={base}
        values={values}
        problems={problems.byField}
        onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
      />
    ),
    fieldElementId,
    plan(options) {
      const request = buildStartRequest(projectId, { ...values, ...options });
      if (!request.ok) return request;
      const parts = batches ?? [{ users: values.users, lineNumbers: [] as number[] }];
      return {
        ok: true,
        starts: parts.map(
          (part) =>
            ({ show, name }) =>
              startJob({ ...request.args, users: part.users, ...(name ? { name } : {}) }, { show }),
        ),
        // Passwords are write-only: once main has them, they leave the form.
        done: () =>
          setValues((v) => ({ ...v, users: '', destination: { ...v.destination, adminPassword: '' } })),
        partly(started, failure) {
          // Keep only the accounts of the batches that did not start, and renumber their problems.
          const startedLines = new Set(parts.slice(0, started.length).flatMap((part) => part.lineNumbers));
          const rest = withoutLines(values.users, startedLines);
          setValues((v) => ({ ...v, users: rest.text }));
          return {
            problems: sortStartProblems(failure, rest.moved),
            notice: `Started ${started.length === 1 ? 'job' : 'jobs'} ${started.map((n) => `“${n}”`).join(', ')}. The accounts of the batches that did not start are still in the list.`,
          };
        },
      };
    },
  };
}
