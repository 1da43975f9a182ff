import { describe, expect, it } from 'vitest';
import { planFolders } from '../../../main/engine/migration/folder-mapping/plan-folders.ts';
import type { PlanFoldersInput } from '../../../main/engine/migration/folder-mapping/plan-folders.ts';
import type { FolderPlan } from '../../../main/engine/migration/folder-mapping/folder-plan.ts';
import { parseSkipList } from '../../../shared/job-input/skip-list.ts';
import { parseTranslations } from '../../../shared/job-input/translations.ts';
import { folders } from './folder-list.ts';

function plan(
  input: Partial<PlanFoldersInput> & Pick<PlanFoldersInput, 'source' | 'destination'>,
): FolderPlan {
  return planFolders({ skip: [], translations: [], ...input });
}

/** source → destination (+ when created), the shape most assertions need. */
function routes(result: FolderPlan): Record<string, string> {
  return Object.fromEntries(result.entries.map((e) => [e.source, `${e.destination}${e.create ? ' +' : ''}`]));
}

function skip(text: string) {
  const result = parseSkipList(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function translations(text: string) {
  const result = parseTranslations(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('planFolders: separators', () => {
  it('re-joins a "." source with "/" for a "/" destination', () => {
    const result = plan({
      source: folders('.', ['INBOX', 'Work', 'Work.Clients', 'Work.Clients.Acme']),
      destination: folders('/', ['INBOX', 'Work']),
    });
    expect(routes(result)).toEqual({
      INBOX: 'INBOX',
      Work: 'Work',
      'Work.Clients': 'Work/Clients +',
      'Work.Clients.Acme': 'Work/Clients/Acme +',
    });
    expect(result.entries.map((e) => e.reason)).toEqual(['inbox', 'same-name', 'same-name', 'same-name']);
    expect(result.destinationFoldersToCreate).toEqual(['Work/Clients', 'Work/Clients/Acme']);
  });

  it('re-joins a "/" source with "." for a "." destination', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'Projects', 'Projects/2024']),
      destination: folders('.', ['INBOX']),
    });
    expect(routes(result)).toEqual({
      INBOX: 'INBOX',
      Projects: 'Projects +',
      'Projects/2024': 'Projects.2024 +',
    });
  });

  it('replaces the destination delimiter inside a name with "_" and notes it', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'Releases', 'Releases/v1.2']),
      destination: folders('.', ['INBOX']),
    });
    const entry = result.entries.find((e) => e.source === 'Releases/v1.2');
    expect(entry?.destination).toBe('Releases.v1_2');
    expect(entry?.notes).toEqual([expect.stringMatching(/"v1\.2" contains "\.".*copied as "v1_2"/)]);
    expect(result.entries.find((e) => e.source === 'Releases')?.notes).toEqual([]);
  });

  it('replaces a "/" inside a "." source name for a "/" destination', () => {
    const result = plan({ source: folders('.', ['INBOX', 'In/Out']), destination: folders('/', ['INBOX']) });
    expect(routes(result)['In/Out']).toBe('In_Out +');
    expect(result.entries[1]?.notes).toHaveLength(1);
  });
});

