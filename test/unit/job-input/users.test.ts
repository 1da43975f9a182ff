import { describe, expect, it } from 'vitest';
import { MAX_ACCOUNTS_PER_JOB, parseUsers } from '../../../shared/job-input/users.ts';
import type { JobUser, ParseUsersOptions } from '../../../shared/job-input/users.ts';
import type { ParseResult } from '../../../shared/job-input/parse-result.ts';

function users(text: string, options?: ParseUsersOptions): JobUser[] {
  const result = parseUsers(text, options);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errors(result: ParseResult<unknown>): Array<{ line: number; message: string }> {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseUsers', () => {
  it('reads username,password with optional local username and password', () => {
    expect(
      users('alice@old.example,s3cret\nbob,pw2,robert@new.example,newpw\ncarol,pw3,carol@new.example'),
    ).toEqual([
      { username: 'alice@old.example', password: 's3cret', localUsername: 'alice@old.example', line: 1 },
      {
        username: 'bob',
        password: 'pw2',
        localUsername: 'robert@new.example',
        localPassword: 'newpw',
        line: 2,
      },
      { username: 'carol', password: 'pw3', localUsername: 'carol@new.example', line: 3 },
    ]);
  });

  it('leaves localPassword undefined when blank, and uses the source username for a blank local username', () => {
    const [user] = users('dave,pw,,');
    expect(user).toEqual({ username: 'dave', password: 'pw', localUsername: 'dave', line: 1 });
    expect(user !== undefined && 'localPassword' in user).toBe(false);
  });

  it('ignores blank lines, # comments and a header line, and keeps the line numbers the admin sees', () => {
    const text = 'Username,Password,Local_Username\n\n# migrated on Monday\n  \nalice,pw1\r\nbob,pw2\n';
    expect(users(text).map((u) => [u.username, u.line])).toEqual([
      ['alice', 5],
      ['bob', 6],
    ]);
  });

  it('trims usernames but keeps spaces in passwords', () => {
    expect(users('  alice  ,  pass word  , alice@new ,  lp ')).toEqual([
      {
        username: 'alice',
        password: '  pass word  ',
        localUsername: 'alice@new',
        localPassword: '  lp ',
        line: 1,
      },
    ]);
  });

  it('takes CSV quoting: delimiters and quotes inside quoted fields, quotes inside unquoted ones', () => {
    expect(users('"smith, john","a,b""c"\nbob,pa"ss#1')).toEqual([
      { username: 'smith, john', password: 'a,b"c', localUsername: 'smith, john', line: 1 },
      { username: 'bob', password: 'pa"ss#1', localUsername: 'bob', line: 2 },
    ]);
  });

  it.each([
    [';', 'smith, john;pw1\njane;pw2'],
    ['\t', 'smith, john\tpw1\njane\tpw2\tjane@new'],
    ['|', 'smith, john|pw1\njane|pw2'],
    [':', 'smith, john:pw1\njane:pw2:jane@new'],
  ])('detects %j as the delimiter when it alone splits every line into 2–4 fields', (delimiter, text) => {
    const detected = users(text);
    expect(detected[0]).toMatchObject({ username: 'smith, john', password: 'pw1' });
    expect(users(text, { delimiter })).toEqual(detected);
  });

  it('asks for the delimiter, naming the line, when two delimiters fit every line', () => {
    expect(errors(parseUsers('alice,pa;ss'))).toEqual([
      { line: 1, message: expect.stringMatching(/^line 1: .*"," or ";".*choose the delimiter/) },
    ]);
    expect(users('alice,pa;ss', { delimiter: ',' })[0]?.password).toBe('pa;ss');
    expect(users('alice,pa;ss', { delimiter: ';' })[0]?.username).toBe('alice,pa');
  });

  it('asks for one delimiter when lines disagree, naming both lines', () => {
    expect(errors(parseUsers('alice,pw1\n\nbob;pw2'))).toEqual([
      { line: 3, message: expect.stringMatching(/^line 3: this line is split by ";" but line 1 by ","/) },
    ]);
  });

  it('refuses a delimiter option that is not one character', () => {
    expect(errors(parseUsers('alice,pw', { delimiter: ',,' }))[0]?.message).toMatch(/single character/);
    expect(errors(parseUsers('alice,pw', { delimiter: '"' }))[0]?.message).toMatch(/cannot be the delimiter/);
  });

  it('collects every bad line with its number', () => {
    const text = [
      'alice,pw1', // 1
      'bob', // 2
      ',pw3', // 3
      'carol,pw4,c,d,e', // 4
      'dave,"unclosed', // 5
      'Alice,pw6', // 6 duplicate of 1 (case does not matter)
      'erin,pw7,shared', // 7
      'frank,pw8,shared', // 8 same destination as 7
      'gina,', // 9
    ].join('\n');
    const found = errors(parseUsers(text));
    expect(found.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 8, 9]);
    // A lone field may be a password: it is never shown.
    expect(found[0]?.message).toBe(
      'line 2: this line has one field only; write the account as username,password.',
    );
    expect(found[1]?.message).toMatch(/^line 3: the username is empty/);
    expect(found[2]?.message).toMatch(/^line 4: 5 fields, but an account has at most 4/);
    expect(found[3]?.message).toMatch(/^line 5: a double quote opens a field but never closes it/);
    expect(found[4]?.message).toBe('line 6: "Alice" is already on line 1; list each account once.');
    expect(found[5]?.message).toMatch(
      /^line 8: "shared" is already the destination of line 7; .*almost always a mistake/,
    );
    expect(found[6]?.message).toBe('line 9: "gina" has no password; write it as username,password.');
  });

  it('refuses a source account that would land in the mailbox another source keeps', () => {
    const found = errors(parseUsers('alice,pw1,bob\nbob,pw2'));
    expect(found).toEqual([
      { line: 2, message: expect.stringMatching(/^line 2: "bob" is already the destination of line 1/) },
    ]);
  });

  it('refuses an empty list', () => {
    expect(errors(parseUsers('# nobody yet\n\n'))[0]?.message).toMatch(/No accounts/);
    expect(errors(parseUsers('username,password\n'))[0]?.message).toMatch(/No accounts/);
  });

  it(`takes ${MAX_ACCOUNTS_PER_JOB} accounts, and refuses more with the count and the number of jobs`, () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `user${i},pw${i}`).join('\n');
    expect(users(list(500))).toHaveLength(500);
    expect(errors(parseUsers(list(501)))).toEqual([
      { line: 501, message: '501 accounts: a job takes at most 500. Split the list into 2 jobs.' },
    ]);
    expect(errors(parseUsers(`username,password\n${list(1234)}`))).toEqual([
      { line: 502, message: '1,234 accounts: a job takes at most 500. Split the list into 3 jobs.' },
    ]);
  });
});

