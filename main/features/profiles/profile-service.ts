// A project's old and new server: saved once, tested with the certificate check, and a
// certificate the admin chooses to trust pinned for that server only.
import type {
  CallArgs,
  ServerProfile,
  ServerProfiles,
  ServerRole,
  StoredDiagnostic,
} from '../../../preload/contract.ts';
import type { ProjectRepository } from '../../infrastructure/store/project-repository.ts';
import type {
  ServerProfileRepository,
  ProfileInput,
} from '../../infrastructure/store/server-profile-repository.ts';
import type { DiagnosticsService } from '../../engine/diagnostics/diagnostics-service.ts';
import type { EventLog } from '../../infrastructure/store/event-log.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import { normaliseFingerprint } from '../../engine/migration/create-job.ts';
import { signInProblems } from '../../engine/migration/sign-in-request.ts';
import { connectionPorts } from './connection-ports.ts';

export interface ProfileService {
  get(projectId: number): ServerProfiles;
  save(projectId: number, input: ProfileInput): ServerProfile;
  trustCertificate(projectId: number, role: ServerRole, fingerprint: string | null): ServerProfile;
  /** The stored certificate check of the profile's host, on the ports a job would use. */
  testConnection(projectId: number, role: ServerRole): Promise<StoredDiagnostic>;
}

export function createProfileService(deps: {
  projects: ProjectRepository;
  profiles: ServerProfileRepository;
  diagnostics: Pick<DiagnosticsService, 'checkServer'>;
  eventLog: EventLog;
}): ProfileService {
  const side = (role: ServerRole) => (role === 'source' ? 'old (source)' : 'new (destination)');
  return {
    get(projectId) {
      deps.projects.get(projectId);
      return {
        source: deps.profiles.get(projectId, 'source'),
        destination: deps.profiles.get(projectId, 'destination'),
      };
    },
    save(projectId, input) {
      deps.projects.get(projectId);
      if (input.adminUser && input.adminPassword === undefined) {
        const existing = deps.profiles.get(projectId, input.role);
        if (!existing?.hasAdminPassword) {
          throw new ServiceError(
            'invalid-arguments',
            'Give the admin password with the admin user.',
            'adminPassword',
          );
        }
      }
      if (input.signIn !== undefined && input.signIn.method !== 'password') {
        const problems = signInProblems(input.signIn, 'Sign-in');
        if (input.protocol !== 'imap' && input.protocol !== 'imaps')
          problems.push('Signing in with an app (OAuth2) works over IMAP only: choose IMAPS.');
        if (problems.length > 0) throw new ServiceError('invalid-arguments', problems.join(' '), 'signIn');
      }
      return deps.profiles.save(projectId, input);
    },
    trustCertificate(projectId, role, fingerprint) {
      deps.projects.get(projectId);
      const profile = deps.profiles.trust(projectId, role, normaliseFingerprint(fingerprint));
      deps.eventLog.append({
        level: 'info',
        projectId,
        message: fingerprint
          ? `The certificate ${profile.pinnedFingerprint} is trusted for the ${side(role)} server ${profile.host} only.`
          : `The ${side(role)} server ${profile.host} no longer has a trusted certificate of its own.`,
      });
      return profile;
    },
    async testConnection(projectId, role) {
      deps.projects.get(projectId);
      const profile = deps.profiles.get(projectId, role);
      if (!profile) {
        throw new ServiceError(
          'invalid-arguments',
          `Fill in the ${side(role)} server first, then test it.`,
          role,
        );
      }
      const args: CallArgs<'diagnostics.checkServer'> = {
        projectId,
        target: profile.host,
        ports: connectionPorts(profile),
        pinnedFingerprints: profile.pinnedFingerprint ? [profile.pinnedFingerprint] : [],
      };
      return deps.diagnostics.checkServer(args);
    },
  };
}