describe('planFolders: the INBOX namespace prefix', () => {
  it('strips INBOX. from a Courier-style source going to an unprefixed destination', () => {
    const result = plan({
      source: folders('.', ['INBOX', 'INBOX.Work', 'INBOX.Work.2024', 'INBOX.Trash']),
      destination: folders('/', ['INBOX', 'Trash'], { Trash: ['\\Trash'] }),
    });
    expect(routes(result)).toEqual({
      INBOX: 'INBOX',
      'INBOX.Work': 'Work +',
      'INBOX.Work.2024': 'Work/2024 +',
      'INBOX.Trash': 'Trash',
    });
  });

  it('adds INBOX. for a destination whose folders all live under it', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'Work', 'Work/2024', 'Trash']),
      destination: folders('.', ['INBOX', 'INBOX.Trash', 'INBOX.Sent'], {
        'INBOX.Trash': ['\\Trash'],
        'INBOX.Sent': ['\\Sent'],
      }),
    });
    expect(routes(result)).toEqual({
      INBOX: 'INBOX',
      Work: 'INBOX.Work +',
      'Work/2024': 'INBOX.Work.2024 +',
      Trash: 'INBOX.Trash',
    });
    expect(result.destinationFoldersToCreate).toEqual(['INBOX.Work', 'INBOX.Work.2024']);
  });

  it('takes the destination prefix from the option when the destination is still empty', () => {
    const input = { source: folders('/', ['INBOX', 'Work']), destination: folders('.', ['INBOX']) };
    expect(routes(plan(input)).Work).toBe('Work +');
    expect(routes(plan({ ...input, destinationPrefix: 'INBOX.' })).Work).toBe('INBOX.Work +');
  });

  it("keeps an unprefixed source's INBOX subfolders under INBOX, and INBOX in any case", () => {
    const result = plan({
      source: folders('/', ['Inbox', 'Inbox/Receipts', 'Work']),
      destination: folders('.', ['INBOX']),
    });
    expect(routes(result)).toEqual({ Inbox: 'INBOX', 'Inbox/Receipts': 'INBOX.Receipts +', Work: 'Work +' });
    expect(result.entries[0]?.reason).toBe('inbox');
  });

  it('takes the source prefix from the option, where detection would guess wrong', () => {
    // A Dovecot account whose only folder is under INBOX looks like a Courier one.
    const input = { source: folders('/', ['INBOX', 'INBOX/Receipts']), destination: folders('/', ['INBOX']) };
    expect(routes(plan(input))['INBOX/Receipts']).toBe('Receipts +');
    expect(routes(plan({ ...input, sourcePrefix: '' }))['INBOX/Receipts']).toBe('INBOX/Receipts +');
  });

  it('moves a prefixed source to a prefixed destination with another delimiter', () => {
    const result = plan({
      source: folders('.', ['INBOX', 'INBOX.A', 'INBOX.A.B']),
      destination: folders('/', ['INBOX', 'INBOX/Existing']),
    });
    expect(routes(result)).toEqual({ INBOX: 'INBOX', 'INBOX.A': 'INBOX/A +', 'INBOX.A.B': 'INBOX/A/B +' });
  });
});

