// One job account's own sign-in in the browser, for a side whose mailboxes each sign in
// (SignIn method 'user'): what the job manager stores afterwards is the refresh token.
import type { JobAccountRow, JobRow } from '../../infrastructure/store/job-repository.ts';
import { signInInBrowser } from '../../infrastructure/oauth2/loopback-sign-in.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import { PASSWORD_SIGN_IN } from '../../../shared/sign-in.ts';
import type { ServerSide } from './migration-error.ts';
import type { SecretReader } from './login.ts';

export interface AccountSignInOptions {
  /** Shows the user the provider's sign-in page (prints its address, opens a browser). */
  open: (url: string) => void | Promise<void>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

const serverWords = (side: ServerSide) => (side === 'source' ? 'old server' : 'new server');

/** The mailbox that signs in on `side`: its name on that server. */
export const mailboxOn = (account: JobAccountRow, side: ServerSide) =>
  side === 'source' ? account.username : account.localUsername;

/** Signs `account` in on `side` of `job` in the browser and resolves with its refresh token. */
export async function signInJobAccount(
  job: JobRow,
  account: JobAccountRow,
  side: ServerSide,
  secrets: SecretReader,
  options: AccountSignInOptions,
): Promise<string> {
  const signIn = job.spec[side].signIn ?? PASSWORD_SIGN_IN;
  if (signIn.method !== 'user')
    throw new ServiceError(
      'invalid-arguments',
      `The ${serverWords(side)} of job "${job.name}" does not sign in each user in the browser (${describeMethod(signIn.method)}), so there is nothing to sign in for ${account.username}.`,
      'side',
    );
  const { refreshToken } = await signInInBrowser({
    client: signIn.client,
    clientSecret: signIn.clientSecretId === null ? null : secrets.reveal(signIn.clientSecretId),
    loginHint: mailboxOn(account, side),
    ...options,
  });
  return refreshToken;
}

function describeMethod(method: 'password' | 'app' | 'delegation'): string {
  switch (method) {
    case 'password':
      return 'it uses passwords';
    case 'app':
      return "it uses the organisation's app for every mailbox";
    case 'delegation':
      return 'it uses a service account acting as each user';
  }
}

export function signedInWords(account: JobAccountRow, side: ServerSide, host: string): string {
  return `${mailboxOn(account, side)} signed in to the ${serverWords(side)} (${host}) for this job; Cutover keeps the sign-in, encrypted, to copy without asking again.`;
}

/** The sides of `job` whose mailboxes each sign in in the browser. */
export function userSignInSides(job: JobRow): ServerSide[] {
  return (['source', 'destination'] as const).filter((side) => job.spec[side].signIn?.method === 'user');
}

/**
 * The side an account signs in to: the one given, or the only side whose users sign in in the
 * browser. `howToSay` names the way to give a side (the CLI's --side, the app's choice).
 */
export function signInSide(job: JobRow, side: ServerSide | undefined, howToSay: string): ServerSide {
  if (side) return side;
  const sides = userSignInSides(job);
  if (sides.length === 1) return sides[0]!;
  throw new ServiceError(
    'invalid-arguments',
    sides.length === 0
      ? `Job "${job.name}" signs in with passwords or with the organisation's app on both servers: there is nobody to sign in in the browser.`
      : `Each user of job "${job.name}" signs in to both servers: ${howToSay}, and sign in once for each.`,
  );
}
