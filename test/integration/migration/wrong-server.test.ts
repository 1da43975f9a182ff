import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { startSeededPair } from '../../support/seeded-servers.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';
import { connectTo, readMailbox } from '../../support/mail-fixtures.ts';

// Errors say which server they came from, and a port that speaks another protocol says which.
const MESSAGES = 400;
let source: DovecotServer;
let destination: DovecotServer;
const services = createTestServices();

beforeAll(async () => {
  ({ source, destination } = await startSeededPair(MESSAGES, 'Named'));
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

describe('which server, and which protocol', () => {
  it('a new server restarted in the middle of the copy is named in every warning, and the job ends exact', async () => {
    let restarted: Promise<void> | null = null;
    const stop = services.bus.subscribe((event, payload) => {
      const p = payload as { kind?: string; messagesDone?: number };
      if (!restarted && event === 'job.progress' && p.kind === 'account' && (p.messagesDone ?? 0) > 50)
        restarted = destination.restart(300);
    });
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,pw\n', { name: 'destination-restart' }),
      { source, destination },
      { retry: { attempts: 10, baseDelayMs: 200, maxDelayMs: 400 }, budgetBytes: 1024 * 1024 },
      { realSleep: true },
    );
    stop();
    await restarted;
    expect(restarted).not.toBeNull();
    expect(summary.accounts[0]).toMatchObject({ status: 'done' });
    const warnings = services.eventLog
      .forJob(summary.job.id)
      .filter((l) => l.level === 'warn')
      .map((l) => l.message);
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) {
      expect(warning).toContain('the new server');
      expect(warning).not.toContain('the old server');
    }
    const client = await connectTo(destination, 'ann', 'pw');
    expect(await readMailbox(client)).toHaveLength(MESSAGES);
    await client.logout();
  });

  it('IMAPS to the plain IMAP port says the port speaks plain IMAP and to choose STARTTLS', async () => {
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,pw\n', {
        name: 'imaps-on-143',
        source: { host: source.host, protocol: 'imaps', ports: { imaps: source.ports.imap } },
      }),
      { source, destination },
    );
    expect(summary.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'wrong-protocol' });
    expect(summary.accounts[0]!.errorMessage).toContain(`Port ${source.ports.imap} of the old server`);
    expect(summary.accounts[0]!.errorMessage).toContain('choose IMAP (STARTTLS)');
  });

  it('a POP3 server on the destination port is named as such at once, not after minutes of time-outs', async () => {
    const started = Date.now();
    const summary = await createAndRun(
      services,
      requestBetween(source, destination, 'ann,pw\n', {
        name: 'pop3-as-destination',
        destination: { host: destination.host, protocol: 'imaps', port: destination.ports.pop3s },
      }),
      { source, destination },
    );
    expect(summary.accounts[0]).toMatchObject({ status: 'failed', errorCode: 'wrong-protocol' });
    expect(summary.accounts[0]!.errorMessage).toContain(`Port ${destination.ports.pop3s} of the new server`);
    expect(summary.accounts[0]!.errorMessage).toContain('POP3');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