describe('planFolders: special-use folders', () => {
  it("maps German well-known names on a source without SPECIAL-USE to the destination's folders", () => {
    const result = plan({
      source: folders('.', [
        'INBOX',
        'INBOX.Gesendete Objekte',
        'INBOX.Entwürfe',
        'INBOX.Papierkorb',
        'INBOX.Junk-E-Mail',
        'INBOX.Archiv',
        'INBOX.Archiv.2023',
      ]),
      destination: folders('/', ['INBOX', 'Sent', 'Drafts', 'Trash', 'Junk', 'Archive'], {
        Sent: ['\\Sent'],
        Drafts: ['\\Drafts'],
        Trash: ['\\Trash'],
        Junk: ['\\Junk'],
        Archive: ['\\Archive'],
      }),
    });
    expect(result.entries).toEqual([
      { source: 'INBOX', destination: 'INBOX', create: false, reason: 'inbox', notes: [] },
      {
        source: 'INBOX.Gesendete Objekte',
        destination: 'Sent',
        create: false,
        specialUse: '\\Sent',
        reason: 'well-known-name',
        notes: [],
      },
      {
        source: 'INBOX.Entwürfe',
        destination: 'Drafts',
        create: false,
        specialUse: '\\Drafts',
        reason: 'well-known-name',
        notes: [],
      },
      {
        source: 'INBOX.Papierkorb',
        destination: 'Trash',
        create: false,
        specialUse: '\\Trash',
        reason: 'well-known-name',
        notes: [],
      },
      {
        source: 'INBOX.Junk-E-Mail',
        destination: 'Junk',
        create: false,
        specialUse: '\\Junk',
        reason: 'well-known-name',
        notes: [],
      },
      {
        source: 'INBOX.Archiv',
        destination: 'Archive',
        create: false,
        specialUse: '\\Archive',
        reason: 'well-known-name',
        notes: [],
      },
      {
        source: 'INBOX.Archiv.2023',
        destination: 'Archive/2023',
        create: true,
        reason: 'same-name',
        notes: [],
      },
    ]);
  });

  it('maps by SPECIAL-USE on both sides even when the names differ', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'Sent Items', 'Deleted Items'], {
        'Sent Items': ['\\Sent'],
        'Deleted Items': ['\\HasNoChildren', '\\Trash'],
      }),
      destination: folders('/', ['INBOX', 'Sent', 'Papierkorb'], {
        Sent: ['\\Sent'],
        Papierkorb: ['\\Trash'],
      }),
    });
    expect(routes(result)).toEqual({ INBOX: 'INBOX', 'Sent Items': 'Sent', 'Deleted Items': 'Papierkorb' });
    expect(result.entries.map((e) => e.reason)).toEqual(['inbox', 'special-use', 'special-use']);
  });

  it("takes imapflow's specialUse field as the attribute, unless imapflow guessed it from the name", () => {
    const source = folders('/', ['INBOX', 'Outgoing', 'Отправленные']);
    source[1]!.specialUse = '\\Sent';
    source[1]!.specialUseSource = 'extension';
    source[2]!.specialUse = '\\Sent';
    source[2]!.specialUseSource = 'name';
    const destination = folders('/', ['INBOX', 'Sent'], { Sent: ['\\Sent'] });
    const result = plan({ source, destination });
    expect(routes(result)).toEqual({ INBOX: 'INBOX', Outgoing: 'Sent', Отправленные: 'Отправленные +' });
    expect(result.entries[1]?.reason).toBe('special-use');
    // Without the server's mark, imapflow's guess from the Russian name counts as a well-known name.
    const guessed = plan({ source: [source[0]!, source[2]!], destination });
    expect(routes(guessed)).toEqual({ INBOX: 'INBOX', Отправленные: 'Sent' });
    expect(guessed.entries[1]?.reason).toBe('well-known-name');
  });

  it('finds the destination folder by its well-known name when the destination has no SPECIAL-USE', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'Sent'], { Sent: ['\\Sent'] }),
      destination: folders('.', ['INBOX', 'INBOX.Gesendet', 'INBOX.Work']),
    });
    expect(routes(result)).toEqual({ INBOX: 'INBOX', Sent: 'INBOX.Gesendet' });
  });

  it('creates a missing special-use folder with its English name, under the destination prefix', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'Junk E-mail'], { 'Junk E-mail': ['\\Junk'] }),
      destination: folders('.', ['INBOX', 'INBOX.Sent']),
    });
    expect(result.entries[1]).toEqual({
      source: 'Junk E-mail',
      destination: 'INBOX.Junk',
      create: true,
      specialUse: '\\Junk',
      reason: 'special-use',
      notes: ['The destination has no Junk folder; "INBOX.Junk" is created for it.'],
    });
    expect(result.destinationFoldersToCreate).toEqual(['INBOX.Junk']);
  });

  it('does not take a well-known name deeper than the top level as special', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'Projects', 'Projects/Trash']),
      destination: folders('/', ['INBOX', 'Bin'], { Bin: ['\\Trash'] }),
    });
    expect(routes(result)['Projects/Trash']).toBe('Projects/Trash +');
  });

  it('maps [Gmail]/Sent Mail by name', () => {
    const result = plan({
      source: folders('/', ['INBOX', '[Gmail]', '[Gmail]/Sent Mail'], { '[Gmail]': ['\\Noselect'] }),
      destination: folders('.', ['INBOX', 'Sent'], { Sent: ['\\Sent'] }),
    });
    expect(routes(result)).toEqual({ INBOX: 'INBOX', '[Gmail]/Sent Mail': 'Sent' });
    expect(result.skipped).toEqual([{ source: '[Gmail]', reason: 'noselect' }]);
  });

  describe('two Sent candidates', () => {
    const destination = folders('/', ['INBOX', 'Sent'], { Sent: ['\\Sent'] });

    it('the one the server marks wins, even when it comes later; the other is copied with a note', () => {
      const result = plan({
        source: folders('/', ['INBOX', 'Sent', 'Sent Items'], { 'Sent Items': ['\\Sent'] }),
        destination: folders('/', ['INBOX', 'Gesendet'], { Gesendet: ['\\Sent'] }),
      });
      expect(routes(result)).toEqual({ INBOX: 'INBOX', Sent: 'Sent +', 'Sent Items': 'Gesendet' });
      const loser = result.entries.find((e) => e.source === 'Sent');
      expect(loser?.reason).toBe('same-name');
      expect(loser?.specialUse).toBeUndefined();
      expect(loser?.notes).toEqual([
        '"Sent" also looks like the Sent folder, but "Sent Items" is taken as the Sent folder (the server marks it as such); "Sent" is copied as an ordinary folder.',
      ]);
    });

    it('without marks, the first in list order wins', () => {
      const result = plan({ source: folders('/', ['INBOX', 'Sent Messages', 'Sent']), destination });
      expect(result.entries[1]).toMatchObject({
        source: 'Sent Messages',
        destination: 'Sent',
        reason: 'well-known-name',
      });
      expect(result.entries[2]).toMatchObject({ source: 'Sent', destination: 'Sent', reason: 'same-name' });
      // Both now land in the destination's Sent, which the log must say.
      expect(result.entries[2]?.notes).toEqual([
        expect.stringMatching(
          /"Sent" also looks like the Sent folder, but "Sent Messages" is taken .*comes first/,
        ),
        '"Sent" also receives the messages of "Sent Messages".',
      ]);
      expect(result.entries[1]?.notes).toEqual(['"Sent" also receives the messages of "Sent".']);
    });
  });
});

