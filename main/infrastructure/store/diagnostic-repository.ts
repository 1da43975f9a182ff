import type { Database } from 'better-sqlite3';
import type { DiagnosticKind, DiagnosticSummary, StoredDiagnostic } from '../../../preload/contract.ts';
import { ServiceError } from '../../../shared/service-error.ts';

interface Row {
  id: number;
  project_id: number | null;
  kind: DiagnosticKind;
  target: string;
  checked_at: string;
  verdict: string;
  result: string;
}

/** Check results with their time, so the wizard can say "checked 5 minutes ago" and show history. */
export interface DiagnosticRepository {
  save(entry: {
    projectId: number | null;
    kind: DiagnosticKind;
    target: string;
    checkedAt: string;
    verdict: string;
    report: unknown;
  }): number;
  get(id: number): StoredDiagnostic;
  history(filter: {
    projectId?: number | undefined;
    kind?: DiagnosticKind | undefined;
    target?: string | undefined;
    limit: number;
  }): DiagnosticSummary[];
}

export function createDiagnosticRepository(db: Database): DiagnosticRepository {
  const insert = db.prepare(
    'INSERT INTO diagnostic_results (project_id, kind, target, checked_at, verdict, result) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const one = db.prepare<[number], Row>('SELECT * FROM diagnostic_results WHERE id = ?');
  return {
    save: (e) =>
      Number(
        insert.run(e.projectId, e.kind, e.target, e.checkedAt, e.verdict, JSON.stringify(e.report))
          .lastInsertRowid,
      ),
    get(id) {
      const row = one.get(id);
      if (!row) throw new ServiceError('not-found', `There is no stored check with id ${id}.`);
      return { ...summary(row), report: JSON.parse(row.result) as StoredDiagnostic['report'] };
    },
    history({ projectId, kind, target, limit }) {
      const where: string[] = [];
      const params: Array<string | number> = [];
      if (projectId !== undefined) {
        where.push('project_id = ?');
        params.push(projectId);
      }
      if (kind !== undefined) {
        where.push('kind = ?');
        params.push(kind);
      }
      if (target !== undefined) {
        where.push('target = ?');
        params.push(target.toLowerCase());
      }
      const sql = `SELECT * FROM diagnostic_results ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY checked_at DESC, id DESC LIMIT ?`;
      return db
        .prepare<Array<string | number>, Row>(sql)
        .all(...params, limit)
        .map(summary);
    },
  };
}

function summary(row: Row): DiagnosticSummary {
  const report = JSON.parse(row.result) as { problemsFound?: boolean; headline?: string };
  return {
    id: row.id,
    projectId: row.project_id,
    kind: row.kind,
    target: row.target,
    checkedAt: row.checked_at,
    verdict: row.verdict,
    problemsFound: report.problemsFound === true,
    headline: report.headline ?? '',
  };
}
