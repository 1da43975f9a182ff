/** Why a source folder goes where it goes; the log shows it. */
export type MappingReason = 'inbox' | 'special-use' | 'well-known-name' | 'translation' | 'same-name';

/** One source folder to copy, and where. */
export interface FolderPlanEntry {
  /** The source folder's path, with the source's delimiter. */
  source: string;
  /** The destination folder's path, with the destination's delimiter. */
  destination: string;
  /** True when the destination folder does not exist yet (or exists only as a bare parent). */
  create: boolean;
  /** Set on the folder that carries a special use (e.g. "\\Sent"), not on its subfolders. */
  specialUse?: string;
  reason: MappingReason;
  /**
   * Gmail's All Mail (\\All): only its messages that are in no other folder are copied, the
   * mail archived without a label; the rest arrive through their own folders.
   */
  archivedOnly?: true;
  /** Things the admin should know, for the log: renamed characters, merged folders, lost special use. */
  notes: string[];
}

export type SkippedFolder =
  | { source: string; reason: 'skip-list' | 'noselect' }
  /** A view of other folders' mail (Starred, Important): each message comes from its own folder. */
  | { source: string; reason: 'virtual'; specialUse: '\\Flagged' | '\\Important' };

/** Where every source folder goes, and which destination folders to create first. */
export interface FolderPlan {
  entries: FolderPlanEntry[];
  skipped: SkippedFolder[];
  /** Destination paths to create, parents before children, without duplicates or existing folders. */
  destinationFoldersToCreate: string[];
  /**
   * For each destination folder to create, the paths of `destinationFoldersToCreate` it needs
   * before it is opened: its missing parents, then itself.
   */
  createBefore: ReadonlyMap<string, readonly string[]>;
}
