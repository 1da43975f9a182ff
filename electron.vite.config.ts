// electron-vite builds the three parts of the app: main (ESM), the sandboxed preload (one
// CommonJS file, as sandboxing requires) and the renderer (shared with the web host's build).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.ts';

const root = import.meta.dirname;
// Tests build into a folder of their own so they never race the e2e suite's out/renderer.
const out = process.env['CUTOVER_BUILD_OUT'] ?? resolve(root, 'out');

export default defineConfig({
  main: {
    build: {
      outDir: resolve(out, 'main'),
      rollupOptions: { input: { index: resolve(root, 'main/hosts/shell/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(out, 'preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: resolve(out, 'renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
