import type { JobRepository, JobRow } from '../../infrastructure/store/job-repository.ts';
import type { SecretRepository } from '../../infrastructure/store/secret-repository.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import {
  MAX_ACCOUNTS_PER_JOB,
  parseJobName,
  parseSkipList,
  parseTranslations,
  parseUsers,
} from '../../../shared/job-input/index.ts';
import type { InputError, JobUser } from '../../../shared/job-input/index.ts';
import type {
  DestinationProtocol,
  JobSpec,
  ProtocolPorts,
  SourceProtocol,
} from '../../../shared/job-spec.ts';
import { DEFAULT_PORTS } from '../../../shared/job-spec.ts';
import { CONCURRENCY } from '../../../shared/limits.ts';
import { sourceEndpoints } from './endpoints.ts';
import { signInProblems, type SignInRequest } from './sign-in-request.ts';
import { storeSignIn } from '../../../shared/sign-in.ts';
import type { SignIn } from '../../../shared/sign-in.ts';

/** A project account a job copies: its passwords stay the project's (no copy is made). */
export interface ProjectAccountRef {
  accountId: number;
  username: string;
  localUsername: string;
}

export interface MigrationRequest {
  name?: string;
  projectId?: number | null;
  source: {
    host: string;
    protocol: SourceProtocol;
    ports?: Partial<ProtocolPorts>;
    allowPlaintext?: boolean;
    trustedFingerprint?: string | null;
    /** Passwords (the users list) unless an OAuth2 sign-in is given. */
    signIn?: SignInRequest;
    /** The project's stored sign-in, referred to rather than copied (in place of `signIn`). */
    storedSignIn?: SignIn | null;
  };
  destination: {
    host: string;
    protocol?: DestinationProtocol;
    port?: number;
    allowPlaintext?: boolean;
    trustedFingerprint?: string | null;
    adminUser?: string | null;
    adminPassword?: string | null;
    /** The project's stored admin password, referred to rather than copied. */
    adminSecretId?: number | null;
    /** Bytes the destination takes into one mailbox a day (Gmail's IMAP upload limit); none by default. */
    dailyUploadBytes?: number | null;
    signIn?: SignInRequest;
    /** The project's stored sign-in, referred to rather than copied (in place of `signIn`). */
    storedSignIn?: SignIn | null;
  };
  /** The users list as typed, accounts already checked, or the project's stored accounts. */
  users: string | Array<JobUser | ProjectAccountRef>;
  delimiter?: string;
  skip?: string;
  translate?: string;
  translateDelimiter?: string;
  concurrency?: number;
}

/**
 * Checks everything a job is made of before anything starts, listing every bad line of every
 * input, then stores the job with its passwords encrypted.
 */
