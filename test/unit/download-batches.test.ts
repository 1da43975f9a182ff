import { describe, expect, it } from 'vitest';
import { BATCH_GAP_MS, createDownloadBatches } from '../../main/hosts/shell/download-batches.ts';

describe('downloads in a batch', () => {
  it('asks for one folder for files that follow each other, and again for a later batch', () => {
    let clock = 0;
    const asked: string[] = [];
    const batches = createDownloadBatches({
      askFolder: (first) => (asked.push(first), `/home/ann/Notices-${asked.length}`),
      exists: () => false,
      now: () => clock,
    });
    expect(batches.savePathFor('ann.eml')).toBe('/home/ann/Notices-1/ann.eml');
    clock += 150;
    expect(batches.savePathFor('bob.eml')).toBe('/home/ann/Notices-1/bob.eml');
    clock += BATCH_GAP_MS + 1;
    expect(batches.savePathFor('report.html')).toBe('/home/ann/Notices-2/report.html');
    expect(asked).toEqual(['ann.eml', 'report.html']);
  });

  it('overwrites nothing already there, nor a file of the same batch', () => {
    const batches = createDownloadBatches({
      askFolder: () => '/out',
      exists: (path) => path === '/out/ann.eml',
      now: () => 0,
    });
    expect(batches.savePathFor('ann.eml')).toBe('/out/ann (2).eml');
    expect(batches.savePathFor('ann.eml')).toBe('/out/ann (3).eml');
    expect(batches.savePathFor('../escape.eml')).toBe('/out/escape.eml');
  });

  it('cancels the whole batch when the user cancels the folder', () => {
    let asked = 0;
    const batches = createDownloadBatches({
      askFolder: () => (asked++, null),
      exists: () => false,
      now: () => 0,
    });
    expect(batches.savePathFor('ann.eml')).toBeNull();
    expect(batches.savePathFor('bob.eml')).toBeNull();
    expect(asked).toBe(1);
  });
});
