import type { Command } from 'commander';
import type { CliStreams } from '../cli-context.ts';
import { call } from '../cli-context.ts';
import { withServices } from '../with-services.ts';

/** `cutover info`: which database and key the headless hosts use. */
export function registerInfo(program: Command, streams: CliStreams): void {
  program
    .command('info')
    .description('show the version, the database in use and how passwords are protected')
    .action(async (_options: unknown, command: Command) => {
      await withServices(command, streams, async (services, output) => {
        const info = await call(services, 'app.info', {});
        output.result(info, () =>
          [
            `Cutover ${info.version}`,
            `Database: ${info.databasePath}`,
            `Passwords: ${info.secretStorage}`,
          ].join('\n'),
        );
      });
    });
}
