import { describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { migrate, schemaVersion } from '../../../main/infrastructure/store/migrate.ts';
import { createAliasRepository } from '../../../main/infrastructure/store/alias-repository.ts';
import { fixedClock } from '../../support/test-services.ts';

describe('migration 0005-aliases', () => {
  it('keeps the projects of version 4; aliases are unique per project whatever their case, and leave with it', () => {
    const db = new BetterSqlite3(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 4);
    db.prepare(
      `INSERT INTO projects (id, name, customer, domains, cutover_date, created_at, updated_at)
       VALUES (7, 'Acme', '', '["acme.test"]', NULL, 't', 't'), (8, 'Other', '', '[]', NULL, 't', 't')`,
    ).run();
    migrate(db, 5);
    expect(schemaVersion(db)).toBe(5);

    const aliases = createAliasRepository(db, fixedClock('2026-11-24T10:00:00.000Z'));
    expect(aliases.save(7, [{ address: 'sales@acme.test', targets: ['ann@acme.test'] }])).toEqual({
      added: 1,
      updated: 0,
    });
    expect(aliases.save(7, [{ address: 'SALES@acme.test', targets: ['bob@acme.test'] }])).toEqual({
      added: 0,
      updated: 1,
    });
    aliases.save(8, [{ address: 'sales@acme.test', targets: ['cat@acme.test'] }]);
    expect(aliases.list(7)).toEqual([
      { id: expect.any(Number), projectId: 7, address: 'sales@acme.test', targets: ['bob@acme.test'] },
    ]);
    expect(() => aliases.save(99, [{ address: 'x@acme.test', targets: ['y@acme.test'] }])).toThrow(
      'There is no project with id 99.',
    );

    db.prepare('DELETE FROM projects WHERE id = 7').run();
    expect(aliases.list(7)).toEqual([]);
    expect(aliases.list(8)).toHaveLength(1);
  });
});
