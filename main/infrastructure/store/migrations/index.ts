import type { Migration } from './migration.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-folder-sync-state.ts';
import { migration0003 } from './0003-playbook-checks-and-notices.ts';
import { migration0004 } from './0004-password-hashes.ts';
import { migration0005 } from './0005-aliases.ts';
import { migration0006 } from './0006-mailbox-claims.ts';
import { migration0007 } from './0007-claims.ts';
import { migration0008 } from './0008-parsed-job-lists.ts';
import { migration0009 } from './0009-upload-days.ts';
import { migration0010 } from './0010-profile-sign-ins.ts';

/** Every migration, in order. A new schema change is a new file appended here. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
];
