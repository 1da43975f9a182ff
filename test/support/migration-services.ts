import type { Services } from '../../main/hosts/services.ts';
import type { DovecotServer } from '../harness/dovecot.ts';
import { createJob } from '../../main/engine/migration/create-job.ts';
import type { MigrationRequest } from '../../main/engine/migration/create-job.ts';
import { jobStores, runJob } from '../../main/engine/migration/job-runner.ts';
import type { JobRunOptions, JobSummary } from '../../main/engine/migration/job-runner.ts';
import { openPop3Source } from '../../main/engine/migration/open-pop3-source.ts';

/** How a test run waits between attempts: not at all (default), for real, or as the test says. */
export interface Behaviour {
  realSleep?: boolean;
  sleep?: (ms: number) => Promise<void>;
}

/** A job request between two harness servers; tests override what they exercise. */
export function requestBetween(
  source: DovecotServer,
  destination: DovecotServer,
  users: string,
  overrides: Partial<MigrationRequest> = {},
): MigrationRequest {
  return {
    source: {
      host: source.host,
      protocol: 'imaps',
      ports: {
        imap: source.ports.imap,
        imaps: source.ports.imaps,
        pop3: source.ports.pop3,
        pop3s: source.ports.pop3s,
      },
      ...overrides.source,
    },
    destination: {
      host: destination.host,
      protocol: 'imaps',
      port: destination.ports.imaps,
      ...overrides.destination,
    },
    users,
    ...Object.fromEntries(Object.entries(overrides).filter(([k]) => k !== 'source' && k !== 'destination')),
  };
}

/**
 * Creates and runs a job with the harness certificates trusted through the `ca` option (the
 * pinned-fingerprint path has tests of its own), with retries quick enough for tests.
 */
export async function createAndRun(
  services: Services,
  request: MigrationRequest,
  servers: { source: DovecotServer; destination: DovecotServer },
  options: JobRunOptions = {},
  behaviour: Behaviour = {},
): Promise<JobSummary> {
  const job = createJob(request, services.jobs, services.secrets);
  return runAgain(services, job.name, servers, options, behaviour);
}

export function runAgain(
  services: Services,
  name: string,
  servers: { source: DovecotServer; destination: DovecotServer },
  options: JobRunOptions = {},
  behaviour: Behaviour = {},
): Promise<JobSummary> {
  const trust = (server: DovecotServer) => ({ ca: server.certificate.certPem, servername: 'localhost' });
  return runJob(
    services.jobs.byName(name).id,
    {
      ...jobStores(services),
      openPop3: (endpoint, user, password) => openPop3Source(endpoint, user, password, trust(servers.source)),
      tls: async () => ({ source: trust(servers.source), destination: trust(servers.destination) }),
      ...(behaviour.realSleep ? {} : { sleep: behaviour.sleep ?? (async () => {}) }),
    },
    { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 }, progressIntervalMs: 0, ...options },
  );
}
