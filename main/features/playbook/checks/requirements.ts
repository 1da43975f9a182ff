// What a check needs from the project, refused in words that say what to fill in.
import type { Project, ServerProfile } from '../../../../preload/contract.ts';
import type { ServerProfileRepository } from '../../../infrastructure/store/server-profile-repository.ts';
import { ServiceError } from '../../../../shared/service-error.ts';

/** The project's mail domains; a DNS check has nothing to ask without one. */
export function requireDomains(project: Project): string[] {
  if (project.domains.length > 0) return project.domains;
  throw new ServiceError(
    'invalid-arguments',
    'This check reads the DNS of the mail domain, and the project has no domain yet. Add the domain (like example.com) to the project, then run the check again.',
    'domains',
  );
}

/** The new server's profile; MX, SRV and login checks compare against it. */
export function requireDestination(profiles: ServerProfileRepository, project: Project): ServerProfile {
  const destination = profiles.get(project.id, 'destination');
  if (destination) return destination;
  throw new ServiceError(
    'invalid-arguments',
    'This check compares against the new mail server, and the project has none yet. Fill in the new (destination) server, then run the check again.',
    'destination',
  );
}
