// DNS readiness for a cutover: the records with their authoritative TTLs, the playbook's
// checks, and propagation across the authoritative servers and the resolvers given.
import type { Clock } from '../../../infrastructure/clock.ts';
import { queryDns } from './dns-client.ts';
import type { DnsQuery } from './dns-client.ts';
import { DNS_PORT, formatDnsServerAddress } from './dns-server-address.ts';
import type { DnsServerAddress } from './dns-server-address.ts';
import { normalizeHostName } from './dns-records.ts';
import type { DnsReport, PlaybookCheck, PropagationRow } from '../../../../shared/reports/dns-report.ts';
import { findAuthorities } from './find-authorities.ts';
import type { Authority } from './find-authorities.ts';
import { gatherMailRecords } from './mail-records.ts';
import { presetForMailExchangers } from '../../../../shared/provider-presets.ts';
import { playbookChecks } from './playbook-checks.ts';
import type { Expectations } from './playbook-checks.ts';
import { comparePropagation } from './propagation.ts';
import type { PropagationQuestion } from './propagation.ts';
import type { NamedResolver } from './public-resolvers.ts';

/** What to ask and whom. Resolvers are required: callers choose defaults (public-resolvers.ts). */
export interface CheckDnsOptions extends Expectations {
  /** Compared for propagation; the first also finds the NS and answers out-of-zone names. */
  resolvers: NamedResolver[];
  /** Where the authoritative questions go; default: the domain's NS servers. */
  authorities?: DnsServerAddress[] | undefined;
  /** The port NS-found servers are asked on (53; tests use their own). */
  authorityPort?: number | undefined;
  timeoutMs: number;
}

/** What the check needs from outside; tests may replace the query function. */
export interface CheckDnsDeps {
  clock: Clock;
  query?: DnsQuery;
}

/** Default time per DNS question. */
export const DEFAULT_DNS_TIMEOUT_MS = 3_000;

/** Checks a mail domain's DNS. Never throws for network trouble; the report says what failed. */
export async function checkDns(
  domain: string,
  options: CheckDnsOptions,
  deps: CheckDnsDeps,
): Promise<DnsReport> {
  const name = normalizeHostName(domain);
  const query = deps.query ?? queryDns;
  const checkedAt = deps.clock.now().toISOString();
  const firstResolver = options.resolvers[0]?.address ?? null;
  const found = await locateAuthorities(name, options, firstResolver, query);
  const records = await gatherMailRecords(name, {
    authorities: found.authorities,
    resolver: firstResolver,
    timeoutMs: options.timeoutMs,
    query,
  });
  const checks = playbookChecks(records, options);
  const questions: PropagationQuestion[] = [{ name, type: 'MX', expectHost: options.expectMx }];
  if (records.mailHosts.some((host) => host.host === `mail.${name}` && host.a.rcode === 'NOERROR')) {
    questions.push({ name: `mail.${name}`, type: 'A' });
  }
  const propagation = await comparePropagation({
    questions,
    authorities: found.authorities,
    resolvers: options.resolvers,
    timeoutMs: options.timeoutMs,
    query,
  });
  const { verdict, headline } = judge(name, checks, propagation, found.error);
  return {
    kind: 'dns',
    domain: name,
    checkedAt,
    authorities: found.authorities.map((authority) => authority.server),
    authoritySource: options.authorities?.length ? 'given' : 'ns',
    authorityError: found.error,
    ...records,
    mailProvider: presetForMailExchangers(
      records.mx.records.flatMap((record) => (record.type === 'MX' ? [record.value.exchange] : [])),
    ),
    checks,
    propagation,
    verdict,
    headline,
    problemsFound: verdict !== 'ready',
  };
}

async function locateAuthorities(
  domain: string,
  options: CheckDnsOptions,
  resolver: DnsServerAddress | null,
  query: DnsQuery,
): Promise<{ authorities: Authority[]; error: string | null }> {
  if (options.authorities?.length) {
    return {
      authorities: options.authorities.map((address) => ({
        address,
        server: {
          label: `given authority (${formatDnsServerAddress(address)})`,
          address: formatDnsServerAddress(address),
          role: 'authoritative',
        },
      })),
      error: null,
    };
  }
  if (!resolver) return { authorities: [], error: 'no resolver to find the name servers with' };
  return findAuthorities({
    domain,
    resolver,
    port: options.authorityPort ?? DNS_PORT,
    timeoutMs: options.timeoutMs,
    query,
  });
}

function judge(
  domain: string,
  checks: PlaybookCheck[],
  propagation: PropagationRow[],
  authorityError: string | null,
): Pick<DnsReport, 'verdict' | 'headline'> {
  if (authorityError)
    return {
      verdict: 'not-ready',
      headline: `The authoritative servers of ${domain} could not be asked: ${authorityError}.`,
    };
  const failed = checks.filter((check) => check.status === 'fail');
  if (failed.length > 0) {
    return {
      verdict: 'not-ready',
      headline: `${failed.length} check${failed.length > 1 ? 's' : ''} failed: ${failed.map((check) => `${check.label} (${check.detail})`).join('; ')}.`,
    };
  }
  // A server that did not answer is not lagging; it is named apart.
  const lagging = propagation.flatMap((row) =>
    row.answers
      .filter((answer) => !answer.agrees && answer.error === null)
      .map((answer) => ({ row, answer })),
  );
  const silent = [
    ...new Set(
      propagation.flatMap((row) =>
        row.answers.filter((answer) => answer.error !== null).map((answer) => answer.server.label),
      ),
    ),
  ];
  const note = silent.length > 0 ? ` No answer from ${silent.join(', ')}.` : '';
  const authorityLagging = lagging.filter(({ answer }) => answer.server.role === 'authoritative');
  if (authorityLagging.length > 0) {
    return {
      verdict: 'not-ready',
      headline: `The authoritative servers disagree: ${authorityLagging.map(({ row, answer }) => `${answer.server.label} on ${row.question}`).join('; ')}.`,
    };
  }
  if (lagging.length > 0) {
    const servers = [...new Set(lagging.map(({ answer }) => answer.server.label))];
    return {
      verdict: 'propagating',
      headline: `Not everywhere yet: ${servers.join(', ')} still give${servers.length === 1 ? 's' : ''} another answer; wait for the old TTL to pass.${note}`,
    };
  }
  return {
    verdict: 'ready',
    headline: `The DNS of ${domain} is ready: every check passed and every server that answered agrees.${note}`,
  };
}
