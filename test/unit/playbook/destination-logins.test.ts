import { afterEach, describe, expect, it } from 'vitest';
import { createTestServices } from '../../support/test-services.ts';
import type { Services } from '../../../main/hosts/services.ts';
import type { PasswordLogin } from '../../../main/infrastructure/protocols/imap/open-imap.ts';
import type { PlaybookTask, Result } from '../../../preload/contract.ts';

let services: Services | undefined;
afterEach(() => services?.close());

describe('the destination login test', () => {
  it('tries each account with the right password, a few at a time, and names the one it cannot try', async () => {
    const tried: PasswordLogin[] = [];
    let running = 0;
    let most = 0;
    services = createTestServices(':memory:', {
      loginTest: {
        concurrency: 2,
        tryLogin: async (endpoint, login) => {
          expect(endpoint).toMatchObject({ host: 'mail.new.test', port: 993, security: 'tls' });
          tried.push(login);
          most = Math.max(most, ++running);
          await new Promise((resolve) => setTimeout(resolve, 5));
          running--;
          if (login.password === 'bad')
            throw Object.assign(new Error('nope'), { authenticationFailed: true });
        },
      },
    });
    const projectId = services.projects.create({
      name: 'A',
      customer: '',
      domains: [],
      cutoverDate: null,
    }).id;
    services.accounts.add({ projectId, username: 'ann', password: 'old-a', localPassword: 'new-a' });
    services.accounts.add({ projectId, username: 'bob', password: 'bad' });
    services.accounts.add({ projectId, username: 'carl' });
    services.accounts.add({
      projectId,
      username: 'dora',
      localUsername: 'd@new.test',
      localPassword: 'new-d',
    });
    await services.dispatch('profiles.save', {
      projectId,
      role: 'destination',
      host: 'mail.new.test',
      protocol: 'imaps',
    });

    const result = (await services.dispatch('playbook.runCheck', {
      projectId,
      key: 'create-destination-users',
    })) as Result<PlaybookTask>;
    const details = result.ok ? result.value.lastCheck?.details : undefined;
    if (details?.kind !== 'destination-logins') throw new Error('no login results');
    expect(details.accounts.map((a) => [a.localUsername, a.method, a.ok, a.errorCode])).toEqual([
      ['ann', 'destination-password', true, null],
      ['bob', 'source-password', false, 'destination-auth-failed'],
      ['carl', 'none', false, 'no-password'],
      ['d@new.test', 'destination-password', true, null],
    ]);
    expect(tried.map((l) => [l.user, l.password])).toEqual([
      ['ann', 'new-a'],
      ['bob', 'bad'],
      ['d@new.test', 'new-d'],
    ]);
    expect(most).toBe(2);
  });
});
