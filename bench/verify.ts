// Reads a mailbox back over IMAP (read-only, BODY.PEEK) and compares it with what the corpus
// says must be there, folder by folder: exact counts, byte-identical bodies, flags, INTERNALDATE.
import { createHash } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import type { DovecotServer } from '../test/harness/dovecot.ts';
import type { Expected } from './corpus.ts';

export interface Observed {
  uid: number;
  sha256: string;
  size: number;
  flags: string[];
  internalDate: number;
  messageId: string | null;
}

/** folder → messages, for one account. */
export type MailboxContents = Map<string, Observed[]>;

export async function openClient(server: DovecotServer, user: string, password: string): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: server.host,
    port: server.ports.imaps,
    secure: true,
    auth: { user, pass: password },
    tls: { ca: server.certificate.certPem, servername: 'localhost' },
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => {});
  await client.connect();
  return client;
}

export async function readAccount(
  server: DovecotServer,
  user: string,
  password: string,
): Promise<MailboxContents> {
  const client = await openClient(server, user, password);
  try {
    const contents: MailboxContents = new Map();
    for (const folder of await client.list()) {
      if (folder.flags.has('\\Noselect') || folder.flags.has('\\NonExistent')) continue;
      const box = await client.mailboxOpen(folder.path, { readOnly: true });
      const messages: Observed[] = [];
      contents.set(folder.path, messages);
      if (box.exists === 0) continue;
      for await (const m of client.fetch(
        '1:*',
        { uid: true, flags: true, internalDate: true, source: true, headers: ['message-id'] },
        { uid: true },
      )) {
        const id = /^message-id:\s*(.*?)\s*$/im.exec(m.headers?.toString('latin1') ?? '')?.[1] ?? null;
        messages.push({
          uid: m.uid,
          sha256: createHash('sha256').update(m.source!).digest('hex'),
          size: m.source!.length,
          flags: [...(m.flags ?? [])].filter((f) => f !== '\\Recent').sort(),
          internalDate: Math.floor(new Date(m.internalDate!).getTime() / 1000),
          messageId: id || null,
        });
      }
    }
    return contents;
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Multiset difference, as a few readable lines. */
function differences(want: Map<string, number>, got: Map<string, number>, where: string): string[] {
  const out: string[] = [];
  for (const [key, n] of want) {
    const m = got.get(key) ?? 0;
    if (m !== n) out.push(`${where}: ${key.slice(0, 90)} expected ${n}, found ${m}`);
  }
  for (const [key, m] of got) if (!want.has(key)) out.push(`${where}: ${key.slice(0, 90)} unexpected ×${m}`);
  return out;
}

/**
 * Compares every account: `expected` is the full list of what must be there, `observed` what
 * IMAP shows (account → folder → messages). Empty folders on either side are ignored.
 */
export function compare(expected: readonly Expected[], observed: Map<string, MailboxContents>): Check[] {
  const byFolder = new Map<string, Expected[]>();
  for (const e of expected) {
    const key = `${e.account}\u0000${e.folder}`;
    const list = byFolder.get(key);
    if (list) list.push(e);
    else byFolder.set(key, [e]);
  }
  const problems = {
    folders: [] as string[],
    counts: [] as string[],
    bytes: [] as string[],
    flags: [] as string[],
    dates: [] as string[],
  };
  let messages = 0;
  let foldersCompared = 0;
  const accounts = new Set(expected.map((e) => e.account));
  for (const account of accounts) {
    const contents = observed.get(account) ?? new Map<string, Observed[]>();
    const wanted = new Set(
      [...byFolder.keys()]
        .filter((k) => k.startsWith(`${account}\u0000`))
        .map((k) => k.slice(account.length + 1)),
    );
    for (const [folder, list] of contents) {
      if (list.length > 0 && !wanted.has(folder))
        problems.folders.push(`${account}: unexpected folder "${folder}" (${list.length} messages)`);
    }
    for (const folder of wanted) {
      foldersCompared++;
      const want = byFolder.get(`${account}\u0000${folder}`)!;
      const got = contents.get(folder);
      const where = `${account}/${folder}`;
      if (!got) {
        problems.folders.push(`${where}: missing`);
        continue;
      }
      messages += got.length;
      if (got.length !== want.length)
        problems.counts.push(`${where}: expected ${want.length}, found ${got.length}`);
      problems.bytes.push(
        ...differences(
          countBy(want, (e) => e.sha256),
          countBy(got, (o) => o.sha256),
          where,
        ),
      );
      problems.flags.push(
        ...differences(
          countBy(want, (e) => `${e.sha256} ${e.flags.join(' ')}`),
          countBy(got, (o) => `${o.sha256} ${o.flags.join(' ')}`),
          where,
        ),
      );
      problems.dates.push(
        ...differences(
          countBy(want, (e) => `${e.sha256} ${new Date(e.internalDate * 1000).toISOString()}`),
          countBy(got, (o) => `${o.sha256} ${new Date(o.internalDate * 1000).toISOString()}`),
          where,
        ),
      );
    }
  }
  const check = (name: string, list: string[], ok: string): Check => ({
    name,
    pass: list.length === 0,
    detail:
      list.length === 0 ? ok : `${list.length} differences, e.g.\n      ${list.slice(0, 5).join('\n      ')}`,
  });

  // The special cases, counted on their own so a failure says plainly what was lost.
  const noId = expected.filter((e) => !e.hasMessageId);
  const dupGroups = new Map<string, number>();
  for (const e of expected) {
    const key = `${e.account}\u0000${e.folder}\u0000${e.sha256}`;
    dupGroups.set(key, (dupGroups.get(key) ?? 0) + 1);
  }
  const present = new Map<string, number>();
  for (const [account, contents] of observed)
    for (const [folder, list] of contents)
      for (const o of list) {
        const key = `${account}\u0000${folder}\u0000${o.sha256}`;
        present.set(key, (present.get(key) ?? 0) + 1);
      }
  let noIdFound = 0;
  const noIdSeen = new Map<string, number>();
  for (const e of noId) {
    const key = `${e.account}\u0000${e.folder}\u0000${e.sha256}`;
    const used = noIdSeen.get(key) ?? 0;
    if (used < (present.get(key) ?? 0)) noIdFound++;
    noIdSeen.set(key, used + 1);
  }
  let dupExpected = 0;
  let dupFound = 0;
  for (const [key, n] of dupGroups) {
    if (n < 2) continue;
    dupExpected += n;
    dupFound += Math.min(n, present.get(key) ?? 0);
  }
  return [
    check('folders (names, nesting, non-ASCII)', problems.folders, `${foldersCompared} folders`),
    check('exact message count per folder', problems.counts, `${messages} messages`),
    check('byte-identical bodies (no added headers)', problems.bytes, `${messages} SHA-256 matches`),
    check('flags', problems.flags, 'all match'),
    check('INTERNALDATE', problems.dates, 'all match'),
    {
      name: 'messages without a Message-ID',
      pass: noIdFound === noId.length,
      detail: `${noIdFound}/${noId.length} arrived`,
    },
    {
      name: 'exact duplicates inside one folder',
      pass: dupFound === dupExpected,
      detail: `${dupFound}/${dupExpected} copies arrived (${[...dupGroups.values()].filter((n) => n > 1).length} groups)`,
    },
  ];
}
