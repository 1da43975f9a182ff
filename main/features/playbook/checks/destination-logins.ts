// "Create the same users on the new service": logs in to every destination mailbox of the
// project, several at a time, and says for each whether it worked and, if not, why.
import type { ConnectionOptions } from 'node:tls';
import type { Account, LoginTestResult, ServerProfile } from '../../../../preload/contract.ts';
import { ServiceError } from '../../../../shared/service-error.ts';
import { openImap } from '../../../infrastructure/protocols/imap/open-imap.ts';
import type {
  ImapEndpoint,
  PasswordLogin,
  ImapTimeouts,
} from '../../../infrastructure/protocols/imap/open-imap.ts';
import { destinationEndpoint } from '../../../engine/migration/endpoints.ts';
import { pinnedImapTls } from '../../../engine/migration/certificate-trust.ts';
import { chooseDestinationLogin } from '../../../engine/migration/destination-login.ts';
import { classifyError, MigrationError } from '../../../engine/migration/migration-error.ts';
import type { CheckContext, CheckOutcome, LoginTestDeps } from './check-context.ts';

export type { LoginTestDeps };
import { requireDestination } from './requirements.ts';

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_TIMEOUTS: ImapTimeouts = { connectMs: 15_000, socketMs: 30_000 };

const LOGGED_IN: Record<Exclude<LoginTestResult['method'], 'none'>, string> = {
  'destination-password': 'Logged in with its new password.',
  admin: 'The admin logged in on its behalf.',
  'source-password': 'Logged in with its old password (no new password given).',
};

/** Complete when every account of the project can log in to the new server. */
export async function destinationLogins(context: CheckContext): Promise<CheckOutcome> {
  const destination = requireDestination(context.profiles, context.project);
  const accounts = context.accounts.list(context.project.id);
  if (accounts.length === 0) {
    throw new ServiceError(
      'invalid-arguments',
      'This check logs in to every mailbox of the project, and the project has none yet. Import the accounts first.',
      'accounts',
    );
  }
  const deps = context.logins ?? {};
  const endpoint = endpointOf(destination);
  const tls = await pinnedTls(endpoint, destination.pinnedFingerprint);
  const tryLogin = deps.tryLogin ?? defaultLogin(deps.timeouts ?? DEFAULT_TIMEOUTS);
  const admin = adminOf(context, destination);
  const results = await eachLimited(accounts, deps.concurrency ?? DEFAULT_CONCURRENCY, (account) =>
    testOne(account, context, endpoint, admin, async (login) => {
      if (tls instanceof MigrationError) throw tls;
      await tryLogin({ ...endpoint, ...(tls ? { tls } : {}) }, login);
    }),
  );
  const failed = results.filter((r) => !r.ok);
  return {
    outcome: failed.length === 0 ? 'pass' : 'fail',
    summary:
      failed.length === 0
        ? `All ${results.length} accounts can log in to ${destination.host}.`
        : `${results.length - failed.length} of ${results.length} accounts can log in to ${destination.host}. Not yet: ${failed.map((r) => r.localUsername).join(', ')}.`,
    diagnosticIds: [],
    details: { kind: 'destination-logins', host: destination.host, accounts: results },
  };
}

async function testOne(
  account: Account,
  context: CheckContext,
  endpoint: ImapEndpoint,
  admin: () => { user: string; password: string } | null,
  attempt: (login: PasswordLogin) => Promise<void>,
): Promise<LoginTestResult> {
  const base = { accountId: account.id, username: account.username, localUsername: account.localUsername };
  const chosen = chooseDestinationLogin({
    localUsername: account.localUsername,
    destinationPassword: () => context.accounts.revealPassword(account.id, 'destination'),
    admin,
    sourcePassword: () => context.accounts.revealPassword(account.id, 'source'),
  });
  if (!chosen) {
    return {
      ...base,
      method: 'none',
      ok: false,
      errorCode: 'no-password',
      message:
        'No password to log in with: set the new password of this account, or the admin login of the new server.',
    };
  }
  try {
    await attempt(chosen.login);
    return { ...base, method: chosen.method, ok: true, errorCode: null, message: LOGGED_IN[chosen.method] };
  } catch (error) {
    const classified = classifyError(error, {
      side: 'destination',
      host: endpoint.host,
      port: endpoint.port,
      user: account.localUsername,
    });
    const certificate =
      classified.code === 'certificate-untrusted' || classified.code === 'certificate-mismatch';
    return {
      ...base,
      method: chosen.method,
      ok: false,
      errorCode: classified.code,
      message: certificate
        ? `${classified.message} Use “Test connection” on the new server to see its certificate, and trust it for this server only if it is the right one.`
        : classified.message,
    };
  }
}

function endpointOf(destination: ServerProfile): ImapEndpoint {
  const protocol = destination.protocol === 'imap' ? 'imap' : 'imaps';
  return destinationEndpoint({
    host: destination.host,
    protocol,
    port: protocol === 'imap' ? destination.ports.imap : destination.ports.imaps,
    allowPlaintext: destination.allowPlaintext,
    trustedFingerprint: destination.pinnedFingerprint,
    adminUser: null,
    adminSecretId: null,
  });
}

/** The pinned certificate's TLS options, or the error every login will report. */
async function pinnedTls(
  endpoint: ImapEndpoint,
  fingerprint: string | null,
): Promise<ConnectionOptions | undefined | MigrationError> {
  try {
    // Unreachable: each login then says why.
    return (await pinnedImapTls(endpoint, fingerprint, 'destination')) ?? undefined;
  } catch (error) {
    if (error instanceof MigrationError) return error;
    throw error;
  }
}

function adminOf(context: CheckContext, destination: ServerProfile) {
  let cached: { user: string; password: string } | null | undefined;
  return () => {
    if (cached !== undefined) return cached;
    const password = destination.adminUser
      ? context.profiles.revealAdminPassword(context.project.id, 'destination')
      : null;
    cached = destination.adminUser && password !== null ? { user: destination.adminUser, password } : null;
    return cached;
  };
}

function defaultLogin(timeouts: ImapTimeouts) {
  return async (endpoint: ImapEndpoint, login: PasswordLogin) => {
    const client = await openImap(endpoint, login, timeouts);
    await client.logout().catch(() => client.close());
  };
}

/** Runs `work` on every item, at most `limit` at once, keeping the input order. */
async function eachLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
