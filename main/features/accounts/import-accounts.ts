// Accounts pasted or loaded as `username,password[,local_username[,local_password]]`: every
// line is checked first (the job parser's rules and words), and only a clean list is written,
// all at once: new accounts are added, known ones get the passwords given.
import type { Database } from 'better-sqlite3';
import type { AccountImportResult } from '../../../preload/contract.ts';
import type { AccountRepository } from '../../infrastructure/store/account-repository.ts';
import { parseUsers } from '../../../shared/job-input/index.ts';

/** A project may hold more accounts than one job takes; jobs then run in batches. */
export const MAX_ACCOUNTS_PER_IMPORT = 5_000;

export function importAccounts(
  db: Database,
  accounts: AccountRepository,
  request: { projectId: number; text: string; delimiter?: string | undefined },
): AccountImportResult {
  const parsed = parseUsers(request.text, {
    ...(request.delimiter ? { delimiter: request.delimiter } : {}),
    maxAccounts: MAX_ACCOUNTS_PER_IMPORT,
  });
  if (!parsed.ok) return { added: 0, updated: 0, errors: parsed.errors };
  const existing = new Map(accounts.list(request.projectId).map((a) => [key(a.username), a]));
  let added = 0;
  let updated = 0;
  db.transaction(() => {
    for (const user of parsed.value) {
      const known = existing.get(key(user.username));
      if (!known) {
        accounts.add({ projectId: request.projectId, ...user });
        added++;
        continue;
      }
      accounts.setPassword(known.id, 'source', user.password);
      if (user.localPassword !== undefined) accounts.setPassword(known.id, 'destination', user.localPassword);
      // A line that names no local username keeps the one the account has.
      if (user.localUsername !== user.username && user.localUsername !== known.localUsername) {
        accounts.setLocalUsername(known.id, user.localUsername);
      }
      updated++;
    }
  })();
  return { added, updated, errors: [] };
}

/** Usernames compare as mail servers do, and as the parser finds duplicates. */
function key(username: string): string {
  return username.normalize('NFC').toLowerCase();
}
