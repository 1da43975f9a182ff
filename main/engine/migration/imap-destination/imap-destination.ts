import type { ImapFlow } from 'imapflow';
import {
  appendMessages,
  supportsMultiAppend,
} from '../../../infrastructure/protocols/imap/append-messages.ts';
import type { DestinationFolder, DestinationMailbox } from '../destination-folder.ts';
import { onSide } from '../server-side.ts';
import { folderCounters } from './folder-counters.ts';
import { listMessages } from './list-messages.ts';
import { selectFolder } from './select-folder.ts';
import { storeFlags } from './store-flags.ts';
import { removeExactly } from './remove-exactly.ts';

const destination = <T>(work: () => Promise<T>) => onSide('destination', work);

/** A logged-in IMAP session as the destination mailbox. */
export function imapDestination(client: ImapFlow): DestinationMailbox {
  return {
    // With each folder's counters, so a folder nobody touched since the last run needs no SELECT.
    folders: () =>
      destination(() => client.list({ statusQuery: { messages: true, uidNext: true, uidValidity: true } })),
    create: (path) =>
      destination(async () => {
        const created = await client.mailboxCreate(path);
        rememberCreated(client, created.path);
      }),
    folder: (path) => imapDestinationFolder(client, path),
  };
}

/**
 * imapflow LISTs a folder it has not seen in a listing before it opens it (for its delimiter and
 * flags): one round trip saved by telling it of the folder this connection just made.
 */
function rememberCreated(client: ImapFlow, path: string): void {
  const known = (client as unknown as { folders?: Map<string, object> }).folders;
  if (!(known instanceof Map) || known.has(path)) return;
  known.set(path, {
    path,
    delimiter: client.namespace?.delimiter ?? '/',
    flags: new Set<string>(),
    listed: true,
    subscribed: true,
  });
}

/** One folder of an IMAP destination; `open()` selects it, and the rest works on it. */
export function imapDestinationFolder(client: ImapFlow, path: string): DestinationFolder {
  let messages = 0;
  return {
    path,
    get multiAppend() {
      return supportsMultiAppend(client);
    },
    open: () =>
      destination(async () => {
        const box = await selectFolder(client, path);
        messages = box.messages;
        return box;
      }),
    // An empty folder needs no listing.
    list: (range) => destination(async () => (messages === 0 && !range ? [] : listMessages(client, range))),
    append: (items) => destination(() => appendMessages(client, path, items)),
    storeFlags: (uidSet, change, flags) => destination(() => storeFlags(client, uidSet, change, flags)),
    removeExactly: (uids) => destination(() => removeExactly(client, uids)),
    counters: () => destination(() => folderCounters(client, path)),
  };
}
