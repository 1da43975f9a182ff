import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { CliStreams } from '../cli-context.ts';
import { withServices } from '../with-services.ts';
import { readInputFile } from '../read-input-file.ts';
import { runJobCommand } from '../run-job-command.ts';
import { parsePortsOption } from '../../../engine/diagnostics/tls/mail-ports.ts';
import type { ProtocolPorts } from '../../../../shared/job-spec.ts';
import { DEFAULT_PORTS } from '../../../../shared/job-spec.ts';
import { call, CliExit } from '../cli-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { CONCURRENCY, MAX_ACCOUNTS_PER_JOB } from '../../../../shared/limits.ts';
import { GMAIL_DAILY_UPLOAD_BYTES, PRESET_IMAP, presetNamed } from '../../../../shared/provider-presets.ts';
import type { ProviderPreset } from '../../../../shared/provider-presets.ts';
import { readSignIn } from '../sign-in-file.ts';

/** A host as typed, or a provider's IMAP server for its name (`google`, `microsoft-365`). */
function serverNamed(name: string): { host: string; preset: ProviderPreset | null } {
  const preset = presetNamed(name);
  return preset ? { host: PRESET_IMAP[preset].host, preset } : { host: name, preset: null };
}

interface MigrateOptions {
  source: string;
  protocol: 'imap' | 'imaps' | 'pop3' | 'pop3s' | 'auto';
  ports?: ProtocolPorts;
  dest: string;
  destProtocol: 'imap' | 'imaps';
  destPort?: number;
  users: string;
  delimiter?: string;
  skip?: string;
  translate?: string;
  name?: string;
  concurrency: number;
  trust?: string;
  destTrust?: string;
  allowPlaintext?: boolean;
  destAdmin?: string;
  sourceAuth?: string;
  destAuth?: string;
  destDailyLimit?: number;
}

function wholeNumber(min: number, max: number, what: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${what} is a whole number from ${min} to ${max}`);
    return n;
  };
}

function sourcePorts(value: string): ProtocolPorts {
  try {
    const plan = parsePortsOption(value, { ...DEFAULT_PORTS, submission: 0, submissions: 0 });
    return { imap: plan.imap, imaps: plan.imaps, pop3: plan.pop3, pop3s: plan.pop3s };
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** `cutover migrate`: creates a job from the command line and runs it. */
export function registerMigrate(program: Command, streams: CliStreams): void {
  program
    .command('migrate')
    .description(
      `copy mailboxes from the old server to the new one (a job: at most ${MAX_ACCOUNTS_PER_JOB} accounts)`,
    )
    .requiredOption('--source <host>', 'the old server (or google, microsoft-365: their IMAP server)')
    .addOption(
      new Option('--protocol <protocol>', 'how to read the old server')
        .choices(['imap', 'imaps', 'pop3', 'pop3s', 'auto'])
        .makeOptionMandatory(),
    )
    .option(
      '--ports <list>',
      'ports on the old server, e.g. imap=143,imaps=993,pop3=110,pop3s=995 (0 disables one)',
      sourcePorts,
    )
    .requiredOption('--dest <host>', 'the new server (or google, microsoft-365: their IMAP server)')
    .addOption(
      new Option('--dest-protocol <protocol>', 'how to write to the new server')
        .choices(['imap', 'imaps'])
        .default('imaps'),
    )
    .option(
      '--dest-port <n>',
      'port on the new server (default 993 for imaps, 143 for imap)',
      wholeNumber(1, 65535, 'a port'),
    )
    .requiredOption(
      '--users <file>',
      'one account a line: username,password[,local_username[,local_password]]',
    )
    .option('--delimiter <c>', 'the character between fields in the users file (default: detected)')
    .option(
      '--skip <file>',
      'folders to leave out, one a line (Folder/* for a folder and everything under it)',
    )
    .option(
      '--translate <file>',
      'folders to rename: source,destination one pair a line (":" when names contain commas)',
    )
    .option('--name <name>', 'a unique name for the job (default: the next number)')
    .option(
      '--concurrency <n>',
      'accounts copied at once',
      wholeNumber(CONCURRENCY.min, CONCURRENCY.max, 'concurrency'),
      CONCURRENCY.default,
    )
    .option('--trust <sha256>', "trust the old server's certificate with this SHA-256 fingerprint")
    .option('--dest-trust <sha256>', "trust the new server's certificate with this SHA-256 fingerprint")
    .option(
      '--allow-plaintext',
      'allow the plain ports without STARTTLS/STLS (passwords may cross unencrypted)',
    )
    .option(
      '--dest-admin <user>',
      'log in to the new server as this admin on behalf of each user (password from CUTOVER_DEST_ADMIN_PASSWORD)',
    )
    .option(
      '--source-auth <file>',
      'sign in to the old server with OAuth2 as this JSON file (or env:NAME, a variable holding it) says; see the README',
    )
    .option('--dest-auth <file>', 'the same for the new server')
    .option(
      '--dest-daily-limit <MB>',
      'megabytes the new server takes into one mailbox a day (default for Google: 500)',
      wholeNumber(1, 1_000_000, 'the daily limit'),
    )
    .action(async (options: MigrateOptions, command: Command) => {
      const source = serverNamed(options.source);
      const dest = serverNamed(options.dest);
      const sourceSignIn = options.sourceAuth ? readSignIn(options.sourceAuth, '--source-auth') : null;
      const destSignIn = options.destAuth ? readSignIn(options.destAuth, '--dest-auth') : null;
      const dailyMegabytes = options.destDailyLimit ?? null;
      const dailyUploadBytes =
        dailyMegabytes !== null
          ? dailyMegabytes * 1024 * 1024
          : dest.preset === 'google'
            ? GMAIL_DAILY_UPLOAD_BYTES
            : null;
      const request = {
        users: readInputFile(options.users, 'users'),
        skip: options.skip ? readInputFile(options.skip, 'skip') : '',
        translate: options.translate ? readInputFile(options.translate, 'translate') : '',
      };
      const code = await withServices(command, streams, (services, output) =>
        runJobCommand(services, output, async () => {
          const job = await call(services, 'jobs.start', {
            ...request,
            ...(options.name !== undefined ? { name: options.name } : {}),
            ...(options.delimiter !== undefined ? { delimiter: options.delimiter } : {}),
            source: {
              host: source.host,
              protocol: options.protocol,
              ...(options.ports ? { ports: options.ports } : {}),
              allowPlaintext: options.allowPlaintext === true,
              trustedFingerprint: options.trust ?? null,
              ...(sourceSignIn ? { signIn: sourceSignIn } : {}),
            },
            destination: {
              host: dest.host,
              protocol: options.destProtocol,
              ...(options.destPort !== undefined ? { port: options.destPort } : {}),
              allowPlaintext: options.allowPlaintext === true,
              trustedFingerprint: options.destTrust ?? null,
              adminUser: options.destAdmin ?? null,
              adminPassword: options.destAdmin ? (process.env['CUTOVER_DEST_ADMIN_PASSWORD'] ?? null) : null,
              dailyUploadBytes,
              ...(destSignIn ? { signIn: destSignIn } : {}),
            },
            concurrency: options.concurrency,
          });
          output.info(`Job ${job.name}: ${job.accounts.queued} accounts.`);
          return job;
        }),
      );
      if (code !== ExitCode.ok) throw new CliExit(code, '');
    });
}
