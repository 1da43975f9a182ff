import type { ImapFlow } from 'imapflow';

/** UID STORE +FLAGS.SILENT / -FLAGS.SILENT; imapflow answers false instead of throwing on NO. */
export async function storeFlags(
  client: ImapFlow,
  uidSet: string,
  change: 'add' | 'remove',
  flags: readonly string[],
): Promise<boolean> {
  const options = { uid: true, silent: true };
  return change === 'add'
    ? client.messageFlagsAdd(uidSet, [...flags], options)
    : client.messageFlagsRemove(uidSet, [...flags], options);
}
