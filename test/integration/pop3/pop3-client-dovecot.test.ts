// Our client against a real Dovecot: STLS and implicit TLS with the harness certificate,
// untrusted and mismatched certificates (and pinning them), wrong passwords, and byte-exact
// UIDL/LIST/RETR/TOP of messages dropped into the Maildir, which the client never changes.
import { randomUUID } from 'node:crypto';
import { chown, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPop3, isPop3Error } from '../../../main/infrastructure/protocols/pop3/index.ts';
import type {
  Pop3Client,
  Pop3ConnectOptions,
  TranscriptEntry,
} from '../../../main/infrastructure/protocols/pop3/index.ts';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { rfc822 } from '../../unit/pop3/pop3-wire.ts';

const ALICE = { username: 'alice', password: 'alice pw: with spaces' };
const BOB = { username: 'bob', password: 'bob-pw' };

// Maildir files keep CRLF line ends so Dovecot serves them unchanged (it turns a bare LF into CRLF).
const MESSAGES: Record<string, Buffer> = {
  ascii: rfc822(
    { From: 'a@example.test', Subject: 'ascii', 'Message-ID': `<${randomUUID()}@cutover.test>` },
    'Plain text.\r\nSecond line.\r\n',
  ),
  latin1: rfc822(
    { From: 'b@example.test', Subject: 'latin1', 'Content-Type': 'text/plain; charset=iso-8859-1' },
    Buffer.from('Gr\xfc\xdfe aus K\xf6ln: \xe4\xf6\xfc \xc4\xd6\xdc \xff\x80\r\n', 'latin1'),
  ),
  eightbit: rfc822(
    { From: 'c@example.test', Subject: 'eightbit', 'Content-Transfer-Encoding': '8bit' },
    Buffer.concat([Buffer.from(Array.from({ length: 224 }, (_, i) => i + 32)), Buffer.from('\r\n')]),
  ),
  dots: rfc822(
    { From: 'd@example.test', Subject: 'dots' },
    '.starts with a dot\r\n..two dots\r\n.\r\n\r\n.\r\n..\r\n. space\r\nend.\r\n',
  ),
};

let server: DovecotServer;
const fileNames: string[] = [];

async function deliver(username: string, name: string, content: Buffer): Promise<void> {
  const path = join(
    server.maildir(username),
    'new',
    `${Date.now()}.M${fileNames.length}P${process.pid}.${name}`,
  );
  fileNames.push(path);
  await writeFile(path, content);
  await chown(path, server.mailOwner.uid, server.mailOwner.gid);
}

async function maildirContents(username: string): Promise<Buffer[]> {
  const contents: Buffer[] = [];
  for (const sub of ['new', 'cur']) {
    const dir = join(server.maildir(username), sub);
    for (const name of await readdir(dir)) contents.push(await readFile(join(dir, name)));
  }
  return contents.sort(Buffer.compare);
}

function options(
  extra: Partial<Pop3ConnectOptions> & Pick<Pop3ConnectOptions, 'security'>,
): Pop3ConnectOptions {
  const port = extra.security === 'tls' ? server.ports.pop3s : server.ports.pop3;
  return { host: server.host, port, timeoutMs: 10_000, ...extra };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  server = await startDovecot({ users: [ALICE, BOB] });
  for (const [name, content] of Object.entries(MESSAGES)) await deliver(ALICE.username, name, content);
});
afterAll(async () => {
  await server?.stop();
});

