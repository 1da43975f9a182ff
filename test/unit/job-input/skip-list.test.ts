import { describe, expect, it } from 'vitest';
import { parseSkipList } from '../../../shared/job-input/skip-list.ts';

describe('parseSkipList', () => {
  it('reads one folder a line, with / or . between levels, and ignores blank and # lines', () => {
    const result = parseSkipList('# not these\nJunk\n\nINBOX.Old Stuff\nArchive/2019\n');
    expect(result).toEqual({
      ok: true,
      value: [
        { path: ['Junk'], subtree: false, separator: '.', line: 2 },
        { path: ['INBOX', 'Old Stuff'], subtree: false, separator: '.', line: 4 },
        { path: ['Archive', '2019'], subtree: false, separator: '/', line: 5 },
      ],
    });
  });

  it('keeps dots inside names when the line uses /', () => {
    expect(parseSkipList('Releases/v1.2')).toEqual({
      ok: true,
      value: [{ path: ['Releases', 'v1.2'], subtree: false, separator: '/', line: 1 }],
    });
  });

  it('marks a trailing /* (or .*) as the folder and everything under it', () => {
    expect(parseSkipList('Archive/*\nINBOX.Trash.*')).toEqual({
      ok: true,
      value: [
        { path: ['Archive'], subtree: true, separator: '.', line: 1 },
        { path: ['INBOX', 'Trash'], subtree: true, separator: '.', line: 2 },
      ],
    });
  });

  it('writes INBOX in capitals, other names as given (Unicode included)', () => {
    expect(parseSkipList('inbox/Entwürfe\nInbox\nОбщие/Отчёты\n日本語')).toEqual({
      ok: true,
      value: [
        { path: ['INBOX', 'Entwürfe'], subtree: false, separator: '/', line: 1 },
        { path: ['INBOX'], subtree: false, separator: '.', line: 2 },
        { path: ['Общие', 'Отчёты'], subtree: false, separator: '/', line: 3 },
        { path: ['日本語'], subtree: false, separator: '.', line: 4 },
      ],
    });
  });

  it('refuses empty folder names and a bare /*, naming every line', () => {
    const result = parseSkipList('ok\n/*\nA//B\n*\n.Trash');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4, 5]);
    expect(result.errors[0]?.message).toMatch(/^line 2: no folder is named/);
    expect(result.errors[1]?.message).toMatch(/^line 3: "A\/\/B" has an empty folder name/);
  });
});
