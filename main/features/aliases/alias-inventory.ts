// The project's addresses as one list: which domains receive mail, how many mailboxes and
// aliases each has, and for every alias what to check before cutover (a target that is not a
// mailbox here, mail forwarded outside, a domain the project does not list).
import type { Account, AliasInventory } from '../../../preload/contract.ts';
import type { AliasRow } from '../../infrastructure/store/alias-repository.ts';

export function aliasInventory(
  projectDomains: readonly string[],
  accounts: readonly Account[],
  aliases: readonly AliasRow[],
): AliasInventory {
  const own = new Set(projectDomains.map((d) => d.toLowerCase()));
  const mailboxes = new Set(
    accounts.flatMap((a) => [a.username.toLowerCase(), a.localUsername.toLowerCase()]),
  );
  const aliasAddresses = new Set(aliases.map((a) => a.address.toLowerCase()));

  const isMailbox = (address: string) => {
    if (mailboxes.has(address)) return true;
    const [local, domain] = splitAddress(address);
    // Accounts listed by bare login ("ann") stand for that name in each of the project's domains.
    return domain !== null && own.has(domain) && mailboxes.has(local);
  };

  const withNotes = aliases.map((alias) => {
    const notes: string[] = [];
    const [, domain] = splitAddress(alias.address);
    if (domain !== null && own.size > 0 && !own.has(domain))
      notes.push(`${domain} is not one of the project’s mail domains.`);
    for (const target of alias.targets) {
      const [, targetDomain] = splitAddress(target);
      if (isMailbox(target) || aliasAddresses.has(target)) continue;
      if (targetDomain !== null && !own.has(targetDomain))
        notes.push(`Forwards outside to ${target}: set this forwarding up again on the new service.`);
      else notes.push(`${target} is not a mailbox of this project: import it, or correct the alias.`);
    }
    return { id: alias.id, address: alias.address, targets: alias.targets, notes };
  });

  const domains = new Map<string, { mailboxes: number; aliases: number }>();
  const count = (domain: string | null, key: 'mailboxes' | 'aliases') => {
    if (domain === null) return;
    const entry = domains.get(domain) ?? { mailboxes: 0, aliases: 0 };
    entry[key] += 1;
    domains.set(domain, entry);
  };
  for (const domain of own) domains.set(domain, { mailboxes: 0, aliases: 0 });
  // A bare login belongs to the project's domain when it has just one.
  const onlyDomain = own.size === 1 ? [...own][0]! : null;
  for (const account of accounts) count(splitAddress(account.username)[1] ?? onlyDomain, 'mailboxes');
  for (const alias of aliases) count(splitAddress(alias.address)[1], 'aliases');

  return {
    aliases: withNotes,
    domains: [...domains]
      .map(([domain, counts]) => ({ domain, ...counts, inProject: own.has(domain) }))
      .sort((a, b) => Number(b.inProject) - Number(a.inProject) || a.domain.localeCompare(b.domain)),
  };
}

function splitAddress(address: string): [local: string, domain: string | null] {
  const at = address.lastIndexOf('@');
  return at === -1
    ? [address.toLowerCase(), null]
    : [address.slice(0, at).toLowerCase(), address.slice(at + 1).toLowerCase()];
}
