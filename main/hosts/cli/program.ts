import { Command } from 'commander';
import type { CliStreams } from './cli-context.ts';
import { CUTOVER_VERSION } from '../../infrastructure/version.ts';
import { registerServe } from './commands/serve.ts';
import { registerProjects } from './commands/projects.ts';
import { registerInfo } from './commands/info.ts';
import { registerCheck } from './commands/check.ts';
import { registerDns } from './commands/dns.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerJobs } from './commands/jobs.ts';
import { registerSignIn } from './commands/sign-in.ts';

/** The options every command shares. */
/** The `cutover` command and its subcommands. */
export function buildProgram(streams: CliStreams): Command {
  const program = new Command('cutover')
    .description(
      "Move a small business's email from one provider to another, and diagnose certificate and DNS problems.",
    )
    .version(CUTOVER_VERSION, '-v, --version')
    .option('--db <file>', "the database file (default: the desktop app's own)")
    .option('--json', 'print JSON, one object per line')
    .showHelpAfterError('(run "cutover --help" for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
    });
  program.configureHelp({ sortSubcommands: false, showGlobalOptions: true });
  registerServe(program, streams);
  registerMigrate(program, streams);
  registerJobs(program, streams);
  registerSignIn(program, streams);
  registerProjects(program, streams);
  registerInfo(program, streams);
  registerCheck(program, streams);
  registerDns(program, streams);
  for (const command of program.commands) {
    command.exitOverride().configureOutput(program.configureOutput()).showHelpAfterError();
    for (const sub of command.commands)
      sub.exitOverride().configureOutput(program.configureOutput()).showHelpAfterError();
  }
  return program;
}
