import { describe, expect, it } from 'vitest';
import { provisioningSummary } from '../../../main/features/provisioning/provisioning-summary.ts';
import {
  coverageSentence,
  importSentence,
  joinWords,
  takenBy,
} from '../../../renderer/features/tasks/logic/hash-words.ts';
import type { Account } from '../../../preload/contract.ts';

const accounts: Account[] = [1, 2, 3].map((id) => ({
  id,
  projectId: 1,
  username: `user${id}@acme.test`,
  localUsername: `user${id}@acme.test`,
  hasSourcePassword: true,
  hasDestinationPassword: false,
}));
const summary = provisioningSummary(accounts, [
  { accountId: 1, scheme: 'md5-crypt', rounds: null, importedAt: '2026-11-20T10:00:00.000Z' },
  { accountId: 2, scheme: 'ssha', rounds: null, importedAt: '2026-11-21T10:00:00.000Z' },
]);

describe('hash words', () => {
  it('say which new services take a scheme, in one sentence', () => {
    expect(takenBy('md5-crypt', summary.destinations)).toBe(
      'Taken by Dovecot and Google Workspace; not by Microsoft 365; other servers: ask the provider.',
    );
    expect(takenBy('ssha', summary.destinations)).toBe(
      'Taken by Dovecot; not by Google Workspace or Microsoft 365; other servers: ask the provider.',
    );
  });

  it('count the accounts with a hash, and what an import did', () => {
    expect(coverageSentence(summary.withHash, summary.accounts)).toBe(
      '2 of 3 accounts have an old password hash.',
    );
    expect(coverageSentence(0, 3)).toBe('No old password hashes imported yet.');
    expect(coverageSentence(3, 3)).toBe('All 3 accounts have an old password hash.');
    expect(summary.importedAt).toBe('2026-11-21T10:00:00.000Z');
    expect(
      importSentence({
        format: 'shadow',
        stored: 2,
        errors: [],
        unmatched: [],
        skipped: [],
        ignored: 21,
        summary,
      }),
    ).toBe(
      'Stored the old password hashes of 2 accounts, encrypted (read as /etc/shadow lines (user:hash:…)). 21 lines were for other users without a password (such as system accounts) and left out.',
    );
    expect(joinWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
