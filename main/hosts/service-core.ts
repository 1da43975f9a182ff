// The services the API handlers call, as one interface: hosts build it (services.ts), the
// handlers only read it, so neither imports the other's module.
import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../../preload/contract.ts';
import type { Clock } from '../infrastructure/clock.ts';
import type { ProjectRepository } from '../infrastructure/store/project-repository.ts';
import type { AliasService } from '../features/aliases/alias-service.ts';
import type { AccountRepository } from '../infrastructure/store/account-repository.ts';
import type { JobRepository } from '../infrastructure/store/job-repository.ts';
import type { ClaimRepository } from '../infrastructure/store/claim-repository.ts';
import type { UploadDayRepository } from '../infrastructure/store/upload-day-repository.ts';
import type { LedgerRepository } from '../infrastructure/store/ledger-repository.ts';
import type { SecretRepository } from '../infrastructure/store/secret-repository.ts';
import type { EventLog } from '../infrastructure/store/event-log.ts';
import type { EventBus } from '../../shared/event-bus.ts';
import type { JobManager } from '../engine/migration/job-manager.ts';
import type { DiagnosticsService } from '../engine/diagnostics/diagnostics-service.ts';
import type { ServerProfileRepository } from '../infrastructure/store/server-profile-repository.ts';
import type { PlaybookService } from '../features/playbook/playbook-service.ts';
import type { ProfileService } from '../features/profiles/profile-service.ts';
import type { NoticeService } from '../features/notices/notice-service.ts';
import type { ProvisioningService } from '../features/provisioning/provisioning-service.ts';

/** The services the API handlers call. */
export interface ServiceCore {
  db: Database;
  clock: Clock;
  info: AppInfo;
  projects: ProjectRepository;
  accounts: AccountRepository;
  secrets: SecretRepository;
  jobs: JobRepository;
  ledger: LedgerRepository;
  /** Bytes stored per destination mailbox and day (a destination's daily upload limit). */
  uploads: UploadDayRepository;
  /** Which process runs which job and writes which mailbox, across processes. */
  claims: ClaimRepository;
  eventLog: EventLog;
  bus: EventBus;
  /** Migration jobs running in the background. */
  jobManager: JobManager;
  diagnostics: DiagnosticsService;
  serverProfiles: ServerProfileRepository;
  profiles: ProfileService;
  playbook: PlaybookService;
  notices: NoticeService;
  /** The old system's password hashes, for creating the same users on the new service. */
  provisioning: ProvisioningService;
  /** The aliases and domains that move with the mailboxes. */
  aliases: AliasService;
  /** Stops running jobs after the messages in flight (they resume later), then closes the database. */
  shutdown(): Promise<void>;
  close(): void;
}
