import { describe, expect, it } from 'vitest';
import { parseJobName } from '../../../shared/job-input/job-name.ts';

describe('parseJobName', () => {
  it('numbers a blank name: one more than the highest numeric name, starting at 1', () => {
    expect(parseJobName(undefined, [])).toEqual({ ok: true, value: '1' });
    expect(parseJobName('   ', ['2', 'acme', '10', '3'])).toEqual({ ok: true, value: '11' });
    expect(parseJobName('', ['acme'])).toEqual({ ok: true, value: '1' });
  });

  it('trims a given name and takes it when it is free', () => {
    expect(parseJobName('  Acme batch 1 ', ['1'])).toEqual({ ok: true, value: 'Acme batch 1' });
  });

  it('refuses a taken name (in any case) and suggests the next free name-N', () => {
    expect(parseJobName('acme', ['Acme'])).toEqual({
      ok: false,
      errors: [
        { line: 0, message: 'A job named "acme" already exists; choose another name, such as "acme-2".' },
      ],
    });
    const result = parseJobName('acme', ['acme', 'acme-2']);
    expect(result.ok ? '' : result.errors[0]?.message).toContain('"acme-3"');
  });

  it('refuses a name with a line break', () => {
    expect(parseJobName('a\nb', []).ok).toBe(false);
  });
});
