import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for one test file; `remove()` in afterAll/afterEach. */
export function makeTempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `cutover-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
