// What a task's live check may look at, and what it returns; the service stores the result.
import type { Project, TaskCheckKind, TaskCheckResult } from '../../../../preload/contract.ts';
import type { AccountRepository } from '../../../infrastructure/store/account-repository.ts';
import type { ServerProfileRepository } from '../../../infrastructure/store/server-profile-repository.ts';
import type { StoredTask } from '../../../infrastructure/store/playbook-repository.ts';
import type { DiagnosticsService } from '../../../engine/diagnostics/diagnostics-service.ts';
import type { JobRepository } from '../../../infrastructure/store/job-repository.ts';
import type {
  ImapEndpoint,
  PasswordLogin,
  ImapTimeouts,
} from '../../../infrastructure/protocols/imap/open-imap.ts';

/** How logins are tried; tests may replace the connection. */
export interface LoginTestDeps {
  /** Logs in and out, rejecting with what the IMAP client throws. */
  tryLogin?: (endpoint: ImapEndpoint, login: PasswordLogin) => Promise<void>;
  /** Logins at once: enough to be quick, few enough not to look like an attack. */
  concurrency?: number;
  timeouts?: ImapTimeouts;
}

/** The services checks use; tests replace the login connector. */
export interface CheckDeps {
  profiles: ServerProfileRepository;
  accounts: AccountRepository;
  diagnostics: Pick<DiagnosticsService, 'checkDns'>;
  /** The stored jobs, their outcome and each account's status (no folder results needed). */
  jobs: Pick<JobRepository, 'list' | 'accounts'>;
  logins?: LoginTestDeps | undefined;
}

export interface CheckContext extends CheckDeps {
  project: Project;
  /** The project's stored tasks, for results of earlier checks (the recorded TTL). */
  stored: Map<string, StoredTask>;
}

export type CheckOutcome = Omit<TaskCheckResult, 'checkedAt'>;
export type CheckRunner = (context: CheckContext) => Promise<CheckOutcome>;
export type CheckRunners = Record<TaskCheckKind, CheckRunner>;