describe('planFolders: translations', () => {
  it('override special-use mapping', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'Sent', 'Sent Items'], { Sent: ['\\Sent'] }),
      destination: folders('/', ['INBOX', 'Sent'], { Sent: ['\\Sent'] }),
      translations: translations('Sent,Old/Sent 2019'),
    });
    expect(routes(result)).toEqual({ INBOX: 'INBOX', Sent: 'Old/Sent 2019 +', 'Sent Items': 'Sent' });
    expect(result.entries.map((e) => e.reason)).toEqual(['inbox', 'translation', 'well-known-name']);
    expect(result.destinationFoldersToCreate).toEqual(['Old', 'Old/Sent 2019']);
  });

  it('carry subfolders with them; the longest matching source wins', () => {
    const result = plan({
      source: folders('.', [
        'INBOX',
        'INBOX.Clients',
        'INBOX.Clients.Acme',
        'INBOX.Clients.Acme.2024',
        'INBOX.Clients.Beta',
      ]),
      destination: folders('/', ['INBOX']),
      translations: translations('Clients,Customers\nINBOX/Clients/Acme,Archive/Acme Corp'),
    });
    expect(routes(result)).toEqual({
      INBOX: 'INBOX',
      'INBOX.Clients': 'Customers +',
      'INBOX.Clients.Acme': 'Archive/Acme Corp +',
      'INBOX.Clients.Acme.2024': 'Archive/Acme Corp/2024 +',
      'INBOX.Clients.Beta': 'Customers/Beta +',
    });
    expect(result.entries.every((e) => e.reason === 'translation' || e.reason === 'inbox')).toBe(true);
  });

  it('can move INBOX, and map a folder into INBOX', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'Posteingang alt']),
      destination: folders('.', ['INBOX', 'INBOX.Old'], {}),
      translations: translations('INBOX,Old/Inbox\nPosteingang alt,INBOX'),
    });
    expect(routes(result)).toEqual({ INBOX: 'INBOX.Old.Inbox +', 'Posteingang alt': 'INBOX' });
  });

  it('compare names after Unicode NFC normalisation', () => {
    const nfd = 'Entwu\u0308rfe alt';
    const result = plan({
      source: folders('/', ['INBOX', nfd]),
      destination: folders('/', ['INBOX']),
      translations: translations('Entw\u00fcrfe alt,Altes'),
    });
    expect(routes(result)).toEqual({ INBOX: 'INBOX', [nfd]: 'Altes +' });
  });
});

describe('planFolders: skipping', () => {
  const source = folders('/', [
    'INBOX',
    'Archive',
    'Archive/2019',
    'Archive/2019/Q1',
    'Archive/2020',
    'Junk',
    'Work',
  ]);
  const destination = folders('/', ['INBOX']);

  it('skips a folder and, with /*, everything under it', () => {
    const result = plan({ source, destination, skip: skip('Archive/2019/*\nJunk') });
    expect(result.skipped).toEqual([
      { source: 'Archive/2019', reason: 'skip-list' },
      { source: 'Archive/2019/Q1', reason: 'skip-list' },
      { source: 'Junk', reason: 'skip-list' },
    ]);
    expect(result.entries.map((e) => e.source)).toEqual(['INBOX', 'Archive', 'Archive/2020', 'Work']);
  });

  it('skips a folder alone without /*, and still creates its parent for the subfolders', () => {
    const result = plan({ source, destination, skip: skip('Archive') });
    expect(result.skipped).toEqual([{ source: 'Archive', reason: 'skip-list' }]);
    expect(result.destinationFoldersToCreate.slice(0, 3)).toEqual([
      'Archive',
      'Archive/2019',
      'Archive/2019/Q1',
    ]);
  });

  it('matches the skip list with either separator, INBOX in any case, other names exactly', () => {
    const courier = folders('.', [
      'INBOX',
      'INBOX.Trash',
      'INBOX.Old',
      'INBOX.Old.x',
      'INBOX.old2',
      'INBOX.Spam',
    ]);
    const result = plan({
      source: courier,
      destination,
      skip: skip('inbox.Trash\nOld/*\nOLD2\nSpam'),
    });
    expect(result.skipped.map((s) => s.source)).toEqual([
      'INBOX.Trash',
      'INBOX.Old',
      'INBOX.Old.x',
      'INBOX.Spam',
    ]);
  });

  it('matches a dotted line against a name that contains the dot, and against folder levels', () => {
    const source = folders('/', ['INBOX', 'v1.2', 'v1', 'Archive', 'Archive/2019', 'Archive.2020']);
    const result = plan({ source, destination, skip: skip('v1.2\nArchive.2019\nArchive/2020') });
    expect(result.skipped.map((s) => s.source)).toEqual(['v1.2', 'Archive/2019']);
  });
});

