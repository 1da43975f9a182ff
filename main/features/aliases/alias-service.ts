import type { AccountImportResult, AliasInventory } from '../../../preload/contract.ts';
import type { AccountRepository } from '../../infrastructure/store/account-repository.ts';
import type { AliasRepository } from '../../infrastructure/store/alias-repository.ts';
import type { EventLog } from '../../infrastructure/store/event-log.ts';
import type { ProjectRepository } from '../../infrastructure/store/project-repository.ts';
import { aliasInventory } from './alias-inventory.ts';
import { parseAliases } from './parse-aliases.ts';

/** The project's aliases: imported from a pasted list, shown with its domains and mailboxes. */
export interface AliasService {
  inventory(projectId: number): AliasInventory;
  /** With any bad line, nothing is imported and every bad line is listed. */
  import(projectId: number, text: string): AccountImportResult;
  remove(aliasId: number): AliasInventory;
}

export function createAliasService(deps: {
  projects: ProjectRepository;
  accounts: AccountRepository;
  aliases: AliasRepository;
  eventLog: EventLog;
}): AliasService {
  const inventory = (projectId: number) =>
    aliasInventory(
      deps.projects.get(projectId).domains,
      deps.accounts.list(projectId),
      deps.aliases.list(projectId),
    );
  return {
    inventory,
    import(projectId, text) {
      deps.projects.get(projectId);
      const parsed = parseAliases(text);
      if (!parsed.ok) return { added: 0, updated: 0, errors: parsed.errors };
      const { added, updated } = deps.aliases.save(projectId, parsed.value);
      deps.eventLog.append({
        level: 'info',
        projectId,
        message: `Aliases imported: ${added} added, ${updated} updated.`,
      });
      return { added, updated, errors: [] };
    },
    remove(aliasId) {
      const alias = deps.aliases.remove(aliasId);
      deps.eventLog.append({
        level: 'info',
        projectId: alias.projectId,
        message: `The alias ${alias.address} was removed from the project.`,
      });
      return inventory(alias.projectId);
    },
  };
}
