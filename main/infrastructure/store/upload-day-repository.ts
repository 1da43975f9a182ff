import type { Database } from 'better-sqlite3';

/** Bytes stored into a destination mailbox per day (a local calendar day, "2026-11-24"). */
export interface UploadDayRepository {
  uploaded(destinationAccount: string, day: string): number;
  add(destinationAccount: string, day: string, bytes: number): void;
}

export function createUploadDayRepository(db: Database): UploadDayRepository {
  const select = db
    .prepare<[string, string], number>(
      'SELECT bytes FROM upload_days WHERE destination_account = ? AND day = ?',
    )
    .pluck();
  const upsert = db.prepare(
    `INSERT INTO upload_days (destination_account, day, bytes) VALUES (?, ?, ?)
     ON CONFLICT (destination_account, day) DO UPDATE SET bytes = bytes + excluded.bytes`,
  );
  return {
    uploaded: (account, day) => select.get(account, day) ?? 0,
    add(account, day, bytes) {
      if (bytes > 0) upsert.run(account, day, bytes);
    },
  };
}
