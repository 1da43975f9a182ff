import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { defaultDataDir } from '../../main/infrastructure/paths.ts';

// electron-builder cannot run here (it downloads Electron), so its own schema check stands in.
const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  asarUnpack: string[];
  mac: { target: string; icon: string };
  win: { target: string; icon: string };
  linux: { target: string[]; icon: string };
  electronFuses: Record<string, boolean>;
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema, which does reject a wrong option", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...config, mac: { icns: 'x' } }, new DebugLogger(false)),
    ).rejects.toThrow(/Invalid configuration/);
  });

  it('targets dmg, nsis, AppImage and deb with icons that exist', () => {
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    for (const icon of [config.mac.icon, config.win.icon, config.linux.icon])
      expect(existsSync(join(root, icon))).toBe(true);
  });

  it('unpacks native .node files from the asar and locks the Electron fuses', () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.electronFuses).toMatchObject({ runAsNode: false, onlyLoadAppFromAsar: true });
  });
});

describe("the app's data folder", () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    productName?: string;
  };

  it('is the one the CLI and the web host open: Electron names it after productName (else the package name)', () => {
    // app.getPath('userData') is the platform's app-data folder joined with app.getName(),
    // which is package.json's productName, falling back to its name ("cutover" on Linux would
    // be another folder than the CLI's).
    const electronName = pkg.productName ?? pkg.name;
    expect(electronName).toBe(config.productName);
    const home = '/home/ann';
    expect(defaultDataDir('linux', {}, home)).toBe(join(home, '.config', electronName));
    expect(defaultDataDir('darwin', {}, home)).toBe(
      join(home, 'Library', 'Application Support', electronName),
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, home)).toBe(
      join('C:\\Users\\ann\\AppData\\Roaming', electronName),
    );
  });
});
