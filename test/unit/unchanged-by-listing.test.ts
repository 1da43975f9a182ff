import { describe, expect, it } from 'vitest';
import { unchangedByListing } from '../../main/engine/migration/sync-mode.ts';
import type { FolderSyncState } from '../../main/infrastructure/store/ledger-repository.ts';

const saved: FolderSyncState = {
  sourceUidValidity: 7,
  sourceUidNext: 101,
  sourceMessages: 100,
  sourceHighestModseq: 555n,
  destinationUidValidity: 9,
  destinationUidNext: 201,
  destinationMessages: 100,
};
const source = { uidValidity: 7n, uidNext: 101, messages: 100, highestModseq: 555n };
const destination = { uidValidity: 9n, uidNext: 201, messages: 100 };

describe('a folder left alone, seen in the listings alone', () => {
  it('is unchanged when both sides show what the last complete sync saved', () => {
    expect(unchangedByListing(saved, { source, destination })).toBe(true);
  });

  it('is opened when anything moved, a side was not listed, or flags could have changed unseen', () => {
    expect(unchangedByListing(null, { source, destination })).toBe(false);
    expect(unchangedByListing(saved, { source })).toBe(false);
    expect(unchangedByListing(saved, { destination })).toBe(false);
    expect(unchangedByListing(saved, { source: { ...source, highestModseq: 556n }, destination })).toBe(
      false,
    );
    expect(unchangedByListing(saved, { source: { ...source, uidNext: 102 }, destination })).toBe(false);
    expect(unchangedByListing(saved, { source: { ...source, uidValidity: 8n }, destination })).toBe(false);
    expect(unchangedByListing(saved, { source, destination: { ...destination, messages: 99 } })).toBe(false);
    expect(unchangedByListing(saved, { source, destination: { ...destination, uidNext: 202 } })).toBe(false);
    // No CONDSTORE: a flag change leaves every counter as it was.
    expect(
      unchangedByListing(
        { ...saved, sourceHighestModseq: null },
        { source: { ...source, highestModseq: undefined }, destination },
      ),
    ).toBe(false);
    // A server that left a counter out of its answer.
    expect(unchangedByListing(saved, { source: { ...source, messages: undefined }, destination })).toBe(
      false,
    );
  });
});
