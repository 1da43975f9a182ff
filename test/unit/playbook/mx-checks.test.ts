import { describe, expect, it } from 'vitest';
import { mxPointsAtDestination } from '../../../main/features/playbook/checks/mx-checks.ts';
import type { CheckContext } from '../../../main/features/playbook/checks/check-context.ts';
import { mxPointsAt } from '../../../main/engine/diagnostics/dns/playbook-checks.ts';
import type { DnsReport, RecordSet } from '../../../shared/reports/dns-report.ts';
import type { Project, ServerProfile } from '../../../preload/contract.ts';

// "Point MX at the new service" without a network: the DNS report is made up, so each way the
// MX can be wrong is named in words an office admin can act on.
const project = { id: 1, domains: ['example.com'] } as Project;
const destination = { role: 'destination', host: 'MX.New.example' } as ServerProfile;

function mxSet(hosts: string[], error: string | null = null): RecordSet {
  return {
    name: 'example.com',
    type: 'MX',
    server: '192.0.2.1:53',
    fromResolver: false,
    rcode: error ? null : 'NOERROR',
    records: hosts.map((host, index) => ({
      name: 'example.com',
      type: 'MX',
      ttl: 300,
      value: { preference: 10 * (index + 1), exchange: host },
    })),
    ttl: hosts.length > 0 ? 300 : null,
    error,
  } as RecordSet;
}

async function point(mx: RecordSet): Promise<string> {
  const report = {
    kind: 'dns',
    domain: 'example.com',
    authorityError: null,
    mx,
    checks: [mxPointsAt(mx, 'mx.new.example')],
    propagation: [],
  } as unknown as DnsReport;
  const context = {
    project,
    stored: new Map(),
    profiles: { get: () => destination },
    diagnostics: { checkDns: async () => ({ id: 7, report }) },
  } as unknown as CheckContext;
  const outcome = await mxPointsAtDestination(context);
  return `${outcome.outcome}: ${outcome.summary}`;
}

describe('the "Point MX" check in plain words', () => {
  it('passes when the new server is the only MX', async () => {
    expect(await point(mxSet(['mx.new.example']))).toBe('pass: example.com: MX points at mx.new.example.');
  });

  it('says where mail still goes, and where to change it', async () => {
    expect(await point(mxSet(['mx.old.example']))).toBe(
      'fail: example.com: the MX record still sends mail to mx.old.example, not to mx.new.example. Change it at your DNS provider, then check again.',
    );
  });

  it('names the old record to remove when both are listed', async () => {
    expect(await point(mxSet(['mx.new.example', 'mx.old.example']))).toBe(
      'fail: example.com: the MX records point at mx.new.example and still at mx.old.example. Remove that one at your DNS provider, then check again.',
    );
  });

  it('asks for an MX record when there is none, and says why one could not be read', async () => {
    expect(await point(mxSet([]))).toBe(
      'fail: example.com: the domain has no MX record yet. Add one pointing at mx.new.example at your DNS provider, then check again.',
    );
    expect(await point(mxSet([], 'no DNS server answered (timed out)'))).toBe(
      'fail: example.com: the MX record could not be read: no DNS server answered (timed out). Check again in a few minutes.',
    );
  });
});
