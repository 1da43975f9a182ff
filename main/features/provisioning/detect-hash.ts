// Which scheme made a password hash: a bare crypt string (/etc/shadow), a Dovecot-style
// `{SCHEME}hash` (passwd-file), or an LDAP userPassword (`{CRYPT}$6$…`, `{SSHA}…`).
import type { HashScheme } from '../../../preload/contract.ts';
import type { HashCheck } from './hash-schemes.ts';
import { checkCryptHash } from './crypt-hash.ts';
import { checkDigestHash } from './digest-hash.ts';

/** `{NAME}` or `{NAME.HEX}` / `{NAME.B64}` at the start (Dovecot's encoding suffixes). */
const PREFIX = /^\{([A-Za-z0-9-]+)(?:\.(hex|b64|base64))?\}/i;

/** Prefixes of crypt strings; the crypt string itself must then be of the named kind. */
const CRYPT_PREFIXES: Readonly<Record<string, HashScheme | 'any'>> = {
  CRYPT: 'any',
  'DES-CRYPT': 'des-crypt',
  'MD5-CRYPT': 'md5-crypt',
  'SHA256-CRYPT': 'sha256-crypt',
  'SHA512-CRYPT': 'sha512-crypt',
  'BLF-CRYPT': 'bcrypt',
  ARGON2: 'argon2',
  ARGON2I: 'argon2',
  ARGON2ID: 'argon2',
};

type DigestScheme = Parameters<typeof checkDigestHash>[0];

const DIGEST_PREFIXES: Readonly<Record<string, DigestScheme>> = {
  SHA: 'sha1',
  SHA1: 'sha1',
  SSHA: 'ssha',
  SHA256: 'sha256',
  SSHA256: 'ssha256',
  SHA512: 'sha512',
  SSHA512: 'ssha512',
  'PLAIN-MD5': 'md5',
  'LDAP-MD5': 'md5',
  SMD5: 'smd5',
};

const CLEARTEXT = new Set(['PLAIN', 'CLEAR', 'CLEARTEXT', 'PLAIN-TRUNC']);
/** Dovecot schemes for one login mechanism, or in Dovecot's own encoding; no other system takes them. */
const MECHANISM_ONLY = new Set([
  'CRAM-MD5',
  'HMAC-MD5',
  'DIGEST-MD5',
  'SCRAM-SHA-1',
  'SCRAM-SHA-256',
  'PLAIN-MD4',
  'LANMAN',
  'NTLM',
  'OTP',
  'SKEY',
  'RPA',
  'PBKDF2',
]);

/**
 * The scheme and canonical form of one hash, or what is wrong with it in words that can
 * follow “The hash of ann: ”. The hash itself is never quoted: it is password-equivalent.
 */
export function detectHash(raw: string): HashCheck {
  const text = raw.trim();
  if (text === '') return problem('there is no hash.');
  const prefix = PREFIX.exec(text);
  if (!prefix) return bare(text);

  const name = prefix[1]!.toUpperCase();
  const written = `{${prefix[1]}${prefix[2] ? `.${prefix[2]}` : ''}}`;
  const rest = text.slice(prefix[0].length);
  const encoding = prefix[2] === undefined ? undefined : prefix[2].toLowerCase() === 'hex' ? 'hex' : 'base64';
  if (rest === '') return problem(`there is nothing after ${written}.`);

  if (name === 'MD5') {
    // Dovecot's {MD5} is MD5-crypt; LDAP's {MD5} is an unsalted MD5 digest in base64.
    return rest.startsWith('$1$')
      ? crypt(rest, 'md5-crypt', written)
      : checkDigestHash('md5', rest, written, encoding);
  }
  const cryptKind = CRYPT_PREFIXES[name];
  if (cryptKind !== undefined) return crypt(rest, cryptKind, written);
  const digest = DIGEST_PREFIXES[name];
  if (digest !== undefined) return checkDigestHash(digest, rest, written, encoding);
  if (CLEARTEXT.has(name)) {
    return problem(
      `${written} marks a password in plain text, not a hash. Leave it out of this list; to use it, import it as the account’s new password under Setup → Accounts.`,
    );
  }
  if (MECHANISM_ONLY.has(name)) {
    return problem(
      `${written} is a scheme only a server of the same kind (or one login method) can use, so Cutover cannot carry it over.`,
    );
  }
  return problem(`${written} is not a hash scheme Cutover knows.`);
}

function bare(text: string): HashCheck {
  const checked = checkCryptHash(text);
  if (checked) return checked;
  if (/^[0-9a-fA-F]{32}$/.test(text) || /^[0-9a-fA-F]{40}$/.test(text)) {
    return problem(
      `it is ${text.length} hexadecimal digits with no scheme: that could be ${text.length === 32 ? 'MD5 or a Windows (NT) hash' : 'SHA-1 or something else'}. Write the scheme in front, as in ${text.length === 32 ? '{PLAIN-MD5}' : '{SHA.HEX}'}…, if you know it.`,
    );
  }
  return problem(
    'Cutover does not recognise its form. Known forms: $1$…, $5$…, $6$…, $2y$…, $y$…, 13-character Unix crypt, and {SCHEME}… prefixes such as {SSHA} or {SHA512-CRYPT}.',
  );
}

function crypt(text: string, kind: HashScheme | 'any', written: string): HashCheck {
  const checked = checkCryptHash(text);
  if (!checked) return problem(`it has the prefix ${written}, but what follows is not a crypt hash.`);
  if (!checked.ok || kind === 'any' || checked.hash.scheme === kind) return checked;
  return problem(`it has the prefix ${written}, but what follows is a different kind of hash.`);
}

function problem(message: string): HashCheck {
  return { ok: false, problem: message };
}
