// What the migration screen needs to start a job from the project: whether the servers and the
// accounts are ready, in words that say where to fix what is missing, and the batches of at
// most 500 accounts the project's list is cut into.
import type { Account, ServerProfile, ServerProfiles } from '../../../../preload/contract.ts';
import { formatCount, plural } from './progress-words.ts';
import { PORT_LABELS, sourceProtocol } from '../../servers/logic/server-options.ts';
import type { PortName } from '../../servers/logic/server-options.ts';
import { MAX_ACCOUNTS_PER_JOB, splitIntoBatches } from './user-batches.ts';

export interface AccountBatch {
  first: number;
  last: number;
  accountIds: number[];
  /** "ann@example.com – dan@example.com" */
  range: string;
}

export interface ProjectReadiness {
  /** Why a job cannot start yet, each with where to fix it; empty when it can. */
  missing: string[];
  batches: AccountBatch[];
}

export function projectReadiness(
  profiles: ServerProfiles,
  accounts: readonly Account[],
  size = MAX_ACCOUNTS_PER_JOB,
): ProjectReadiness {
  const missing: string[] = [];
  if (!profiles.source) missing.push('The old server is not set. Enter it in Servers and accounts.');
  if (!profiles.destination) missing.push('The new server is not set. Enter it in Servers and accounts.');
  if (accounts.length === 0)
    missing.push('The project has no accounts yet. Import them in Servers and accounts.');
  const noPassword = accounts.filter((a) => !a.hasSourcePassword).map((a) => a.username);
  if (noPassword.length > 0)
    missing.push(
      `${plural(noPassword.length, 'account has', 'accounts have')} no old-server password: ${listSome(noPassword)}. Enter ${noPassword.length === 1 ? 'it' : 'them'} in Servers and accounts.`,
    );
  const batches = splitIntoBatches(accounts, size).map(({ first, last, items }) => ({
    first,
    last,
    accountIds: items.map((a) => a.id),
    range: items.length === 1 ? items[0]!.username : `${items[0]!.username} – ${items.at(-1)!.username}`,
  }));
  return { missing, batches };
}

/** "mail.old.example · IMAPS port 993 · certificate trusted by its fingerprint" */
export function describeServer(profile: ServerProfile): string {
  const ports = sourceProtocol(profile.protocol)
    .ports.filter((name: PortName) => profile.ports[name] > 0)
    .map((name) => `${PORT_LABELS[name]} ${profile.ports[name]}`);
  const parts = [profile.host, ...ports];
  if (profile.pinnedFingerprint) parts.push('certificate trusted by its fingerprint');
  if (profile.allowPlaintext) parts.push('unencrypted connections allowed');
  if (profile.role === 'destination' && profile.adminUser) parts.push(`admin login ${profile.adminUser}`);
  return parts.join(' · ');
}

/** "Batch 1: ann – kim (accounts 1–500)" */
export function describeAccountBatch(batch: AccountBatch, index: number): string {
  return `Batch ${index + 1}: ${batch.range} (accounts ${formatCount(batch.first)}–${formatCount(batch.last)})`;
}

function listSome(names: readonly string[], shown = 5): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${formatCount(names.length - shown)} more`;
}
