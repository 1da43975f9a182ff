import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import BetterSqlite3 from 'better-sqlite3';

const root = join(import.meta.dirname, '../..');

describe('one runtime for dev, tests and app', () => {
  it('runs on Node 24, the Node inside Electron 45', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=24');
  });

  it('loads better-sqlite3 from its Node-API prebuild, with no source build to switch', () => {
    const require = createRequire(import.meta.url);
    const packageDir = join(require.resolve('better-sqlite3/package.json'), '..');
    expect(existsSync(join(packageDir, 'build', 'Release'))).toBe(false);
    expect(existsSync(join(packageDir, 'prebuilds', `${process.platform}-${process.arch}.node`))).toBe(true);
    const db = new BetterSqlite3(':memory:');
    expect(db.prepare('SELECT sqlite_version() AS v').get()).toEqual({
      v: expect.stringMatching(/^3\.\d+\.\d+$/),
    });
    db.close();
  });
});
