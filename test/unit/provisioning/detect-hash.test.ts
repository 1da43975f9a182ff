// Scheme detection on real hashes made at test time by openssl and doveadm, and the words for
// hashes that cannot be used. No message ever quotes the hash: it is password-equivalent.
import { describe, expect, it } from 'vitest';
import { detectHash } from '../../../main/features/provisioning/detect-hash.ts';
import type { HashCheck } from '../../../main/features/provisioning/hash-schemes.ts';
import { doveadmPw, opensslPasswd, withoutPrefix } from '../../support/password-hashes.ts';

const PASSWORD = 'Tr0ub4dor&3 x';

function scheme(check: HashCheck) {
  if (!check.ok) throw new Error(check.problem);
  return check.hash.scheme;
}

function problemOf(check: HashCheck): string {
  if (check.ok) throw new Error(`expected a problem, got ${check.hash.scheme}`);
  return check.problem;
}

describe('crypt strings as /etc/shadow keeps them (bare)', () => {
  it('recognises MD5-crypt, SHA-256-crypt and SHA-512-crypt from openssl passwd', () => {
    for (const [flag, expected] of [
      ['-1', 'md5-crypt'],
      ['-5', 'sha256-crypt'],
      ['-6', 'sha512-crypt'],
    ] as const) {
      const hash = opensslPasswd(flag, PASSWORD);
      const check = detectHash(hash);
      expect(scheme(check)).toBe(expected);
      // Crypt strings are kept exactly as written.
      expect(check.ok && check.hash.value).toBe(hash);
    }
  });

  it('recognises traditional DES crypt (13 characters) and bcrypt from doveadm', () => {
    expect(scheme(detectHash(withoutPrefix(doveadmPw('DES-CRYPT', PASSWORD))))).toBe('des-crypt');
    const bcrypt = withoutPrefix(doveadmPw('BLF-CRYPT', PASSWORD));
    expect(bcrypt).toMatch(/^\$2y\$05\$/);
    expect(detectHash(bcrypt)).toEqual({ ok: true, hash: { scheme: 'bcrypt', value: bcrypt, rounds: 5 } });
    // $2a$ and $2b$ are the same algorithm under other names.
    expect(scheme(detectHash(bcrypt.replace('$2y$', '$2b$')))).toBe('bcrypt');
    expect(scheme(detectHash(bcrypt.replace('$2y$', '$2a$')))).toBe('bcrypt');
  });

  it('reads rounds= of SHA-crypt, which Google limits', () => {
    const hash = withoutPrefix(doveadmPw('SHA512-CRYPT', PASSWORD, 12_000));
    expect(hash).toMatch(/^\$6\$rounds=12000\$/);
    expect(detectHash(hash)).toEqual({
      ok: true,
      hash: { scheme: 'sha512-crypt', value: hash, rounds: 12_000 },
    });
    expect(detectHash(withoutPrefix(doveadmPw('SHA256-CRYPT', PASSWORD, 8_000)))).toMatchObject({
      ok: true,
      hash: { scheme: 'sha256-crypt', rounds: 8_000 },
    });
  });
});

describe('{SCHEME} prefixes (Dovecot passwd-file, LDAP userPassword)', () => {
  it('recognises every doveadm scheme Cutover carries over', () => {
    const cases: Array<[string, string]> = [
      ['DES-CRYPT', 'des-crypt'],
      ['MD5-CRYPT', 'md5-crypt'],
      ['SHA256-CRYPT', 'sha256-crypt'],
      ['SHA512-CRYPT', 'sha512-crypt'],
      ['BLF-CRYPT', 'bcrypt'],
      ['SSHA', 'ssha'],
      ['SSHA256', 'ssha256'],
      ['SSHA512', 'ssha512'],
      ['SHA', 'sha1'],
      ['SHA256', 'sha256'],
      ['SHA512', 'sha512'],
      ['PLAIN-MD5', 'md5'],
      ['LDAP-MD5', 'md5'],
      ['SMD5', 'smd5'],
      ['ARGON2ID', 'argon2'],
      // Dovecot's {MD5} is MD5-crypt.
      ['MD5', 'md5-crypt'],
    ];
    for (const [doveadmScheme, expected] of cases) {
      const hash = doveadmPw(doveadmScheme, PASSWORD);
      expect([doveadmScheme, scheme(detectHash(hash))]).toEqual([doveadmScheme, expected]);
    }
  });

  it('takes LDAP’s {CRYPT}$6$…, lower-case prefixes, and Dovecot’s .HEX and .b64 suffixes', () => {
    const sha512 = opensslPasswd('-6', PASSWORD);
    expect(detectHash(`{CRYPT}${sha512}`)).toEqual({
      ok: true,
      hash: { scheme: 'sha512-crypt', value: sha512 },
    });
    expect(scheme(detectHash(`{crypt}${sha512}`))).toBe('sha512-crypt');
    const ssha = doveadmPw('SSHA', PASSWORD);
    const bytes = Buffer.from(withoutPrefix(ssha), 'base64');
    expect(detectHash(`{SSHA.HEX}${bytes.toString('hex')}`)).toEqual(detectHash(ssha));
    expect(detectHash(`{SSHA.b64}${bytes.toString('base64')}`)).toEqual(detectHash(ssha));
  });

  it('keeps digests as base64 of their bytes, whether written in hex or base64', () => {
    const hex = withoutPrefix(doveadmPw('PLAIN-MD5', PASSWORD));
    expect(hex).toMatch(/^[0-9a-f]{32}$/);
    const base64 = Buffer.from(hex, 'hex').toString('base64');
    expect(detectHash(`{PLAIN-MD5}${hex}`)).toEqual({ ok: true, hash: { scheme: 'md5', value: base64 } });
    // LDAP's {MD5} is that digest in base64.
    expect(detectHash(`{MD5}${base64}`)).toEqual({ ok: true, hash: { scheme: 'md5', value: base64 } });
  });
});

