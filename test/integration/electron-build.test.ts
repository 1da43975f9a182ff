import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '../..');

describe('electron-vite build', () => {
  it('writes the main bundle package.json starts, and a CommonJS preload a sandboxed window can load', () => {
    const out = makeTempDir('electron-build');
    execFileSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, CUTOVER_BUILD_OUT: out.path },
    });
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/index.js');
    const main = readFileSync(join(out.path, 'main/index.js'), 'utf8');
    expect(main).toMatch(/from "electron"/);
    expect(main).toContain('sandbox: true');
    expect(main).toContain('contextIsolation: true');
    expect(main).toContain('nodeIntegration: false');
    const preload = readFileSync(join(out.path, 'preload/index.cjs'), 'utf8');
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).not.toMatch(/require\("(?!electron")/); // a sandboxed preload may require only electron
    expect(preload).toContain('exposeInMainWorld("cutover"');
    const html = readFileSync(join(out.path, 'renderer/index.html'), 'utf8');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    out.remove();
  });
});
