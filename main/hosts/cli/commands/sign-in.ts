import { Option, type Command } from 'commander';
import type { CliStreams } from '../cli-context.ts';
import { CliExit } from '../cli-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { withServices } from '../with-services.ts';
import { quoteJobName } from '../job-output.ts';
import { hasDesktop, tryOpenBrowser } from '../open-browser.ts';
import { signInSide } from '../../../engine/migration/account-sign-in.ts';
import type { ServerSide } from '../../../engine/migration/migration-error.ts';
import { BrowserSignInError } from '../../../infrastructure/oauth2/loopback-sign-in.ts';

interface SignInOptions {
  side?: ServerSide;
  browser: boolean;
}

const serverWords = (side: ServerSide) => (side === 'source' ? 'old server' : 'new server');

/**
 * `cutover sign-in JOB ACCOUNT`: one user signs in in the browser, for a job whose users each
 * sign in (OAuth2); the address is always printed, since the browser may be elsewhere.
 */
export function registerSignIn(program: Command, streams: CliStreams): void {
  program
    .command('sign-in')
    .description(
      'sign one account in in the browser, for a job whose users each sign in (OAuth2); Cutover keeps the sign-in, encrypted',
    )
    .argument('<job>', 'the job')
    .argument('<account>', 'the account, as the job lists it')
    .addOption(
      new Option(
        '--side <side>',
        'the old server (source) or the new one (destination); needed when both sign in each user',
      ).choices(['source', 'destination']),
    )
    .option('--no-browser', 'only print the address to open; do not try to open a browser')
    .action(async (name: string, account: string, options: SignInOptions, command: Command) => {
      await withServices(command, streams, async (services, output) => {
        const side = signInSide(
          services.jobs.byName(name),
          options.side,
          'add --side source (the old server) or --side destination (the new one)',
        );
        const controller = new AbortController();
        const giveUp = () => controller.abort();
        process.once('SIGINT', giveUp);
        try {
          await services.jobManager.signInAccount(name, account, side, {
            signal: controller.signal,
            open: (url) => {
              output.result({ type: 'sign-in-url', job: name, account, side, url }, () =>
                openWords(account, side, url),
              );
              if (options.browser && hasDesktop()) tryOpenBrowser(url);
            },
          });
        } catch (error) {
          if (error instanceof BrowserSignInError) throw new CliExit(ExitCode.failed, error.message);
          throw error;
        } finally {
          process.off('SIGINT', giveUp);
        }
        output.result(
          { type: 'signed-in', job: name, account, side },
          () =>
            `${account} is signed in to the ${serverWords(side)}. Copy its mail with: cutover retry ${quoteJobName(name)}`,
        );
      });
    });
}

function openWords(account: string, side: ServerSide, url: string): string {
  const port = new URL(new URL(url).searchParams.get('redirect_uri') ?? 'http://127.0.0.1').port;
  const lines = [
    `To sign in ${account} to the ${serverWords(side)}, open this address in a browser on this computer:`,
    '',
    `  ${url}`,
    '',
  ];
  if (!hasDesktop())
    lines.push(
      `No browser here? Open it on your own computer after forwarding the port it comes back to: ssh -L ${port}:127.0.0.1:${port} <this server>`,
    );
  lines.push('Waiting for the sign-in to finish… (Ctrl+C gives up)');
  return lines.join('\n');
}