describe('TLS with Dovecot', () => {
  it('upgrades the POP3 port with STLS, trusting the harness certificate as CA', async () => {
    const transcript: TranscriptEntry[] = [];
    const client = await connectPop3(
      options({
        security: 'starttls',
        tls: { ca: server.certificate.certPem },
        onTranscript: (entry) => transcript.push(entry),
      }),
    );
    expect(client.tls).toMatchObject({
      pinned: false,
      certificate: { fingerprint256: server.certificate.fingerprint256 },
    });
    expect(client.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(client.capabilities.has('STLS')).toBe(false); // asked again after TLS: no longer offered
    expect(client.capabilities.get('SASL')).toContain('PLAIN');
    await client.login(ALICE.username, ALICE.password);
    expect((await client.stat()).count).toBe(4);
    await client.quit();
    expect(transcript.filter((e) => e.direction === 'sent').map((e) => e.line)).toEqual([
      'CAPA',
      'STLS',
      'CAPA',
      'AUTH PLAIN',
      '****',
      'STAT',
      'QUIT',
    ]);
  });

  it('connects with implicit TLS on the POP3S port', async () => {
    const client = await connectPop3(options({ security: 'tls', tls: { ca: server.certificate.certPem } }));
    expect(client.tls?.pinned).toBe(false);
    await client.login(ALICE.username, ALICE.password, { mechanism: 'USER' });
    expect((await client.stat()).count).toBe(4);
    await client.quit();
  });

  for (const security of ['tls', 'starttls'] as const) {
    it(`rejects the self-signed certificate without a CA, naming its fingerprint (${security})`, async () => {
      const error = await caught(connectPop3(options({ security })));
      expect(isPop3Error(error, 'CERT_UNTRUSTED')).toBe(true);
      const message = (error as Error).message;
      expect(message).toContain(server.certificate.fingerprint256);
      expect(message).toContain('localhost, 127.0.0.1');
      expect(message).toContain('self-signed');
      expect(error).toMatchObject({
        certificateReason: 'DEPTH_ZERO_SELF_SIGNED_CERT',
        certificate: {
          fingerprint256: server.certificate.fingerprint256,
          subjectAltNames: ['localhost', '127.0.0.1'],
        },
      });
    });

    it(`accepts the same certificate once pinned, for that connection only (${security})`, async () => {
      const pinned = await connectPop3(
        options({ security, tls: { pinnedFingerprint256: server.certificate.fingerprint256 } }),
      );
      expect(pinned.tls?.pinned).toBe(true);
      await pinned.login(ALICE.username, ALICE.password);
      expect((await pinned.stat()).count).toBe(4);
      await pinned.quit();
      // The pin changed nothing for other connections.
      expect(await caught(connectPop3(options({ security })))).toMatchObject({ code: 'CERT_UNTRUSTED' });
    });
  }

  it('rejects a pin that does not match', async () => {
    const wrongPin = server.certificate.fingerprint256.replace(/^../, (hex) => (hex === '00' ? '01' : '00'));
    const error = await caught(
      connectPop3(options({ security: 'tls', tls: { pinnedFingerprint256: wrongPin } })),
    );
    expect(error).toMatchObject({ code: 'CERT_UNTRUSTED' });
    expect((error as Error).message).toContain('not the pinned certificate');
  });

  it('rejects a trusted certificate for another host name, and accepts it pinned', async () => {
    const tls = { ca: server.certificate.certPem, servername: 'mail.example.test' };
    const error = await caught(connectPop3(options({ security: 'tls', tls })));
    expect(error).toMatchObject({ code: 'CERT_HOSTNAME_MISMATCH' });
    expect((error as Error).message).toBe(
      `The certificate of 127.0.0.1:${server.ports.pop3s} is not for mail.example.test. It is issued to localhost, 127.0.0.1; SHA-256 fingerprint ${server.certificate.fingerprint256}. Connect with one of its names, or pin this fingerprint for this server.`,
    );
    const pinned = await connectPop3(
      options({ security: 'tls', tls: { ...tls, pinnedFingerprint256: server.certificate.fingerprint256 } }),
    );
    expect(pinned.tls?.pinned).toBe(true);
    pinned.close();
  });
});

describe('logging in to Dovecot', () => {
  for (const mechanism of ['PLAIN', 'USER'] as const) {
    it(`reports AUTHENTICATION_FAILED for a wrong password (${mechanism})`, async () => {
      const client = await connectPop3(options({ security: 'tls', tls: { ca: server.certificate.certPem } }));
      const error = await caught(client.login(ALICE.username, 'wrong password 123', { mechanism }));
      expect(error).toMatchObject({
        code: 'AUTHENTICATION_FAILED',
        authenticationFailed: true,
        transient: false,
        serverResponseCode: 'AUTH',
      });
      expect((error as Error).message).not.toContain('wrong password 123');
      client.close();
    });
  }
});

describe('reading mail from Dovecot', () => {
  let client: Pop3Client;
  const transcript: TranscriptEntry[] = [];
  let before: Buffer[];

  beforeAll(async () => {
    before = await maildirContents(ALICE.username);
    client = await connectPop3(
      options({
        security: 'tls',
        tls: { ca: server.certificate.certPem },
        onTranscript: (e) => transcript.push(e),
      }),
    );
    await client.login(ALICE.username, ALICE.password);
  });
  afterAll(() => client?.close());

  it('returns every message byte-identical to its Maildir file, with LIST sizes and stable UIDs', async () => {
    const sizes = await client.list();
    const uids = await client.uidl();
    expect([...sizes.keys()]).toEqual([1, 2, 3, 4]);
    expect([...uids.keys()]).toEqual([1, 2, 3, 4]);
    expect(new Set(uids.values()).size).toBe(4);
    const retrieved = new Map<string, Buffer>();
    for (const number of sizes.keys()) {
      const message = await client.retr(number);
      expect(message.length).toBe(sizes.get(number));
      const subject = /^Subject: (.*)\r$/m.exec(message.toString('latin1'))?.[1] ?? '?';
      retrieved.set(subject, message);
    }
    for (const [name, content] of Object.entries(MESSAGES)) {
      expect(retrieved.get(name)?.equals(content), name).toBe(true);
    }
  });

  it('returns just the header with TOP n 0', async () => {
    for (const number of [1, 2, 3, 4]) {
      const header = await client.top(number, 0);
      const full = await client.retr(number);
      const end = full.indexOf('\r\n\r\n') + 4;
      expect(header.equals(full.subarray(0, end))).toBe(true);
    }
    const firstLine = await client.top(4, 1);
    expect(firstLine.toString('latin1')).toMatch(/\r\n\r\n[^\r\n]*\r\n$/);
  });

  it('leaves the source unchanged: same files, and no DELE in the transcript', async () => {
    await client.noop();
    const sent = transcript.filter((e) => e.direction === 'sent').map((e) => e.line);
    expect(sent.some((line) => /^(DELE|RSET)/i.test(line))).toBe(false);
    expect(sent).toContain('RETR 4');
    expect(await maildirContents(ALICE.username)).toEqual(before);
  });
});

describe('ending a Dovecot session', () => {
  it('close() commits nothing and TOP marks nothing, while RETR + QUIT lets Dovecot mark mail seen', async () => {
    const content = rfc822({ Subject: 'seen test' }, 'x\r\n');
    const maildir = server.maildir(BOB.username);
    await deliver(BOB.username, 'seen', content);
    const flags = async (): Promise<string[]> =>
      (await readdir(join(maildir, 'cur'))).map((name) => name.split(':')[1] ?? '');
    const session = async (read: 'retr' | 'top'): Promise<Pop3Client> => {
      const client = await connectPop3(options({ security: 'tls', tls: { ca: server.certificate.certPem } }));
      await client.login(BOB.username, BOB.password);
      if (read === 'retr') expect(await client.retr(1)).toEqual(content);
      else expect((await client.top(1, 0)).toString()).toBe('Subject: seen test\r\n\r\n');
      return client;
    };

    await (await session('top')).quit();
    expect(await flags()).toEqual(['2,']);

    (await session('retr')).close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await flags()).toEqual(['2,']);

    // Dovecot commits before it answers QUIT, so the flag is there when quit() resolves.
    await (await session('retr')).quit();
    expect(await flags()).toEqual(['2,S']);
    expect((await readdir(join(maildir, 'new'))).length).toBe(0);
  });

  it('retrieves a 20 MB message byte-identical in a few seconds', async () => {
    const line = Buffer.from(`.${'y'.repeat(74)}\r\n`);
    const body = Buffer.concat(Array.from({ length: Math.ceil(20_000_000 / line.length) }, () => line));
    const big = rfc822({ Subject: 'big' }, body);
    await deliver(BOB.username, 'big', big);
    const client = await connectPop3(options({ security: 'tls', tls: { ca: server.certificate.certPem } }));
    await client.login(BOB.username, BOB.password);
    const sizes = await client.list();
    const number = [...sizes].find(([, size]) => size === big.length)?.[0];
    expect(number).toBeDefined();
    const started = performance.now();
    const message = await client.retr(number!);
    const elapsed = performance.now() - started;
    client.close();
    expect(message.equals(big)).toBe(true);
    expect(elapsed).toBeLessThan(5000);
  });
});
