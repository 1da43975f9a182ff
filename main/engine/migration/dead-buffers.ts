import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const CHECK_EVERY_MS = 500;
/** Dead Buffers allowed beyond what was alive after the last collection. */
const SLACK_BYTES = 32 * 1024 * 1024;

/**
 * Frees dead message Buffers while a job runs: a full collection whenever the memory held by
 * Buffers (outside V8's heap) has grown by SLACK_BYTES since the last one. Bodies outlive a young
 * generation held small (holdYoungGeneration), and V8 starts a full collection by its own heap's
 * growth, hardly by theirs: over a 64-account job 50 MB of dead bodies piled up and the peak grew
 * with the number of accounts (bench/README.md, "Scale"). A collection of the ~30 MB heap takes
 * a few milliseconds, and runs a few times a job. Like holdYoungGeneration it changes the whole
 * process (gc is exposed), so only the CLI's job commands call it. Returns a stop function.
 */
export function freeDeadBuffers(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let floor = process.memoryUsage().arrayBuffers;
  const timer = setInterval(() => {
    if (process.memoryUsage().arrayBuffers < floor + SLACK_BYTES) return;
    gc();
    floor = process.memoryUsage().arrayBuffers;
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
