// The credentials of a job's account, by reference to stored secrets: passwords (the account's
// own, or an admin acting for it) or an OAuth2 grant (the user's sign-in, the organisation's app,
// a service account). Nothing is decrypted here.
import type { JobAccountRow, JobRow } from '../../infrastructure/store/job-repository.ts';
import type { AccountRepository } from '../../infrastructure/store/account-repository.ts';
import type { SignIn } from '../../../shared/sign-in.ts';
import { PASSWORD_SIGN_IN } from '../../../shared/sign-in.ts';
import type { AccountCredentials } from './account-runner.ts';
import type { Credential } from './credential.ts';
import { chooseDestinationLogin } from './destination-login.ts';
import { MigrationError, type ServerSide } from './migration-error.ts';

/**
 * The credentials of one job account, as references to stored secrets: a project account's are
 * the project's own (fixed there, fixed for every job); nothing is decrypted here.
 */
export function credentialsFor(
  account: JobAccountRow,
  job: JobRow,
  accounts: Pick<AccountRepository, 'secretIds'>,
): AccountCredentials {
  const ids =
    account.accountId !== null
      ? accounts.secretIds(account.accountId)
      : { source: account.sourceSecretId, destination: account.destinationSecretId };
  if (ids === null)
    throw new MigrationError(
      'source-auth-failed',
      `${account.username} was removed from the project, with its passwords. Add the account again (Setup → Accounts), then retry.`,
    );
  const sourceSignIn = job.spec.source.signIn ?? PASSWORD_SIGN_IN;
  const destinationSignIn = job.spec.destination.signIn ?? PASSWORD_SIGN_IN;
  const source =
    sourceSignIn.method === 'password'
      ? passwordCredential(account.username, ids.source)
      : oauth2Credential(sourceSignIn, account.username, ids.source, 'source');
  const destination =
    destinationSignIn.method === 'password'
      ? // The old server's password may stand in for the new one's; a refresh token may not.
        destinationPasswordCredential(account, job, {
          source: sourceSignIn.method === 'password' ? ids.source : null,
          destination: ids.destination,
        })
      : oauth2Credential(destinationSignIn, account.localUsername, ids.destination, 'destination');
  return { username: account.username, localUsername: account.localUsername, source, destination };
}

function passwordCredential(user: string, secretId: number | null): Credential {
  if (secretId === null)
    throw new MigrationError(
      'source-auth-failed',
      `No old-server password is stored for ${user}. Enter it, then retry.`,
    );
  return { kind: 'password', user, secretId };
}

function destinationPasswordCredential(
  account: JobAccountRow,
  job: JobRow,
  ids: { source: number | null; destination: number | null },
): Credential {
  const { adminUser, adminSecretId } = job.spec.destination;
  const chosen = chooseDestinationLogin<number>({
    localUsername: account.localUsername,
    destinationPassword: () => ids.destination,
    admin: () => (adminUser && adminSecretId !== null ? { user: adminUser, password: adminSecretId } : null),
    sourcePassword: () => ids.source,
  });
  if (!chosen)
    throw new MigrationError(
      'destination-auth-failed',
      `No new-server password is stored for ${account.localUsername}. Enter it, then retry.`,
    );
  const { user, password: secretId, authzid } = chosen.login;
  return authzid ? { kind: 'admin', user, secretId, authzid } : { kind: 'password', user, secretId };
}

/** The OAuth2 credential of one mailbox; a user sign-in needs the account's refresh token. */
function oauth2Credential(
  signIn: Exclude<SignIn, { method: 'password' }>,
  user: string,
  refreshTokenId: number | null,
  side: ServerSide,
): Credential {
  switch (signIn.method) {
    case 'user':
      if (refreshTokenId === null)
        throw new MigrationError(
          'sign-in-again',
          `${user} has not signed in to the ${side === 'source' ? 'old' : 'new'} server yet. Sign in for this account, then retry.`,
          { side },
        );
      return {
        kind: 'oauth2',
        user,
        grant: {
          type: 'refresh-token',
          client: signIn.client,
          clientSecretId: signIn.clientSecretId,
          refreshTokenId,
        },
      };
    case 'app':
      return {
        kind: 'oauth2',
        user,
        grant: {
          type: 'client-credentials',
          client: signIn.client,
          clientSecretId: signIn.clientSecretId,
          clientAuth: signIn.clientAuth ?? 'secret',
        },
      };
    case 'delegation':
      return {
        kind: 'oauth2',
        user,
        grant: { type: 'jwt-bearer', client: signIn.client, keySecretId: signIn.keySecretId },
      };
  }
}
