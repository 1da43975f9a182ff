// "Create the same users on the new service": imports the old system's password hashes,
// matches them to the project's accounts, keeps them encrypted, and writes the bulk-creation
// file for the kind of new service chosen. Hashes leave main only inside that file.
import type { Database } from 'better-sqlite3';
import type {
  DestinationKind,
  HashImportResult,
  HashListFormat,
  ProvisioningExport,
  ProvisioningSummary,
} from '../../../preload/contract.ts';
import type { Clock } from '../../infrastructure/clock.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import type { AccountRepository } from '../../infrastructure/store/account-repository.ts';
import type { EventLog } from '../../infrastructure/store/event-log.ts';
import type { PasswordHashRepository } from '../../infrastructure/store/password-hash-repository.ts';
import type { ProjectRepository } from '../../infrastructure/store/project-repository.ts';
import { parseHashList } from './hash-list.ts';
import { matchHashes } from './match-accounts.ts';
import { provisioningSummary } from './provisioning-summary.ts';
import { exportHashes } from './export-hashes.ts';
import { DESTINATIONS } from './destination-kinds.ts';

export interface ProvisioningServiceDeps {
  db: Database;
  clock: Clock;
  projects: ProjectRepository;
  accounts: AccountRepository;
  hashes: PasswordHashRepository;
  eventLog: EventLog;
}

export interface ProvisioningService {
  /** Checks every line first; stores the matched hashes only when no line is wrong. */
  importHashes(projectId: number, text: string, format?: HashListFormat): HashImportResult;
  summary(projectId: number): ProvisioningSummary;
  exportFile(projectId: number, kind: DestinationKind): ProvisioningExport;
  /** Deletes every imported hash of the project. */
  forget(projectId: number): ProvisioningSummary;
}

export function createProvisioningService(deps: ProvisioningServiceDeps): ProvisioningService {
  const summary = (projectId: number) =>
    provisioningSummary(deps.accounts.list(projectId), deps.hashes.list(projectId));

  return {
    importHashes(projectId, text, format) {
      deps.projects.get(projectId);
      const accounts = deps.accounts.list(projectId);
      if (accounts.length === 0) {
        throw new ServiceError(
          'invalid-arguments',
          'The project has no accounts yet, and each hash is matched to one. Import the accounts first (Setup → Accounts).',
          'projectId',
        );
      }
      const list = parseHashList(text, format);
      const match = matchHashes(list.entries, accounts);
      const errors = [...list.errors, ...match.errors].sort((a, b) => a.line - b.line);
      if (errors.length === 0 && match.matched.length > 0) {
        deps.db.transaction(() => {
          for (const { account, hash } of match.matched) deps.hashes.save(account.id, hash);
        })();
        deps.eventLog.append({
          level: 'info',
          projectId,
          code: 'hashes-imported',
          message: `Old password hashes imported for ${match.matched.length} ${match.matched.length === 1 ? 'account' : 'accounts'}.`,
        });
      }
      return {
        format: list.format,
        stored: errors.length === 0 ? match.matched.length : 0,
        errors,
        unmatched: match.unmatched,
        skipped: match.skipped,
        ignored: match.ignored,
        summary: summary(projectId),
      };
    },
    summary(projectId) {
      deps.projects.get(projectId);
      return summary(projectId);
    },
    exportFile(projectId, kind) {
      const project = deps.projects.get(projectId);
      const file = exportHashes(project, deps.accounts.list(projectId), deps.hashes, kind, deps.clock.now());
      deps.eventLog.append({
        level: 'info',
        projectId,
        code: 'hashes-exported',
        message: `Users file for ${DESTINATIONS[kind].label} saved: ${file.included} ${file.included === 1 ? 'account' : 'accounts'}${file.leftOut.length > 0 ? `, ${file.leftOut.length} left out` : ''}.`,
      });
      return file;
    },
    forget(projectId) {
      deps.projects.get(projectId);
      const removed = deps.hashes.removeForProject(projectId);
      if (removed > 0) {
        deps.eventLog.append({
          level: 'info',
          projectId,
          code: 'hashes-forgotten',
          message: `Imported password hashes deleted (${removed}).`,
        });
      }
      return summary(projectId);
    },
  };
}
