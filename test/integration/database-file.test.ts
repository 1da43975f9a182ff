import { afterAll, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import {
  existsSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../support/temp-dir.ts';
import { runCliProcess } from '../support/run-cli-process.ts';

// The database file as the CLI meets it: new, someone else's, damaged, or without its key.
const dir = makeTempDir('database-file');
afterAll(() => dir.remove());

const info = (db: string) => runCliProcess(['--db', db, '--json', 'info'], { CUTOVER_SECRET_KEY: '' });
const mode = (path: string) => statSync(path).mode & 0o777;

describe('the database file', () => {
  it('is created readable by its owner only, with its key file', async () => {
    const db = join(dir.path, 'new.db');
    const run = info(db);
    expect(await run.exited).toBe(0);
    expect(mode(db)).toBe(0o600);
    expect(mode(`${db}.key`)).toBe(0o600);
  });

  it.each([
    [
      'a text file',
      (path: string) => writeFileSync(path, 'Dear customer,\nthis is not a database.\n'),
      /is not a Cutover database \(it is not an SQLite file\)/,
    ],
    [
      "another program's SQLite database",
      (path: string) => {
        const other = new BetterSqlite3(path);
        other.exec(
          'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);',
        );
        other.close();
      },
      /is an SQLite database, but not Cutover's/,
    ],
  ])('refuses %s, leaves it as it was, and makes no key file beside it', async (_what, make, message) => {
    const path = join(dir.path, `${Math.random().toString(36).slice(2)}.db`);
    make(path);
    const before = readFileSync(path);
    const run = info(path);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(message);
    expect(run.stderr()).toContain('Choose another file (--db)');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.key`)).toBe(false);
  });

  it('is found damaged when it is opened, with a message that says what to do', async () => {
    const db = join(dir.path, 'damaged.db');
    expect(await info(db).exited).toBe(0);
    const raw = new BetterSqlite3(db);
    raw.exec('CREATE TABLE filler (text TEXT); ');
    const insert = raw.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(200)}`);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    // Garbage over pages in the middle of the file, as a failing disk or an interrupted copy leaves.
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(3 * 4096, 0xa5), 0, 3 * 4096, 20 * 4096);
    closeSync(fd);
    const run = info(db);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(/The database .*damaged\.db is damaged.*Restore it from a backup/);
  });

  it('without its key file says the key is missing, and makes no new one', async () => {
    const db = join(dir.path, 'keyless.db');
    expect(await info(db).exited).toBe(0);
    const raw = new BetterSqlite3(db);
    raw
      .prepare("INSERT INTO secrets (scheme, ciphertext, created_at) VALUES ('aes-256-gcm', x'00', 't')")
      .run();
    raw.close();
    rmSync(`${db}.key`);
    const run = info(db);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain(`The key file ${db}.key is missing.`);
    expect(run.stderr()).toContain('set CUTOVER_SECRET_KEY');
    expect(existsSync(`${db}.key`)).toBe(false);
  });
});
