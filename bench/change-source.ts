// Run 3's changes on the source, over IMAP: 25 new messages an account (one a re-delivered
// exact copy, two without a Message-ID) and 25 messages' flags changed an account.
import type { DovecotServer } from '../test/harness/dovecot.ts';
import { expectedOf, flagChangePlan, laterSpecs, messageBytes, passwordOf, toCrlf } from './corpus.ts';
import type { Expected } from './corpus.ts';
import type { SeededAccount } from './seed-maildir.ts';
import { openClient } from './verify.ts';

export interface SourceChanges {
  /** The whole corpus as it must now arrive. */
  expected: Expected[];
  changed: Array<{ expected: Expected; flags: string[] }>;
  added: number;
}

export async function changeSource(source: DovecotServer, seeded: SeededAccount[]): Promise<SourceChanges> {
  const expected = seeded.flatMap((s) => s.expected.map((e) => ({ ...e, flags: [...e.flags] })));
  const byId = new Map(expected.map((e) => [e.id, e]));
  const changed: SourceChanges['changed'] = [];
  let added = 0;
  for (const account of seeded) {
    const client = await openClient(source, account.account, passwordOf(account.account));
    try {
      const later = laterSpecs(account.account, account.specs);
      for (const spec of later) {
        const crlf = toCrlf(messageBytes(spec));
        await client.append(spec.folder, crlf, spec.flags, spec.internalDate);
        const record = expectedOf(spec, crlf);
        expected.push(record);
        byId.set(record.id, record);
        added++;
      }
      const plan = flagChangePlan(account.specs, [...account.specs, ...later]);
      const byFolder = new Map<string, typeof plan>();
      for (const change of plan) {
        const list = byFolder.get(change.spec.folder) ?? [];
        list.push(change);
        byFolder.set(change.spec.folder, list);
      }
      for (const [folder, changes] of byFolder) {
        await client.mailboxOpen(folder);
        const uidById = new Map<string, number[]>();
        for await (const m of client.fetch('1:*', { uid: true, headers: ['message-id'] }, { uid: true })) {
          const id = /^message-id:\s*(.*?)\s*$/im.exec(m.headers?.toString('latin1') ?? '')?.[1];
          if (id) uidById.set(id, [...(uidById.get(id) ?? []), m.uid]);
        }
        for (const { spec, flags } of changes) {
          const uids = uidById.get(spec.messageId!) ?? [];
          if (uids.length !== 1)
            throw new Error(`Flag change: ${spec.id} found ${uids.length} times on the source`);
          await client.messageFlagsSet(String(uids[0]), flags, { uid: true });
          const record = byId.get(spec.id)!;
          record.flags = [...flags].sort();
          changed.push({ expected: record, flags: record.flags });
        }
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
  return { expected, changed, added };
}
