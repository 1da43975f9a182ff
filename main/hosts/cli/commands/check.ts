import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliExit, createOutput } from '../cli-context.ts';
import type { CliStreams } from '../cli-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { globalOptions } from '../global-options.ts';
import { systemClock } from '../../../infrastructure/clock.ts';
import { parseDnsServerAddress } from '../../../engine/diagnostics/dns/dns-server-address.ts';
import {
  checkServer,
  DEFAULT_CHECK_TIMEOUT_MS,
  parseTarget,
} from '../../../engine/diagnostics/tls/check-server.ts';
import { DEFAULT_PORTS, parsePortsOption } from '../../../engine/diagnostics/tls/mail-ports.ts';
import { formatCertificateReport } from '../../../engine/diagnostics/report/certificate-text.ts';
import { renderReportHtml } from '../../../engine/diagnostics/report/render-report-html.ts';

interface CheckOptions {
  ports?: string;
  resolver?: string;
  ca?: string;
  timeout?: string;
  html?: string;
}

/** `cutover check HOST|EMAIL`: why a mail client warns about the certificate, and the fix. */
export function registerCheck(program: Command, streams: CliStreams): void {
  program
    .command('check')
    .description(
      "check a mail server's certificates and TLS on every mail port, and say how to fix a warning",
    )
    .argument('<host-or-email>', 'a server name (mail.example.com) or an e-mail address')
    .option(
      '--ports <list>',
      `ports to probe, service=port, 0 skips one (default: ${Object.entries(DEFAULT_PORTS)
        .map(([service, port]) => `${service}=${port}`)
        .join(',')})`,
    )
    .option('--resolver <ip[:port]>', "the DNS server for finding the servers (default: this device's)")
    .option('--ca <file>', 'also trust the CA certificates in this PEM file (for tests and private CAs)')
    .option('--timeout <ms>', 'time allowed per connection', String(DEFAULT_CHECK_TIMEOUT_MS))
    .option('--html <file>', 'also write the result as a self-contained HTML report')
    .action(async (target: string, options: CheckOptions, command: Command) => {
      const output = createOutput(streams, globalOptions(command).json === true);
      const parsed = usage(() => ({
        target: parseTarget(target),
        ports: options.ports ? parsePortsOption(options.ports) : { ...DEFAULT_PORTS },
        resolver: options.resolver ? parseDnsServerAddress(options.resolver) : ('system' as const),
        timeoutMs: parseTimeout(options.timeout),
      }));
      const ca = options.ca ? [await readCa(options.ca)] : undefined;
      const report = await checkServer(
        target,
        {
          ports: parsed.ports,
          resolver: parsed.resolver,
          timeoutMs: parsed.timeoutMs,
          ...(ca ? { ca } : {}),
        },
        { clock: systemClock },
      );
      if (options.html) await writeFile(options.html, renderReportHtml(report));
      output.result(report, () => formatCertificateReport(report));
      if (report.problemsFound) throw new CliExit(ExitCode.failed, `Problem found: ${report.headline}`);
    });
}

function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new CliExit(ExitCode.usage, (error as Error).message);
  }
}

function parseTimeout(text: string | undefined): number {
  const value = Number(text ?? DEFAULT_CHECK_TIMEOUT_MS);
  if (!Number.isInteger(value) || value < 100 || value > 120_000) {
    throw new Error('--timeout is a whole number of milliseconds from 100 to 120000');
  }
  return value;
}

async function readCa(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliExit(ExitCode.usage, `--ca: cannot read ${path} (${error.code ?? error.message})`);
  });
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new CliExit(ExitCode.usage, `--ca: ${path} holds no PEM certificate`);
  }
  return text;
}
