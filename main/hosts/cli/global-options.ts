import type { Command } from 'commander';

/** The options every command takes. */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

/** Reads the global options from any (sub)command. */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}
