import type { Migration } from './migration.ts';

/**
 * The wizard's live checks keep their last result with the task (what was found, when), and
 * the user notices can be reworded per project; untouched notices stay the defaults in code.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'playbook-checks-and-notices',
  up: `
    ALTER TABLE playbook_tasks ADD COLUMN check_result TEXT;
    ALTER TABLE playbook_tasks ADD COLUMN checked_at TEXT;

    CREATE TABLE notice_templates (
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      notice_key TEXT NOT NULL,
      subject TEXT NOT NULL,
      body TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (project_id, notice_key)
    );
  `,
};
