// Importing a project's accounts through the typed API, on a real database file: a bad line
// stops the whole import and is reported by number; a clean list adds and updates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createTestServices } from '../../support/test-services.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import type { Services } from '../../../main/hosts/services.ts';

const dir = makeTempDir('accounts-import');
let services: Services;
let projectId: number;

beforeAll(() => {
  services = createTestServices(join(dir.path, 'cutover.db'));
  projectId = services.projects.create({
    name: 'Acme',
    customer: '',
    domains: ['acme.test'],
    cutoverDate: null,
  }).id;
});

afterAll(() => {
  services.close();
  dir.remove();
});

describe('accounts.import', () => {
  it('imports nothing when a line is bad, and lists every bad line by number', async () => {
    const result = await services.dispatch('accounts.import', {
      projectId,
      text: [
        'username,password',
        'ann@acme.test,pw-a',
        'bob@acme.test',
        '',
        'carl@acme.test,pw-c,c,"open',
      ].join('\n'),
    });
    expect(result).toMatchObject({ ok: true, value: { added: 0, updated: 0 } });
    const errors = result.ok
      ? (result.value as { errors: Array<{ line: number; message: string }> }).errors
      : [];
    expect(errors.map((e) => e.line)).toEqual([3, 5]);
    expect(errors[0]?.message).toBe(
      // A line of one field is never shown: it may be a password.
      'line 3: this line has one field only; write the account as username,password.',
    );
    expect(errors[1]?.message).toMatch(/^line 5: a double quote opens a field but never closes it/);
    expect(JSON.stringify(errors)).not.toContain('pw-');
    expect(services.accounts.list(projectId)).toEqual([]);
  });

  it('adds new accounts and updates the passwords of known ones, all at once', async () => {
    expect(
      await services.dispatch('accounts.import', {
        projectId,
        text: 'ann@acme.test;old-a\nbob@acme.test;old-b;bob@new.test\n',
      }),
    ).toEqual({ ok: true, value: { added: 2, updated: 0, errors: [] } });
    expect(
      await services.dispatch('accounts.import', {
        projectId,
        text: 'Ann@acme.test|new-a||dest-a\ncarl@acme.test|pw-c\n',
        delimiter: '|',
      }),
    ).toEqual({ ok: true, value: { added: 1, updated: 1, errors: [] } });
    const accounts = services.accounts.list(projectId);
    expect(
      accounts.map((a) => [a.username, a.localUsername, a.hasSourcePassword, a.hasDestinationPassword]),
    ).toEqual([
      ['ann@acme.test', 'ann@acme.test', true, true],
      ['bob@acme.test', 'bob@new.test', true, false],
      ['carl@acme.test', 'carl@acme.test', true, false],
    ]);
    const ann = accounts[0]!;
    expect(services.accounts.revealPassword(ann.id, 'source')).toBe('new-a');
    expect(services.accounts.revealPassword(ann.id, 'destination')).toBe('dest-a');
    // bob's line in the second import was absent: his local username and password stay.
    expect(services.accounts.revealPassword(accounts[1]!.id, 'source')).toBe('old-b');
  });

  it('removes an account with its stored passwords', async () => {
    const carl = services.accounts.list(projectId).find((a) => a.username === 'carl@acme.test')!;
    const secrets = () => (services.db.prepare('SELECT COUNT(*) AS n FROM secrets').get() as { n: number }).n;
    const before = secrets();
    expect(await services.dispatch('accounts.remove', { accountId: carl.id })).toEqual({
      ok: true,
      value: { removed: true },
    });
    expect(secrets()).toBe(before - 1);
    expect(services.accounts.list(projectId).map((a) => a.username)).not.toContain('carl@acme.test');
    expect(await services.dispatch('accounts.remove', { accountId: carl.id })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
