import { ImapFlow } from 'imapflow';
import type { DovecotServer } from '../harness/dovecot.ts';

/** Logs in to `server` as `user` with an OAuth2 access token and lists the mailbox's folders. */
export async function foldersWithToken(
  server: DovecotServer,
  user: string,
  accessToken: string,
): Promise<string[]> {
  const client = new ImapFlow({
    host: server.host,
    port: server.ports.imaps,
    secure: true,
    auth: { user, accessToken },
    tls: { ca: server.certificate.certPem, servername: 'localhost' },
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const listed = await client.list();
    return listed.map((box) => box.path);
  } finally {
    await client.logout().catch(() => client.close());
  }
}
