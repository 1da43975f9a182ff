// Our client against a scripted server: timeouts and hang-ups become TIMEOUT and
// CONNECTION_DROPPED, RFC 2449 response codes become their own codes, STLS is required when
// asked, clear text injected after STLS is never read, and many RETRs are fast.
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectPop3 } from '../../../main/infrastructure/protocols/pop3/index.ts';
import type {
  Pop3ConnectOptions,
  TranscriptEntry,
} from '../../../main/infrastructure/protocols/pop3/index.ts';
import { Pop3Connection } from '../../../main/infrastructure/protocols/pop3/pop3-connection.ts';
import { issueCertificate } from '../../harness/certificates.ts';
import type { CertificateFiles } from '../../harness/certificates.ts';
import { freePort } from '../../harness/free-port.ts';
import { rfc822 } from '../../unit/pop3/pop3-wire.ts';
import { startFakePop3 } from './fake-pop3-server.ts';
import type { FakePop3Options, FakePop3Server } from './fake-pop3-server.ts';

const servers: FakePop3Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: FakePop3Options): Promise<FakePop3Server> {
  const server = await startFakePop3(options);
  servers.push(server);
  return server;
}

function plain(port: number, extra: Partial<Pop3ConnectOptions> = {}): Pop3ConnectOptions {
  return { host: '127.0.0.1', port, security: 'plain', allowPlaintextAuth: true, timeoutMs: 5000, ...extra };
}

const message = (n: number, size = 200): Buffer =>
  rfc822({ Subject: `message ${n}` }, `${'x'.repeat(size)}\r\n.line ${n}\r\n`);

