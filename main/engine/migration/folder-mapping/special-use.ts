import { hasFlag } from './folder-info.ts';
import type { FolderInfo } from './folder-info.ts';

/** The special uses whose folders are mapped to the destination's (RFC 6154). */
export type SpecialUseFlag = '\\Sent' | '\\Drafts' | '\\Trash' | '\\Junk' | '\\Archive';

export const SPECIAL_USE_FLAGS: readonly SpecialUseFlag[] = [
  '\\Sent',
  '\\Drafts',
  '\\Trash',
  '\\Junk',
  '\\Archive',
];

/** The name given to a special-use folder the destination lacks. */
export const STANDARD_NAMES: Record<SpecialUseFlag, string> = {
  '\\Sent': 'Sent',
  '\\Drafts': 'Drafts',
  '\\Trash': 'Trash',
  '\\Junk': 'Junk',
  '\\Archive': 'Archive',
};

/** Names mail clients give these folders on servers without SPECIAL-USE, compared case-insensitively. */
const WELL_KNOWN_NAMES: Record<SpecialUseFlag, string[]> = {
  '\\Sent': [
    'Sent',
    'Sent Items',
    'Sent Messages',
    'Sent Mail',
    'Gesendete Objekte',
    'Gesendet',
    'Envoyés',
    'Éléments envoyés',
    'Elementos enviados',
    'Posta inviata',
    '[Gmail]/Sent Mail',
  ],
  '\\Drafts': ['Drafts', 'Entwürfe', 'Brouillons', 'Borradores', 'Bozze'],
  '\\Trash': [
    'Trash',
    'Deleted Items',
    'Deleted Messages',
    'Papierkorb',
    'Gelöschte Elemente',
    'Corbeille',
    'Papelera',
    'Cestino',
    'Bin',
  ],
  '\\Junk': ['Junk', 'Junk E-mail', 'Junk Email', 'Spam', 'Bulk Mail', 'Junk-E-Mail', 'Courrier indésirable'],
  '\\Archive': ['Archive', 'Archives', 'Archiv'],
};

const BY_NAME = new Map(
  SPECIAL_USE_FLAGS.flatMap((flag) => WELL_KNOWN_NAMES[flag].map((name) => [nameKey(name), flag] as const)),
);

/** The special use the server itself gives the folder (SPECIAL-USE or XLIST attribute, or an imapflow hint). */
export function attributeUse(folder: FolderInfo): SpecialUseFlag | undefined {
  const flagged = SPECIAL_USE_FLAGS.find((flag) => hasFlag(folder, flag));
  if (flagged !== undefined) return flagged;
  return folder.specialUseSource !== 'name' ? asSpecialUse(folder.specialUse) : undefined;
}

/**
 * The special use a folder's name suggests: a well-known name at the top of the personal
 * namespace (or "[Gmail]/Sent Mail"), or imapflow's own guess from a top-level name.
 */
export function nameUse(folder: FolderInfo, logical: string[]): SpecialUseFlag | undefined {
  const known = BY_NAME.get(nameKey(logical.join('/')));
  if (known !== undefined) return known;
  return folder.specialUseSource === 'name' && logical.length === 1
    ? asSpecialUse(folder.specialUse)
    : undefined;
}

/**
 * Folders that are views of the mail kept in other folders, not folders of their own: Gmail's
 * All Mail (\\All, RFC 6154), Starred (\\Flagged) and Important (\\Important, RFC 8457).
 * Copying them would copy each of their messages a second time.
 */
export type VirtualUse = '\\All' | '\\Flagged' | '\\Important';

const VIRTUAL_USES: readonly VirtualUse[] = ['\\All', '\\Flagged', '\\Important'];

/** The virtual use the server gives the folder (its attribute, or imapflow's reading of it). */
export function virtualUse(folder: FolderInfo): VirtualUse | undefined {
  const flagged = VIRTUAL_USES.find((flag) => hasFlag(folder, flag));
  if (flagged !== undefined || folder.specialUseSource === 'name') return flagged;
  return VIRTUAL_USES.find((flag) => flag.toLowerCase() === folder.specialUse?.toLowerCase());
}

function asSpecialUse(value: string | undefined): SpecialUseFlag | undefined {
  return SPECIAL_USE_FLAGS.find((flag) => flag.toLowerCase() === value?.toLowerCase());
}

function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
