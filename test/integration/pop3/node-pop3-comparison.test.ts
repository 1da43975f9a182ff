// Why Cutover has its own POP3 client: node-pop3 0.11.0 hangs when the final ".\r\n" arrives
// split across packets, decodes 8-bit mail as UTF-8, leaves dot-stuffing in place, and has no
// STLS. Each case runs against the same fake server; our client gets the exact bytes.
import Pop3Command from 'node-pop3';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPop3 } from '../../../main/infrastructure/protocols/pop3/index.ts';
import { rfc822 } from '../../unit/pop3/pop3-wire.ts';
import { splitTail, startFakePop3 } from './fake-pop3-server.ts';
import type { FakePop3Options, FakePop3Server } from './fake-pop3-server.ts';

const HUNG = Symbol('hung');
const USER = { user: 'alice', password: 'pw-alice' };

const servers: FakePop3Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(options: FakePop3Options): Promise<FakePop3Server> {
  const server = await startFakePop3(options);
  servers.push(server);
  return server;
}

/** RETR 1 with node-pop3; HUNG when no answer within `ms`. */
async function nodePop3Retr(port: number, ms = 1500): Promise<string | typeof HUNG> {
  const client = new Pop3Command({ ...USER, host: '127.0.0.1', port, tls: false });
  try {
    return await Promise.race([
      client.RETR(1),
      new Promise<typeof HUNG>((resolve) => setTimeout(() => resolve(HUNG), ms)),
    ]);
  } finally {
    client._socket?.destroy();
  }
}

async function ourRetr(port: number): Promise<Buffer> {
  const client = await connectPop3({
    host: '127.0.0.1',
    port,
    security: 'plain',
    allowPlaintextAuth: true,
    timeoutMs: 5000,
  });
  await client.login(USER.user, USER.password);
  const body = await client.retr(1);
  await client.quit();
  return body;
}

const plainMessage = rfc822({ Subject: 'split terminator' }, 'Hello.\r\n');
const latin1Message = rfc822(
  { Subject: 'Umlaute', 'Content-Type': 'text/plain; charset=iso-8859-1' },
  Buffer.from('Gr\xfc\xdfe aus K\xf6ln: \xe4 \xf6 \xfc \xc4\r\n', 'latin1'),
);
const dottedMessage = rfc822({ Subject: 'dots' }, '.hidden line\r\n..two dots\r\n.\r\nafter a lone dot\r\n');

describe('node-pop3 0.11.0 versus our client', () => {
  it('(a) node-pop3 hangs when "\\r\\n." and "\\r\\n" arrive in two packets; ours completes', async () => {
    const { port } = await start({ messages: [plainMessage], deliver: splitTail(2, 100) });
    expect(await nodePop3Retr(port)).toBe(HUNG);
    expect(await ourRetr(port)).toEqual(plainMessage);
    // Control: the same answer in one packet, and node-pop3 returns (minus the final CRLF).
    const control = await start({ messages: [plainMessage] });
    expect(await nodePop3Retr(control.port)).toBe(plainMessage.toString('latin1').slice(0, -2));
  });

  it('(b) node-pop3 corrupts an 8-bit Latin-1 body by decoding it as UTF-8; ours is byte-identical', async () => {
    const { port } = await start({ messages: [latin1Message] });
    const theirs = await nodePop3Retr(port);
    expect(theirs).not.toBe(HUNG);
    expect(theirs as string).toContain('\ufffd');
    expect(Buffer.from(theirs as string, 'latin1').equals(latin1Message)).toBe(false);
    expect(Buffer.from(theirs as string, 'utf8').equals(latin1Message)).toBe(false);
    expect(await ourRetr(port)).toEqual(latin1Message);
  });

  it('(c) node-pop3 leaves dot-stuffing in the message; ours undoes it', async () => {
    const { port } = await start({ messages: [dottedMessage] });
    const theirs = await nodePop3Retr(port);
    expect(theirs).not.toBe(HUNG);
    expect(theirs as string).toContain('\r\n..hidden line\r\n');
    expect(theirs as string).toContain('\r\n...two dots\r\n');
    expect(await ourRetr(port)).toEqual(dottedMessage);
  });

  it('(d) node-pop3 has no STLS; ours requires it when asked', () => {
    expect('STLS' in Pop3Command.prototype).toBe(false);
    expect(Object.getOwnPropertyNames(Pop3Command.prototype)).toContain('DELE');
  });
});
