// Which hash schemes each kind of new service takes in its bulk import, and where that was
// read. Where a destination's answer depends on how the server was built, it says "ask".
import type { DestinationKind, HashAcceptance, HashScheme } from '../../../preload/contract.ts';
import type { ParsedHash } from './hash-schemes.ts';
import { SCHEME_ORDER } from './hash-schemes.ts';

interface Verdict {
  acceptance: HashAcceptance;
  note: string | null;
}

export interface DestinationFacts {
  label: string;
  /** The file Cutover writes for it, in words; null when it takes no hashes at all. */
  fileDescription: string | null;
  /** Where the answer comes from and what to check before relying on it. */
  note: string;
  schemes: Readonly<Record<HashScheme, Verdict>>;
}

const yes = (note: string | null = null): Verdict => ({ acceptance: 'yes', note });
const no = (note: string | null = null): Verdict => ({ acceptance: 'no', note });
const ask = (note: string | null = null): Verdict => ({ acceptance: 'ask', note });
const all = (verdict: Verdict): Record<HashScheme, Verdict> =>
  Object.fromEntries(SCHEME_ORDER.map((scheme) => [scheme, verdict])) as Record<HashScheme, Verdict>;

// Dovecot 2.4 turns the DES and MD5 based schemes off unless auth_allow_weak_schemes = yes
// (dovecot/documentation, docs/core/config/auth/schemes.md); 2.3 takes them as they are.
const WEAK_IN_DOVECOT_24 = 'Dovecot 2.4 takes it only with auth_allow_weak_schemes = yes.';
const GOOGLE_ROUNDS = 'Only with at most 10,000 rounds.';

/** Google's crypt forms and the most rounds it takes (Admin SDK, users.hashFunction). */
export const GOOGLE_MAX_ROUNDS = 10_000;

export const DESTINATIONS: Readonly<Record<DestinationKind, DestinationFacts>> = {
  dovecot: {
    label: 'Dovecot',
    fileDescription: 'a Dovecot passwd-file (user:{SCHEME}hash lines)',
    note: 'Dovecot reads each hash with its {SCHEME} prefix in a passwd-file, SQL or LDAP password database. Use the file as a passdb, or copy its lines into yours.',
    schemes: {
      'des-crypt': yes(WEAK_IN_DOVECOT_24),
      'md5-crypt': yes(WEAK_IN_DOVECOT_24),
      'sha256-crypt': yes(),
      'sha512-crypt': yes(),
      bcrypt: yes('Dovecot has bcrypt built in (BLF-CRYPT).'),
      yescrypt: ask(
        'Dovecot hands it to the server’s system crypt library, which knows yescrypt only on newer systems (libxcrypt). Test one account first.',
      ),
      argon2: ask('Only when Dovecot was built with libsodium. Test one account first.'),
      ssha: yes(),
      ssha256: yes(),
      ssha512: yes(),
      smd5: yes(WEAK_IN_DOVECOT_24),
      sha1: yes(),
      sha256: yes(),
      sha512: yes(),
      md5: yes(WEAK_IN_DOVECOT_24),
    },
  },
  // Admin SDK Directory API, users.hashFunction: "MD5 - Accepts simple hex-encoded values.
  // SHA-1 - Accepts simple hex-encoded values. crypt - Compliant with the C crypt library.
  // Supports the DES, MD5 (hash prefix $1$), SHA-256 (hash prefix $5$), and SHA-512 (hash
  // prefix $6$) hash algorithms. If rounds are specified as part of the prefix, they must be
  // 10,000 or fewer." The Admin console's CSV upload takes the same three names in its
  // "Password Hash Function [UPLOAD ONLY]" column, as copies of Google's help page
  // "Add or update multiple users from a CSV file" (support.google.com/a/answer/40057) read.
  // bcrypt ($2y$) is reported refused ("Invalid Input") by the API; Google says nothing of it.
  'google-workspace': {
    label: 'Google Workspace',
    fileDescription: 'a Google Workspace user-upload CSV (with “Password Hash Function”)',
    note: 'Google takes hashes in its CSV user upload (Directory → Users → Bulk update users): unsalted MD5 and SHA-1, and Unix crypt in its DES, MD5, SHA-256 and SHA-512 forms. Salted SHA (SSHA) and bcrypt are not on its list. Try the file with one or two users first.',
    schemes: {
      ...all(no('Not on Google’s list of hash functions (MD5, SHA-1, crypt).')),
      'des-crypt': yes('Uploaded as “crypt”.'),
      'md5-crypt': yes('Uploaded as “crypt”.'),
      'sha256-crypt': yes(`Uploaded as “crypt”. ${GOOGLE_ROUNDS}`),
      'sha512-crypt': yes(`Uploaded as “crypt”. ${GOOGLE_ROUNDS}`),
      bcrypt: no('Google’s crypt takes the DES, MD5, SHA-256 and SHA-512 forms only.'),
      sha1: yes('Uploaded as “SHA-1”, in hexadecimal.'),
      md5: yes('Uploaded as “MD5”, in hexadecimal.'),
    },
  },
  // Microsoft Entra's bulk-create CSV needs each user's "Initial password" in plain text
  // (MicrosoftDocs/entra-docs, docs/identity/users/users-bulk-add.md); it has no hash column.
  'microsoft-365': {
    label: 'Microsoft 365 (Exchange Online)',
    fileDescription: null,
    note: 'Microsoft 365 cannot take password hashes: its bulk user upload needs each new password in plain text. Give everyone a new password, and tell them before cutover day.',
    schemes: all(no('Microsoft 365 takes no password hashes.')),
  },
  'other-imap': {
    label: 'Another IMAP server (Cyrus, hosted mail…)',
    fileDescription: 'a CSV of username, scheme and hash (in LDAP’s {SCHEME} form)',
    note: 'Every other server has its own way to import users. Ask the provider which of these schemes it takes, and in what file.',
    schemes: all(ask('Ask the provider.')),
  },
};

export const DESTINATION_ORDER = Object.keys(DESTINATIONS) as DestinationKind[];

/** Why this one hash cannot go to that destination, or null when it can (or may). */
export function refusal(kind: DestinationKind, hash: Pick<ParsedHash, 'scheme' | 'rounds'>): string | null {
  const verdict = DESTINATIONS[kind].schemes[hash.scheme];
  if (verdict.acceptance === 'no') return verdict.note ?? `${DESTINATIONS[kind].label} does not take it.`;
  if (
    kind === 'google-workspace' &&
    (hash.scheme === 'sha256-crypt' || hash.scheme === 'sha512-crypt') &&
    (hash.rounds ?? 0) > GOOGLE_MAX_ROUNDS
  ) {
    return `Google takes at most ${GOOGLE_MAX_ROUNDS.toLocaleString('en')} rounds, and this hash has ${hash.rounds!.toLocaleString('en')}.`;
  }
  return null;
}
