import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { startDovecot } from '../../harness/dovecot.ts';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { connectThrough, connectTo, rawMessage, readMailbox } from '../../support/mail-fixtures.ts';
import { appendMessages } from '../../../main/infrastructure/protocols/imap/append-messages.ts';

// imapflow is patched (patches/imapflow+*.patch) to send every literal non-synchronizing when
// the server has LITERAL+: a MULTIAPPEND of many messages then costs one round trip, not one
// per message waiting for the server's "+".
let server: DovecotServer;
let tap: Server;
const wire = { fromClient: '', fromServer: '' };

beforeAll(async () => {
  server = await startDovecot({ users: [{ username: 'ann', password: 'pw' }] });
  // A tap on the cleartext port: what each side said, in the order it said it.
  tap = createServer((client) => {
    const upstream = connect(server.ports.imap, server.host);
    client.on('data', (chunk: Buffer) => {
      wire.fromClient += chunk.toString('latin1');
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      wire.fromServer += chunk.toString('latin1');
      client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => tap.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => tap.close(() => resolve()));
  await server.stop();
});

describe('APPEND against a server with LITERAL+', () => {
  it('sends each message as a non-synchronizing literal and never waits for a continuation', async () => {
    const client = await connectThrough((tap.address() as AddressInfo).port, 'ann', 'pw');
    expect(client.capabilities.has('LITERAL+')).toBe(true);
    const bodies = ['One', 'Two', 'Three'].map((subject) =>
      rawMessage({ subject, body: `${subject} `.repeat(3000) }),
    );
    expect(bodies.every((body) => body.length > 4096)).toBe(true); // over LITERAL-'s limit
    const serverBefore = wire.fromServer.length;
    const appended = await appendMessages(
      client,
      'INBOX',
      bodies.map((body) => ({ body, flags: ['\\Seen'], internalDate: null })),
    );
    await client.logout();

    expect(appended.uids).toHaveLength(3);
    const append = wire.fromClient.slice(wire.fromClient.indexOf(' APPEND '));
    expect(append.match(/\{\d+\+\}\r\n/g)?.map((marker) => Number(marker.slice(1, -4)))).toEqual(
      bodies.map((body) => body.length),
    );
    // Between the APPEND and its tagged answer the server sent no "+" continuation.
    const answer = wire.fromServer.slice(serverBefore);
    expect(answer.split('\r\n').filter((line) => line.startsWith('+'))).toEqual([]);
    const stored = await connectTo(server, 'ann', 'pw');
    try {
      const inbox = (await readMailbox(stored)).filter((m) => m.folder === 'INBOX');
      expect(inbox.map((m) => m.source.toString('latin1'))).toEqual(bodies.map((b) => b.toString('latin1')));
    } finally {
      await stored.logout();
    }
  });
});
