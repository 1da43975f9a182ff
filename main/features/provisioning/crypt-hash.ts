// crypt(3) strings: traditional DES, MD5-crypt ($1$), SHA-crypt ($5$, $6$), bcrypt ($2a$,
// $2b$, $2y$), yescrypt ($y$) and Argon2. Messages name the form, never the hash itself.
import type { HashCheck, ParsedHash } from './hash-schemes.ts';

/** The alphabet of crypt(3) output: `./0-9A-Za-z`. */
const CRYPT64 = /^[./0-9A-Za-z]+$/;
const BASE64_BARE = /^[A-Za-z0-9+/]+$/;
const CUT_OFF = 'it may have been cut off or changed when it was copied';
const ALPHABET = 'only letters, digits, “.” and “/” appear in one';

/** The check of a crypt string, or undefined when the text does not look like one at all. */
export function checkCryptHash(text: string): HashCheck | undefined {
  if (text.startsWith('$1$')) return md5Crypt(text);
  if (text.startsWith('$5$')) return shaCrypt(text, 'sha256-crypt', 'SHA-256-crypt ($5$)', 43);
  if (text.startsWith('$6$')) return shaCrypt(text, 'sha512-crypt', 'SHA-512-crypt ($6$)', 86);
  if (/^\$2[aby]\$/.test(text)) return bcrypt(text);
  if (text.startsWith('$y$')) return yescrypt(text);
  if (/^\$argon2(id|i)\$/.test(text)) return argon2(text);
  const special = SPECIAL_PREFIXES.find(([prefix]) => text.startsWith(prefix));
  if (special) return problem(special[1]);
  if (text.startsWith('$')) {
    const id = /^\$([^$]{0,12})\$/.exec(text)?.[1];
    return problem(
      id === undefined
        ? 'it starts with “$” like a crypt hash, but not in the form “$id$…”.'
        : `“$${id}$” hashes are not a kind Cutover knows.`,
    );
  }
  return desCrypt(text);
}

/** Known forms that no destination here takes, each with the reason in words. */
const SPECIAL_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['$2x$', 'it is an old, faulty bcrypt variant ($2x$) that current systems refuse.'],
  ['$2$', 'it is the first bcrypt version ($2$), which current systems refuse.'],
  [
    '$apr1$',
    'it is Apache’s own MD5 variant ($apr1$, from .htpasswd files), which mail servers do not take.',
  ],
  ['$argon2d$', 'it is Argon2d, which is not meant for passwords; mail servers do not take it.'],
];

function md5Crypt(text: string): HashCheck {
  const parts = text.split('$');
  const [, , salt = '', hash = ''] = parts;
  const what = 'MD5-crypt ($1$)';
  if (parts.length !== 4) return malformed(what, `it should have three “$” signs, not ${parts.length - 1}`);
  if (salt.length < 1 || salt.length > 8) return malformed(what, `its salt has ${salt.length} characters`);
  if (!CRYPT64.test(salt) || !CRYPT64.test(hash)) return badAlphabet(what);
  if (hash.length !== 22) return wrongLength(what, hash.length, 22);
  return ok({ scheme: 'md5-crypt', value: text });
}

function shaCrypt(
  text: string,
  scheme: 'sha256-crypt' | 'sha512-crypt',
  what: string,
  length: number,
): HashCheck {
  const parts = text.split('$').slice(2);
  let rounds: number | undefined;
  if (parts[0]?.startsWith('rounds=')) {
    const written = parts.shift()!.slice('rounds='.length);
    rounds = /^\d{1,10}$/.test(written) ? Number(written) : NaN;
    // glibc clamps rounds to this range and writes the clamped value, so nothing else is real.
    if (!(rounds >= 1_000 && rounds <= 999_999_999)) {
      return malformed(what, 'its “rounds=” is not a whole number from 1,000 to 999,999,999');
    }
  }
  if (parts.length !== 2) return malformed(what, 'it should end in “$salt$hash”');
  const [salt = '', hash = ''] = parts;
  if (salt.length < 1 || salt.length > 16 || /[\s:]/.test(salt)) {
    return malformed(what, 'its salt should be 1 to 16 characters');
  }
  if (!CRYPT64.test(hash)) return badAlphabet(what);
  if (hash.length !== length) return wrongLength(what, hash.length, length);
  return ok({ scheme, value: text, ...(rounds === undefined ? {} : { rounds }) });
}

function bcrypt(text: string): HashCheck {
  const what = `bcrypt (${text.slice(0, 4)})`;
  const match = /^\$2[aby]\$(\d\d)\$(.*)$/.exec(text);
  if (!match) return malformed(what, 'it should continue with a two-digit cost, as in $2y$10$…');
  const cost = Number(match[1]);
  if (cost < 4 || cost > 31) return malformed(what, `its cost is ${cost}, and only 04 to 31 exist`);
  const rest = match[2]!;
  if (!CRYPT64.test(rest)) return badAlphabet(what);
  if (rest.length !== 53) return wrongLength(what, rest.length, 53);
  return ok({ scheme: 'bcrypt', value: text, rounds: cost });
}

function yescrypt(text: string): HashCheck {
  const what = 'yescrypt ($y$)';
  const parts = text.split('$');
  if (parts.length !== 5) return malformed(what, 'it should be “$y$parameters$salt$hash”');
  const [, , params = '', salt = '', hash = ''] = parts;
  if (!CRYPT64.test(params) || !CRYPT64.test(hash) || (salt !== '' && !CRYPT64.test(salt))) {
    return badAlphabet(what);
  }
  if (hash.length !== 43) return wrongLength(what, hash.length, 43);
  return ok({ scheme: 'yescrypt', value: text });
}

function argon2(text: string): HashCheck {
  const what = 'Argon2';
  const match = /^\$argon2(?:id|i)\$(?:v=\d+\$)?m=\d+,t=\d+,p=\d+\$([^$]+)\$([^$]+)$/.exec(text);
  if (!match) return malformed(what, 'it should be “$argon2id$v=19$m=…,t=…,p=…$salt$hash”');
  if (!BASE64_BARE.test(match[1]!) || !BASE64_BARE.test(match[2]!)) {
    return malformed(what, 'its salt and hash should be base64 without “=” padding');
  }
  return ok({ scheme: 'argon2', value: text });
}

function desCrypt(text: string): HashCheck | undefined {
  if (!CRYPT64.test(text)) return undefined;
  if (text.length === 13) return ok({ scheme: 'des-crypt', value: text });
  // Near misses read as a cut-off DES hash; anything else is not crypt-shaped at all.
  if (text.length >= 11 && text.length <= 15) {
    return wrongLength('traditional Unix crypt (DES)', text.length, 13, 'in all');
  }
  return undefined;
}

function ok(hash: ParsedHash): HashCheck {
  return { ok: true, hash };
}

function problem(message: string): HashCheck {
  return { ok: false, problem: message };
}

function malformed(what: string, why: string): HashCheck {
  return problem(`it looks like ${what}, but ${why}.`);
}

function badAlphabet(what: string): HashCheck {
  return problem(`it looks like ${what}, but has characters that never appear in one (${ALPHABET}).`);
}

function wrongLength(what: string, found: number, expected: number, part = 'in its last part'): HashCheck {
  return problem(
    `it looks like ${what}, but has ${found} characters ${part} instead of ${expected}: ${CUT_OFF}.`,
  );
}
