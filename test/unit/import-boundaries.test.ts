import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('architecture boundaries (ESLint)', () => {
  it('keep electron and Node built-ins out of the renderer, and the contract to types only', async () => {
    expect(
      await restrictedImports('renderer/x.ts', "import { ipcRenderer } from 'electron';\nipcRenderer;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports('renderer/x.ts', "import { readFileSync } from 'node:fs';\nreadFileSync;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports('renderer/x.ts', "import { readFileSync } from 'fs';\nreadFileSync;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'renderer/x.ts',
        "import { callSchemas } from '../preload/contract.ts';\ncallSchemas;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'renderer/x.ts',
        "import type { Project } from '../preload/contract.ts';\nexport type P = Project;\n",
      ),
    ).toEqual([]);
  });

  it('keep electron out of the services, but allow it in the shell and preload', async () => {
    const code = "import { app } from 'electron';\napp;\n";
    expect(await restrictedImports('main/store/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('main/web-host/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('main/shell/x.ts', code)).toEqual([]);
    expect(await restrictedImports('preload/index.ts', code)).toEqual([]);
  });
});
