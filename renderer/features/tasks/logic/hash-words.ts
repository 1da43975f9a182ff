// Words for imported password hashes: how strong a scheme is, and which new services take it,
// in sentences an office admin can act on. Pure, so unit tests cover them without a browser.
import type {
  DestinationHashSupport,
  DestinationKind,
  HashAcceptance,
  HashImportResult,
  HashListFormat,
  HashScheme,
  HashSchemeCount,
} from '../../../../preload/contract.ts';

export const STRENGTH_WORDS: Readonly<Record<HashSchemeCount['strength'], string>> = {
  strong: 'Strong',
  fair: 'Fair',
  weak: 'Weak',
};

export const ACCEPTANCE_WORDS: Readonly<Record<HashAcceptance, string>> = {
  yes: 'Takes it',
  no: 'Does not take it',
  ask: 'Ask the provider',
};

export const FORMAT_WORDS: Readonly<Record<HashListFormat, string>> = {
  shadow: '/etc/shadow lines (user:hash:…)',
  'passwd-file': 'Dovecot passwd-file lines (user:{SCHEME}hash:…)',
  csv: 'CSV lines (user,hash)',
};

/** "A", "A and B", "A, B and C" (or "A or B"). */
export function joinWords(words: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}

/** Short names for sentences; the full labels name the services in the chooser. */
const SHORT_NAMES: Readonly<Record<DestinationKind, string>> = {
  dovecot: 'Dovecot',
  'google-workspace': 'Google Workspace',
  'microsoft-365': 'Microsoft 365',
  'other-imap': 'other servers',
};

/** Which services take a scheme: "Taken by Dovecot; not by Microsoft 365; other servers: ask the provider." */
export function takenBy(scheme: HashScheme, destinations: readonly DestinationHashSupport[]): string {
  const by = (acceptance: HashAcceptance) =>
    destinations
      .filter((d) => d.schemes.find((s) => s.scheme === scheme)?.acceptance === acceptance)
      .map((d) => SHORT_NAMES[d.kind]);
  const parts: string[] = [];
  const yes = by('yes');
  const no = by('no');
  const ask = by('ask');
  if (yes.length > 0) parts.push(`taken by ${joinWords(yes)}`);
  if (no.length > 0) parts.push(`not by ${joinWords(no, 'or')}`);
  if (ask.length > 0) parts.push(`${joinWords(ask)}: ask the provider`);
  const sentence = parts.join('; ');
  return sentence === '' ? '' : `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}

/** "12 of 14 accounts have an old password hash." */
export function coverageSentence(withHash: number, accounts: number): string {
  if (accounts === 0) return 'The project has no accounts yet: import them under Setup first.';
  if (withHash === 0) return 'No old password hashes imported yet.';
  if (withHash === accounts) {
    return accounts === 1
      ? 'The account has an old password hash.'
      : `All ${accounts} accounts have an old password hash.`;
  }
  return `${withHash} of ${accounts} accounts have an old password hash.`;
}

/** What an import did, in one sentence (the lists of lines come separately). */
export function importSentence(result: HashImportResult): string {
  const stored =
    result.stored === 1
      ? 'Stored the old password hash of 1 account'
      : `Stored the old password hashes of ${result.stored} accounts`;
  const read = `read as ${FORMAT_WORDS[result.format]}`;
  const ignored =
    result.ignored > 0
      ? ` ${result.ignored} ${result.ignored === 1 ? 'line was' : 'lines were'} for other users without a password (such as system accounts) and left out.`
      : '';
  return `${stored}, encrypted (${read}).${ignored}`;
}
