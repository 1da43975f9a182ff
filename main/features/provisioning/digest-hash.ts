// LDAP- and Dovecot-style digests ({SHA}, {SSHA}, {PLAIN-MD5}…): the digest of the password,
// then for the salted ones the salt, written in base64 (or hex). Checked by decoded length.
import type { HashScheme } from '../../../preload/contract.ts';
import type { HashCheck } from './hash-schemes.ts';

type DigestScheme = Extract<
  HashScheme,
  'ssha' | 'ssha256' | 'ssha512' | 'smd5' | 'sha1' | 'sha256' | 'sha512' | 'md5'
>;

/** Digest length in bytes, and whether a salt follows it. */
const DIGESTS: Readonly<Record<DigestScheme, { bytes: number; salted: boolean; name: string }>> = {
  sha1: { bytes: 20, salted: false, name: 'SHA-1' },
  ssha: { bytes: 20, salted: true, name: 'salted SHA-1' },
  sha256: { bytes: 32, salted: false, name: 'SHA-256' },
  ssha256: { bytes: 32, salted: true, name: 'salted SHA-256' },
  sha512: { bytes: 64, salted: false, name: 'SHA-512' },
  ssha512: { bytes: 64, salted: true, name: 'salted SHA-512' },
  md5: { bytes: 16, salted: false, name: 'MD5' },
  smd5: { bytes: 16, salted: true, name: 'salted MD5' },
};

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Checks the text after a `{SCHEME}` prefix. `encoding` comes from a Dovecot suffix
 * (`{SSHA.HEX}`); otherwise hex is recognised by its length, as Dovecot does for SHA and
 * PLAIN-MD5, and everything else is base64.
 */
export function checkDigestHash(
  scheme: DigestScheme,
  text: string,
  prefix: string,
  encoding?: 'hex' | 'base64',
): HashCheck {
  const { bytes, salted, name } = DIGESTS[scheme];
  const useHex =
    encoding === 'hex' || (encoding === undefined && HEX.test(text) && !salted && text.length === bytes * 2);
  const decoded = useHex ? fromHex(text) : fromBase64(text);
  if (decoded === undefined) {
    return problem(
      `it has the prefix ${prefix}, but what follows is not ${useHex ? 'hexadecimal' : 'base64'} text: it may have been cut off or changed when it was copied.`,
    );
  }
  if (!salted && decoded.length !== bytes) {
    return problem(
      `it has the prefix ${prefix}, but holds ${decoded.length} bytes where a ${name} hash has ${bytes}: it may have been cut off when it was copied.`,
    );
  }
  if (salted && decoded.length <= bytes) {
    return problem(
      `it has the prefix ${prefix}, but holds ${decoded.length} bytes where a ${name} hash has ${bytes} and then its salt: it may have been cut off when it was copied.`,
    );
  }
  return { ok: true, hash: { scheme, value: decoded.toString('base64') } };
}

function fromHex(text: string): Buffer | undefined {
  return HEX.test(text) ? Buffer.from(text, 'hex') : undefined;
}

/** Strict base64: the right alphabet, and padding where it belongs (added when left out). */
function fromBase64(text: string): Buffer | undefined {
  const padded = text.length % 4 === 0 ? text : text + '='.repeat(4 - (text.length % 4));
  if (padded.length % 4 !== 0 || !BASE64.test(padded) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(padded, 'base64');
  return bytes.toString('base64') === padded ? bytes : undefined;
}

function problem(message: string): HashCheck {
  return { ok: false, problem: message };
}
