import type { Account, ServerProfiles } from '../../../../preload/contract.ts';
import { useAppState } from '../../../app/store-context.ts';
import { Notice } from '../../../ui/Notice.tsx';
import type { ProjectReadiness } from '../logic/project-start.ts';
import { describeAccountBatch, describeServer } from '../logic/project-start.ts';
import { plural } from '../logic/progress-words.ts';

interface ProjectAccountsProps {
  profiles: ServerProfiles;
  accounts: readonly Account[];
  readiness: ProjectReadiness;
  selected: ReadonlySet<number>;
  onChoose(selected: ReadonlySet<number>): void;
}

/** The project's servers and accounts as facts, what is still missing, and the batches to start. */
export function ProjectAccounts({ profiles, accounts, readiness, selected, onChoose }: ProjectAccountsProps) {
  const navigate = useAppState((s) => s.navigate);
  const ready = readiness.missing.length === 0;
  return (
    <>
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
                      onChoose(next);
                    }}
                  />{' '}
                  {describeAccountBatch(batch, i)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
    </>
  );
}
