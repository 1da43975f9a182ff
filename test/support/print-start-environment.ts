// Loaded with NODE_OPTIONS=--import into every process a test starts: one stderr line with the
// pid and the allocator variables of the environment the process was started with (as glibc
// read it), so a test sees each start, also one done by execve.
import { readFileSync, writeSync } from 'node:fs';
import { ALLOCATOR_TUNING, TUNED_MARKER } from '../../main/hosts/cli/allocator-tuning.ts';

const names = [...Object.keys(ALLOCATOR_TUNING), TUNED_MARKER];
const env = Object.fromEntries(
  readFileSync('/proc/self/environ', 'utf8')
    .split('\0')
    .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)])
    .filter(([name]) => names.includes(name!)),
);
writeSync(2, `start-env ${JSON.stringify({ pid: process.pid, env })}\n`);
