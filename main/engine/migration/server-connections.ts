import type { JobRunnerDeps } from './job-runner.ts';
import { openPop3Source } from './open-pop3-source.ts';
import { tlsForJob } from './certificate-trust.ts';

/** How jobs reach real servers: Node's trust store, plus the certificates pinned in the job. */
export const serverConnections: Pick<JobRunnerDeps, 'openPop3' | 'tls' | 'explainCertificate'> = {
  openPop3: (endpoint, user, password, job) =>
    openPop3Source(endpoint, user, password, tlsForJob.pop3(job.spec.source.trustedFingerprint)),
  tls: (job) => tlsForJob.imap(job.spec),
  explainCertificate: (error, job) => tlsForJob.explain(error, job.spec),
};
