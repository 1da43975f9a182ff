import { isInboxName, startsWithPath, folderKey } from '../../../../shared/job-input/folder-path.ts';
import type { FolderPath, SkipEntry, Translation } from '../../../../shared/job-input/folder-path.ts';
import type { DestinationIndex } from './destination-index.ts';
import { indexDestination } from './destination-index.ts';
import { safeSegments } from './destination-segments.ts';
import { isNoselect } from './folder-info.ts';
import type { FolderInfo } from './folder-info.ts';
import type { FolderPlan, FolderPlanEntry, MappingReason, SkippedFolder } from './folder-plan.ts';
import { describeFolders } from './listed-folder.ts';
import type { ListedFolder } from './listed-folder.ts';
import { findTranslation, matchesSkip } from './path-rules.ts';
import { chooseSpecialUseFolders } from './special-use-choice.ts';
import type { SpecialUseSource } from './special-use-choice.ts';
import { STANDARD_NAMES, virtualUse } from './special-use.ts';

export interface PlanFoldersInput {
  /** The source's folders, as `client.list()` returns them, in that order. */
  source: FolderInfo[];
  destination: FolderInfo[];
  skip: SkipEntry[];
  translations: Translation[];
  /** The source's personal namespace prefix ("INBOX." or ""), when known; detected otherwise. */
  sourcePrefix?: string;
  /** The destination's personal namespace prefix ("INBOX." or ""), when known; detected otherwise. */
  destinationPrefix?: string;
}

interface Placement {
  /** Leading destination segments taken as they are (the namespace prefix, an existing folder). */
  base: FolderPath;
  /** Source or admin-written names under it, made safe for the destination's delimiter. */
  rest: FolderPath;
  reason: MappingReason;
  specialUse?: string;
  notes?: string[];
  archivedOnly?: true;
}

interface Placed extends FolderPlanEntry {
  segments: FolderPath;
}

/**
 * Where each source folder goes on the destination. In order of precedence: the skip list
 * (and \Noselect folders, which hold no mail, and the virtual Starred and Important, whose mail
 * comes from its own folders), translations (the longest matching source wins and carries its
 * subfolders), INBOX, special-use folders (mapped to the destination's, their subfolders
 * following them), Gmail's All Mail (its archived mail into the destination's Archive), and
 * else the same path. Paths are re-joined with the
 * destination's delimiter and moved in or out of an INBOX namespace prefix as the servers use it.
 */
export function planFolders(input: PlanFoldersInput): FolderPlan {
  const source = describeFolders(input.source, input.sourcePrefix);
  const destination = indexDestination(input.destination, input.destinationPrefix, source.delimiter);

  const skipped: SkippedFolder[] = [];
  const kept: ListedFolder[] = [];
  for (const folder of source.folders) {
    const use = virtualUse(folder.info);
    if (input.skip.some((entry) => matchesSkip(entry, folder.logical, source.prefix))) {
      skipped.push({ source: folder.info.path, reason: 'skip-list' });
    } else if (isNoselect(folder.info)) {
      skipped.push({ source: folder.info.path, reason: 'noselect' });
    } else if (use === '\\Flagged' || use === '\\Important') {
      skipped.push({ source: folder.info.path, reason: 'virtual', specialUse: use });
    } else {
      kept.push(folder);
    }
  }

  const translated = new Map(
    kept.map((f) => [f, findTranslation(input.translations, f.logical, source.prefix)]),
  );
  const isAllMail = (folder: ListedFolder) => virtualUse(folder.info) === '\\All';
  const special = chooseSpecialUseFolders(
    kept.filter((f) => !f.isInbox && !isAllMail(f) && translated.get(f) === undefined),
  );

  const placed = kept.map((folder): Placed => {
    const translation = translationPlacement(folder, translated.get(folder), destination);
    const placement = isAllMail(folder)
      ? { ...(translation ?? archivePlacement(folder, destination)), archivedOnly: true as const }
      : (translation ??
        specialUsePlacement(folder, special.chosen, destination) ??
        sameNamePlacement(folder.logical, destination, folder.isInbox ? 'inbox' : 'same-name'));
    const note = special.notes.get(folder);
    return toEntry(folder, placement, destination, note === undefined ? [] : [note]);
  });
  noteMerges(placed);

  return {
    entries: placed.map(({ segments: _segments, ...entry }) => entry),
    skipped,
    ...foldersToCreate(placed, destination),
  };
}

function translationPlacement(
  folder: ListedFolder,
  match: { translation: Translation; depth: number } | undefined,
  destination: DestinationIndex,
): Placement | undefined {
  if (match === undefined) return undefined;
  const path = [...match.translation.destination, ...folder.logical.slice(match.depth)];
  return sameNamePlacement(path, destination, 'translation');
}

