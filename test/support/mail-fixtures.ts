import { ImapFlow } from 'imapflow';
import type { DovecotServer } from '../harness/dovecot.ts';

/** A raw RFC 5322 message; CRLF line ends, as servers store them. */
export function rawMessage(options: {
  subject: string;
  messageId?: string | null;
  date?: string;
  body?: string;
  from?: string;
}): Buffer {
  const headers = [
    `From: ${options.from ?? 'Ann Example <ann@old.test>'}`,
    'To: Bob <bob@old.test>',
    `Subject: ${options.subject}`,
    `Date: ${options.date ?? 'Mon, 02 Nov 2026 10:00:00 +0000'}`,
  ];
  if (options.messageId !== null)
    headers.push(`Message-ID: ${options.messageId ?? `<${options.subject.replace(/\W+/g, '.')}@old.test>`}`);
  headers.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8');
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${options.body ?? `Body of ${options.subject}.`}\r\n`);
}

/** An IMAP session on a harness server, trusting its self-signed certificate. */
export async function connectTo(
  server: DovecotServer,
  user: string,
  password: string,
  tls: { ca: string; servername: string } = { ca: server.certificate.certPem, servername: 'localhost' },
): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: server.host,
    port: server.ports.imaps,
    secure: true,
    auth: { user, pass: password },
    tls,
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** A cleartext IMAP session through a proxy of the test's on 127.0.0.1:`port` (no STARTTLS). */
export async function connectThrough(port: number, user: string, password: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port,
    secure: false,
    doSTARTTLS: false,
    auth: { user, pass: password },
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}

export interface StoredMessage {
  folder: string;
  uid: number;
  flags: string[];
  internalDate: string;
  source: Buffer;
}

/** Every message of every folder, for comparing two mailboxes message by message. */
export async function readMailbox(client: ImapFlow): Promise<StoredMessage[]> {
  const all: StoredMessage[] = [];
  for (const folder of await client.list()) {
    if (folder.flags.has('\\Noselect')) continue;
    const box = await client.mailboxOpen(folder.path, { readOnly: true });
    if (box.exists === 0) continue;
    for await (const m of client.fetch(
      '1:*',
      { uid: true, flags: true, internalDate: true, source: true },
      { uid: true },
    )) {
      all.push({
        folder: folder.path,
        uid: m.uid,
        flags: [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort(),
        internalDate: new Date(m.internalDate!).toISOString(),
        source: m.source!,
      });
    }
  }
  return all;
}
