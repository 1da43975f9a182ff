import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectTo, rawMessage } from '../../support/mail-fixtures.ts';
import { createTestServices } from '../../support/test-services.ts';
import { openPop3Source } from '../../../main/engine/migration/open-pop3-source.ts';
import type { Progress } from '../../../preload/contract.ts';

let source: DovecotServer;
let destination: DovecotServer;
let services: ReturnType<typeof createTestServices>;

beforeAll(async () => {
  [source, destination] = await Promise.all([
    startDovecot({
      users: [
        { username: 'ann', password: 'a' },
        { username: 'bob', password: 'b' },
      ],
    }),
    startDovecot({
      users: [
        { username: 'ann', password: 'a' },
        { username: 'bob', password: 'b' },
      ],
    }),
  ]);
  const trust = (server: DovecotServer) => ({ ca: server.certificate.certPem, servername: 'localhost' });
  services = createTestServices(':memory:', {
    connections: {
      openPop3: (endpoint, user, password) => openPop3Source(endpoint, user, password, trust(source)),
      tls: async () => ({ source: trust(source), destination: trust(destination) }),
      sleep: async () => {},
    },
  });
  const ann = await connectTo(source, 'ann', 'a');
  for (let i = 0; i < 5; i++)
    await ann.append('INBOX', rawMessage({ subject: `Hello ${i}` }), [], new Date('2024-01-01T00:00:00Z'));
  await ann.logout();
});

afterAll(async () => {
  services.close();
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

describe('migration through the typed API', () => {
  it('refuses a users list with a bad line, naming the line, and starts nothing', async () => {
    const result = await services.dispatch('jobs.start', {
      source: { host: '127.0.0.1', protocol: 'imaps', ports: { imaps: source.ports.imaps } },
      destination: { host: '127.0.0.1', port: destination.ports.imaps },
      users: 'ann,a\nbob\n',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-arguments',
        message: expect.stringContaining('users: line 2: this line has one field only'),
      },
    });
    expect(await services.dispatch('jobs.list', {})).toEqual({ ok: true, value: [] });
  });

  it('starts a job in the background, pushes progress tagged with its run, and shows results per account and folder', async () => {
    const progress: Progress[] = [];
    const stop = services.bus.subscribe((event, payload) => {
      if (event === 'job.progress') progress.push(payload as Progress);
    });
    const started = await services.dispatch('jobs.start', {
      name: 'api',
      source: { host: '127.0.0.1', protocol: 'imaps', ports: { imaps: source.ports.imaps } },
      destination: { host: '127.0.0.1', port: destination.ports.imaps },
      users: 'ann,a\nbob,wrong\n',
    });
    expect(started).toMatchObject({ ok: true, value: { name: 'api', running: true } });
    await services.jobManager.settled('api');
    stop();

    const detail = await services.dispatch('jobs.get', { name: 'api' });
    expect(detail).toMatchObject({
      ok: true,
      value: {
        status: 'partial',
        running: false,
        accounts: { done: 1, failed: 1 },
        accountResults: [
          {
            username: 'ann',
            status: 'done',
            copied: 5,
            folders: expect.arrayContaining([expect.objectContaining({ sourceFolder: 'INBOX', copied: 5 })]),
          },
          { username: 'bob', status: 'failed', errorCode: 'source-auth-failed' },
        ],
      },
    });
    const runIds = new Set(progress.map((p) => p.runId));
    expect(runIds.size).toBe(1);
    expect(progress).toContainEqual(
      expect.objectContaining({
        kind: 'account',
        account: 'ann',
        status: 'done',
        messagesDone: 5,
        messagesTotal: 5,
      }),
    );
    expect(progress.at(-1)).toMatchObject({ kind: 'job', accountsDone: 2, accountsTotal: 2 });

    const log = await services.dispatch('jobs.log', { name: 'api', account: 'bob' });
    expect(log).toMatchObject({
      ok: true,
      value: expect.arrayContaining([
        expect.objectContaining({
          level: 'error',
          message: expect.stringMatching(/refused the password for bob/),
        }),
      ]),
    });
  });
});