describe('planFolders: \\Noselect folders and creation order', () => {
  it('skips \\Noselect and \\NonExistent folders, yet creates them as parents, parents first, once', () => {
    const result = plan({
      source: folders(
        '.',
        [
          'INBOX',
          'INBOX.Shared',
          'INBOX.Shared.Team',
          'INBOX.Shared.Team.Reports',
          'INBOX.Ghost',
          'INBOX.Ghost.Child',
          'INBOX.Shared.Other',
        ],
        { 'INBOX.Shared': ['\\Noselect', '\\HasChildren'], 'INBOX.Ghost': ['\\NonExistent'] },
      ),
      destination: folders('/', ['INBOX', 'Ghost']),
    });
    expect(result.skipped).toEqual([
      { source: 'INBOX.Shared', reason: 'noselect' },
      { source: 'INBOX.Ghost', reason: 'noselect' },
    ]);
    expect(result.destinationFoldersToCreate).toEqual([
      'Shared',
      'Shared/Team',
      'Shared/Team/Reports',
      'Ghost/Child',
      'Shared/Other',
    ]);
    // What each folder needs created before it is opened (a lane creates it just before).
    expect(Object.fromEntries(result.createBefore)).toEqual({
      'Shared/Team': ['Shared', 'Shared/Team'],
      'Shared/Team/Reports': ['Shared', 'Shared/Team', 'Shared/Team/Reports'],
      'Ghost/Child': ['Ghost/Child'],
      'Shared/Other': ['Shared', 'Shared/Other'],
    });
  });

  it('lists a parent before a child even when the source lists the child first', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'A/B', 'A']),
      destination: folders('.', ['INBOX']),
    });
    expect(result.destinationFoldersToCreate).toEqual(['A', 'A.B']);
    expect(Object.fromEntries(result.createBefore)).toEqual({ 'A.B': ['A', 'A.B'], A: ['A'] });
  });
});

describe('planFolders: names', () => {
  it('keeps non-ASCII names unchanged', () => {
    const result = plan({
      source: folders('/', ['INBOX', 'Общие', 'Общие/Отчёты', '日本語', 'Entwürfe'], {
        Entwürfe: ['\\Drafts'],
      }),
      destination: folders('.', ['INBOX', 'Общие', 'Entwürfe'], { Entwürfe: ['\\Drafts'] }),
    });
    expect(routes(result)).toEqual({
      INBOX: 'INBOX',
      Общие: 'Общие',
      'Общие/Отчёты': 'Общие.Отчёты +',
      日本語: '日本語 +',
      Entwürfe: 'Entwürfe',
    });
  });

  it('finds an existing destination folder spelled in another Unicode form, and uses its spelling', () => {
    const nfc = 'R\u00e9sum\u00e9s';
    const nfd = 'Re\u0301sume\u0301s';
    const result = plan({ source: folders('/', ['INBOX', nfd]), destination: folders('/', ['INBOX', nfc]) });
    expect(result.entries[1]).toMatchObject({ source: nfd, destination: nfc, create: false });
  });
});

