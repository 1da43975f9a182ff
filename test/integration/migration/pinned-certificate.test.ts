import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import { acceptsConnections } from '../../harness/free-port.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { createCertificateAuthority, issueCertificate } from '../../harness/certificates.ts';
import type { CertificateFiles } from '../../harness/certificates.ts';
import { connectTo, rawMessage } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { createJob } from '../../../main/engine/migration/create-job.ts';
import { runJob } from '../../../main/engine/migration/job-runner.ts';
import { tlsForJob } from '../../../main/engine/migration/certificate-trust.ts';

// The old server presents a certificate from a private CA this computer does not trust, for
// a name that is not the one we connect to: only pinning its fingerprint lets the job run.
let source: DovecotServer;
let destination: DovecotServer;
let certificate: CertificateFiles & { fingerprint256: string };
const dir = makeTempDir('pinned');
const services = createTestServices();

beforeAll(async () => {
  const ca = await createCertificateAuthority(dir.path, 'Old Provider Private CA');
  certificate = await issueCertificate(dir.path, ca, {
    commonName: 'mail.old-provider.test',
    altNames: ['mail.old-provider.test'],
  });
  [source, destination] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'pw' }], certificate }),
    startDovecot({ users: [{ username: 'ann', password: 'pw' }] }),
  ]);
  const client = await connectTo(source, 'ann', 'pw', {
    ca: ca.certPem,
    servername: 'mail.old-provider.test',
  });
  await client.append('INBOX', rawMessage({ subject: 'Pinned' }), [], new Date('2020-01-01T00:00:00Z'));
  await client.logout();
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
  dir.remove();
});

async function run(
  name: string,
  sourceFingerprint: string | null,
  retry = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  sleep: (ms: number) => Promise<void> = async () => {},
) {
  const job = createJob(
    {
      name,
      source: {
        host: '127.0.0.1',
        protocol: 'imaps',
        ports: { imaps: source.ports.imaps },
        trustedFingerprint: sourceFingerprint,
      },
      destination: {
        host: '127.0.0.1',
        port: destination.ports.imaps,
        trustedFingerprint: destination.certificate.fingerprint256,
      },
      users: 'ann,pw\n',
    },
    services.jobs,
    services.secrets,
  );
  return runJob(
    job.id,
    {
      ...services,
      openPop3: () => Promise.reject(new Error('not used')),
      tls: (job) => tlsForJob.imap(job.spec),
      explainCertificate: (error, job) => tlsForJob.explain(error, job.spec),
      sleep,
    },
    { retry },
  );
}

describe('a certificate the admin trusts', () => {
  it('is refused until pinned, with its names and fingerprint in the error', async () => {
    const summary = await run('unpinned', null);
    const account = summary.accounts[0]!;
    expect(account).toMatchObject({ status: 'failed', errorCode: 'certificate-untrusted' });
    expect(account.errorMessage).toContain('mail.old-provider.test');
    expect(account.errorMessage).toContain(certificate.fingerprint256);
    expect(account.errorMessage).toContain(`--trust ${certificate.fingerprint256}`);
  });

  it('works once pinned by its SHA-256 fingerprint, for that server only', async () => {
    const summary = await run('pinned', certificate.fingerprint256.replaceAll(':', '').toLowerCase());
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesCopied: 1 });
  });

  it('is refused when the server presents another certificate than the pinned one', async () => {
    const summary = await run('other-pin', destination.certificate.fingerprint256);
    expect(summary.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'certificate-untrusted' });
    expect(summary.accounts[0]!.errorMessage).toMatch(/not the one you trusted.*mail\.old-provider\.test/);
  });

  it('is still used when the server was down as the job started, once it is back', async () => {
    const back = source.restart(1_500);
    while (await acceptsConnections(source.ports.imaps)) await new Promise((r) => setTimeout(r, 50));
    const summary = await run(
      'pinned-while-down',
      certificate.fingerprint256,
      { attempts: 20, baseDelayMs: 300, maxDelayMs: 300 },
      (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    );
    await back;
    expect(summary.accounts[0]).toMatchObject({ status: 'done', messagesSkipped: 1 });
    const log = services.eventLog.forJob(summary.job.id).map((l) => `${l.code} ${l.message}`);
    expect(log.some((l) => l.startsWith('connection-refused'))).toBe(true);
    expect(log.filter((l) => l.startsWith('certificate-'))).toEqual([]);
  });
});
