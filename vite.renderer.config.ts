// Builds the renderer (renderer/ → out/renderer). The web host serves the output, and the
// Electron window loads it from file://, so asset paths are relative.
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';

/**
 * A build is always a production bundle, even when the builder inherits NODE_ENV=test (vitest,
 * or the CLI started by a test): otherwise Vite emits jsxDEV calls that production React lacks.
 * Only for builds, so electron-vite's dev server keeps React's development checks.
 */
const productionBundle: Plugin = {
  name: 'cutover:production-bundle',
  apply: 'build',
  config: () => ({
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { development: false } },
  }),
};

/** Shared by `vite build --config`, electron-vite, the CLI's first-run build and the e2e setup. */
export const rendererConfig: UserConfig = {
  root: fileURLToPath(new URL('./renderer/', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./out/renderer/', import.meta.url)),
    emptyOutDir: true,
    // The CSP allows no inline script or style, and data: only for images.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  // Vite 8 compiles TSX with oxc; the automatic runtime matches tsconfig.web.json's react-jsx.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [productionBundle],
};

export default rendererConfig;
