import type { CallArgs } from '../../../preload/contract.ts';
import type { AccountRepository } from '../../infrastructure/store/account-repository.ts';
import type { ServerProfileRepository } from '../../infrastructure/store/server-profile-repository.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import { GMAIL_DAILY_UPLOAD_BYTES, presetForHost } from '../../../shared/provider-presets.ts';
import type { MigrationRequest, ProjectAccountRef } from './create-job.ts';

/**
 * A job request built from what the project already holds: its old and new server with their
 * sign-ins, and its accounts with their stored passwords (read here in main; they never reach
 * the UI). Secrets are referred to by id, never copied.
 */
export function requestFromProject(
  args: CallArgs<'jobs.startForProject'>,
  accounts: AccountRepository,
  profiles: ServerProfileRepository,
): MigrationRequest {
  const source = profiles.get(args.projectId, 'source');
  const destination = profiles.get(args.projectId, 'destination');
  const missing: string[] = [];
  if (!source) missing.push('the old server (Setup → Old server)');
  if (!destination) missing.push('the new server (Setup → New server)');
  if (!source || !destination) {
    throw new ServiceError('invalid-arguments', `Before starting a job, set ${missing.join(' and ')}.`);
  }
  if (destination.protocol !== 'imap' && destination.protocol !== 'imaps') {
    throw new ServiceError('invalid-arguments', 'The new server must be reached over IMAP or IMAPS.');
  }
  const chosen = accounts
    .list(args.projectId)
    .filter((a) => args.accountIds === undefined || args.accountIds.includes(a.id));
  if (chosen.length === 0) {
    throw new ServiceError(
      'invalid-arguments',
      'The project has no accounts to copy yet. Import them in Setup first.',
    );
  }
  const sourceSignIn = profiles.signIn(args.projectId, 'source');
  const destinationSignIn = profiles.signIn(args.projectId, 'destination');
  // The organisation's app signs in for every mailbox; otherwise each account needs its own
  // password, or (each person signing in) its refresh token, stored as its old-server secret.
  const sourceMethod = sourceSignIn?.method ?? 'password';
  const withoutPassword = chosen.filter((a) => !a.hasSourcePassword).map((a) => a.username);
  if (withoutPassword.length > 0 && (sourceMethod === 'password' || sourceMethod === 'user')) {
    throw new ServiceError(
      'invalid-arguments',
      sourceMethod === 'password'
        ? `These accounts have no old-server password yet: ${withoutPassword.join(', ')}. Enter them in Setup, then start again.`
        : `These people have not signed in to the old server yet: ${withoutPassword.join(', ')}. Each signs in once with their account, then start again.`,
    );
  }
  // References, not copies: the job logs in with whatever the project holds at that moment.
  const users: ProjectAccountRef[] = chosen.map((a) => ({
    accountId: a.id,
    username: a.username,
    localUsername: a.localUsername,
  }));
  const adminSecretId = destination.adminUser ? profiles.adminSecretId(args.projectId, 'destination') : null;
  const intoGoogle = presetForHost(destination.host) === 'google' || destination.signIn.provider === 'google';
  return {
    projectId: args.projectId,
    ...(args.name ? { name: args.name } : {}),
    source: {
      host: source.host,
      protocol: source.protocol,
      ports: source.ports,
      allowPlaintext: source.allowPlaintext,
      trustedFingerprint: source.pinnedFingerprint,
      storedSignIn: sourceSignIn,
    },
    destination: {
      host: destination.host,
      protocol: destination.protocol,
      port: destination.protocol === 'imaps' ? destination.ports.imaps : destination.ports.imap,
      allowPlaintext: destination.allowPlaintext,
      trustedFingerprint: destination.pinnedFingerprint,
      adminUser: destination.adminUser,
      adminSecretId,
      storedSignIn: destinationSignIn,
      // Gmail takes about 500 MB into a mailbox a day over IMAP: the job waits for the next day.
      dailyUploadBytes: intoGoogle ? GMAIL_DAILY_UPLOAD_BYTES : null,
    },
    users,
    skip: args.skip,
    translate: args.translate,
    ...(args.translateDelimiter ? { translateDelimiter: args.translateDelimiter } : {}),
    concurrency: args.concurrency,
  };
}