describe('transport failures', () => {
  it('times out when the server stops answering in the middle of a message', async () => {
    const { port } = await start({
      messages: [message(1), message(2, 5000)],
      deliver: (wire, command) => (command === 'RETR 2' ? [wire.subarray(0, 3000), 'stall'] : [wire]),
    });
    const client = await connectPop3(plain(port, { timeoutMs: 300 }));
    await client.login('alice', 'secret');
    expect(await client.retr(1)).toEqual(message(1));
    const started = Date.now();
    await expect(client.retr(2)).rejects.toMatchObject({
      code: 'TIMEOUT',
      transient: true,
      message: 'The server stopped answering while sending message 2 (timed out after 0.3 s).',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(client.usable).toBe(false);
    await expect(client.noop()).rejects.toMatchObject({ code: 'NOT_CONNECTED', transient: true });
    await client.quit(); // harmless on a dead connection
  });

  it('keeps waiting while data still flows slowly (the timeout is per idle gap)', async () => {
    const { port } = await start({
      messages: [message(1, 2000)],
      deliver: (wire) => {
        const pieces = [];
        for (let i = 0; i < wire.length; i += 300) pieces.push(wire.subarray(i, i + 300), { delayMs: 60 });
        return pieces;
      },
    });
    const client = await connectPop3(plain(port, { timeoutMs: 250 }));
    await client.login('alice', 'secret');
    expect(await client.retr(1)).toEqual(message(1, 2000));
    await client.quit();
  });

  it('reports CONNECTION_DROPPED when the server hangs up mid-message', async () => {
    const { port } = await start({
      messages: [message(1, 5000)],
      deliver: (wire, command) =>
        command === 'RETR 1' ? [wire.subarray(0, 1000), { delayMs: 20 }, 'hang-up'] : [wire],
    });
    const client = await connectPop3(plain(port));
    await client.login('alice', 'secret');
    await expect(client.retr(1)).rejects.toMatchObject({
      code: 'CONNECTION_DROPPED',
      transient: true,
      message: 'The connection to 127.0.0.1:' + port + ' dropped while sending message 1.',
    });
  });

  it('reports CONNECTION_REFUSED when nothing listens', async () => {
    const port = await freePort();
    await expect(connectPop3(plain(port))).rejects.toMatchObject({ code: 'CONNECTION_REFUSED' });
  });

  it('reports TIMEOUT when the server never greets', async () => {
    const { port } = await start({
      deliver: (wire, command) => (command === 'greeting' ? ['stall'] : [wire]),
    });
    await expect(connectPop3(plain(port, { timeoutMs: 200 }))).rejects.toMatchObject({
      code: 'TIMEOUT',
      message: 'The server stopped answering while connecting (timed out after 0.2 s).',
    });
  });

  it('reports CONNECTION_REJECTED for a -ERR greeting', async () => {
    const { port } = await start({ greeting: '-ERR [SYS/TEMP] too many connections' });
    await expect(connectPop3(plain(port))).rejects.toMatchObject({
      code: 'SERVER_TEMPORARY_FAILURE',
      transient: true,
    });
    const other = await start({ greeting: '-ERR go away' });
    await expect(connectPop3(plain(other.port))).rejects.toMatchObject({ code: 'CONNECTION_REJECTED' });
  });
});

describe('login answers', () => {
  it('maps response codes on PASS and never puts the password in the error or transcript', async () => {
    const cases = [
      ['-ERR [AUTH] Invalid credentials', 'AUTHENTICATION_FAILED', false],
      ['-ERR [IN-USE] Mailbox locked by another POP3 session', 'IN_USE', true],
      ['-ERR [LOGIN-DELAY] Wait 5 minutes between logins', 'LOGIN_DELAY', true],
      ['-ERR [SYS/TEMP] Backend down', 'SERVER_TEMPORARY_FAILURE', true],
      ['-ERR You sent hunter2-secret, wrong', 'AUTHENTICATION_FAILED', false],
    ] as const;
    for (const [passReply, code, transient] of cases) {
      const { port } = await start({ passReply });
      const transcript: TranscriptEntry[] = [];
      const client = await connectPop3(plain(port, { onTranscript: (entry) => transcript.push(entry) }));
      const error = await client.login('alice', 'hunter2-secret').catch((caught: unknown) => caught);
      expect(error, passReply).toMatchObject({
        code,
        transient,
        authenticationFailed: code === 'AUTHENTICATION_FAILED',
      });
      expect(JSON.stringify(error)).not.toContain('hunter2');
      expect(String((error as Error).message)).not.toContain('hunter2');
      expect(transcript).toContainEqual({ direction: 'sent', line: 'PASS ****' });
      expect(JSON.stringify(transcript)).not.toContain('hunter2');
      client.close();
    }
  });

  it('refuses to send a password unencrypted unless allowed', async () => {
    const { port, commands } = await start({ messages: [message(1)] });
    const client = await connectPop3(plain(port, { allowPlaintextAuth: false }));
    await expect(client.login('alice', 'secret')).rejects.toMatchObject({
      code: 'PLAINTEXT_AUTH_DISALLOWED',
    });
    expect(commands.filter((line) => /^(USER|PASS|AUTH)/.test(line))).toEqual([]);
    await client.quit();
  });
});

describe('STLS', () => {
  let certDir: string;
  let certificate: CertificateFiles;
  beforeAll(async () => {
    certDir = await mkdtemp(join(tmpdir(), 'cutover-pop3-fake-'));
    certificate = await issueCertificate(certDir, null, { commonName: 'localhost', altNames: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await rm(certDir, { recursive: true, force: true });
  });

  it('fails with STARTTLS_UNAVAILABLE when CAPA does not offer STLS, before any login', async () => {
    const { port, commands } = await start({ capabilities: ['USER', 'UIDL'] });
    const error = await connectPop3({ host: '127.0.0.1', port, security: 'starttls' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'STARTTLS_UNAVAILABLE' });
    expect((error as Error).message).toBe(
      `127.0.0.1:${port} cannot encrypt the connection with STLS: the server does not offer it. Use the TLS port (usually 995), or allow unencrypted connections for this server.`,
    );
    expect(commands).toEqual(['CAPA']);
  });

  it('fails with STARTTLS_UNAVAILABLE when the server refuses STLS', async () => {
    const { port } = await start({ capabilities: null });
    await expect(connectPop3({ host: '127.0.0.1', port, security: 'starttls' })).rejects.toMatchObject({
      code: 'STARTTLS_UNAVAILABLE',
    });
  });

  it('never reads clear text injected after +OK to STLS as if it came over TLS', async () => {
    const { port } = await start({
      capabilities: ['STLS', 'USER'],
      tls: { key: certificate.keyPem, cert: certificate.certPem },
      injectAfterStls: '+OK\r\nINJECTED\r\n.\r\n',
      messages: [message(1)],
    });
    const transcript: TranscriptEntry[] = [];
    const client = await connectPop3({
      host: '127.0.0.1',
      port,
      security: 'starttls',
      tls: { ca: certificate.certPem },
      onTranscript: (entry) => transcript.push(entry),
    });
    expect(client.tls).toMatchObject({
      pinned: false,
      certificate: { fingerprint256: certificate.fingerprint256 },
    });
    expect([...client.capabilities.keys()]).toEqual(['STLS', 'USER']);
    await client.login('alice', 'secret');
    expect(await client.retr(1)).toEqual(message(1));
    await client.quit();
    expect(JSON.stringify(transcript)).not.toContain('INJECTED');
  });
});

describe('sessions', () => {
  it('runs overlapping calls in order and keeps each answer with its call', async () => {
    const messages = Array.from({ length: 5 }, (_, i) => message(i + 1, 100 * (i + 1)));
    const { port } = await start({
      messages,
      deliver: (wire) => [wire.subarray(0, 5), { delayMs: 5 }, wire.subarray(5)],
    });
    const client = await connectPop3(plain(port));
    await client.login('alice', 'secret');
    const [listed, ...bodies] = await Promise.all([
      client.list(),
      ...messages.map((_, i) => client.retr(i + 1)),
    ]);
    expect(listed).toEqual(new Map(messages.map((m, i) => [i + 1, m.length])));
    expect(bodies).toEqual(messages);
    await expect(client.retr(9)).rejects.toMatchObject({ code: 'COMMAND_FAILED', command: 'RETR' });
    await expect(client.retr(0)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(client.top(1, -1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(client.usable).toBe(true);
    expect(await client.stat()).toEqual({ count: 5, size: messages.reduce((sum, m) => sum + m.length, 0) });
    await client.quit();
  });

  it('retrieves 1,000 messages over one connection in well under a second per hundred', async () => {
    const messages = Array.from({ length: 1000 }, (_, i) => message(i + 1, 2000));
    const { port } = await start({ messages });
    const client = await connectPop3(plain(port));
    await client.login('alice', 'secret');
    const started = performance.now();
    const uids = await client.uidl();
    for (const number of uids.keys()) {
      expect((await client.retr(number)).length).toBe(messages[number - 1]!.length);
    }
    const elapsed = performance.now() - started;
    await client.quit();
    // Nagle plus delayed ACKs would cost ~40 ms per message (40 s); one round trip is ~0.1 ms.
    expect(elapsed).toBeLessThan(3000);
  });

  it('refuses to send DELE or any other changing command, even at the connection level', async () => {
    const { port, commands } = await start({ messages: [message(1)] });
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise((resolve) => socket.once('connect', resolve));
    const connection = new Pop3Connection(socket, { target: `127.0.0.1:${port}`, timeoutMs: 2000 });
    await connection.greeting();
    for (const line of ['DELE 1', 'RSET', 'dele 1']) {
      await expect(connection.exchange({ line, body: 'none', activity: 'x' })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    await expect(
      connection.exchange({ line: 'NOOP\r\nDELE 1', body: 'none', activity: 'x' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await connection.exchange({ line: 'NOOP', body: 'none', activity: 'x' })).status).toBe('ok');
    connection.destroy();
    expect(commands).toEqual(['NOOP']);
  });
});
