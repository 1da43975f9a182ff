// The bulk-provisioning file for one kind of new service: every account whose old hash it
// takes, and the others named with the reason they are not in it.
import type { Account, DestinationKind, Project, ProvisioningExport } from '../../../preload/contract.ts';
import { ServiceError } from '../../../shared/service-error.ts';
import type { PasswordHashRepository } from '../../infrastructure/store/password-hash-repository.ts';
import { DESTINATIONS, refusal } from './destination-kinds.ts';
import { HASH_SCHEMES } from './hash-schemes.ts';
import type { ExportRow, LeftOut, WrittenFile } from './export-row.ts';
import { dovecotPasswdFile } from './dovecot-passwd-file.ts';
import { googleWorkspaceCsv } from './google-workspace-csv.ts';
import { genericHashCsv } from './generic-hash-csv.ts';

/** How many left-out accounts an error message names before "and N more". */
const NAMED_IN_ERROR = 10;

export function exportHashes(
  project: Project,
  accounts: Account[],
  hashes: Pick<PasswordHashRepository, 'reveal'>,
  kind: DestinationKind,
  now: Date,
): ProvisioningExport {
  const facts = DESTINATIONS[kind];
  if (facts.fileDescription === null)
    throw new ServiceError('invalid-arguments', facts.note, 'destinationKind');
  const rows: ExportRow[] = [];
  const leftOut: LeftOut[] = [];
  for (const account of accounts) {
    const hash = hashes.reveal(account.id);
    const refused = hash === null ? 'no old password hash was imported for it.' : refusal(kind, hash);
    if (hash === null || refused !== null) {
      const scheme = hash === null ? '' : `${HASH_SCHEMES[hash.scheme].label}: `;
      leftOut.push({ username: account.username, reason: `${scheme}${refused}` });
      continue;
    }
    rows.push({ username: account.username, login: account.localUsername, hash });
  }
  const written = write(kind, rows, project, now);
  leftOut.push(...written.leftOut);
  const included = rows.length - written.leftOut.length;
  if (included === 0) {
    throw new ServiceError(
      'invalid-arguments',
      `No account can go into the file for ${facts.label}. ${describe(leftOut)}`,
      'destinationKind',
    );
  }
  return {
    fileName: `cutover-${slug(project.name)}-${kind}-users.${kind === 'dovecot' ? 'passwd' : 'csv'}`,
    content: written.content,
    destinationKind: kind,
    included,
    leftOut,
  };
}

function write(kind: DestinationKind, rows: ExportRow[], project: Project, now: Date): WrittenFile {
  if (kind === 'dovecot') {
    return dovecotPasswdFile(rows, [
      `Dovecot passwd-file written by Cutover for the project "${project.name}", ${now.toISOString()}.`,
      'These are password hashes: keep the file private (chmod 600) and delete it once the users exist.',
    ]);
  }
  if (kind === 'google-workspace') return googleWorkspaceCsv(rows, project.domains);
  return genericHashCsv(rows);
}

function describe(leftOut: LeftOut[]): string {
  if (leftOut.length === 0) return 'The project has no accounts yet.';
  const named = leftOut.slice(0, NAMED_IN_ERROR).map((l) => `${l.username} (${l.reason.replace(/\.$/, '')})`);
  const more = leftOut.length - named.length;
  return `Not in it: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'project'
  );
}