describe('parseUsers error messages never contain a password', () => {
  const secrets = ['Hunter2!xyz', 'p@ss w0rd', 'sekr;et', 'Kennwort,42'];
  const bad = [
    // a missing delimiter: the whole line is one field
    `alice ${secrets[0]}`,
    `alice|${secrets[0]}`,
    // more than four fields, quotes left open, duplicates, blank usernames
    `alice,"${secrets[1]}",x,y,z`,
    `bob,"${secrets[1]}`,
    `,${secrets[0]}`,
    `carol,"${secrets[3]}"\ncarol,"${secrets[3]}"`,
    `dave,${secrets[0]},shared\nerin,${secrets[1]},shared`,
    // a delimiter that fits more than one way
    `frank,${secrets[2]}`,
    `gina,${secrets[0]}\nhank;${secrets[1]}`,
  ];
  it.each(bad)('%j', (text) => {
    const messages = [{}, { delimiter: ',' }, { delimiter: ';' }, { delimiter: '\t' }].flatMap((options) => {
      const result = parseUsers(text, options);
      return result.ok ? [] : result.errors.map((e) => e.message);
    });
    // Every text is wrong at least under its own delimiter, so there is something to check.
    expect(messages.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(messages.join('\n')).not.toContain(secret);
  });
});
