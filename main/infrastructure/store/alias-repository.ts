import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock.ts';
import { ServiceError } from '../../../shared/service-error.ts';

export interface AliasRow {
  id: number;
  projectId: number;
  address: string;
  targets: string[];
}

/** A project's aliases. Addresses compare without regard to case. */
export interface AliasRepository {
  list(projectId: number): AliasRow[];
  /** Adds new aliases and replaces the targets of known ones, all or nothing. */
  save(
    projectId: number,
    aliases: ReadonlyArray<{ address: string; targets: string[] }>,
  ): {
    added: number;
    updated: number;
  };
  remove(id: number): AliasRow;
}

export function createAliasRepository(db: Database, clock: Clock): AliasRepository {
  type Row = { id: number; project_id: number; address: string; targets: string };
  const byProject = db.prepare<[number], Row>('SELECT * FROM aliases WHERE project_id = ? ORDER BY address');
  const one = db.prepare<[number], Row>('SELECT * FROM aliases WHERE id = ?');
  const find = db.prepare<[number, string], Row>(
    'SELECT * FROM aliases WHERE project_id = ? AND address = ?',
  );
  const projectExists = db.prepare<[number], { id: number }>('SELECT id FROM projects WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO aliases (project_id, address, targets, created_at) VALUES (?, ?, ?, ?)',
  );
  const update = db.prepare('UPDATE aliases SET targets = ? WHERE id = ?');
  const removeRow = db.prepare('DELETE FROM aliases WHERE id = ?');
  const toAlias = (r: Row): AliasRow => ({
    id: r.id,
    projectId: r.project_id,
    address: r.address,
    targets: JSON.parse(r.targets) as string[],
  });

  return {
    list: (projectId) => byProject.all(projectId).map(toAlias),
    save(projectId, aliases) {
      if (!projectExists.get(projectId))
        throw new ServiceError('not-found', `There is no project with id ${projectId}.`);
      let added = 0;
      let updated = 0;
      db.transaction(() => {
        for (const alias of aliases) {
          const known = find.get(projectId, alias.address);
          if (known) {
            update.run(JSON.stringify(alias.targets), known.id);
            updated++;
          } else {
            insert.run(projectId, alias.address, JSON.stringify(alias.targets), clock.now().toISOString());
            added++;
          }
        }
      })();
      return { added, updated };
    },
    remove(id) {
      const found = one.get(id);
      if (!found) throw new ServiceError('not-found', `There is no alias with id ${id}.`);
      removeRow.run(id);
      return toAlias(found);
    },
  };
}
