/**
 * glibc malloc settings for a process that copies mail. Left to itself glibc raises its mmap
 * threshold to the size of the first large block freed (a 20 MB message), after which every
 * 100 KB–2 MB body comes from the main heap and fragments it: RSS climbed to ~280 MB on the
 * loopback benchmark with the V8 heap and live Buffers flat (bench/README.md, "Memory").
 * glibc reads these only when the process starts, hence the re-exec below.
 */
export const ALLOCATOR_TUNING: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '65536',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

/** Set in the re-executed process: which variables of ALLOCATOR_TUNING we added (also the loop guard). */
export const TUNED_MARKER = 'CUTOVER_ALLOCATOR_TUNED';

/**
 * The environment to restart with: ours for each variable the user has not set, or null when
 * there is nothing to do (not glibc's Linux, already restarted, the user tunes malloc with
 * GLIBC_TUNABLES, or every variable already set).
 */
export function tunedEnvironment(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): NodeJS.ProcessEnv | null {
  if (platform !== 'linux' || env[TUNED_MARKER] !== undefined) return null;
  if (env['GLIBC_TUNABLES']?.includes('glibc.malloc.')) return null;
  const added = Object.keys(ALLOCATOR_TUNING).filter((name) => env[name] === undefined);
  if (added.length === 0) return null;
  const tuning = Object.fromEntries(added.map((name) => [name, ALLOCATOR_TUNING[name]]));
  return { ...env, ...tuning, [TUNED_MARKER]: added.join(',') };
}

/**
 * Replaces this process, once, by the same command with the tuned environment: execve keeps
 * the pid, stdio and stdin, so exit codes and signals are the caller's as before. Returns when
 * there is nothing to do (or execve is unavailable: Windows); then, in the restarted process,
 * takes our variables out of process.env again so that what Cutover spawns (a browser) gets
 * the user's environment.
 */
export function restartWithTunedAllocator(): void {
  const env = tunedEnvironment(process.env);
  if (env !== null && typeof process.execve === 'function') {
    try {
      process.execve(
        process.execPath,
        [process.execPath, ...process.execArgv, ...process.argv.slice(1)],
        env,
      );
    } catch {
      return; // not fatal: the process runs with glibc's defaults
    }
  }
  const added = process.env[TUNED_MARKER];
  if (added === undefined) return;
  for (const name of added.split(',')) if (name in ALLOCATOR_TUNING) delete process.env[name];
  delete process.env[TUNED_MARKER];
}
