import { describe, expect, it } from 'vitest';
import type { Account } from '../../../preload/contract.ts';
import { parseAliases } from '../../../main/features/aliases/parse-aliases.ts';
import { aliasInventory } from '../../../main/features/aliases/alias-inventory.ts';

const account = (id: number, username: string): Account => ({
  id,
  projectId: 1,
  username,
  localUsername: username,
  hasSourcePassword: true,
  hasDestinationPassword: false,
});

describe('an alias list', () => {
  it('reads CSV, a Postfix virtual table and an aliases file alike, lower-cased, targets once each', () => {
    const parsed = parseAliases(
      [
        'alias,targets',
        'Sales@Harbour.example,ann@harbour.example,bob@harbour.example',
        '# the front desk',
        'info@harbour.example   ann@harbour.example, ann@harbour.example',
        'billing: cat',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      ok: true,
      value: [
        {
          address: 'sales@harbour.example',
          targets: ['ann@harbour.example', 'bob@harbour.example'],
          line: 2,
        },
        { address: 'info@harbour.example', targets: ['ann@harbour.example'], line: 4 },
        { address: 'billing', targets: ['cat'], line: 5 },
      ],
    });
  });

  it('lists every bad line by number: no target, not an address, the same alias twice', () => {
    expect(
      parseAliases('sales@x.example ann@x.example\nlonely@x.example\nhelp: a@@x\nSALES@x.example,bob'),
    ).toEqual({
      ok: false,
      errors: [
        {
          line: 2,
          message: 'line 2: "lonely@x.example" has no target: write the alias, then where it delivers.',
        },
        { line: 3, message: 'line 3: "a@@x" is not a mail address.' },
        { line: 4, message: 'line 4: SALES@x.example is already on line 1; give each alias one line.' },
      ],
    });
    expect(parseAliases('\n# nothing\n')).toMatchObject({ ok: false, errors: [{ line: 0 }] });
  });
});

describe('the inventory of domains and aliases', () => {
  const accounts = [account(1, 'ann@harbour.example'), account(2, 'bob@harbour.example'), account(3, 'cat')];
  const alias = (id: number, address: string, targets: string[]) => ({ id, projectId: 1, address, targets });

  it('says what to check: a target with no mailbox, forwarding outside, a domain not in the project', () => {
    const inventory = aliasInventory(['harbour.example'], accounts, [
      alias(1, 'sales@harbour.example', ['ann@harbour.example', 'cat@harbour.example']),
      alias(2, 'info@harbour.example', ['sales@harbour.example', 'dan@harbour.example']),
      alias(3, 'accounts@harbour.example', ['books@accountant.example']),
      alias(4, 'old@harbour-dental.example', ['bob@harbour.example']),
    ]);
    expect(inventory.aliases.map((a) => [a.address, a.notes])).toEqual([
      // cat is a bare login: it stands for cat@ in the project's domains.
      ['sales@harbour.example', []],
      [
        'info@harbour.example',
        ['dan@harbour.example is not a mailbox of this project: import it, or correct the alias.'],
      ],
      [
        'accounts@harbour.example',
        ['Forwards outside to books@accountant.example: set this forwarding up again on the new service.'],
      ],
      ['old@harbour-dental.example', ['harbour-dental.example is not one of the project’s mail domains.']],
    ]);
    expect(inventory.domains).toEqual([
      // cat, a bare login, counts in the project's only domain.
      { domain: 'harbour.example', mailboxes: 3, aliases: 3, inProject: true },
      { domain: 'harbour-dental.example', mailboxes: 0, aliases: 1, inProject: false },
    ]);
  });

  it('lists a project domain with nothing in it yet', () => {
    expect(aliasInventory(['new.example'], [], []).domains).toEqual([
      { domain: 'new.example', mailboxes: 0, aliases: 0, inProject: true },
    ]);
  });
});
