import { useAppState } from '../../../app/store-context.ts';

/** The Prepare phase's way to the project's dates, domains, servers and accounts. */
export function SetupLink() {
  const navigate = useAppState((s) => s.navigate);
  return (
    <div className="card task-link">
      <div>
        <p className="eyebrow">Start here</p>
        <h3 className="section-title">Servers and accounts</h3>
        <p>The cutover date, the domains, the old and new servers, and the mailboxes that move.</p>
      </div>
      <button type="button" className="button button-primary" onClick={() => navigate('setup')}>
        Open servers and accounts
      </button>
    </div>
  );
}
