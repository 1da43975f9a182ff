import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../../preload/contract.ts';
import type { Clock } from '../infrastructure/clock.ts';
import type { SecretCipher } from '../infrastructure/secrets/secret-cipher.ts';
import { openDatabase } from '../infrastructure/store/database.ts';
import { createSecretRepository } from '../infrastructure/store/secret-repository.ts';
import { createProjectRepository } from '../infrastructure/store/project-repository.ts';
import { createAccountRepository } from '../infrastructure/store/account-repository.ts';
import { createAliasRepository } from '../infrastructure/store/alias-repository.ts';
import { createAliasService } from '../features/aliases/alias-service.ts';
import { createEventLog } from '../infrastructure/store/event-log.ts';
import { createJobRepository } from '../infrastructure/store/job-repository.ts';
import { createLedgerRepository } from '../infrastructure/store/ledger-repository.ts';
import { createUploadDayRepository } from '../infrastructure/store/upload-day-repository.ts';
import { createClaimRepository } from '../infrastructure/store/claim-repository.ts';
import { createEventBus } from '../../shared/event-bus.ts';
import { createDispatcher } from './api/dispatcher.ts';
import { createJobManager } from '../engine/migration/job-manager.ts';
import type { JobRunnerDeps } from '../engine/migration/job-runner.ts';
import { serverConnections } from '../engine/migration/server-connections.ts';
import { createDiagnosticRepository } from '../infrastructure/store/diagnostic-repository.ts';
import { createDiagnosticsService } from '../engine/diagnostics/diagnostics-service.ts';
import type { DiagnosticsServiceDeps } from '../engine/diagnostics/diagnostics-service.ts';
import type { Dispatch } from './api/dispatcher.ts';
import { createServerProfileRepository } from '../infrastructure/store/server-profile-repository.ts';
import { createPlaybookRepository } from '../infrastructure/store/playbook-repository.ts';
import { createNoticeRepository } from '../infrastructure/store/notice-repository.ts';
import { createPlaybookService } from '../features/playbook/playbook-service.ts';
import type { LoginTestDeps } from '../features/playbook/checks/destination-logins.ts';
import { createProfileService } from '../features/profiles/profile-service.ts';
import { createNoticeService } from '../features/notices/notice-service.ts';
import { createPasswordHashRepository } from '../infrastructure/store/password-hash-repository.ts';
import { createProvisioningService } from '../features/provisioning/provisioning-service.ts';
import { createHandlers } from './api/handlers.ts';
import type { ServiceCore } from './service-core.ts';

export type { ServiceCore };

export interface ServicesOptions {
  databasePath: string;
  /** The database already opened (openDatabase) by a host that had to look inside first. */
  db?: Database;
  cipher: SecretCipher;
  clock: Clock;
  host: AppInfo['host'];
  version: string;
  secretStorage: string;
  onInternalError?: (error: unknown) => void;
  /** How jobs reach servers; tests trust their own CA here. Default: pins from the job spec. */
  connections?: Pick<JobRunnerDeps, 'openPop3' | 'tls' | 'explainCertificate' | 'sleep'>;
  /** Diagnostics settings; tests point the resolvers and CA at their own loopback servers. */
  diagnostics?: Omit<DiagnosticsServiceDeps, 'store' | 'clock'>;
  /** The playbook's login test; tests trust their own servers here. */
  loginTest?: LoginTestDeps;
  /** Whose calendar says a task is overdue; default: this computer's time zone. */
  timeZone?: string;
}

/** Everything below the shell, wired once; the Electron shell, CLI and web host all use this. */
export interface Services extends ServiceCore {
  /** The typed API: validates and answers any call from any transport. */
  dispatch: Dispatch;
}

export function createServices(options: ServicesOptions): Services {
  const db = options.db ?? openDatabase(options.databasePath);
  const secrets = createSecretRepository(db, options.cipher, options.clock);
  const bus = createEventBus();
  const eventLog = createEventLog(db, options.clock);
  const stopForwarding = eventLog.onAppend((line) => bus.emit('log.line', line));
  const jobs = createJobRepository(db, options.clock);
  const ledger = createLedgerRepository(db, options.clock);
  const uploads = createUploadDayRepository(db);
  const claims = createClaimRepository(db);
  const accounts = createAccountRepository(db, secrets, options.clock);
  const jobManager = createJobManager({
    jobs,
    ledger,
    uploads,
    clock: options.clock,
    claims,
    secrets,
    accounts,
    eventLog,
    bus,
    ...serverConnections,
    ...options.connections,
  });
  const projects = createProjectRepository(db, options.clock);
  const serverProfiles = createServerProfileRepository(db, secrets);
  const diagnostics = createDiagnosticsService({
    store: createDiagnosticRepository(db),
    clock: options.clock,
    ...options.diagnostics,
  });
  const core: ServiceCore = {
    db,
    clock: options.clock,
    info: {
      version: options.version,
      host: options.host,
      databasePath: options.databasePath,
      secretStorage: options.secretStorage,
    },
    projects,
    accounts,
    secrets,
    jobs,
    ledger,
    uploads,
    claims,
    jobManager,
    diagnostics,
    serverProfiles,
    profiles: createProfileService({ projects, profiles: serverProfiles, diagnostics, eventLog }),
    playbook: createPlaybookService({
      projects,
      store: createPlaybookRepository(db, options.clock),
      eventLog,
      clock: options.clock,
      timeZone: options.timeZone,
      profiles: serverProfiles,
      accounts,
      diagnostics,
      jobs,
      logins: options.loginTest,
    }),
    notices: createNoticeService({
      projects,
      accounts,
      profiles: serverProfiles,
      notices: createNoticeRepository(db, options.clock),
      clock: options.clock,
    }),
    provisioning: createProvisioningService({
      db,
      clock: options.clock,
      projects,
      accounts,
      hashes: createPasswordHashRepository(db, secrets, options.clock),
      eventLog,
    }),
    aliases: createAliasService({
      projects,
      accounts,
      aliases: createAliasRepository(db, options.clock),
      eventLog,
    }),
    eventLog,
    bus,
    async shutdown() {
      await jobManager.shutdown();
      core.close();
    },
    close() {
      stopForwarding();
      db.close();
    },
  };
  const dispatch = createDispatcher(
    createHandlers(core),
    options.onInternalError ?? ((error) => console.error('Cutover internal error:', error)),
  );
  return { ...core, dispatch };
}
