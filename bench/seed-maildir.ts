// Seeds the source Dovecot fast by writing Maildir files directly (APPEND of 350 MB would take
// far longer): folders made by `doveadm mailbox create`, found with `doveadm mailbox path`,
// flags in the file name (`:2,FRS`), INTERNALDATE as the file's mtime, files owned by the mail
// user. Dovecot indexes them on the first access, which seeding triggers itself.
import { chown, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DovecotServer } from '../test/harness/dovecot.ts';
import { accountSpecs, expectedOf, messageBytes, toCrlf } from './corpus.ts';
import type { CorpusShape } from './corpus.ts';
import type { Expected, MessageSpec } from './corpus.ts';

const FLAG_LETTERS: Record<string, string> = {
  '\\Draft': 'D',
  '\\Flagged': 'F',
  '\\Answered': 'R',
  '\\Seen': 'S',
  '\\Deleted': 'T',
};

export interface SeededAccount {
  account: string;
  specs: MessageSpec[];
  expected: Expected[];
  bytes: number;
}

let sequence = 0;

/** Writes one account's corpus into the server's Maildir; returns what IMAP must show. */
export async function seedAccount(
  server: DovecotServer,
  account: string,
  shape: CorpusShape,
): Promise<SeededAccount> {
  const folders = shape.folders.map(([name]) => name).filter((name) => name !== 'INBOX');
  await server.doveadm(['mailbox', 'create', '-s', '-u', account, ...folders]);
  const paths = new Map<string, string>();
  for (const [folder] of shape.folders) {
    const path = (await server.doveadm(['mailbox', 'path', '-u', account, folder])).trim();
    paths.set(folder, path);
  }
  const specs = accountSpecs(account, shape);
  const expected: Expected[] = [];
  const { uid, gid } = server.mailOwner;
  let bytes = 0;
  let inFlight: Array<Promise<void>> = [];
  for (const spec of specs) {
    const lf = messageBytes(spec);
    const crlf = toCrlf(lf);
    expected.push(expectedOf(spec, crlf));
    bytes += crlf.length;
    const mtime = Math.floor(spec.internalDate.getTime() / 1000);
    const flags = spec.flags
      .map((flag) => FLAG_LETTERS[flag] ?? '')
      .sort()
      .join('');
    const name = `${mtime}.M${++sequence}P${process.pid}.bench,S=${lf.length},W=${crlf.length}:2,${flags}`;
    const file = join(paths.get(spec.folder)!, 'cur', name);
    inFlight.push(
      (async () => {
        await writeFile(file, lf);
        await chown(file, uid, gid);
        await utimes(file, mtime, mtime);
      })(),
    );
    if (inFlight.length >= 32) {
      await Promise.all(inFlight);
      inFlight = [];
    }
  }
  await Promise.all(inFlight);
  return { account, specs, expected, bytes };
}

/**
 * Lets Dovecot index every folder (assigning UIDs, as a live server has long done) and checks
 * it sees exactly the messages written.
 */
export async function indexAndCount(server: DovecotServer, account: string): Promise<Map<string, number>> {
  const out = await server.doveadm(['-f', 'tab', 'mailbox', 'status', '-u', account, 'messages', '*']);
  const counts = new Map<string, number>();
  const lines = out.trim().split('\n').slice(1);
  for (const line of lines) {
    const [mailbox, messages] = line.split('\t');
    if (mailbox !== undefined && messages !== undefined) counts.set(mailbox, Number(messages));
  }
  return counts;
}
