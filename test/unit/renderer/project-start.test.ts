import { describe, expect, it } from 'vitest';
import type { Account } from '../../../preload/contract.ts';
import {
  describeAccountBatch,
  describeServer,
  projectReadiness,
} from '../../../renderer/features/migration/logic/project-start.ts';
import { serverProfile as profile } from './fixtures.ts';

const accounts = (count: number, withoutPassword: number[] = []): Account[] =>
  Array.from({ length: count }, (_, i) => ({
    id: 100 + i,
    projectId: 1,
    username: `user${String(i + 1).padStart(4, '0')}@example.com`,
    localUsername: `user${String(i + 1).padStart(4, '0')}@example.com`,
    hasSourcePassword: !withoutPassword.includes(i + 1),
    hasDestinationPassword: false,
  }));

describe('starting a job from the project', () => {
  it('names everything missing, each with where to fix it', () => {
    const readiness = projectReadiness({ source: null, destination: null }, []);
    expect(readiness.missing).toEqual([
      'The old server is not set. Enter it in Servers and accounts.',
      'The new server is not set. Enter it in Servers and accounts.',
      'The project has no accounts yet. Import them in Servers and accounts.',
    ]);
    expect(readiness.batches).toEqual([]);
  });

  it('names the accounts without an old-server password, the first five and how many more', () => {
    const profiles = { source: profile('source'), destination: profile('destination') };
    expect(projectReadiness(profiles, accounts(3, [2])).missing).toEqual([
      '1 account has no old-server password: user0002@example.com. Enter it in Servers and accounts.',
    ]);
    expect(projectReadiness(profiles, accounts(9, [1, 2, 3, 4, 5, 6, 7])).missing[0]).toBe(
      '7 accounts have no old-server password: user0001@example.com, user0002@example.com, user0003@example.com, user0004@example.com, user0005@example.com and 2 more. Enter them in Servers and accounts.',
    );
    expect(projectReadiness(profiles, accounts(3)).missing).toEqual([]);
  });

  it('cuts 1,203 accounts into batches of 500, 500 and 203, every account in exactly one', () => {
    const list = accounts(1203);
    const { batches } = projectReadiness(
      { source: profile('source'), destination: profile('destination') },
      list,
    );
    expect(batches.map((b) => [b.first, b.last, b.accountIds.length])).toEqual([
      [1, 500, 500],
      [501, 1000, 500],
      [1001, 1203, 203],
    ]);
    expect(batches.flatMap((b) => b.accountIds)).toEqual(list.map((a) => a.id));
    expect(describeAccountBatch(batches[2]!, 2)).toBe(
      'Batch 3: user1001@example.com – user1203@example.com (accounts 1,001–1,203)',
    );
  });

  it('describes a server by its name, the ports its protocol uses, and how it is trusted', () => {
    expect(describeServer(profile('source'))).toBe('mail.old.example · IMAPS port 993');
    expect(
      describeServer(
        profile('source', {
          protocol: 'auto',
          ports: { imap: 143, imaps: 0, pop3: 110, pop3s: 995 },
          pinnedFingerprint: 'AB:CD',
        }),
      ),
    ).toBe(
      'mail.old.example · IMAP port 143 · POP3S port 995 · POP3 port 110 · certificate trusted by its fingerprint',
    );
    expect(
      describeServer(profile('destination', { protocol: 'imap', adminUser: 'admin', allowPlaintext: true })),
    ).toBe('mail.new.example · IMAP port 143 · unencrypted connections allowed · admin login admin');
  });
});
