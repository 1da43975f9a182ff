import { useCallback, useEffect, useState } from 'react';
import type { Alias, AliasInventory } from '../../../../preload/contract.ts';
import { plural } from '../../migration/logic/progress-words.ts';
import { useAppState } from '../../../app/store-context.ts';
import { PasteField } from '../../../ui/PasteField.tsx';
import { usePastedImport } from './use-pasted-import.ts';
import { ImportButton, ImportMessage } from './PastedImportParts.tsx';

/**
 * The aliases and domains that move with the mailboxes, as one list to work through: each
 * domain with its mailboxes and aliases, each alias with where it delivers and what to check.
 */
export function AliasesSection({ projectId, projectVersion }: { projectId: number; projectVersion: string }) {
  const loadAliases = useAppState((s) => s.loadAliases);
  const importAliases = useAppState((s) => s.importAliases);
  const removeAlias = useAppState((s) => s.removeAlias);
  const [inventory, setInventory] = useState<AliasInventory | null>(null);
  const id = 'aliases-import';
  const paste = usePastedImport({
    fieldId: id,
    importText: (text) => importAliases({ projectId, text }),
    describe: ({ added, updated }) => `Aliases imported: ${added} added, ${updated} updated.`,
    after: (): Promise<void> => load(),
  });
  const { setMessage } = paste;

  const load = useCallback(async () => {
    const result = await loadAliases(projectId);
    if (result.ok) setInventory(result.value);
    else setMessage({ tone: 'error', text: `The aliases could not be loaded. ${result.error.message}` });
    // projectVersion: the project's domains or accounts changed, so the notes may have too.
  }, [loadAliases, projectId, projectVersion, setMessage]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (alias: Alias) => {
    const result = await removeAlias(alias.id);
    if (!result.ok) {
      setMessage({ tone: 'error', text: `${alias.address} was not removed. ${result.error.message}` });
      return;
    }
    setInventory(result.value);
    setMessage({ tone: 'success', text: `Removed ${alias.address}.` });
  };

  return (
    <section className="card" aria-labelledby="aliases-title">
      <h3 id="aliases-title" className="section-title">
        Domains and aliases
      </h3>
      <p className="hint">
        Aliases are addresses without a mailbox of their own, such as <code>sales@</code> delivering to two
        people. They are not copied with the mail: list them here to create them again on the new service.
      </p>
      <ImportMessage message={paste.message} />

      {inventory && inventory.domains.length > 0 ? (
        <ul className="domain-inventory" aria-label="Domains">
          {inventory.domains.map((d) => (
            <li key={d.domain}>
              <strong>{d.domain}</strong>: {plural(d.mailboxes, 'mailbox', 'mailboxes')},{' '}
              {plural(d.aliases, 'alias', 'aliases')}
              {d.inProject ? null : (
                <span className="inventory-note">
                  {' '}
                  <span aria-hidden="true">⚠</span> not one of the project’s mail domains; add it above if it
                  moves too.
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      <PasteField
        id={id}
        label="Paste the aliases"
        rows={4}
        hint={
          <>
            One per line: the alias, then where it delivers, e.g.{' '}
            <code>sales@example.com,ann@example.com,bob@example.com</code>. A Postfix virtual table or an
            aliases file (<code>sales: ann, bob</code>) works too.
          </>
        }
        value={paste.text}
        onChange={paste.setText}
        errors={paste.lineErrors}
      />
      <ImportButton label="Import aliases" busy={paste.busy} onImport={() => void paste.run()} />

      <h4 className="subsection-title accounts-list-title">Aliases in this project</h4>
      {inventory === null ? (
        <p className="muted">Loading aliases…</p>
      ) : inventory.aliases.length === 0 ? (
        <p className="muted">No aliases yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Aliases of this project</caption>
            <thead>
              <tr>
                <th scope="col">Alias</th>
                <th scope="col">Delivers to</th>
                <th scope="col">To check</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {inventory.aliases.map((alias) => (
                <tr key={alias.id}>
                  <td className="mono">{alias.address}</td>
                  <td className="mono">{alias.targets.join(', ')}</td>
                  <td>
                    {alias.notes.length === 0 ? (
                      <span>
                        <span aria-hidden="true">✓</span> Delivers to mailboxes of this project
                      </span>
                    ) : (
                      <ul className="inventory-notes">
                        {alias.notes.map((note) => (
                          <li key={note}>
                            <span aria-hidden="true">⚠</span> {note}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`Remove ${alias.address}`}
                      onClick={() => void remove(alias)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
