import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DovecotServer } from '../../harness/dovecot.ts';
import { startSlowLink } from '../../harness/slow-link.ts';
import type { SlowLink } from '../../harness/slow-link.ts';
import { connectTo, readMailbox } from '../../support/mail-fixtures.ts';
import { startSeededPair } from '../../support/seeded-servers.ts';
import { createTestServices } from '../../support/test-services.ts';
import { createAndRun, requestBetween } from '../../support/migration-services.ts';

// Two laptops (two databases, so no shared claim) copying the same mailbox into the same
// destination at the same time: the destination itself must keep every message to one copy.
const MESSAGES = 300;
let source: DovecotServer;
let destination: DovecotServer;
let links: SlowLink[];

beforeAll(async () => {
  ({ source, destination } = await startSeededPair(MESSAGES, 'Twice'));
  // Each laptop reads the old server over its own link, at slightly different speeds, so their
  // batches interleave on the destination.
  links = await Promise.all([
    startSlowLink({ host: source.host, port: source.ports.imaps }, 600_000),
    startSlowLink({ host: source.host, port: source.ports.imaps }, 450_000),
  ]);
});

afterAll(async () => {
  await Promise.allSettled(links.map((l) => l.stop()));
  await Promise.allSettled([source?.stop(), destination?.stop()]);
});

describe('two databases, one destination mailbox, at the same time', () => {
  it('ends with every message exactly once, and both jobs done', async () => {
    const laptops = [createTestServices(), createTestServices()];
    try {
      const summaries = await Promise.all(
        laptops.map((services, i) => {
          const request = requestBetween(source, destination, 'ann,pw\n', { name: `laptop-${i}` });
          request.source.ports = { ...request.source.ports, imaps: links[i]!.port };
          // Small batches, so many of them meet on the destination.
          return createAndRun(services, request, { source, destination }, { budgetBytes: 1024 * 1024 });
        }),
      );
      expect(summaries.map((s) => s.accounts[0]!.status)).toEqual(['done', 'done']);
      const client = await connectTo(destination, 'ann', 'pw');
      const messages = await readMailbox(client);
      await client.logout();
      expect(new Set(messages.map((m) => m.source.toString())).size).toBe(MESSAGES);
      expect(messages).toHaveLength(MESSAGES);
      // Between them they copied each message once; the rest each found already there.
      const copied = summaries.map((s) => s.accounts[0]!.messagesCopied);
      expect(copied[0]! + copied[1]!).toBe(MESSAGES);
      expect(summaries.map((s) => s.accounts[0]!.messagesSkipped + s.accounts[0]!.messagesCopied)).toEqual([
        MESSAGES,
        MESSAGES,
      ]);
    } finally {
      for (const services of laptops) services.close();
    }
  });
});
