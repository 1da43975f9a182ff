import type { Migration } from './migration.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-folder-sync-state.ts';
import { migration0003 } from './0003-playbook-checks-and-notices.ts';

/** Every migration, in order. A new schema change is a new file appended here. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003];
