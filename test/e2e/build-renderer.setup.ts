// Builds the renderer before the e2e tests, so they always test the current sources rather
// than whatever bundle happens to be in out/renderer.
import { build } from 'vite';
import { rendererConfig } from '../../vite.renderer.config.ts';

export default async function buildRenderer(): Promise<void> {
  await build({ ...rendererConfig, configFile: false, logLevel: 'warn' });
}
