// The timeline as one self-contained HTML file to send a customer: inline CSS, no scripts,
// every value escaped.
import { html, htmlDocument } from '../../engine/diagnostics/report/html-escape.ts';
import { TIMELINE_COLUMNS } from './timeline-rows.ts';
import type { TimelineRow } from './timeline-rows.ts';

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;max-width:1100px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.25rem}.meta{color:#5b6475;margin-top:0}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e3e6ec;vertical-align:top}
th{background:#f4f6f9;font-weight:600}td.details{white-space:pre-line}td.date{white-space:nowrap}
.status-complete{color:#1e7a3a}.status-delayed{color:#b3261e;font-weight:600}.status-in-progress{color:#8a6100}
@media print{body{margin:0;max-width:none}}
`;

export interface TimelineHeading {
  project: string;
  customer: string;
  cutoverDate: string | null;
  generatedAt: string;
}

export function timelineHtml(heading: TimelineHeading, rows: TimelineRow[]): string {
  const title = `Migration timeline: ${heading.customer || heading.project}`;
  return htmlDocument(
    title,
    STYLE,
    html`<p class="meta">
        Project ${heading.project} · Cutover day: ${heading.cutoverDate ?? 'not set yet'} · Made by Cutover on
        ${heading.generatedAt.slice(0, 10)}
      </p>
      <table>
        <thead>
          <tr>
            ${TIMELINE_COLUMNS.map((column) => html`<th scope="col">${column.header}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                <td class="date">${row.date}</td>
                <td>${row.phase}</td>
                <td>${row.task}</td>
                <td class="details">${row.details}</td>
                <td>${row.required}</td>
                <td class="status-${row.status.toLowerCase().replace(/\s+/g, '-')}">${row.status}</td>
              </tr>`,
          )}
        </tbody>
      </table>`,
  );
}
