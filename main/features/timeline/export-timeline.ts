import type { ExportedFile, PlaybookTask, Project } from '../../../preload/contract.ts';
import { timelineRows } from './timeline-rows.ts';
import { timelineCsv } from './timeline-csv.ts';
import { timelineHtml } from './timeline-html.ts';

/** The project's plan as a file for the customer: an HTML page or a CSV sheet. */
export function exportTimeline(
  project: Project,
  tasks: PlaybookTask[],
  format: 'html' | 'csv',
  now: Date,
): ExportedFile {
  const rows = timelineRows(tasks);
  const slug =
    project.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'project';
  return {
    fileName: `cutover-timeline-${slug}.${format}`,
    content:
      format === 'csv'
        ? timelineCsv(rows)
        : timelineHtml(
            {
              project: project.name,
              customer: project.customer,
              cutoverDate: project.cutoverDate,
              generatedAt: now.toISOString(),
            },
            rows,
          ),
  };
}
