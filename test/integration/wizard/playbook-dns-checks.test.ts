// The playbook's DNS checks through the typed API against real Knot DNS servers, one project
// walked through a cutover: the old records, the lowered TTL, the switched MX while one
// resolver still has the old answer, and the end when every server agrees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startDnsServer } from '../../harness/dns-server.ts';
import type { TestDnsServer } from '../../harness/dns-server.ts';
import { createTestServices, fixedClock } from '../../support/test-services.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import type { Services } from '../../../main/hosts/services.ts';
import type { PlaybookTask, Result, TaskCheckDetails } from '../../../preload/contract.ts';

const NS = ['@ 86400 IN NS ns1.customer.test.', 'ns1 86400 IN A 127.0.0.1'];
const OLD = [...NS, '@ 86400 IN MX 10 mx1.old.test.', 'mail 7200 IN CNAME mail.old.test.'];
const LOWERED = [...NS, '@ 1800 IN MX 10 mx1.old.test.', 'mail 300 IN CNAME mail.old.test.'];
const NEW = [
  ...NS,
  '@ 300 IN MX 10 mx.dest.test.',
  'mail 300 IN CNAME mx.dest.test.',
  '_imaps._tcp 3600 IN SRV 0 1 993 mx.dest.test.',
  '_submission._tcp 3600 IN SRV 5 10 587 mx.dest.test.',
  '_submissions._tcp 3600 IN SRV 0 1 465 smtp.elsewhere.test.',
];

const dir = makeTempDir('playbook-dns');
const database = join(dir.path, 'cutover.db');
const clock = fixedClock('2026-02-01T09:00:00.000Z');
let old: TestDnsServer;
let lowered: TestDnsServer;
let fresh: TestDnsServer;
let services: Services | undefined;
let projectId: number;

beforeAll(async () => {
  [old, lowered, fresh] = await Promise.all([
    startDnsServer({ zones: [{ origin: 'customer.test', records: OLD }] }),
    startDnsServer({ zones: [{ origin: 'customer.test', records: LOWERED }] }),
    startDnsServer({ zones: [{ origin: 'customer.test', records: NEW }] }),
  ]);
  projectId = open(old).projects.create({
    name: 'Customer',
    customer: 'Customer Ltd',
    domains: ['customer.test'],
    cutoverDate: '2026-03-02',
  }).id;
});

afterAll(async () => {
  services?.close();
  await Promise.allSettled([old?.stop(), lowered?.stop(), fresh?.stop()]);
  dir.remove();
});

/** The app as it is at one moment of the cutover: these DNS servers answer, the same database. */
function open(
  authority: TestDnsServer,
  resolvers: Array<[string, TestDnsServer]> = [['resolver', authority]],
) {
  services?.close();
  services = createTestServices(database, {
    clock,
    diagnostics: {
      timeoutMs: 2_000,
      authorityPort: authority.port,
      defaultResolvers: () =>
        resolvers.map(([label, server]) => ({ label, address: { host: '127.0.0.1', port: server.port } })),
    },
  });
  return services;
}

