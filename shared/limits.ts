// Limits every side checks (the API contract, the CLI, the engine and the UI), written once.
// Pure constants: no imports, safe for the browser and Node alike.

/** DESIGN.md: migrate in batches of at most 500 accounts. */
export const MAX_ACCOUNTS_PER_JOB = 500;

/** Accounts copied at once by one job. */
export const CONCURRENCY = { min: 1, max: 50, default: 4 } as const;

/** The longest password Cutover stores (the API refuses longer, and so does the CLI). */
export const MAX_PASSWORD_LENGTH = 1024;

/** The longest line of a users list: anything longer is a mistake (a file that is not a list). */
export const MAX_USER_LINE_LENGTH = 4096;
