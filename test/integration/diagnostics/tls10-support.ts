// Whether this platform's OpenSSL can still do a TLS 1.0 handshake at all (both ends allowing
// it), so the "TLS older than 1.2" test can be skipped with a reason where it cannot.
import { connect, createServer } from 'node:tls';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when a TLS 1.0-only node:tls server and a client allowing TLS 1.0 agree on TLSv1. */
export async function platformSupportsTls10(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'cutover-tls10-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-subj',
        '/CN=tls10',
        '-days',
        '1',
      ],
      { stdio: 'ignore' },
    );
    const legacy = { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT:@SECLEVEL=0' };
    const server = createServer(
      {
        ...legacy,
        maxVersion: 'TLSv1',
        key: readFileSync(join(dir, 'key.pem')),
        cert: readFileSync(join(dir, 'cert.pem')),
      },
      (socket) => socket.end(),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const protocol = await new Promise<string | null>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false, ...legacy }, () => {
        resolve(socket.getProtocol());
        socket.destroy();
      });
      socket.on('error', () => resolve(null));
    });
    server.close();
    return protocol === 'TLSv1';
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
