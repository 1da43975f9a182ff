import type { Migration } from './migration.ts';
import { parseSkipList, parseTranslations } from '../../../../shared/job-input/index.ts';

interface StoredSpecBefore {
  skip: string | unknown[];
  translate?: string;
  translateDelimiter?: string | null;
  translations?: unknown[];
}

/**
 * A job's skip and translate lists are stored parsed, as the job was checked when it was
 * created, instead of as typed and parsed again by every run.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'parsed-job-lists',
  up: '',
  run(db) {
    const rows = db.prepare('SELECT id, spec FROM jobs').all() as Array<{ id: number; spec: string }>;
    const update = db.prepare('UPDATE jobs SET spec = ? WHERE id = ?');
    for (const row of rows) {
      const spec = JSON.parse(row.spec) as StoredSpecBefore & Record<string, unknown>;
      if (typeof spec.skip !== 'string') continue;
      const skip = parseSkipList(spec.skip);
      const translations = parseTranslations(
        spec.translate ?? '',
        spec.translateDelimiter ? { delimiter: spec.translateDelimiter } : {},
      );
      // Lists that were accepted once parse again; a list that no longer does is kept empty
      // rather than failing the whole upgrade.
      const { translate: _translate, translateDelimiter: _delimiter, ...rest } = spec;
      update.run(
        JSON.stringify({
          ...rest,
          skip: skip.ok ? skip.value : [],
          translations: translations.ok ? translations.value : [],
        }),
        row.id,
      );
    }
  },
};