describe("planFolders: Gmail's virtual folders", () => {
  const gmail = folders(
    '/',
    [
      'INBOX',
      'Clients',
      '[Gmail]',
      '[Gmail]/All Mail',
      '[Gmail]/Drafts',
      '[Gmail]/Important',
      '[Gmail]/Sent Mail',
      '[Gmail]/Spam',
      '[Gmail]/Starred',
      '[Gmail]/Trash',
    ],
    {
      '[Gmail]': ['\\Noselect', '\\HasChildren'],
      '[Gmail]/All Mail': ['\\All'],
      '[Gmail]/Drafts': ['\\Drafts'],
      '[Gmail]/Important': ['\\Important'],
      '[Gmail]/Sent Mail': ['\\Sent'],
      '[Gmail]/Spam': ['\\Junk'],
      '[Gmail]/Starred': ['\\Flagged'],
      '[Gmail]/Trash': ['\\Trash'],
    },
  );

  it("leaves Starred and Important out, maps the real ones to the destination's, and All Mail to Archive, archived mail only", () => {
    const result = plan({
      source: gmail,
      destination: folders('.', ['INBOX', 'Sent', 'Drafts', 'Trash', 'Junk', 'Archive'], {
        Sent: ['\\Sent'],
        Drafts: ['\\Drafts'],
        Trash: ['\\Trash'],
        Junk: ['\\Junk'],
        Archive: ['\\Archive'],
      }),
    });
    expect(routes(result)).toEqual({
      INBOX: 'INBOX',
      Clients: 'Clients +',
      '[Gmail]/All Mail': 'Archive',
      '[Gmail]/Drafts': 'Drafts',
      '[Gmail]/Sent Mail': 'Sent',
      '[Gmail]/Spam': 'Junk',
      '[Gmail]/Trash': 'Trash',
    });
    expect(result.entries.filter((e) => e.archivedOnly).map((e) => e.source)).toEqual(['[Gmail]/All Mail']);
    expect(result.skipped).toEqual([
      { source: '[Gmail]', reason: 'noselect' },
      { source: '[Gmail]/Important', reason: 'virtual', specialUse: '\\Important' },
      { source: '[Gmail]/Starred', reason: 'virtual', specialUse: '\\Flagged' },
    ]);
    const allMail = result.entries.find((e) => e.source === '[Gmail]/All Mail')!;
    expect(allMail.notes).toEqual([
      '"[Gmail]/All Mail" shows every message of the other folders (Gmail\'s All Mail): only the messages that are in no other folder (archived mail) are copied, into "Archive"; the others arrive through their own folders.',
    ]);
  });

  it('creates the Archive folder when the destination has none, and still prefers a real Archive folder of the source there', () => {
    const result = plan({
      source: [...gmail, ...folders('/', ['Archive'], { Archive: ['\\Archive'] })],
      destination: folders('/', ['INBOX']),
    });
    expect(routes(result)).toMatchObject({ '[Gmail]/All Mail': 'Archive +', Archive: 'Archive +' });
    expect(result.destinationFoldersToCreate.filter((p) => p === 'Archive')).toEqual(['Archive']);
    expect(result.entries.find((e) => e.source === 'Archive')!.archivedOnly).toBeUndefined();
  });

  it('follows a translation of All Mail, still copying only its archived mail; the skip list leaves it out', () => {
    const moved = plan({
      source: gmail,
      destination: folders('/', ['INBOX']),
      translations: translations('[Gmail]/All Mail,Old mail\n'),
    });
    expect(moved.entries.find((e) => e.source === '[Gmail]/All Mail')).toMatchObject({
      destination: 'Old mail',
      archivedOnly: true,
    });
    const skipped = plan({
      source: gmail,
      destination: folders('/', ['INBOX']),
      skip: skip('[Gmail]/All Mail\n'),
    });
    expect(skipped.entries.map((e) => e.source)).not.toContain('[Gmail]/All Mail');
  });

  it("takes imapflow's specialUse for \\All, but not its guess from a name", () => {
    const told = plan({
      source: [
        {
          path: 'All Mail',
          name: 'All Mail',
          delimiter: '/',
          flags: new Set(),
          specialUse: '\\All',
          specialUseSource: 'extension',
        },
      ],
      destination: folders('/', ['INBOX']),
    });
    expect(told.entries[0]).toMatchObject({ destination: 'Archive', archivedOnly: true });
    const guessed = plan({
      source: [
        {
          path: 'All Mail',
          name: 'All Mail',
          delimiter: '/',
          flags: new Set(),
          specialUse: '\\All',
          specialUseSource: 'name',
        },
      ],
      destination: folders('/', ['INBOX']),
    });
    expect(guessed.entries[0]).toMatchObject({ destination: 'All Mail' });
    expect(guessed.entries[0]!.archivedOnly).toBeUndefined();
  });
});
