import type { Database } from 'better-sqlite3';
import type { Project, ProjectSummary } from '../../../preload/contract.ts';
import type { Clock } from '../clock.ts';
import { ServiceError } from '../../../shared/service-error.ts';

interface ProjectRow {
  id: number;
  name: string;
  customer: string;
  domains: string;
  cutover_date: string | null;
  created_at: string;
  updated_at: string;
  account_count: number;
}

export interface NewProject {
  name: string;
  customer: string;
  domains: string[];
  cutoverDate: string | null;
}

export interface ProjectChanges {
  customer?: string | undefined;
  domains?: string[] | undefined;
  cutoverDate?: string | null | undefined;
}

/** Migration projects: one per customer, several side by side for a consultant. */
export interface ProjectRepository {
  list(): ProjectSummary[];
  get(id: number): Project;
  create(project: NewProject): Project;
  rename(id: number, name: string): Project;
  /** Changes what is given; a null cutover date clears it. */
  update(id: number, changes: ProjectChanges): Project;
  remove(id: number): void;
}

const SELECT = `
  SELECT p.*, (SELECT COUNT(*) FROM accounts a WHERE a.project_id = p.id) AS account_count
  FROM projects p`;

export function createProjectRepository(db: Database, clock: Clock): ProjectRepository {
  const all = db.prepare<[], ProjectRow>(`${SELECT} ORDER BY p.updated_at DESC, p.id DESC`);
  const one = db.prepare<[number], ProjectRow>(`${SELECT} WHERE p.id = ?`);
  const insert = db.prepare(
    `INSERT INTO projects (name, customer, domains, cutover_date, created_at, updated_at)
     VALUES (@name, @customer, @domains, @cutoverDate, @now, @now)`,
  );
  const rename = db.prepare('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM projects WHERE id = ?');
  const update = db.prepare(
    'UPDATE projects SET customer = @customer, domains = @domains, cutover_date = @cutoverDate, updated_at = @now WHERE id = @id',
  );

  const get = (id: number): Project => {
    const row = one.get(id);
    if (!row)
      throw new ServiceError('not-found', `There is no project with id ${id}. It may have been deleted.`);
    return toProject(row);
  };

  return {
    list: () => all.all().map(toSummary),
    get,
    create(project) {
      const id = uniqueName(project.name, () =>
        insert.run({ ...project, domains: JSON.stringify(project.domains), now: clock.now().toISOString() }),
      );
      return get(Number(id.lastInsertRowid));
    },
    rename(id, name) {
      get(id);
      uniqueName(name, () => rename.run(name, clock.now().toISOString(), id));
      return get(id);
    },
    update(id, changes) {
      const current = get(id);
      update.run({
        id,
        customer: changes.customer ?? current.customer,
        domains: JSON.stringify(changes.domains ?? current.domains),
        cutoverDate: changes.cutoverDate === undefined ? current.cutoverDate : changes.cutoverDate,
        now: clock.now().toISOString(),
      });
      return get(id);
    },
    remove(id) {
      get(id);
      remove.run(id);
    },
  };
}

function uniqueName<T>(name: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new ServiceError(
        'already-exists',
        `A project named "${name}" already exists. Choose another name.`,
        'name',
      );
    }
    throw error;
  }
}

function toSummary(row: ProjectRow): ProjectSummary {
  return {
    id: row.id,
    name: row.name,
    customer: row.customer,
    cutoverDate: row.cutover_date,
    accountCount: row.account_count,
    updatedAt: row.updated_at,
  };
}

function toProject(row: ProjectRow): Project {
  return { ...toSummary(row), domains: JSON.parse(row.domains) as string[], createdAt: row.created_at };
}
