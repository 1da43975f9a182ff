import { setFlagsFromString } from 'node:v8';

/**
 * Keeps V8's young generation at the size it has when the first job starts. A migration
 * allocates at a high rate (every response parsed, every body), and with the default sizing on
 * a machine with plenty of RAM V8 grows the young generation to 128 MB, which then stays
 * resident: a third of the process's memory for no measurable gain in speed (bench/README.md).
 * The flag is read each time V8 considers growing the young generation, so setting it now takes
 * effect. It applies to the whole process, so only the CLI's job commands (a process that does
 * nothing else) call it; the desktop app and web host keep V8's defaults.
 */
export function holdYoungGeneration(): void {
  if (held) return;
  held = true;
  setFlagsFromString('--semi-space-growth-factor=1');
}

let held = false;
