import { useEffect, useState } from 'react';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import { selectProjectAccounts } from '../../setup/state/accounts-slice.ts';
import { selectProjectProfiles } from '../../setup/state/server-profiles-slice.ts';
import { projectReadiness } from '../logic/project-start.ts';
import { CONCURRENCY_PROBLEM, readConcurrency } from '../logic/start-request.ts';
import { sortStartProblems } from '../logic/start-problems.ts';
import type { JobSource } from './job-source.ts';
import { ProjectAccounts } from './ProjectAccounts.tsx';
import type { StartJobFormProps } from './StartJobForm.tsx';
import { StartJobForm } from './StartJobForm.tsx';

/**
 * The start form fed by what the project holds: its old and new server and its accounts, cut
 * into batches of at most 500. Passwords stay in main; this form never sees them.
 */
export function ProjectJobForm({ projectId, ...props }: StartJobFormProps & { projectId: number }) {
  const source = useProjectJobSource(projectId);
  return <StartJobForm {...props} source={source} />;
}

function useProjectJobSource(projectId: number): JobSource {
  const loadProfiles = useAppState((s) => s.loadProfiles);
  const loadAccounts = useAppState((s) => s.loadAccounts);
  const startProjectJob = useAppState((s) => s.startProjectJob);
  const profiles = useAppState((s) => selectProjectProfiles(s, projectId));
  const accounts = useAppState((s) => selectProjectAccounts(s, projectId));
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<number> | null>(null);

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
    return {
      placeholder: (
        <Notice tone="error">
          <p>The project’s servers and accounts could not be loaded. {loadError}</p>
        </Notice>
      ),
    };
  }
  if (!loaded || !profiles || !accounts) {
    return {
      placeholder: (
        <p className="muted" role="status">
          Loading the project’s servers and accounts…
        </p>
      ),
    };
  }

  const readiness = projectReadiness(profiles, accounts);
  const selected = chosen ?? new Set(readiness.batches.map((_, i) => i));
  const toStart = readiness.batches.filter((_, i) => selected.has(i));
  return {
    title: 'Start a job',
    lead: 'Copies every folder of the project’s accounts from the old server to the new one, keeping dates and flags. Running it again copies only what is missing.',
    switchLabel: 'Paste a list of users instead',
    ready: readiness.missing.length === 0,
    canStart: toStart.length > 0,
    jobCount: toStart.length,
    fields: () => (
      <ProjectAccounts
        profiles={profiles}
        accounts={accounts}
        readiness={readiness}
        selected={selected}
        onChoose={setChosen}
      />
    ),
    fieldElementId: () => null,
    plan(options) {
      const concurrency = readConcurrency(options.concurrency);
      if (concurrency === null)
        return {
          ok: false,
          problems: { byField: { concurrency: [CONCURRENCY_PROBLEM] }, general: [], fields: ['concurrency'] },
        };
      return {
        ok: true,
        starts: toStart.map(
          (batch) =>
            ({ show, name }) =>
              startProjectJob(
                {
                  projectId,
                  accountIds: batch.accountIds,
                  skip: options.skip,
                  translate: options.translate,
                  concurrency,
                  ...(name ? { name } : {}),
                },
                { show },
              ),
        ),
        partly(started, failure) {
          const problems = sortStartProblems(failure);
          problems.general.unshift(
            `Started ${started.map((n) => `“${n}”`).join(', ')}; the next batch did not start.`,
          );
          return { problems, notice: null };
        },
      };
    },
  };
}