export function createJob(request: MigrationRequest, jobs: JobRepository, secrets: SecretRepository): JobRow {
  const problems: string[] = [];
  const collect = (what: string, errors: InputError[]) => {
    for (const e of errors) problems.push(`${what}: ${e.message}`);
  };
  const existingNames = jobs.names();
  const name = parseJobName(request.name, existingNames);
  if (!name.ok) {
    collect('name', name.errors);
    const same = existingNames.find((n) => n.trim().toLowerCase() === request.name?.trim().toLowerCase());
    if (same !== undefined && jobs.byName(same).status !== 'done')
      problems.push(
        `name: the job "${same}" has not finished; to carry on with it, run: cutover retry ${/^[\w.-]+$/.test(same) ? same : JSON.stringify(same)} (in the app: Resume).`,
      );
  }
  const sourceSignIn = request.source.signIn ?? { method: 'password' };
  const destinationSignIn = request.destination.signIn ?? { method: 'password' };
  problems.push(...signInProblems(sourceSignIn, 'source sign-in'));
  problems.push(...signInProblems(destinationSignIn, 'destination sign-in'));
  const sourceMethod = request.source.storedSignIn?.method ?? sourceSignIn.method;
  const destinationMethod = request.destination.storedSignIn?.method ?? destinationSignIn.method;
  if (sourceMethod !== 'password' && !['imap', 'imaps'].includes(request.source.protocol))
    problems.push(
      `source sign-in: OAuth2 signs in over IMAP only; choose IMAPS (or IMAP), not ${request.source.protocol.toUpperCase()}.`,
    );
  const users =
    typeof request.users === 'string'
      ? parseUsers(request.users, {
          ...(request.delimiter ? { delimiter: request.delimiter } : {}),
          withoutSourcePasswords: sourceMethod !== 'password',
        })
      : { ok: true as const, value: request.users };
  if (!users.ok) collect('users', users.errors);
  const skip = parseSkipList(request.skip ?? '');
  if (!skip.ok) collect('skip list', skip.errors);
  const translate = parseTranslations(
    request.translate ?? '',
    request.translateDelimiter ? { delimiter: request.translateDelimiter } : {},
  );
  if (!translate.ok) collect('translations', translate.errors);
  if (!request.source.host.trim()) problems.push('source: the old server name is missing.');
  if (!request.destination.host.trim()) problems.push('destination: the new server name is missing.');
  const concurrency = request.concurrency ?? CONCURRENCY.default;
  if (!Number.isInteger(concurrency) || concurrency < CONCURRENCY.min || concurrency > CONCURRENCY.max) {
    problems.push(
      `concurrency: accounts at once must be a whole number from ${CONCURRENCY.min} to ${CONCURRENCY.max}.`,
    );
  }
  const daily = request.destination.dailyUploadBytes ?? null;
  if (daily !== null && !(Number.isInteger(daily) && daily > 0))
    problems.push('destination: the daily upload limit must be a whole number of bytes above 0.');
  const adminUser = request.destination.adminUser?.trim() || null;
  const adminSecret = request.destination.adminSecretId ?? null;
  if (adminUser && !request.destination.adminPassword && adminSecret === null) {
    problems.push('destination admin: the admin password is missing (set CUTOVER_DEST_ADMIN_PASSWORD).');
  }
  if (users.ok && users.value.length === 0) problems.push('users: the list has no accounts.');
  const sourcePorts = { ...DEFAULT_PORTS, ...request.source.ports };
  const readable = sourceEndpoints({
    host: request.source.host,
    protocol: request.source.protocol,
    ports: sourcePorts,
    allowPlaintext: false,
    trustedFingerprint: null,
  });
  if (!readable.imap && !readable.pop3) {
    problems.push(
      `ports: every port ${request.source.protocol.toUpperCase()} reads from is 0 (switched off), so nothing could be copied. Give a port, e.g. ${portHint(request.source.protocol)}.`,
    );
  }
  if (problems.length > 0 || !name.ok || !users.ok || !skip.ok || !translate.ok) {
    throw new ServiceError(
      'invalid-arguments',
      `The job was not started. Fix these and try again:\n  ${problems.join('\n  ')}`,
    );
  }
  if (users.value.length > MAX_ACCOUNTS_PER_JOB) {
    throw new ServiceError(
      'invalid-arguments',
      `${users.value.length} accounts: a job takes at most ${MAX_ACCOUNTS_PER_JOB}. Split them into ${Math.ceil(users.value.length / MAX_ACCOUNTS_PER_JOB)} jobs.`,
    );
  }

  /** A stored sign-in as it is (its secrets the project's); a request's with its secrets stored. */
  const signInOf = (stored: SignIn | null | undefined, asked: SignInRequest) => {
    const signIn =
      stored ??
      (asked.method === 'password' ? null : storeSignIn(asked, (_slot, plain) => secrets.put(plain)));
    return signIn && signIn.method !== 'password' ? { signIn } : {};
  };
  const destinationProtocol = request.destination.protocol ?? 'imaps';
  const spec: JobSpec = {
    source: {
      host: request.source.host.trim(),
      protocol: request.source.protocol,
      ports: sourcePorts,
      allowPlaintext: request.source.allowPlaintext ?? false,
      trustedFingerprint: normaliseFingerprint(request.source.trustedFingerprint),
      ...signInOf(request.source.storedSignIn, sourceSignIn),
    },
    destination: {
      host: request.destination.host.trim(),
      protocol: destinationProtocol,
      port: request.destination.port ?? (destinationProtocol === 'imaps' ? 993 : 143),
      allowPlaintext: request.destination.allowPlaintext ?? false,
      trustedFingerprint: normaliseFingerprint(request.destination.trustedFingerprint),
      adminUser,
      adminSecretId: !adminUser
        ? null
        : (adminSecret ??
          (request.destination.adminPassword ? secrets.put(request.destination.adminPassword) : null)),
      dailyUploadBytes: daily,
      ...signInOf(request.destination.storedSignIn, destinationSignIn),
    },
    skip: skip.value,
    translations: translate.value,
    concurrency,
  };
  return jobs.create({
    name: name.value,
    projectId: request.projectId ?? null,
    spec,
    accounts: users.value.map((u) =>
      'accountId' in u
        ? {
            username: u.username,
            localUsername: u.localUsername,
            accountId: u.accountId,
            sourceSecretId: null,
            destinationSecretId: null,
          }
        : {
            username: u.username,
            localUsername: u.localUsername,
            // With OAuth2 the account's secret is its refresh token, stored when the user signs in.
            sourceSecretId: sourceMethod === 'password' ? secrets.put(u.password) : null,
            destinationSecretId:
              u.localPassword === undefined || destinationMethod !== 'password'
                ? null
                : secrets.put(u.localPassword),
          },
    ),
  });
}

function portHint(protocol: SourceProtocol): string {
  switch (protocol) {
    case 'imap':
      return 'imap=143';
    case 'imaps':
      return 'imaps=993';
    case 'pop3':
      return 'pop3=110';
    case 'pop3s':
      return 'pop3s=995';
    case 'auto':
      return 'imaps=993,pop3s=995';
  }
}

/** Accepts AA:BB:…, aabb… or with spaces; stores Node's form (upper-case, colon-separated). */
export function normaliseFingerprint(value: string | null | undefined): string | null {
  if (!value) return null;
  const hex = value.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  if (hex.length !== 64) {
    throw new ServiceError(
      'invalid-arguments',
      `"${value}" is not a SHA-256 fingerprint (64 hexadecimal digits, as "cutover check" prints).`,
    );
  }
  return hex.match(/../g)!.join(':');
}
