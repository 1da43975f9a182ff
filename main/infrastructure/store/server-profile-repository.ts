import type { Database } from 'better-sqlite3';
import type { ServerProfile, ServerRole } from '../../../preload/contract.ts';
import type { SecretRepository } from './secret-repository.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import { DEFAULT_PORTS } from '../../../shared/job-spec.ts';
import type { ProtocolPorts } from '../../../shared/job-spec.ts';
import type { SignIn, SignInRequest } from '../../../shared/sign-in.ts';
import { publicSignIn, storeProfileSignIn } from './profile-sign-in.ts';

interface Row {
  role: ServerRole;
  host: string;
  protocol: ServerProfile['protocol'];
  ports: string;
  allow_plaintext: number;
  pinned_fingerprint: string | null;
  admin_username: string | null;
  admin_secret_id: number | null;
  /** shared/sign-in.ts SignIn as JSON (secret ids only); null: passwords. */
  sign_in: string | null;
}

export interface ProfileInput {
  role: ServerRole;
  host: string;
  protocol: ServerProfile['protocol'];
  ports: Partial<ProtocolPorts>;
  allowPlaintext: boolean;
  /** Undefined: unchanged; null or empty: no admin login. */
  adminUser?: string | null | undefined;
  /** Undefined: unchanged. */
  adminPassword?: string | undefined;
  /**
   * Undefined: unchanged. Its secrets (client secret, service account key) are stored
   * encrypted, in place of the stored ones; checked by the caller (signInProblems).
   */
  signIn?: SignInRequest | undefined;
}

/** A project's old and new server. The admin password goes in here and out only via `revealAdminPassword`. */
export interface ServerProfileRepository {
  get(projectId: number, role: ServerRole): ServerProfile | null;
  save(projectId: number, input: ProfileInput): ServerProfile;
  /** Trusts one certificate for this server only; null forgets it. */
  trust(projectId: number, role: ServerRole, fingerprint: string | null): ServerProfile;
  revealAdminPassword(projectId: number, role: ServerRole): string | null;
  /** The stored secret of the admin password, for jobs that refer to it instead of copying it. */
  adminSecretId(projectId: number, role: ServerRole): number | null;
  /** The stored sign-in (secret ids, never secrets), for jobs that refer to it; null: passwords. */
  signIn(projectId: number, role: ServerRole): SignIn | null;
}

export function createServerProfileRepository(
  db: Database,
  secrets: SecretRepository,
): ServerProfileRepository {
  const one = db.prepare<[number, ServerRole], Row>(
    'SELECT * FROM server_profiles WHERE project_id = ? AND role = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO server_profiles (project_id, role, host, protocol, ports, allow_plaintext, pinned_fingerprint, admin_username, admin_secret_id, sign_in)
     VALUES (@projectId, @role, @host, @protocol, @ports, @allowPlaintext, @pinned, @adminUser, @adminSecretId, @signIn)
     ON CONFLICT (project_id, role) DO UPDATE SET
       host = excluded.host, protocol = excluded.protocol, ports = excluded.ports,
       allow_plaintext = excluded.allow_plaintext, pinned_fingerprint = excluded.pinned_fingerprint,
       admin_username = excluded.admin_username, admin_secret_id = excluded.admin_secret_id,
       sign_in = excluded.sign_in`,
  );
  const setPin = db.prepare(
    'UPDATE server_profiles SET pinned_fingerprint = ? WHERE project_id = ? AND role = ?',
  );
  const projectExists = db.prepare<[number], { id: number }>('SELECT id FROM projects WHERE id = ?');

  const get = (projectId: number, role: ServerRole) => {
    const row = one.get(projectId, role);
    return row ? toProfile(row) : null;
  };

  return {
    get,
    save(projectId, input) {
      if (!projectExists.get(projectId))
        throw new ServiceError('not-found', `There is no project with id ${projectId}.`);
      db.transaction(() => {
        const before = one.get(projectId, input.role);
        const host = input.host.trim();
        const adminUser =
          input.adminUser === undefined ? (before?.admin_username ?? null) : input.adminUser?.trim() || null;
        let adminSecretId = before?.admin_secret_id ?? null;
        if (adminUser === null && adminSecretId !== null) {
          secrets.remove(adminSecretId);
          adminSecretId = null;
        } else if (adminUser !== null && input.adminPassword !== undefined) {
          if (adminSecretId !== null) secrets.replace(adminSecretId, input.adminPassword);
          else adminSecretId = secrets.put(input.adminPassword);
        }
        const signInBefore = storedSignIn(before);
        let signIn = signInBefore;
        if (input.signIn !== undefined) {
          signIn = storeProfileSignIn(input.signIn, signInBefore, secrets);
          if (signIn.method === 'password') signIn = null;
        }
        upsert.run({
          projectId,
          role: input.role,
          host,
          protocol: input.protocol,
          ports: JSON.stringify({ ...DEFAULT_PORTS, ...input.ports }),
          allowPlaintext: input.allowPlaintext ? 1 : 0,
          // A trusted certificate belongs to one server: another host name forgets it.
          pinned:
            before && before.host.toLowerCase() === host.toLowerCase() ? before.pinned_fingerprint : null,
          adminUser,
          adminSecretId,
          signIn: signIn ? JSON.stringify(signIn) : null,
        });
      })();
      return get(projectId, input.role)!;
    },
    trust(projectId, role, fingerprint) {
      if (!one.get(projectId, role)) {
        throw new ServiceError(
          'not-found',
          `This project has no ${role === 'source' ? 'old (source)' : 'new (destination)'} server yet. Fill it in first.`,
          role,
        );
      }
      setPin.run(fingerprint, projectId, role);
      return get(projectId, role)!;
    },
    adminSecretId: (projectId, role) => one.get(projectId, role)?.admin_secret_id ?? null,
    signIn: (projectId, role) => storedSignIn(one.get(projectId, role)),
    revealAdminPassword(projectId, role) {
      const secretId = one.get(projectId, role)?.admin_secret_id ?? null;
      return secretId === null ? null : secrets.reveal(secretId);
    },
  };
}

function toProfile(row: Row): ServerProfile {
  return {
    role: row.role,
    host: row.host,
    protocol: row.protocol,
    ports: { ...DEFAULT_PORTS, ...(JSON.parse(row.ports) as Partial<ProtocolPorts>) },
    allowPlaintext: row.allow_plaintext === 1,
    pinnedFingerprint: row.pinned_fingerprint,
    adminUser: row.admin_username,
    hasAdminPassword: row.admin_secret_id !== null,
    signIn: publicSignIn(storedSignIn(row)),
  };
}

function storedSignIn(row: Row | undefined): SignIn | null {
  return row?.sign_in ? (JSON.parse(row.sign_in) as SignIn) : null;
}
