// Which account of the project each line of a hash list belongs to: by the old server's
// username, or by the part before the @ when one side has no domain and only one account fits.
import type { Account, HashListLine, LineError } from '../../../preload/contract.ts';
import { lineError } from '../../../shared/job-input/parse-result.ts';
import type { ParsedHash } from './hash-schemes.ts';
import type { HashListEntry } from './hash-list.ts';

export interface MatchedHash {
  account: Account;
  line: number;
  hash: ParsedHash;
}

export interface HashMatch {
  matched: MatchedHash[];
  /** Lines with a hash for a user the project does not have. */
  unmatched: HashListLine[];
  /** Lines for accounts of the project that have no password to carry over. */
  skipped: HashListLine[];
  /** Lines of the project's accounts whose hash cannot be used, and repeated accounts. */
  errors: LineError[];
  /** Lines for other users with no password either (system accounts in /etc/shadow). */
  ignored: number;
}

export function matchHashes(entries: HashListEntry[], accounts: Account[]): HashMatch {
  const find = accountFinder(accounts);
  const result: HashMatch = { matched: [], unmatched: [], skipped: [], errors: [], ignored: 0 };
  const seen = new Map<number, number>();
  for (const entry of entries) {
    const { line, username, field } = entry;
    const found = find(username);
    if ('reason' in found) {
      if (field.kind === 'none') result.ignored++;
      else result.unmatched.push({ line, username, reason: found.reason });
      continue;
    }
    const account = found.account;
    const earlier = seen.get(account.id);
    if (earlier !== undefined) {
      result.errors.push(
        lineError(
          line,
          `“${username}” is the account ${account.username} again, as on line ${earlier}; list each user once.`,
        ),
      );
      continue;
    }
    seen.set(account.id, line);
    if (field.kind === 'hash') result.matched.push({ account, line, hash: field.hash });
    else if (field.kind === 'none') result.skipped.push({ line, username, reason: field.reason });
    else result.errors.push(lineError(line, `the hash of “${username}” cannot be used: ${field.problem}`));
  }
  return result;
}

type Found = { account: Account } | { reason: string };

function accountFinder(accounts: Account[]): (username: string) => Found {
  const byName = new Map<string, Account[]>();
  const byLocalPart = new Map<string, Account[]>();
  for (const account of accounts) {
    add(byName, key(account.username), account);
    if (account.username.includes('@')) add(byLocalPart, key(localPart(account.username)), account);
  }
  return (username) => {
    const exact = byName.get(key(username)) ?? [];
    if (exact.length === 1) return { account: exact[0]! };
    const near = username.includes('@')
      ? (byName.get(key(localPart(username))) ?? []).filter((a) => !a.username.includes('@'))
      : (byLocalPart.get(key(username)) ?? []);
    const candidates = exact.length > 1 ? exact : near;
    if (candidates.length === 1) return { account: candidates[0]! };
    if (candidates.length > 1) {
      return {
        reason: `it could be any of ${candidates.map((a) => a.username).join(', ')}: write the full address in the list.`,
      };
    }
    return { reason: `no account of this project is called “${username}”.` };
  };
}

function add(map: Map<string, Account[]>, name: string, account: Account): void {
  map.set(name, [...(map.get(name) ?? []), account]);
}

/** Usernames compare as mail servers do: case-insensitively, in one Unicode form. */
function key(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

function localPart(address: string): string {
  return address.slice(0, address.lastIndexOf('@'));
}