async function run(key: string): Promise<PlaybookTask> {
  const result = (await services!.dispatch('playbook.runCheck', { projectId, key })) as Result<PlaybookTask>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The details of one kind (a kind may share its shape with another). */
type DetailsOf<K, D = TaskCheckDetails> = D extends { kind: infer DK } ? (K extends DK ? D : never) : never;

function details<K extends TaskCheckDetails['kind']>(task: PlaybookTask, kind: K): DetailsOf<K> {
  const found = task.lastCheck?.details;
  if (found?.kind !== kind) throw new Error(`expected ${kind} details, got ${found?.kind}`);
  return found as DetailsOf<K>;
}

describe('the playbook DNS checks', () => {
  it('records the old TTLs, and says the MX TTL is too long to cut over', async () => {
    open(old);
    const recorded = await run('record-ttls');
    expect(recorded).toMatchObject({ status: 'complete', lastCheck: { outcome: 'pass' } });
    expect(details(recorded, 'dns-ttl-record').domains).toEqual([
      {
        domain: 'customer.test',
        mxHosts: ['mx1.old.test'],
        mxTtl: 86400,
        recordedMxTtl: 86400,
        mailHosts: [{ host: 'mail.customer.test', ttl: 7200 }],
        error: null,
      },
    ]);
    expect(recorded.lastCheck?.summary).toBe(
      'customer.test: MX TTL 86400 s (mx1.old.test); mail.customer.test 7200 s.',
    );
    const [id] = recorded.lastCheck!.diagnosticIds;
    expect(await services!.dispatch('diagnostics.get', { id: id! })).toMatchObject({
      ok: true,
      value: { projectId, kind: 'dns', target: 'customer.test' },
    });

    const lower = await run('lower-mx-ttl');
    expect(lower).toMatchObject({ status: 'not-started', lastCheck: { outcome: 'fail' } });
    expect(lower.lastCheck?.summary).toBe(
      'TTL of the MX records of customer.test is 86400 s: lower it to 300 s at least two weeks before cutover.',
    );
  });

  it('needs the new server before it can tell where MX should point', async () => {
    expect(await services!.dispatch('playbook.runCheck', { projectId, key: 'point-mx' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', field: 'destination' },
    });
    expect(
      await services!.dispatch('profiles.save', {
        projectId,
        role: 'destination',
        host: 'MX.dest.test',
        protocol: 'imaps',
      }),
    ).toMatchObject({ ok: true });
    const point = await run('point-mx');
    expect(point.lastCheck).toMatchObject({
      outcome: 'fail',
      summary:
        'customer.test: the MX record still sends mail to mx1.old.test, not to mx.dest.test. Change it at your DNS provider, then check again.',
    });
    expect(point.status).toBe('not-started');
  });

  it('completes "lower" at 1800 s with the advice of 300 s, and remembers the TTL first recorded', async () => {
    open(lowered);
    const lower = await run('lower-mx-ttl');
    expect(lower).toMatchObject({ status: 'complete', lastCheck: { outcome: 'warn' } });
    expect(lower.lastCheck?.summary).toBe(
      'TTL of the MX records of customer.test is 1800 s: within the limit; 300 s is recommended (86400 s when recorded).',
    );
    expect(details(lower, 'dns-ttl-lower').domains[0]).toMatchObject({ mxTtl: 1800, recordedMxTtl: 86400 });
    const again = await run('record-ttls');
    expect(details(again, 'dns-ttl-record').domains[0]).toMatchObject({ mxTtl: 1800, recordedMxTtl: 86400 });
  });

  it('sees the MX switched on the authoritative server while a resolver still lags', async () => {
    open(fresh, [
      ['fresh', fresh],
      ['stale', old],
    ]);
    const point = await run('point-mx');
    expect(point).toMatchObject({
      status: 'complete',
      lastCheck: { outcome: 'pass', summary: 'customer.test: MX points at mx.dest.test.' },
    });
    const wait = await run('wait-propagation');
    expect(wait).toMatchObject({ status: 'not-started', lastCheck: { outcome: 'fail' } });
    expect(details(wait, 'dns-propagation')).toEqual({
      kind: 'dns-propagation',
      expectedMx: 'mx.dest.test',
      domains: [
        {
          domain: 'customer.test',
          mxHosts: ['mx.dest.test'],
          agreeing: 2,
          answered: 3,
          lagging: [`stale (127.0.0.1:${old.port})`],
          silent: [],
          // The zones' TTLs: 300 s in the new one, 86400 s still cached from the old one.
          servers: [
            {
              label: `ns1.customer.test (127.0.0.1:${fresh.port})`,
              address: `127.0.0.1:${fresh.port}`,
              role: 'authoritative',
              answer: ['10 mx.dest.test'],
              verdict: 'new',
              ttl: 300,
              error: null,
            },
            {
              label: `fresh (127.0.0.1:${fresh.port})`,
              address: `127.0.0.1:${fresh.port}`,
              role: 'resolver',
              answer: ['10 mx.dest.test'],
              verdict: 'new',
              ttl: 300,
              error: null,
            },
            {
              label: `stale (127.0.0.1:${old.port})`,
              address: `127.0.0.1:${old.port}`,
              role: 'resolver',
              answer: ['10 mx1.old.test'],
              verdict: 'old',
              ttl: 86400,
              error: null,
            },
          ],
          recordedMxTtl: 86400,
        },
      ],
    });
    expect(wait.lastCheck?.summary).toContain('Wait for the old TTL to pass.');
  });

  it('lists the SRV records to add or correct, with the exact zone lines', async () => {
    const srv = await run('add-srv-records');
    expect(srv.lastCheck?.outcome).toBe('fail');
    expect(details(srv, 'dns-srv').records.map((r) => [r.name, r.status, r.found])).toEqual([
      ['_imaps._tcp.customer.test', 'present', ['0 1 993 mx.dest.test']],
      ['_submissions._tcp.customer.test', 'different', ['0 1 465 smtp.elsewhere.test']],
      ['_submission._tcp.customer.test', 'present', ['5 10 587 mx.dest.test']],
    ]);
    expect(srv.lastCheck?.summary).toBe(
      '1 of 3 SRV records to add or correct: _submissions._tcp.customer.test. 3600 IN SRV 0 1 465 mx.dest.test.',
    );
  });

  it('completes "wait" once every DNS server gives the new MX', async () => {
    open(fresh, [['fresh', fresh]]);
    const wait = await run('wait-propagation');
    expect(wait).toMatchObject({
      status: 'complete',
      lastCheck: {
        outcome: 'pass',
        summary: 'customer.test: all 2 DNS servers that answered give mx.dest.test.',
      },
    });
    const tasks = (await services!.dispatch('playbook.tasks', { projectId })) as Result<PlaybookTask[]>;
    const done = tasks.ok ? tasks.value.filter((t) => t.status === 'complete').map((t) => t.key) : [];
    expect(done).toEqual(['record-ttls', 'lower-mx-ttl', 'point-mx', 'wait-propagation']);
  });
});
