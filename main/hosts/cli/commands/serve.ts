import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { CliStreams } from '../cli-context.ts';
import { globalOptions } from '../global-options.ts';
import { openHeadlessServices, resolveDatabasePath } from '../../headless/open-headless-services.ts';
import { ensureRendererBuilt } from '../../headless/renderer-bundle.ts';
import { startWebHost } from '../../web-host/web-host.ts';
import { parseDnsServerAddress } from '../../../engine/diagnostics/dns/dns-server-address.ts';
import type { DnsServerAddress } from '../../../engine/diagnostics/dns/dns-server-address.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 picks a free one)');
  }
  return port;
}

function collectAddress(value: string, previous: DnsServerAddress[] = []): DnsServerAddress[] {
  try {
    return [...previous, parseDnsServerAddress(value)];
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** `cutover serve`: the app in a browser, for machines where the desktop window cannot start. */
export function registerServe(program: Command, streams: CliStreams): void {
  program
    .command('serve')
    .description('serve the app to a browser on this computer (127.0.0.1 only)')
    .option('--port <n>', 'port to listen on; 0 picks a free one', parsePort, 4780)
    .option(
      '--resolver <ip[:port]>',
      "DNS resolver the app's checks compare (repeatable; default: this device's and public ones)",
      collectAddress,
    )
    .option(
      '--authority <ip[:port]>',
      "ask this DNS server instead of each domain's NS (repeatable; split horizon)",
      collectAddress,
    )
    .action(
      async (
        options: { port: number; resolver?: DnsServerAddress[]; authority?: DnsServerAddress[] },
        command: Command,
      ) => {
        const say = (line: string) => streams.stdout.write(`${line}\n`);
        const staticDir = await ensureRendererBuilt(say);
        const services = openHeadlessServices(resolveDatabasePath(globalOptions(command).db), {
          ...(options.resolver
            ? {
                defaultResolvers: () =>
                  // Shown as "given resolver (127.0.0.1:5353)": the address is added to the label.
                  (options.resolver ?? []).map((address) => ({ label: 'given resolver', address })),
              }
            : {}),
          ...(options.authority ? { defaultAuthorities: options.authority } : {}),
        });
        let host;
        try {
          host = await startWebHost({ services, staticDir, port: options.port });
        } catch (error) {
          services.close();
          if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            throw new Error(
              `Port ${options.port} is in use. Pick another with --port, or --port 0 for any free port.`,
              {
                cause: error,
              },
            );
          }
          throw error;
        }
        say(`Cutover is running. Open this address in your browser (it includes a key; keep it private):`);
        say(`  ${host.url}`);
        say(`Database: ${services.info.databasePath}`);
        say('Press Ctrl+C to stop.');
        const running = host;
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            void running
              .close()
              .then(() => services.shutdown())
              .then(resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
      },
    );
}
