#!/usr/bin/env node
// Cutover's command line. The sources are TypeScript that Node 24 runs directly (type
// stripping), the same Node that Electron 45 carries, so there is no separate CLI build.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Cutover needs Node.js 24 or newer; this is ${process.version}. Install Node 24 (https://nodejs.org) and run the command again.`,
  );
  process.exit(2);
}
// V8's code cache of Cutover's modules and their type-stripped TypeScript, kept on disk
// (NODE_COMPILE_CACHE, else the temp directory's node-compile-cache): from the second command
// on, loading takes about half as long (bench/README.md).
const { enableCompileCache } = await import('node:module');
enableCompileCache();
const { runCli } = await import('../main/hosts/cli/run-cli.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
