import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { exportTimeline } from '../../../main/features/timeline/export-timeline.ts';
import { relativeDay } from '../../../main/features/timeline/timeline-rows.ts';
import { PLAYBOOK } from '../../../main/features/playbook/playbook-catalog.ts';
import { taskView } from '../../../main/features/playbook/task-view.ts';
import type { Project } from '../../../preload/contract.ts';

const project: Project = {
  id: 1,
  name: 'Acme & Sons',
  customer: 'Acme <Ltd>',
  cutoverDate: '2026-03-02',
  accountCount: 3,
  updatedAt: 't',
  domains: ['acme.test'],
  createdAt: 't',
};
const now = new Date('2026-02-20T12:00:00.000Z');

function tasks(cutoverDate: string | null) {
  return PLAYBOOK.map((entry) =>
    taskView(
      entry,
      entry.key === 'inventory'
        ? {
            key: 'inventory',
            status: 'complete',
            notes: 'Mailboxes: 3, "aliases", none\n<script>alert(1)</script>',
            completedAt: 't',
            updatedAt: 't',
            lastCheck: null,
          }
        : undefined,
      cutoverDate,
      '2026-02-20',
    ),
  );
}

describe('timeline export', () => {
  it('writes CSV that a CSV reader gets the plan back from, in date order', () => {
    const file = exportTimeline(project, tasks('2026-03-02'), 'csv', now);
    expect(file.fileName).toBe('cutover-timeline-acme-sons.csv');
    expect(file.content.startsWith('\uFEFFDate,Phase,Task,Details,Required,Status\r\n')).toBe(true);
    const rows = parse(file.content, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(PLAYBOOK.length);
    expect(rows.map((r) => r.Date)).toEqual([...rows.map((r) => r.Date)].sort());
    expect(rows[0]).toMatchObject({
      Date: '2026-02-09',
      Phase: 'Prepare',
      Required: 'Required',
      Status: 'Complete',
    });
    expect(rows[0]!.Details).toContain('Notes: Mailboxes: 3, "aliases", none\n<script>');
    const lower = rows.find((r) => r.Task === 'Lower the MX TTL below one hour');
    // Due 2026-02-16, not done on 2026-02-20: delayed.
    expect(lower).toMatchObject({ Date: '2026-02-16', Status: 'Delayed' });
    expect(rows.at(-1)).toMatchObject({ Date: '2026-03-09', Phase: 'Post-migrate', Required: 'Recommended' });
  });

  it('says "N days before cutover" while there is no cutover date', () => {
    const rows = parse(exportTimeline(project, tasks(null), 'csv', now).content, {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>;
    expect(rows[0]).toMatchObject({ Date: '21 days before cutover', Status: 'Complete' });
    expect(rows.find((r) => r.Task === 'Copy the mail')?.Date).toBe('Cutover day');
    expect(relativeDay(1)).toBe('1 day after cutover');
  });

  it('writes one self-contained HTML page with every value escaped', () => {
    const file = exportTimeline(project, tasks('2026-03-02'), 'html', now);
    expect(file.fileName).toBe('cutover-timeline-acme-sons.html');
    expect(file.content).toMatch(/^<!doctype html>/);
    expect(file.content).not.toMatch(/<script/i);
    expect(file.content).not.toMatch(/\s(src|href)=/i);
    expect(file.content).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(file.content).toContain('Migration timeline: Acme &lt;Ltd&gt;');
    expect(file.content.match(/<tr>/g)).toHaveLength(PLAYBOOK.length + 1);
    expect(file.content).toContain('<td class="status-delayed">Delayed</td>');
  });
});
