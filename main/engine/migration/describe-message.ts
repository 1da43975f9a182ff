import type { SourceMessage } from './plan-folder-copy.ts';

/** Names a message in the log so a person can find it in their mail program. */
export function describeMessage(message: Pick<SourceMessage, 'uid' | 'internalDate' | 'key'>): string {
  const id = message.key.startsWith('id:') ? ` ${message.key.slice(3, message.key.lastIndexOf('|'))}` : '';
  const date = message.internalDate ? ` of ${message.internalDate.toISOString().slice(0, 10)}` : '';
  return `The message${date}${id} (UID ${message.uid})`;
}
