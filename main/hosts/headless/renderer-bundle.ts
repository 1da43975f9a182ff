import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is main/headless/renderer-bundle.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_OUT_DIR = join(REPO_ROOT, 'out', 'renderer');

/**
 * Builds the renderer when its bundle is missing or older than its sources, so `cutover serve`
 * on a fresh clone shows the current interface without a separate build step.
 */
export async function ensureRendererBuilt(say: (message: string) => void): Promise<string> {
  const index = join(RENDERER_OUT_DIR, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(
    newestMtime(join(REPO_ROOT, 'renderer')),
    newestMtime(join(REPO_ROOT, 'preload')),
  );
  if (builtAt > sourcesAt) return RENDERER_OUT_DIR;
  if (!existsSync(join(REPO_ROOT, 'vite.renderer.config.ts'))) {
    throw new Error(`The interface is not built and its sources are missing (${index}). Reinstall Cutover.`);
  }
  say('Building the interface (first start only, a few seconds)…');
  const { build } = await import('vite');
  const { rendererConfig } = await import('../../../vite.renderer.config.ts');
  await build({ ...rendererConfig, logLevel: 'warn' });
  return RENDERER_OUT_DIR;
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
