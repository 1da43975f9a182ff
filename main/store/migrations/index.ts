import type { Migration } from './migration.ts';
import { migration0001 } from './0001-initial.ts';

/** Every migration, in order. A new schema change is a new file appended here. */
export const migrations: readonly Migration[] = [migration0001];