describe('hashes that cannot be used', () => {
  const sha512 = opensslPasswd('-6', PASSWORD);
  const md5 = opensslPasswd('-1', PASSWORD);
  const ssha = doveadmPw('SSHA', PASSWORD);

  it('says a crypt hash was cut off, with the lengths', () => {
    expect(problemOf(detectHash(sha512.slice(0, -3)))).toBe(
      'it looks like SHA-512-crypt ($6$), but has 83 characters in its last part instead of 86: it may have been cut off or changed when it was copied.',
    );
    expect(problemOf(detectHash(withoutPrefix(doveadmPw('DES-CRYPT', PASSWORD)).slice(0, 12)))).toMatch(
      /traditional Unix crypt \(DES\), but has 12 characters in all instead of 13/,
    );
  });

  it('names characters a crypt hash never has', () => {
    expect(problemOf(detectHash(`${md5.slice(0, -1)}!`))).toBe(
      'it looks like MD5-crypt ($1$), but has characters that never appear in one (only letters, digits, “.” and “/” appear in one).',
    );
  });

  it('refuses impossible rounds and bcrypt costs', () => {
    expect(problemOf(detectHash(sha512.replace('$6$', '$6$rounds=10$')))).toMatch(
      /“rounds=” is not a whole number from 1,000 to 999,999,999/,
    );
    const bcrypt = withoutPrefix(doveadmPw('BLF-CRYPT', PASSWORD));
    expect(problemOf(detectHash(bcrypt.replace('$05$', '$99$')))).toMatch(
      /its cost is 99, and only 04 to 31 exist/,
    );
  });

  it('checks a digest’s length and alphabet', () => {
    expect(problemOf(detectHash(ssha.slice(0, 14)))).toMatch(
      /^it has the prefix \{SSHA\}, but holds 6 bytes where a salted SHA-1 hash has 20 and then its salt/,
    );
    expect(problemOf(detectHash('{SHA}not*base64'))).toMatch(/what follows is not base64 text/);
    expect(problemOf(detectHash('{SHA256}qvTGHdzF6KLavt4PO0gs2a6pQ00='))).toMatch(
      /holds 20 bytes where a SHA-256 hash has 32/,
    );
  });

  it('explains prefixes that are not hashes, or not ones Cutover can carry', () => {
    expect(problemOf(detectHash('{PLAIN}secret'))).toMatch(/a password in plain text, not a hash/);
    expect(problemOf(detectHash('{CRAM-MD5}abcd'))).toMatch(/only a server of the same kind/);
    expect(problemOf(detectHash('{WHIRLPOOL}abcd'))).toBe('{WHIRLPOOL} is not a hash scheme Cutover knows.');
    expect(problemOf(detectHash(`{SHA512-CRYPT}${md5}`))).toBe(
      'it has the prefix {SHA512-CRYPT}, but what follows is a different kind of hash.',
    );
  });

  it('does not guess what bare hexadecimal is', () => {
    const hex = withoutPrefix(doveadmPw('PLAIN-MD5', PASSWORD));
    expect(problemOf(detectHash(hex))).toMatch(/could be MD5 or a Windows \(NT\) hash.*\{PLAIN-MD5\}/);
  });

  it('names other crypt forms it knows but cannot use, and the unknown ones', () => {
    expect(problemOf(detectHash('$apr1$abcdefgh$0123456789012345678901'))).toMatch(
      /Apache’s own MD5 variant/,
    );
    expect(problemOf(detectHash('$7$CU..../....abc$def'))).toBe('“$7$” hashes are not a kind Cutover knows.');
    expect(problemOf(detectHash('hunter2!'))).toMatch(/^Cutover does not recognise its form/);
  });

  it('never quotes the hash in a message', () => {
    const broken = [
      sha512.slice(0, -1),
      `${md5}x`,
      `${ssha}A`,
      ssha.slice(0, 20),
      `{CRYPT}${sha512.slice(0, 40)}`,
    ];
    for (const hash of broken) {
      const message = problemOf(detectHash(hash));
      expect(message).not.toContain(withoutPrefix(hash).slice(3, 20));
    }
  });
});
