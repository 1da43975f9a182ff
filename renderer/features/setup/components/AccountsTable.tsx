import type { Account } from '../../../../preload/contract.ts';

/** The project's accounts; passwords are write-only, so only whether one is stored shows. */
export function AccountsTable({
  accounts,
  onRemove,
}: {
  accounts: Account[];
  onRemove(account: Account): void;
}) {
  if (accounts.length === 0)
    return <p className="empty-state">No accounts yet. Paste them above, or pick a file.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Accounts of this project</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">On the new server</th>
            <th scope="col">Old password</th>
            <th scope="col">New password</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.username}</th>
              <td>{a.localUsername}</td>
              <td>
                <HasPassword has={a.hasSourcePassword} />
              </td>
              <td>
                <HasPassword has={a.hasDestinationPassword} />
              </td>
              <td className="actions">
                <button
                  type="button"
                  className="button button-small button-danger"
                  aria-label={`Remove ${a.username}`}
                  onClick={() => onRemove(a)}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HasPassword({ has }: { has: boolean }) {
  return has ? (
    <span className="has-mark">
      <span aria-hidden="true">✓ </span>Stored
    </span>
  ) : (
    <span className="has-mark muted">
      <span aria-hidden="true">— </span>None
    </span>
  );
}