function specialUsePlacement(
  folder: ListedFolder,
  chosen: Map<ListedFolder, SpecialUseSource>,
  destination: DestinationIndex,
): Placement | undefined {
  let owner: [ListedFolder, SpecialUseSource] | undefined;
  for (const candidate of chosen) {
    const [ownerFolder] = candidate;
    if (!startsWithPath(folder.logical, ownerFolder.logical)) continue;
    if (owner === undefined || ownerFolder.logical.length > owner[0].logical.length) owner = candidate;
  }
  if (owner === undefined) return undefined;
  const [ownerFolder, use] = owner;
  const base = destination.specialUseTarget(use.flag);
  const rest = folder.logical.slice(ownerFolder.logical.length);
  if (ownerFolder !== folder) return { base, rest, reason: 'same-name' };
  const notes =
    destination.find(base) === undefined
      ? [
          `The destination has no ${STANDARD_NAMES[use.flag]} folder; "${base.join(destination.delimiter)}" is created for it.`,
        ]
      : [];
  return {
    base,
    rest,
    reason: use.byAttribute ? 'special-use' : 'well-known-name',
    specialUse: use.flag,
    notes,
  };
}

/** Gmail's All Mail: what no other folder holds is archived mail, so it goes to the Archive folder. */
function archivePlacement(folder: ListedFolder, destination: DestinationIndex): Placement {
  const base = destination.specialUseTarget('\\Archive');
  const target = base.join(destination.delimiter);
  const notes = [
    `"${folder.info.path}" shows every message of the other folders (Gmail's All Mail): only the messages that are in no other folder (archived mail) are copied, into "${target}"; the others arrive through their own folders.`,
  ];
  if (destination.find(base) === undefined)
    notes.push(`The destination has no Archive folder; "${target}" is created for it.`);
  return { base, rest: [], reason: 'special-use', notes };
}

/** A path inside the personal namespace: under INBOX when it starts there, else under the prefix. */
function sameNamePlacement(
  path: FolderPath,
  destination: DestinationIndex,
  reason: MappingReason,
): Placement {
  if (isInboxName(path[0])) return { base: ['INBOX'], rest: path.slice(1), reason };
  return { base: destination.prefix, rest: path, reason };
}

function toEntry(
  folder: ListedFolder,
  placement: Placement,
  destination: DestinationIndex,
  notes: string[],
): Placed {
  const safe = safeSegments(placement.rest, destination.delimiter);
  const segments = [...placement.base, ...safe.segments];
  const existing = destination.find(segments);
  const create = existing === undefined || isNoselect(existing);
  const path = existing?.path ?? segments.join(destination.delimiter);
  const allNotes = [...notes, ...(placement.notes ?? []), ...safe.notes];
  if (existing !== undefined && create) {
    allNotes.push(
      `"${path}" exists on the destination only as a parent folder; it is created so it can hold messages.`,
    );
  }
  const entry: Placed = {
    source: folder.info.path,
    destination: path,
    create,
    reason: placement.reason,
    notes: allNotes,
    segments,
  };
  if (placement.specialUse !== undefined) entry.specialUse = placement.specialUse;
  if (placement.archivedOnly) entry.archivedOnly = true;
  return entry;
}

/** Two source folders landing in one destination folder is allowed, but the log should say so. */
function noteMerges(placed: Placed[]): void {
  const groups = new Map<string, Placed[]>();
  for (const entry of placed) {
    const key = folderKey(entry.segments);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const entry of group) {
      const others = group.filter((other) => other !== entry).map((other) => `"${other.source}"`);
      entry.notes.push(`"${entry.destination}" also receives the messages of ${others.join(', ')}.`);
    }
  }
}

function foldersToCreate(
  placed: Placed[],
  destination: DestinationIndex,
): Pick<FolderPlan, 'destinationFoldersToCreate' | 'createBefore'> {
  const pathOf = new Map<string, string>();
  const paths: string[] = [];
  const createBefore = new Map<string, string[]>();
  for (const entry of placed) {
    if (!entry.create) continue;
    const needs: string[] = [];
    entry.segments.forEach((_, i) => {
      const head = entry.segments.slice(0, i + 1);
      const key = folderKey(head);
      const isSelf = i === entry.segments.length - 1;
      const known = pathOf.get(key);
      if (known !== undefined) return void needs.push(known);
      if (!isSelf && destination.find(head) !== undefined) return;
      const path = isSelf ? entry.destination : head.join(destination.delimiter);
      pathOf.set(key, path);
      paths.push(path);
      needs.push(path);
    });
    createBefore.set(entry.destination, needs);
  }
  return { destinationFoldersToCreate: paths, createBefore };
}
