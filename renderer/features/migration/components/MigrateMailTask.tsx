import { useAppState } from '../../../app/store-context.ts';

/** The cutover day's "Migrate mail" task: what it is, and the way to the migration screen. */
export function MigrateMailTask() {
  const navigate = useAppState((s) => s.navigate);
  return (
    <div className="card task-link">
      <div>
        <p className="eyebrow">Required task</p>
        <h3 className="section-title">Migrate mail</h3>
        <p>
          Copy every mailbox to the new server in batches of at most 500 accounts, then re-run any that
          failed; nothing is copied twice.
        </p>
      </div>
      <button type="button" className="button button-primary" onClick={() => navigate('migration')}>
        Open the migration screen
      </button>
    </div>
  );
}
