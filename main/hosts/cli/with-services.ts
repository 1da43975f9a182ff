import type { Command } from 'commander';
import type { Services } from '../services.ts';
import { openHeadlessServices, resolveDatabasePath } from '../headless/open-headless-services.ts';
import { createOutput } from './cli-context.ts';
import type { CliOutput, CliStreams } from './cli-context.ts';
import { globalOptions } from './global-options.ts';

/** Opens the services for one command and closes them however it ends. */
export async function withServices<T>(
  command: Command,
  streams: CliStreams,
  run: (services: Services, output: CliOutput) => Promise<T>,
): Promise<T> {
  const options = globalOptions(command);
  const services = openHeadlessServices(resolveDatabasePath(options.db));
  try {
    return await run(services, createOutput(streams, options.json === true));
  } finally {
    services.close();
  }
}
