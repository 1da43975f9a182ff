import { createHash } from 'node:crypto';

/** The header fields fetched to identify a message without downloading it. */
export const IDENTITY_HEADERS = ['message-id', 'date', 'from', 'to', 'cc', 'subject'] as const;

/**
 * What makes two messages "the same" for deduplication: the Message-ID and the size, or, for a
 * message without a Message-ID, a hash of its stable headers and the size. Exact copies share a
 * key on purpose: the copier counts them, so k copies on the source become k on the destination.
 */
export function messageKey(headerBlock: Buffer | string | undefined, size: number): string {
  const fields = parseHeaderFields(headerBlock === undefined ? '' : headerBlock.toString('latin1'));
  const messageId = fields.get('message-id')?.[0]?.trim();
  if (messageId) return `id:${messageId}|${size}`;
  const hash = createHash('sha256');
  for (const name of IDENTITY_HEADERS) {
    for (const value of fields.get(name) ?? []) hash.update(`${name}:${value}\n`);
  }
  return `h:${hash.digest('base64url').slice(0, 32)}|${size}`;
}

/** Header fields by lower-case name, values unfolded and with runs of white space collapsed. */
export function parseHeaderFields(block: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line
      .slice(colon + 1)
      .replace(/\s+/g, ' ')
      .trim();
    const list = fields.get(name);
    if (list) list.push(value);
    else fields.set(name, [value]);
  }
  return fields;
}
