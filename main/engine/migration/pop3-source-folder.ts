import { createHash } from 'node:crypto';
import type { SourceFolder, SourceFolderStatus } from './source-folder.ts';
import type { SourceMessage } from './plan-folder-copy.ts';
import { messageKey, parseHeaderFields } from './message-key.ts';

/** The few POP3 commands the copier needs; reading never deletes (there is no DELE here). */
export interface Pop3Session {
  uidl(): Promise<Map<number, string>>;
  list(): Promise<Map<number, number>>;
  top(messageNumber: number, lines: number): Promise<Buffer>;
  retr(messageNumber: number): Promise<Buffer>;
  /**
   * Ends the session WITHOUT QUIT: a POP3 server applies changes only in the UPDATE state that
   * QUIT starts, and Dovecot marks every retrieved message read there.
   */
  close(): void;
}

/**
 * TOP with more body lines than any message has returns the whole message, like RETR, but
 * servers never count it as read: Dovecot marks RETR'd mail \Seen even when the session ends
 * without QUIT.
 */
const WHOLE_MESSAGE_LINES = 1_000_000_000;

/**
 * A POP3 mailbox as a source folder (INBOX). POP3 has unique-id strings instead of UIDs, no
 * flags and no internal date: the ledger gets a 52-bit hash of each unique id under
 * UIDVALIDITY 0 (which IMAP never uses), and the date comes from the Date header, else the
 * newest Received line.
 */
export function pop3SourceFolder(session: Pop3Session): SourceFolder {
  let numbers = new Map<number, number>();
  let sizes = new Map<number, number>();
  let uids = new Map<number, string>();
  return {
    path: 'INBOX',
    async open(): Promise<SourceFolderStatus> {
      uids = await session.uidl();
      sizes = await session.list();
      numbers = new Map([...uids].map(([n, uid]) => [uidNumber(uid), n]));
      // No UIDNEXT in POP3: a digest of the listing stands in, so an unchanged mailbox is recognised.
      const digest = createHash('sha256')
        .update([...uids.values()].sort().join('\n'))
        .digest();
      return {
        uidValidity: 0,
        uidNext: digest.readUInt32BE(0) & 0x7fffffff,
        messages: uids.size,
        highestModseq: null,
        ascendingUids: false,
        knowsFlags: false,
      };
    },
    async list() {
      const messages: SourceMessage[] = [];
      for (const [n, uid] of uids) {
        const size = sizes.get(n) ?? 0;
        const headers = await session.top(n, 0);
        messages.push({
          uid: uidNumber(uid),
          key: messageKey(headers, size),
          size,
          flags: [],
          internalDate: dateOf(headers),
        });
      }
      return messages;
    },
    async flagsSince() {
      return []; // POP3 has no flags, so none ever change.
    },
    async *fetchBodies(wanted) {
      for (const uid of wanted) {
        const n = numbers.get(uid);
        if (n !== undefined) yield { uid, body: await session.top(n, WHOLE_MESSAGE_LINES) };
      }
    },
  };
}

/** A stable number for a POP3 unique id: 52 bits of its SHA-256, a safe integer for SQLite and JS. */
export function uidNumber(uniqueId: string): number {
  const digest = createHash('sha256').update(uniqueId).digest();
  return digest.readUIntBE(0, 6) * 16 + (digest[6]! >> 4) + 1;
}

/** RFC 5322 Date, else the newest Received (the first one) timestamp, else unknown. */
export function dateOf(headers: Buffer): Date | null {
  const fields = parseHeaderFields(headers.toString('latin1'));
  const candidates = [fields.get('date')?.[0], fields.get('received')?.[0]?.split(';').at(-1)];
  for (const text of candidates) {
    if (!text) continue;
    const time = Date.parse(text.trim());
    if (!Number.isNaN(time)) return new Date(time);
  }
  return null;
}
