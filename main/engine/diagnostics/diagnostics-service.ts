import type { CallArgs, DiagnosticSummary, StoredDiagnostic } from '../../../preload/contract.ts';
import type { Clock } from '../../infrastructure/clock.ts';
import type { DiagnosticRepository } from '../../infrastructure/store/diagnostic-repository.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import { checkServer, DEFAULT_CHECK_TIMEOUT_MS } from './tls/check-server.ts';
import type { CheckServerDeps } from './tls/check-server.ts';
import { DEFAULT_PORTS } from './tls/mail-ports.ts';
import { checkDns } from './dns/check-dns.ts';
import type { CheckDnsDeps } from './dns/check-dns.ts';
import { defaultResolvers } from './dns/public-resolvers.ts';
import type { NamedResolver } from './dns/public-resolvers.ts';
import { parseDnsServerAddress } from './dns/dns-server-address.ts';
import type { DnsServerAddress } from './dns/dns-server-address.ts';
import { renderReportHtml } from './report/render-report-html.ts';

export interface DiagnosticsServiceDeps {
  store: DiagnosticRepository;
  clock: Clock;
  /** The resolvers compared when the caller names none (tests pass loopback ones). */
  defaultResolvers?: () => NamedResolver[];
  /** Extra trusted roots for checks (tests); the app uses Node's roots and NODE_EXTRA_CA_CERTS. */
  ca?: string[];
  serverDeps?: Partial<CheckServerDeps>;
  dnsDeps?: Partial<CheckDnsDeps>;
  /** The port name servers found through NS records are asked on (53; tests use their own). */
  authorityPort?: number;
  /** Where authoritative questions go when the caller names none (split horizon, tests). */
  defaultAuthorities?: DnsServerAddress[];
  timeoutMs?: number;
}

/** Runs the certificate and DNS checks for the app, and keeps every result with its time. */
export interface DiagnosticsService {
  checkServer(args: CallArgs<'diagnostics.checkServer'>): Promise<StoredDiagnostic>;
  checkDns(args: CallArgs<'diagnostics.checkDns'>): Promise<StoredDiagnostic>;
  history(args: {
    projectId?: number | undefined;
    kind?: 'certificate' | 'dns' | undefined;
    target?: string | undefined;
    limit: number;
  }): DiagnosticSummary[];
  get(id: number): StoredDiagnostic;
  exportHtml(id: number): { fileName: string; html: string };
}

export function createDiagnosticsService(deps: DiagnosticsServiceDeps): DiagnosticsService {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const address = (text: string, what: string) => {
    try {
      return parseDnsServerAddress(text);
    } catch (error) {
      throw new ServiceError('invalid-arguments', `${what}: ${(error as Error).message}`, what);
    }
  };
  const store = (
    projectId: number | null | undefined,
    target: string,
    report: { kind: 'certificate' | 'dns'; checkedAt: string; verdict: string },
  ) =>
    deps.store.get(
      deps.store.save({
        projectId: projectId ?? null,
        kind: report.kind,
        target: target.toLowerCase(),
        checkedAt: report.checkedAt,
        verdict: report.verdict,
        report,
      }),
    );

  return {
    async checkServer(args) {
      const report = await checkServer(
        args.target,
        {
          ports: { ...DEFAULT_PORTS, ...args.ports },
          resolver: args.resolver ? address(args.resolver, 'resolver') : 'system',
          timeoutMs,
          ...(deps.ca ? { ca: deps.ca } : {}),
          pinnedFingerprints: args.pinnedFingerprints ?? [],
        },
        { clock: deps.clock, ...deps.serverDeps },
      );
      return store(args.projectId, args.target, report);
    },
    async checkDns(args) {
      const resolvers =
        args.resolvers && args.resolvers.length > 0
          ? args.resolvers.map((text) => ({ label: text, address: address(text, 'resolvers') }))
          : (deps.defaultResolvers ?? defaultResolvers)();
      const report = await checkDns(
        args.domain,
        {
          resolvers,
          authorities:
            args.authorities && args.authorities.length > 0
              ? args.authorities.map((t) => address(t, 'authorities'))
              : deps.defaultAuthorities,
          ...(args.expectMx ? { expectMx: args.expectMx } : {}),
          ...(args.expectSpfInclude ? { expectSpfInclude: args.expectSpfInclude } : {}),
          ...(deps.authorityPort ? { authorityPort: deps.authorityPort } : {}),
          timeoutMs,
        },
        { clock: deps.clock, ...deps.dnsDeps },
      );
      return store(args.projectId, args.domain, report);
    },
    history: (args) => deps.store.history(args),
    get: (id) => deps.store.get(id),
    exportHtml(id) {
      const stored = deps.store.get(id);
      const stamp = stored.checkedAt.slice(0, 16).replace(/[:T]/g, '-');
      return {
        fileName: `cutover-${stored.kind}-${stored.target.replace(/[^\w.-]+/g, '_')}-${stamp}.html`,
        html: renderReportHtml(stored.report as Parameters<typeof renderReportHtml>[0]),
      };
    },
  };
}
