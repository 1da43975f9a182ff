import { describe, expect, it } from 'vitest';
import { parseTranslations } from '../../../shared/job-input/translations.ts';

describe('parseTranslations', () => {
  it('reads source,destination pairs with / between folder levels, names trimmed', () => {
    expect(parseTranslations('Sent Items , Sent\n# comment\n\nProjects/2024,Archive/Projects 2024')).toEqual({
      ok: true,
      value: [
        { source: ['Sent Items'], destination: ['Sent'], line: 1 },
        { source: ['Projects', '2024'], destination: ['Archive', 'Projects 2024'], line: 4 },
      ],
    });
  });

  it('splits at the one ":" when names contain commas', () => {
    expect(parseTranslations('Smith, John, letters:Clients/Smith, John')).toEqual({
      ok: true,
      value: [{ source: ['Smith, John, letters'], destination: ['Clients', 'Smith, John'], line: 1 }],
    });
  });

  it('takes an explicit delimiter', () => {
    expect(parseTranslations('Re: a, b|Old: c, d', { delimiter: '|' })).toEqual({
      ok: true,
      value: [{ source: ['Re: a, b'], destination: ['Old: c, d'], line: 1 }],
    });
  });

  it('refuses a line it cannot split in exactly one place, and one it could split two ways', () => {
    const result = parseTranslations('A,B,C\nNoDelimiter\nWork, old:Work\nA:B:C');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([1, 2, 3, 4]);
    expect(result.errors[0]?.message).toMatch(
      /^line 1: write exactly one "," .* or one ":" when a name contains commas/,
    );
    expect(result.errors[2]?.message).toMatch(/^line 3: .*one "," and one ":".*choose the delimiter/);
  });

  it('refuses empty names and duplicate sources, naming both lines', () => {
    const result = parseTranslations('Sent,Old Sent\n,Trash\nJunk,\nsent,Other\nA//B,C\nSent,Again');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 2, message: 'line 2: the source folder name is empty.' },
      { line: 3, message: 'line 3: the destination folder name is empty.' },
      { line: 5, message: expect.stringMatching(/^line 5: "A\/\/B" has an empty folder name/) },
      { line: 6, message: 'line 6: "Sent" is already translated on line 1; keep one of the two lines.' },
    ]);
  });

  it('treats INBOX as one name in any case, and other names as case-sensitive', () => {
    const result = parseTranslations('INBOX/Old,Old\ninbox/Old,Older');
    expect(result.ok ? [] : result.errors.map((e) => e.line)).toEqual([2]);
  });

  it('refuses / as the delimiter, since it separates folder levels', () => {
    const result = parseTranslations('a/b', { delimiter: '/' });
    expect(result).toEqual({
      ok: false,
      errors: [{ line: 0, message: expect.stringMatching(/cannot be the delimiter/) }],
    });
  });
});
