import type { ImapFlow } from 'imapflow';
import type { ImapFlowError } from 'imapflow/lib/errors.js';
import {
  encodePath,
  enhanceCommandError,
  formatDateTime,
  formatFlag,
  normalizePath,
} from 'imapflow/lib/tools.js';
import type { StreamedBody } from './fetch-in-chunks.ts';

export interface AppendItem {
  /** The message, whole or streamed (written as it is read, never held whole). */
  body: Buffer | StreamedBody;
  flags: readonly string[];
  internalDate: Date | null;
}

/** What the server stored: with UIDPLUS, the UIDs in the order of the items. */
export interface Appended {
  uidValidity: number | null;
  /** Null when the server did not say (no UIDPLUS), or said something that does not fit. */
  uids: number[] | null;
}

interface TaggedOk {
  response: { attributes?: Array<{ section?: Array<{ value?: unknown } | null> }> };
  next(): void;
}

/** imapflow's command runner: not in its typings, but what its own append() uses. */
interface CommandRunner {
  exec(command: string, attributes: unknown[]): Promise<TaggedOk>;
}

/**
 * Stores messages in one mailbox with ONE APPEND command: several at once are a MULTIAPPEND
 * (RFC 3502), which the server stores all or none of, so a NO leaves nothing behind. Sending more
 * than one needs the MULTIAPPEND capability (`supportsMultiAppend`). Built like imapflow's own
 * append(): the mailbox name encoded for the session, flags it can send, the date quoted, and a
 * literal8 for a body with NUL bytes where the server has BINARY. A streamed body, and a body of
 * STREAM_LITERAL_BYTES or more, goes as a streamed literal (imapflow patched, see README): written
 * to the socket as it comes and as fast as the socket takes it, never copied into the command.
 *
 * Rejects with imapflow's error (responseText, serverResponseCode) when the server refuses.
 */
export async function appendMessages(
  client: ImapFlow,
  path: string,
  items: readonly AppendItem[],
): Promise<Appended> {
  if (items.length === 0) return { uidValidity: null, uids: [] };
  const binary = client.capabilities.has('BINARY');
  const attributes: unknown[] = [{ type: 'ATOM', value: encodePath(client, normalizePath(client, path)) }];
  for (const item of items) {
    const flags = item.flags.map((flag) => formatFlag(flag)).filter((flag) => flag !== false);
    const date = item.internalDate ? formatDateTime(item.internalDate) : undefined;
    if (flags.length > 0 || date) attributes.push(flags.map((flag) => ({ type: 'ATOM', value: flag })));
    if (date) attributes.push({ type: 'STRING', value: date });
    attributes.push(literalOf(item.body, binary));
  }
  let ok: TaggedOk;
  try {
    ok = await (client as unknown as CommandRunner).exec('APPEND', attributes);
  } catch (error) {
    if (error && typeof error === 'object' && 'response' in error)
      await enhanceCommandError(error as ImapFlowError);
    throw error;
  }
  try {
    return appendUid(ok, items.length);
  } finally {
    // imapflow holds the connection's reader until the response is released.
    ok.next();
  }
}

/** From this size a whole body is written as a stream too: not copied into the command. */
const STREAM_LITERAL_BYTES = 64 * 1024;

function literalOf(body: Buffer | StreamedBody, binary: boolean): unknown {
  if (!Buffer.isBuffer(body)) return { type: 'LITERAL', value: body.chunks, length: body.size };
  const isLiteral8 = binary && body.includes(0);
  if (body.length < STREAM_LITERAL_BYTES) return { type: 'LITERAL', value: body, isLiteral8 };
  return { type: 'LITERAL', value: oneChunk(body), length: body.length, isLiteral8 };
}

async function* oneChunk(body: Buffer): AsyncGenerator<Buffer> {
  yield body;
}

export function supportsMultiAppend(client: ImapFlow): boolean {
  return client.capabilities.has('MULTIAPPEND');
}

/** `[APPENDUID <uidvalidity> <uid-set>]` (RFC 4315) of the tagged OK. */
function appendUid(ok: TaggedOk, count: number): Appended {
  const section = ok.response.attributes?.[0]?.section;
  const code = section?.[0]?.value;
  if (typeof code !== 'string' || code.toUpperCase() !== 'APPENDUID')
    return { uidValidity: null, uids: null };
  const uidValidity = Number(section?.[1]?.value);
  const uids = expandUidSet(String(section?.[2]?.value ?? ''));
  return {
    uidValidity: Number.isSafeInteger(uidValidity) && uidValidity > 0 ? uidValidity : null,
    uids: uids && uids.length === count ? uids : null,
  };
}

/**
 * "5:7,9" → [5, 6, 7, 9]: the parts in the order given, a range ascending whichever way it is
 * written (RFC 4315); null for anything that is not a UID set.
 */
export function expandUidSet(set: string): number[] | null {
  const uids: number[] = [];
  for (const part of set.split(',')) {
    const match = /^(\d{1,10})(?::(\d{1,10}))?$/.exec(part);
    if (!match) return null;
    const a = Number(match[1]);
    const b = match[2] === undefined ? a : Number(match[2]);
    const [low, high] = a <= b ? [a, b] : [b, a];
    if (low === 0 || high > 0xffffffff || high - low > 1_000_000) return null;
    for (let uid = low; uid <= high; uid++) uids.push(uid);
  }
  return uids;
}
