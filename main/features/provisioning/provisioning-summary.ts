// The project's imported hashes in numbers and words: which schemes, how many accounts have
// one, and what each kind of new service would take. Reads no hash text.
import type { Account, HashScheme, ProvisioningSummary } from '../../../preload/contract.ts';
import type { StoredHashInfo } from '../../infrastructure/store/password-hash-repository.ts';
import { HASH_SCHEMES, SCHEME_ORDER } from './hash-schemes.ts';
import { DESTINATIONS, DESTINATION_ORDER, refusal } from './destination-kinds.ts';

export function provisioningSummary(accounts: Account[], stored: StoredHashInfo[]): ProvisioningSummary {
  const byAccount = new Map(stored.map((info) => [info.accountId, info]));
  const hashes = accounts.flatMap((account) => {
    const info = byAccount.get(account.id);
    return info ? [{ scheme: info.scheme, ...(info.rounds === null ? {} : { rounds: info.rounds }) }] : [];
  });
  const counts = new Map<HashScheme, number>();
  for (const hash of hashes) counts.set(hash.scheme, (counts.get(hash.scheme) ?? 0) + 1);
  const schemes = SCHEME_ORDER.filter((scheme) => counts.has(scheme))
    .map((scheme) => {
      const { label, strength, description } = HASH_SCHEMES[scheme];
      return { scheme, label, strength, description, count: counts.get(scheme)! };
    })
    .sort((a, b) => b.count - a.count);
  const importedAt = stored.reduce<string | null>(
    (newest, info) => (newest === null || info.importedAt > newest ? info.importedAt : newest),
    null,
  );
  return {
    accounts: accounts.length,
    withHash: hashes.length,
    schemes,
    accountsWithoutHash: accounts.filter((a) => !byAccount.has(a.id)).map((a) => a.username),
    destinations: DESTINATION_ORDER.map((kind) => {
      const facts = DESTINATIONS[kind];
      return {
        kind,
        label: facts.label,
        fileDescription: facts.fileDescription,
        note: facts.note,
        schemes: SCHEME_ORDER.map((scheme) => ({ scheme, ...facts.schemes[scheme] })),
        exportable:
          facts.fileDescription === null ? 0 : hashes.filter((h) => refusal(kind, h) === null).length,
      };
    }),
    importedAt,
  };
}
