import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });

async function restrictedImports(
  filePath: string,
  code: string,
  rule = 'no-restricted-imports',
): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}

const layerProblems = (filePath: string, code: string) => restrictedImports(filePath, code, 'cutover/layers');

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
    expect(await restrictedImports('main/infrastructure/store/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('main/hosts/web-host/x.ts', code)).toHaveLength(1);
    expect(await restrictedImports('main/hosts/shell/x.ts', code)).toEqual([]);
    expect(await restrictedImports('preload/index.ts', code)).toEqual([]);
  });

  it('reject an import up the layers (hosts → features → engine → infrastructure → shared), and allow one down', async () => {
    expect(
      await layerProblems(
        'main/infrastructure/store/x.ts',
        "import { runJob } from '../../engine/migration/job-runner.ts';\nrunJob;\n",
      ),
    ).toEqual([
      'infrastructure code (main/infrastructure/store/x.ts) may not import engine code (main/engine/migration/job-runner.ts): the layers go hosts → features → engine → infrastructure → shared. Move what both need down a layer.',
    ]);
    expect(
      await layerProblems(
        'main/engine/migration/x.ts',
        "import type { Services } from '../../hosts/services.ts';\nexport type S = Services;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerProblems(
        'shared/x.ts',
        "import { openDatabase } from '../main/infrastructure/store/database.ts';\nopenDatabase;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerProblems(
        'main/features/playbook/x.ts',
        "import { runJob } from '../../engine/migration/job-runner.ts';\nrunJob;\n",
      ),
    ).toEqual([]);
    expect(
      await layerProblems(
        'main/hosts/cli/x.ts',
        "import { LAYERS } from '../../../shared/limits.ts';\nLAYERS;\n",
      ),
    ).toEqual([]);
  });
});
