import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import type { JobDetail, PlaybookTask, Progress } from '../../../preload/contract.ts';

// The wizard's path: servers and accounts stored in the project, a job started from them, a
// wrong password corrected in the job, and a retry that copies only what is missing.
let source: DovecotServer;
let destination: DovecotServer;
let services: ReturnType<typeof createTestServices>;

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({
      users: [
        { username: 'ann', password: 'a-old' },
        { username: 'bob', password: 'b-old' },
      ],
    }),
    startDovecot({
      users: [
        { username: 'ann', password: 'a-new' },
        { username: 'bob', password: 'b-new' },
      ],
    }),
  ]);
  services = createTestServices(':memory:', {
    connections: { openPop3: () => Promise.reject(new Error('unused')), sleep: async () => {} },
  });
  for (const [user, password] of [
    ['ann', 'a-old'],
    ['bob', 'b-old'],
  ] as const) {
    const client = await connectTo(source, user, password);
    for (let i = 0; i < 3; i++)
      await client.append(
        'INBOX',
        rawMessage({ subject: `${user} ${i}` }),
        [],
        new Date('2023-01-01T00:00:00Z'),
      );
    await client.logout();
  }
});

afterAll(async () => {
  services?.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

const value = <T>(result: unknown): T => {
  expect(result).toMatchObject({ ok: true });
  return (result as { value: T }).value;
};

describe('a job started from the project', () => {
  it('says what to set first when the project has no servers', async () => {
    const project = services.projects.create({ name: 'Empty', customer: '', domains: [], cutoverDate: null });
    expect(await services.dispatch('jobs.startForProject', { projectId: project.id })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: expect.stringMatching(/set the old server .* and the new server/),
      },
    });
  });

  it('copies with the stored passwords and pinned certificates, then a corrected password lets the retry finish', async () => {
    const project = services.projects.create({ name: 'Acme', customer: '', domains: [], cutoverDate: null });
    const pid = project.id;
    value(
      await services.dispatch('profiles.save', {
        projectId: pid,
        role: 'source',
        host: '127.0.0.1',
        protocol: 'imaps',
        ports: { imaps: source.ports.imaps },
      }),
    );
    value(
      await services.dispatch('profiles.save', {
        projectId: pid,
        role: 'destination',
        host: '127.0.0.1',
        protocol: 'imaps',
        ports: { imaps: destination.ports.imaps },
      }),
    );
    value(
      await services.dispatch('profiles.trustCertificate', {
        projectId: pid,
        role: 'source',
        fingerprint256: source.certificate.fingerprint256,
      }),
    );
    value(
      await services.dispatch('profiles.trustCertificate', {
        projectId: pid,
        role: 'destination',
        fingerprint256: destination.certificate.fingerprint256,
      }),
    );
    value(
      await services.dispatch('accounts.import', {
        projectId: pid,
        text: 'ann,a-old,ann,a-new\nbob,b-old,bob,WRONG\n',
      }),
    );

    const finals: Progress[] = [];
    const stop = services.bus.subscribe((event, payload) => {
      const p = payload as Progress;
      if (event === 'job.progress' && p.kind === 'job' && !p.running) finals.push(p);
    });
    const started = value<{ name: string }>(
      await services.dispatch('jobs.startForProject', { projectId: pid, name: 'from-project' }),
    );
    await services.jobManager.settled(started.name);
    let detail = value<JobDetail>(await services.dispatch('jobs.get', { name: 'from-project' }));
    expect(detail.accountResults.map((a) => [a.username, a.status, a.errorCode])).toEqual([
      ['ann', 'done', null],
      ['bob', 'failed', 'destination-auth-failed'],
    ]);
    expect(finals).toEqual([expect.objectContaining({ status: 'partial', running: false, accountsDone: 2 })]);

    value(
      await services.dispatch('jobs.setAccountPassword', {
        name: 'from-project',
        account: 'bob',
        side: 'destination',
        password: 'b-new',
      }),
    );
    // The project holds the corrected password too, so the next job starts with it.
    const bob = services.accounts.list(pid).find((a) => a.username === 'bob')!;
    expect(services.accounts.revealPassword(bob.id, 'destination')).toBe('b-new');
    expect(services.accounts.revealPassword(bob.id, 'source')).toBe('b-old');
    value(await services.dispatch('jobs.retry', { name: 'from-project' }));
    await services.jobManager.settled('from-project');
    stop();
    detail = value<JobDetail>(await services.dispatch('jobs.get', { name: 'from-project' }));
    expect(detail).toMatchObject({ status: 'done', accounts: { done: 2 } });
    expect(await readMailbox(await connectTo(destination, 'bob', 'b-new'))).toHaveLength(3);
    expect(await readMailbox(await connectTo(destination, 'ann', 'a-new'))).toHaveLength(3);
    expect(finals.map((p) => (p.kind === 'job' ? p.status : null))).toEqual(['partial', 'done']);
  });

  it('copies again what arrived since, for every account of a finished job, and nothing twice', async () => {
    const late = await connectTo(source, 'ann', 'a-old');
    await late.append('INBOX', rawMessage({ subject: 'ann late' }), [], new Date('2023-01-02T00:00:00Z'));
    await late.logout();

    value(await services.dispatch('jobs.copyAgain', { name: 'from-project' }));
    await services.jobManager.settled('from-project');
    const detail = value<JobDetail>(await services.dispatch('jobs.get', { name: 'from-project' }));
    expect(detail.status).toBe('done');
    expect(detail.accountResults.map((a) => [a.username, a.status, a.copied, a.skipped])).toEqual([
      ['ann', 'done', 1, 3],
      ['bob', 'done', 0, 3],
    ]);
    const ann = await readMailbox(await connectTo(destination, 'ann', 'a-new'));
    const subjects = ann.map((m) => /^Subject: (.*)$/m.exec(m.source.toString())?.[1]?.trim());
    expect(subjects.sort()).toEqual(['ann 0', 'ann 1', 'ann 2', 'ann late']);
    expect(await readMailbox(await connectTo(destination, 'bob', 'b-new'))).toHaveLength(3);
  });

  it('completes "Copy the mail" only when every account of the project is copied by some job', async () => {
    const pid = services.projects.list().find((p) => p.name === 'Acme')!.id;
    const check = async () => {
      const task = value<PlaybookTask>(
        await services.dispatch('playbook.runCheck', { projectId: pid, key: 'migrate-mail' }),
      );
      return task.lastCheck!;
    };
    expect(await check()).toMatchObject({ outcome: 'pass', summary: 'All 1 migration job is done.' });

    value(await services.dispatch('accounts.import', { projectId: pid, text: 'dan,d-old' }));
    expect(await check()).toMatchObject({
      outcome: 'fail',
      summary:
        'All 1 migration job is done. 1 of the project’s accounts is not copied by any job yet: dan. Start a job for it.',
      details: { kind: 'jobs-done', accountsNotCopied: ['dan'] },
    });
  });

  it('keeps no copy of a password: two jobs refer to the project’s, and one fix fixes both', async () => {
    const pid = services.projects.list().find((p) => p.name === 'Acme')!.id;
    const bob = services.accounts.list(pid).find((a) => a.username === 'bob')!;
    services.accounts.setPassword(bob.id, 'destination', 'WRONG-AGAIN');
    const secretsBefore = services.db.prepare('SELECT COUNT(*) AS n FROM secrets').get();
    for (const name of ['first-batch', 'second-batch']) {
      value(await services.dispatch('jobs.startForProject', { projectId: pid, name, accountIds: [bob.id] }));
      await services.jobManager.settled(name);
    }
    // No secret was added for either job, and their rows name the project's account, not a secret.
    expect(services.db.prepare('SELECT COUNT(*) AS n FROM secrets').get()).toEqual(secretsBefore);
    const rows = services.db
      .prepare(
        `SELECT ja.account_id, ja.source_secret_id, ja.destination_secret_id, j.spec FROM job_accounts ja
         JOIN jobs j ON j.id = ja.job_id WHERE j.name IN ('first-batch', 'second-batch')`,
      )
      .all() as Array<{
      account_id: number;
      source_secret_id: null;
      destination_secret_id: null;
      spec: string;
    }>;
    expect(rows.map((r) => [r.account_id, r.source_secret_id, r.destination_secret_id])).toEqual([
      [bob.id, null, null],
      [bob.id, null, null],
    ]);
    for (const row of rows) expect(row.spec).not.toMatch(/WRONG|b-new|b-old/);
    for (const name of ['first-batch', 'second-batch']) {
      const detail = value<JobDetail>(await services.dispatch('jobs.get', { name }));
      expect(detail.accountResults[0]).toMatchObject({
        status: 'failed',
        errorCode: 'destination-auth-failed',
      });
    }

    // Fixed once, in the first job's account: the project and the second job have it too.
    value(
      await services.dispatch('jobs.setAccountPassword', {
        name: 'first-batch',
        account: 'bob',
        side: 'destination',
        password: 'b-new',
      }),
    );
    expect(services.accounts.revealPassword(bob.id, 'destination')).toBe('b-new');
    for (const name of ['second-batch', 'first-batch']) {
      value(await services.dispatch('jobs.retry', { name }));
      await services.jobManager.settled(name);
      const detail = value<JobDetail>(await services.dispatch('jobs.get', { name }));
      expect(detail.accountResults[0]).toMatchObject({ status: 'done', copied: 0, skipped: 3 });
    }
    expect(services.db.prepare('SELECT COUNT(*) AS n FROM secrets').get()).toEqual(secretsBefore);
  });
});
