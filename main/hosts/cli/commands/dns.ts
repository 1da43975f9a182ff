import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CliExit, createOutput } from '../cli-context.ts';
import type { CliStreams } from '../cli-context.ts';
import { ExitCode } from '../exit-codes.ts';
import { globalOptions } from '../global-options.ts';
import { systemClock } from '../../../infrastructure/clock.ts';
import { checkDns, DEFAULT_DNS_TIMEOUT_MS } from '../../../engine/diagnostics/dns/check-dns.ts';
import { parseDnsServerAddress } from '../../../engine/diagnostics/dns/dns-server-address.ts';
import { defaultResolvers } from '../../../engine/diagnostics/dns/public-resolvers.ts';
import { formatDnsReport } from '../../../engine/diagnostics/report/dns-text.ts';
import { renderReportHtml } from '../../../engine/diagnostics/report/render-report-html.ts';

interface DnsOptions {
  expectMx?: string;
  expectSpfInclude?: string;
  resolver?: string[];
  authority?: string[];
  timeout?: string;
  html?: string;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

/** `cutover dns DOMAIN`: is the domain's DNS ready for the cutover, and has it propagated. */
export function registerDns(program: Command, streams: CliStreams): void {
  const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
  program
    .command('dns')
    .description('check MX, mail host names, SRV, SPF and DMARC with their TTLs, and propagation')
    .argument('<domain>', 'the mail domain, e.g. example.com')
    .option('--expect-mx <host>', "the destination's MX host: MX must point only there")
    .option('--expect-spf-include <host>', "the destination's SPF include, e.g. spf.provider.example")
    .option(
      '--resolver <ip[:port]>',
      "a resolver to compare, repeatable (default: this device's and Google, Cloudflare, Quad9)",
      collect,
    )
    .option('--authority <ip[:port]>', "ask this server instead of the domain's NS, repeatable", collect)
    .option('--timeout <ms>', 'time allowed per DNS question', String(DEFAULT_DNS_TIMEOUT_MS))
    .option('--html <file>', 'also write the result as a self-contained HTML report')
    .action(async (domain: string, options: DnsOptions, command: Command) => {
      const output = createOutput(streams, globalOptions(command).json === true);
      const parsed = usage(() => {
        if (!DOMAIN.test(domain.replace(/\.$/, '')))
          throw new Error(`"${domain}" is not a domain like example.com`);
        for (const host of [options.expectMx, options.expectSpfInclude]) {
          if (host !== undefined && !DOMAIN.test(host.replace(/\.$/, '')))
            throw new Error(`"${host}" is not a host name`);
        }
        const timeoutMs = Number(options.timeout);
        if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 60_000) {
          throw new Error('--timeout is a whole number of milliseconds from 100 to 60000');
        }
        return {
          timeoutMs,
          resolvers:
            options.resolver && options.resolver.length > 0
              ? options.resolver.map((text) => ({ label: 'resolver', address: parseDnsServerAddress(text) }))
              : defaultResolvers(),
          authorities: (options.authority ?? []).map(parseDnsServerAddress),
        };
      });
      const report = await checkDns(
        domain,
        {
          resolvers: parsed.resolvers,
          authorities: parsed.authorities.length > 0 ? parsed.authorities : undefined,
          expectMx: options.expectMx,
          expectSpfInclude: options.expectSpfInclude,
          timeoutMs: parsed.timeoutMs,
        },
        { clock: systemClock },
      );
      if (options.html) await writeFile(options.html, renderReportHtml(report));
      output.result(report, () => formatDnsReport(report));
      if (report.problemsFound) throw new CliExit(ExitCode.failed, `Not ready: ${report.headline}`);
    });
}

function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new CliExit(ExitCode.usage, (error as Error).message);
  }
}
