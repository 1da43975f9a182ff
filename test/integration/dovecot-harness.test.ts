// Proves the Dovecot harness with real clients: two servers side by side, TLS with the harness
// certificate, login failures, APPEND isolation, SPECIAL-USE, POP3S, master users, layouts,
// Gmail-like virtual folders, quotas and the message size limit, and a clean stop.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { ImapFlow } from 'imapflow';
import type { ImapFlowOptions } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../harness/certificates.ts';
import { startDovecot } from '../harness/dovecot.ts';
import type { DovecotServer } from '../harness/dovecot.ts';
import { acceptsConnections } from '../harness/free-port.ts';

const ALICE = { username: 'alice', password: 'alice:secret pw' };
const BOB = { username: 'bob', password: 'bob-secret' };
const MASTER = { username: 'admin', password: 'master-secret' };

describe('two Dovecot servers at once', () => {
  let a: DovecotServer;
  let b: DovecotServer;
  const subject = `Harness ${randomUUID()}`;

  beforeAll(async () => {
    [a, b] = await Promise.all([
      startDovecot({ users: [ALICE], masterUser: MASTER }),
      startDovecot({ users: [BOB] }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('runs two separate instances on distinct ports', () => {
    expect(a.pid).not.toBe(b.pid);
    expect(a.dir).not.toBe(b.dir);
    const ports = [...Object.values(a.ports), ...Object.values(b.ports)];
    expect(new Set(ports).size).toBe(8);
    expect(a.certificate.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('logs in on the plain port after STARTTLS, trusting the harness certificate', async () => {
    const client = imapClient(a, ALICE, { port: a.ports.imap, secure: false, doSTARTTLS: true });
    await client.connect();
    expect(client.secureConnection).toBe(true);
    expect(client.tls && client.tls.authorized).toBe(true);
    expect(client.capabilities.has('CONDSTORE')).toBe(true);
    await client.logout();
  });

  it('refuses STARTTLS when the client does not trust the certificate', async () => {
    const client = imapClient(a, ALICE, {
      port: a.ports.imap,
      secure: false,
      doSTARTTLS: true,
      tls: {},
    });
    await expect(client.connect()).rejects.toThrow(/self-signed|certificate/i);
  });

  it('logs in over IMAPS', async () => {
    const client = imapClient(b, BOB);
    await client.connect();
    expect(client.usable).toBe(true);
    await client.logout();
  });

  it('rejects a wrong password and an unknown user', async () => {
    const wrongPassword = imapClient(a, { username: 'alice', password: 'wrong' });
    const unknownUser = imapClient(a, { username: 'mallory', password: 'whatever' });
    // Both in one go: Dovecot answers failed logins in batches every 0.5 s.
    const results = await Promise.allSettled([wrongPassword.connect(), unknownUser.connect()]);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect(result.status === 'rejected' && result.reason).toMatchObject({
        authenticationFailed: true,
        serverResponseCode: 'AUTHENTICATIONFAILED',
      });
    }
  });

  it('stores an APPEND on server A only', async () => {
    const clientA = imapClient(a, ALICE);
    const clientB = imapClient(b, BOB);
    await Promise.all([clientA.connect(), clientB.connect()]);
    try {
      const appended = await clientA.append('INBOX', message(subject), ['\\Seen']);
      expect(appended && appended.uid).toBe(1);
      const lock = await clientA.getMailboxLock('INBOX');
      try {
        const found = await clientA.search({ header: { subject } }, { uid: true });
        expect(found).toEqual([1]);
      } finally {
        lock.release();
      }
      expect(await inboxCount(clientB)).toBe(0);
      expect(readdirSync(join(a.maildir('alice'), 'cur'))).toHaveLength(1);
    } finally {
      await Promise.all([clientA.logout(), clientB.logout()]);
    }
  });

  it('lists SPECIAL-USE mailboxes with the maildir++ separator', async () => {
    const client = imapClient(a, ALICE);
    await client.connect();
    try {
      await client.mailboxCreate(['Projects', '2024']);
      const list = await client.list();
      const byPath = new Map(list.map((entry) => [entry.path, entry]));
      for (const name of ['Sent', 'Drafts', 'Trash', 'Junk', 'Archive']) {
        expect(byPath.get(name)?.specialUse).toBe(`\\${name}`);
        expect(byPath.get(name)?.specialUseSource).toBe('extension');
      }
      expect(byPath.get('Projects.2024')?.delimiter).toBe('.');
      expect(a.separator).toBe('.');
      expect(existsSync(join(a.maildir('alice'), '.Projects.2024'))).toBe(true);
    } finally {
      await client.logout();
    }
  });

  it('serves the message over POP3S with the harness certificate', async () => {
    const socket = tlsConnect({
      host: a.host,
      port: a.ports.pop3s,
      ca: [a.certificate.certPem],
    });
    const lines = new LineReader(socket);
    try {
      expect(await lines.next()).toMatch(/^\+OK/);
      expect(socket.getPeerCertificate().fingerprint256).toBe(a.certificate.fingerprint256);
      expect(await lines.command(`USER ${ALICE.username}`)).toMatch(/^\+OK/);
      expect(await lines.command(`PASS ${ALICE.password}`)).toMatch(/^\+OK/);
      expect(await lines.command('STAT')).toMatch(/^\+OK 1 \d+$/);
      expect(await lines.command('QUIT')).toMatch(/^\+OK/);
    } finally {
      socket.destroy();
    }
  });

  it('lets the master user in as alice with a SASL PLAIN authorization identity', async () => {
    const client = imapClient(a, ALICE, {
      auth: { user: MASTER.username, pass: MASTER.password, authzid: 'alice' },
    });
    await client.connect();
    try {
      // Alice's INBOX, which holds the one message appended above, proves whose session it is.
      expect(await inboxCount(client)).toBe(1);
    } finally {
      await client.logout();
    }
  });

  it('lets the master user in with the user*master login syntax', async () => {
    const client = imapClient(a, {
      username: `alice*${MASTER.username}`,
      password: MASTER.password,
    });
    await client.connect();
    try {
      expect(await inboxCount(client)).toBe(1);
    } finally {
      await client.logout();
    }
  });

  it('does not let a normal user act as a master user', async () => {
    const client = imapClient(b, BOB, {
      auth: { user: 'bob', pass: BOB.password, authzid: 'carol' },
    });
    await expect(client.connect()).rejects.toMatchObject({ authenticationFailed: true });
  });

  it('adds a user while running, usable at once', async () => {
    // A login just before makes Dovecot's auth process look at its user files in this second.
    const bob = imapClient(b, BOB);
    await bob.connect();
    await bob.logout();
    const carol = { username: 'carol', password: 'carol-pw' };
    await b.addUser(carol);
    const client = imapClient(b, carol);
    await client.connect();
    expect(await inboxCount(client)).toBe(0);
    await client.logout();
    await expect(b.addUser(carol)).rejects.toThrow(/already exists/);
  });

  it('stops both servers: processes gone, ports closed, temp dirs removed', async () => {
    const servers = [a, b];
    await Promise.all(servers.map((server) => server.stop()));
    for (const server of servers) {
      expect(processExists(server.pid)).toBe(false);
      for (const port of Object.values(server.ports)) {
        expect(await acceptsConnections(port)).toBe(false);
      }
      expect(existsSync(server.dir)).toBe(false);
      expect(processesMentioning(server.dir)).toEqual([]);
    }
    await a.stop(); // a second stop is harmless
  });
});

describe('Dovecot start failures', () => {
  it('reports why Dovecot did not start, with the tail of its output', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cutover-bad-cert-'));
    try {
      const cert = await issueCertificate(dir, null, {
        commonName: 'localhost',
        altNames: ['localhost'],
        selfSigned: true,
      });
      const missingKey = join(dir, 'missing.key');
      await expect(
        startDovecot({
          users: [BOB],
          certificate: { certPath: cert.certPath, keyPath: missingKey },
        }),
      ).rejects.toThrow(/Dovecot did not start[\s\S]*missing\.key/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('Dovecot with the fs layout', () => {
  let server: DovecotServer;
  const dave = { username: 'dave', password: 'dave-pw' };
  beforeAll(async () => {
    server = await startDovecot({ users: [dave], layout: 'fs' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reports "/" as the hierarchy delimiter', async () => {
    const client = imapClient(server, dave);
    await client.connect();
    try {
      await client.mailboxCreate(['Projects', '2024']);
      const list = await client.list();
      const created = list.find((entry) => entry.path === 'Projects/2024');
      expect(created?.delimiter).toBe('/');
      expect(server.separator).toBe('/');
      expect(list.find((entry) => entry.path === 'Sent')?.specialUse).toBe('\\Sent');
      expect(existsSync(join(server.maildir('dave'), 'Projects', '2024'))).toBe(true);
    } finally {
      await client.logout();
    }
  });
});

describe('Dovecot with Gmail-like virtual folders', () => {
  let server: DovecotServer;
  const gwen = { username: 'gwen', password: 'gwen-pw' };
  beforeAll(async () => {
    server = await startDovecot({
      users: [gwen],
      layout: 'fs',
      virtualFolders: {
        prefix: 'Views/',
        hiddenPrefix: 'Hidden/',
        folders: [
          { name: 'All Mail', specialUse: '\\All', mailboxes: ['*', '-Trash', 'Hidden/*'], search: 'all' },
          { name: 'Starred', specialUse: '\\Flagged', mailboxes: ['*'], search: 'flagged' },
        ],
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lists each view with its SPECIAL-USE flag over the real folders, and never the hidden ones', async () => {
    const client = imapClient(server, gwen);
    await client.connect();
    try {
      await client.mailboxCreate('Hidden/Archived');
      await client.append('INBOX', 'Subject: one\r\n\r\nstarred\r\n', ['\\Flagged']);
      await client.append('Trash', 'Subject: two\r\n\r\ndeleted\r\n');
      await client.append('Hidden/Archived', 'Subject: three\r\n\r\narchived\r\n');
      const list = await client.list({ statusQuery: { messages: true } });
      const flagsOf = (path: string) => [...(list.find((f) => f.path === path)?.flags ?? [])];
      expect(flagsOf('Views/All Mail')).toContain('\\All');
      expect(flagsOf('Views/Starred')).toContain('\\Flagged');
      expect(list.find((f) => f.path === 'Views/All Mail')?.status?.messages).toBe(2);
      expect(list.find((f) => f.path === 'Views/Starred')?.status?.messages).toBe(1);
      expect(list.some((f) => f.path.startsWith('Hidden'))).toBe(false);
    } finally {
      await client.logout();
    }
  });
});

describe('Dovecot quotas and the message size limit', () => {
  let server: DovecotServer;
  const quinn = { username: 'quinn', password: 'quinn-pw', quotaMessages: 2 };
  const rita = { username: 'rita', password: 'rita-pw', quotaBytes: 4096 };
  const sam = { username: 'sam', password: 'sam-pw' };
  const maxMessageBytes = 10_000;
  beforeAll(async () => {
    server = await startDovecot({ users: [quinn, rita, sam], maxMessageBytes });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses an APPEND over the message-count quota with OVERQUOTA', async () => {
    const client = imapClient(server, quinn);
    await client.connect();
    try {
      await client.append('INBOX', message('one'));
      await client.append('INBOX', message('two'));
      await expect(client.append('INBOX', message('three'))).rejects.toMatchObject({
        serverResponseCode: 'OVERQUOTA',
      });
      const quota = await client.getQuota('INBOX');
      expect(quota && quota.message).toMatchObject({ usage: 2, limit: 2 });
    } finally {
      await client.logout();
    }
    expect(await server.doveadm(['quota', 'get', '-u', 'quinn'])).toMatch(/MESSAGE\s+2\s+2/);
  });

  it('refuses an APPEND over the storage quota with OVERQUOTA', async () => {
    const client = imapClient(server, rita);
    await client.connect();
    try {
      await client.append('INBOX', message('fits', 'x'.repeat(3000)));
      await expect(client.append('INBOX', message('does not fit', 'x'.repeat(3000)))).rejects.toMatchObject({
        serverResponseCode: 'OVERQUOTA',
      });
      expect(await inboxCount(client)).toBe(1);
    } finally {
      await client.logout();
    }
  });

  it('advertises APPENDLIMIT and refuses larger messages itself', async () => {
    const client = imapClient(server, sam);
    await client.connect();
    expect(client.capabilities.get('APPENDLIMIT')).toBe(maxMessageBytes);
    await client.logout();

    // Raw IMAP, because ImapFlow refuses an oversized APPEND before the server sees it.
    const socket = tlsConnect({
      host: server.host,
      port: server.ports.imaps,
      ca: [server.certificate.certPem],
    });
    const lines = new LineReader(socket);
    try {
      expect(await lines.next()).toMatch(/^\* OK/);
      expect(await lines.tagged(`a LOGIN ${sam.username} ${sam.password}`)).toMatch(/^a OK/);
      const big = message('too big', 'y'.repeat(maxMessageBytes));
      expect(await lines.append('INBOX', big)).toMatch(/^a NO \[LIMIT\]/);
      const small = message('small', 'y'.repeat(maxMessageBytes / 2));
      expect(await lines.append('INBOX', small)).toMatch(/^a OK/);
    } finally {
      socket.destroy();
    }
  });
});

function imapClient(
  server: DovecotServer,
  user: { username: string; password: string },
  options: Partial<ImapFlowOptions> = {},
): ImapFlow {
  return new ImapFlow({
    host: server.host,
    port: server.ports.imaps,
    secure: true,
    tls: { ca: [server.certificate.certPem] },
    auth: { user: user.username, pass: user.password },
    logger: false,
    disableAutoIdle: true,
    ...options,
  });
}

async function inboxCount(client: ImapFlow): Promise<number | undefined> {
  const status = await client.status('INBOX', { messages: true });
  return status ? status.messages : undefined;
}

function message(subject: string, body = 'Hello from the harness test.'): string {
  return [
    'From: Sender <sender@example.test>',
    'To: Recipient <recipient@example.test>',
    `Subject: ${subject}`,
    `Message-ID: <${randomUUID()}@cutover.test>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

// Dovecot names its processes after the instance (the temp dir's name), e.g. "dovecot-<name>/log".
function processesMentioning(dir: string): string[] {
  if (!existsSync('/proc/self/cmdline')) return [];
  const name = dir.split('/').pop() ?? dir;
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(name)) found.push(`${entry}: ${cmdline}`);
    } catch {
      // exited meanwhile
    }
  }
  return found;
}

// Just enough of a line protocol client for raw POP3 and IMAP exchanges.
class LineReader {
  #buffer = '';
  #lines: string[] = [];
  #waiting: ((line: string) => void)[] = [];
  #socket: Socket | TLSSocket;

  constructor(socket: Socket | TLSSocket) {
    this.#socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.#buffer += chunk;
      let index: number;
      while ((index = this.#buffer.indexOf('\r\n')) >= 0) {
        const line = this.#buffer.slice(0, index);
        this.#buffer = this.#buffer.slice(index + 2);
        const waiter = this.#waiting.shift();
        if (waiter) waiter(line);
        else this.#lines.push(line);
      }
    });
    socket.on('error', () => undefined);
  }

  next(): Promise<string> {
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('No line from server within 5 s')), 5000);
      this.#waiting.push((value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
  }

  /** Sends one line and returns the first line of the answer (POP3 style). */
  async command(line: string): Promise<string> {
    this.#socket.write(`${line}\r\n`);
    return this.next();
  }

  /** Sends an IMAP command tagged "a" and returns the tagged completion line. */
  async tagged(line: string): Promise<string> {
    this.#socket.write(`${line}\r\n`);
    return this.#untilTagged();
  }

  /** APPEND with a synchronizing literal; the server may refuse before asking for the data. */
  async append(mailbox: string, content: string): Promise<string> {
    this.#socket.write(`a APPEND ${mailbox} {${Buffer.byteLength(content)}}\r\n`);
    const first = await this.next();
    if (!first.startsWith('+')) return first.startsWith('a ') ? first : this.#untilTagged();
    this.#socket.write(`${content}\r\n`);
    return this.#untilTagged();
  }

  async #untilTagged(): Promise<string> {
    for (;;) {
      const line = await this.next();
      if (line.startsWith('a ')) return line;
    }
  }
}
