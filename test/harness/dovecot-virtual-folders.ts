// Gmail-like virtual folders for the Dovecot harness: All Mail, Starred and Important are not
// folders of their own on Gmail but views of the mail in the others, marked with a SPECIAL-USE
// flag (RFC 6154 \All, \Flagged; RFC 8457 \Important). Dovecot's virtual plugin serves the same:
// each virtual folder is a saved search (a dovecot-virtual file) over real folders.
import { chown, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One virtual folder: which real folders it shows (LIST patterns, "-" to leave one out) and which of their messages. */
export interface VirtualFolder {
  /** Its name under the namespace prefix, e.g. "All Mail". */
  name: string;
  specialUse: '\\All' | '\\Flagged' | '\\Important';
  /** e.g. ["*", "-Trash", "Archived/*"]: "*" matches the personal namespace only. */
  mailboxes: string[];
  /** An IMAP SEARCH program, e.g. "all" or "flagged". */
  search: string;
}

export interface VirtualFolders {
  /** The namespace the virtual folders are listed under, e.g. "[Gmail]/". */
  prefix: string;
  folders: VirtualFolder[];
  /**
   * A namespace LIST never shows (e.g. "Archived/"): mail stored there is seen only through the
   * virtual folders, like Gmail's archived mail, which is in All Mail and under no label.
   */
  hiddenPrefix?: string;
}

/**
 * Config lines: the virtual namespace with each folder's SPECIAL-USE, and the hidden one. The
 * plugin itself is loaded with the others (`mail_plugins`, before any protocol block).
 */
export function virtualFolderConfig(virtual: VirtualFolders): string[] {
  if (!virtual.prefix.endsWith('/')) throw new Error('The virtual prefix must end with "/" (layout fs)');
  const lines = [
    `namespace virtual {`,
    `  prefix = ${virtual.prefix}`,
    `  separator = /`,
    `  location = virtual:~/virtual`,
  ];
  for (const folder of virtual.folders) {
    lines.push(`  mailbox ${JSON.stringify(folder.name)} {`, `    special_use = ${folder.specialUse}`, `  }`);
  }
  lines.push(`}`);
  if (virtual.hiddenPrefix !== undefined) {
    lines.push(
      `namespace hidden {`,
      `  prefix = ${virtual.hiddenPrefix}`,
      `  separator = /`,
      `  location = maildir:~/hidden:LAYOUT=fs`,
      `  hidden = yes`,
      `  list = no`,
      `}`,
    );
  }
  return lines;
}

/** Each virtual folder's dovecot-virtual file in the user's home, owned by the mail user. */
export async function writeVirtualFolders(
  home: string,
  virtual: VirtualFolders,
  owner: { uid: number; gid: number } | null,
): Promise<void> {
  const dirs = [join(home, 'virtual'), ...(virtual.hiddenPrefix !== undefined ? [join(home, 'hidden')] : [])];
  for (const folder of virtual.folders) dirs.push(join(home, 'virtual', folder.name));
  for (const dir of dirs) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (owner) await chown(dir, owner.uid, owner.gid);
  }
  for (const folder of virtual.folders) {
    const path = join(home, 'virtual', folder.name, 'dovecot-virtual');
    // The search program is indented: that is how the file tells it from a mailbox pattern.
    await writeFile(path, `${folder.mailboxes.join('\n')}\n  ${folder.search}\n`, { mode: 0o600 });
    if (owner) await chown(path, owner.uid, owner.gid);
  }
}
