import { startDovecot } from '../harness/dovecot.ts';
import type { DovecotServer } from '../harness/dovecot.ts';
import { connectTo, rawMessage } from './mail-fixtures.ts';

/** A source with `count` distinct ~3 KB messages in ann's INBOX and an empty destination (both ann/pw). */
export async function startSeededPair(
  count: number,
  label: string,
): Promise<{ source: DovecotServer; destination: DovecotServer }> {
  const [source, destination] = await Promise.all([
    startDovecot({ users: [{ username: 'ann', password: 'pw' }] }),
    startDovecot({ users: [{ username: 'ann', password: 'pw' }] }),
  ]);
  const client = await connectTo(source, 'ann', 'pw');
  for (let i = 0; i < count; i++) {
    await client.append(
      'INBOX',
      rawMessage({ subject: `${label} ${i}`, body: 'y'.repeat(3000) }),
      [],
      new Date(Date.UTC(2021, 0, 1, 0, i)),
    );
  }
  await client.logout();
  return { source, destination };
}
