// The password hash schemes Cutover recognises in an imported hash list, with the words the
// admin reads and the name Dovecot gives each one (its `{SCHEME}` prefix).
import type { HashScheme } from '../../../preload/contract.ts';

export interface SchemeFacts {
  label: string;
  strength: 'strong' | 'fair' | 'weak';
  /** Plain words: what it is and how much it protects. */
  description: string;
  /**
   * Dovecot's scheme name (dovecot/documentation, docs/core/config/auth/schemes.md). The
   * digest schemes are written in Dovecot's default encoding: base64, hex for PLAIN-MD5.
   */
  dovecot: string;
  /** How the hash text is laid out: a crypt(3) string, or raw digest bytes. */
  family: 'crypt' | 'digest';
}

export const HASH_SCHEMES: Readonly<Record<HashScheme, SchemeFacts>> = {
  'des-crypt': {
    label: 'Traditional Unix crypt (DES)',
    strength: 'weak',
    description: 'The oldest Unix form. Weak: only the first 8 characters of a password count.',
    dovecot: 'DES-CRYPT',
    family: 'crypt',
  },
  'md5-crypt': {
    label: 'MD5-crypt',
    strength: 'weak',
    description: 'Older and weak, but still common in /etc/shadow files.',
    dovecot: 'MD5-CRYPT',
    family: 'crypt',
  },
  'sha256-crypt': {
    label: 'SHA-256-crypt',
    strength: 'strong',
    description: 'A current Linux form. Strong.',
    dovecot: 'SHA256-CRYPT',
    family: 'crypt',
  },
  'sha512-crypt': {
    label: 'SHA-512-crypt',
    strength: 'strong',
    description: 'The usual form on Linux servers. Strong.',
    dovecot: 'SHA512-CRYPT',
    family: 'crypt',
  },
  bcrypt: {
    label: 'bcrypt',
    strength: 'strong',
    description: 'Strong; common on BSD systems, web applications and Dovecot (BLF-CRYPT).',
    dovecot: 'BLF-CRYPT',
    family: 'crypt',
  },
  yescrypt: {
    label: 'yescrypt',
    strength: 'strong',
    description: 'The newest Linux form (Debian 11, Ubuntu 22.04 and later). Strong.',
    dovecot: 'CRYPT',
    family: 'crypt',
  },
  argon2: {
    label: 'Argon2',
    strength: 'strong',
    description: 'A modern, strong form, used by some mail servers and web applications.',
    dovecot: 'ARGON2',
    family: 'crypt',
  },
  ssha: {
    label: 'Salted SHA-1 (SSHA)',
    strength: 'fair',
    description: 'Common in LDAP directories. Salted, but fast to guess against if the list leaks.',
    dovecot: 'SSHA',
    family: 'digest',
  },
  ssha256: {
    label: 'Salted SHA-256 (SSHA256)',
    strength: 'fair',
    description: 'Salted, but fast to guess against if the list leaks.',
    dovecot: 'SSHA256',
    family: 'digest',
  },
  ssha512: {
    label: 'Salted SHA-512 (SSHA512)',
    strength: 'fair',
    description: 'Salted, but fast to guess against if the list leaks.',
    dovecot: 'SSHA512',
    family: 'digest',
  },
  smd5: {
    label: 'Salted MD5 (SMD5)',
    strength: 'weak',
    description: 'Old and weak: fast to guess against if the list leaks.',
    dovecot: 'SMD5',
    family: 'digest',
  },
  sha1: {
    label: 'SHA-1, unsalted',
    strength: 'weak',
    description: 'Weak: no salt, so equal passwords have equal hashes, and common ones are known.',
    dovecot: 'SHA',
    family: 'digest',
  },
  sha256: {
    label: 'SHA-256, unsalted',
    strength: 'weak',
    description: 'Weak: no salt, so equal passwords have equal hashes, and common ones are known.',
    dovecot: 'SHA256',
    family: 'digest',
  },
  sha512: {
    label: 'SHA-512, unsalted',
    strength: 'weak',
    description: 'Weak: no salt, so equal passwords have equal hashes, and common ones are known.',
    dovecot: 'SHA512',
    family: 'digest',
  },
  md5: {
    label: 'MD5, unsalted',
    strength: 'weak',
    description: 'The weakest here: no salt, and very fast to guess against.',
    dovecot: 'PLAIN-MD5',
    family: 'digest',
  },
};

/** Every scheme, strongest family first, in the order the UI lists them. */
export const SCHEME_ORDER = Object.keys(HASH_SCHEMES) as HashScheme[];

/**
 * A recognised hash in one canonical form: crypt strings as written (`$6$…`), digests as
 * base64 of their bytes (digest, then salt). Exporters write each destination's form from it.
 */
export interface ParsedHash {
  scheme: HashScheme;
  value: string;
  /** The `rounds=` of SHA-crypt, or bcrypt's cost; undefined when the hash names none. */
  rounds?: number;
}

/** What checking one hash found: the hash, or why it cannot be used (never quoting the hash). */
export type HashCheck = { ok: true; hash: ParsedHash } | { ok: false; problem: string };
