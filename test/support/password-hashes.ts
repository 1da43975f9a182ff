// Real password hashes made at test time by the tools an old mail server has: OpenSSL's
// `openssl passwd` and Dovecot's `doveadm pw`. OpenSSL 3 dropped `passwd -crypt`, so
// traditional DES crypt comes from doveadm's DES-CRYPT.
import { execFileSync } from 'node:child_process';

/** `openssl passwd -1 | -5 | -6`: MD5-crypt, SHA-256-crypt, SHA-512-crypt. */
export function opensslPasswd(flag: '-1' | '-5' | '-6', password: string): string {
  return execFileSync('openssl', ['passwd', flag, '-stdin'], {
    input: `${password}\n`,
    encoding: 'utf8',
  }).trim();
}

/** `doveadm pw -s SCHEME`, e.g. SSHA, BLF-CRYPT, SHA512-CRYPT; with its `{SCHEME}` prefix. */
export function doveadmPw(scheme: string, password: string, rounds?: number): string {
  const args = [
    '-O',
    'pw',
    '-s',
    scheme,
    '-p',
    password,
    ...(rounds === undefined ? [] : ['-r', String(rounds)]),
  ];
  return execFileSync('/usr/bin/doveadm', args, { encoding: 'utf8' }).trim();
}

/** The hash without its `{SCHEME}` prefix, as /etc/shadow would hold a crypt string. */
export function withoutPrefix(hash: string): string {
  return hash.replace(/^\{[^}]+\}/, '');
}
