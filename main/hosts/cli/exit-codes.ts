/** Exit statuses scripts can rely on. */
export const ExitCode = {
  ok: 0,
  /** The command ran and something failed (an account, a check). */
  failed: 1,
  /** The command line itself was wrong; nothing was done. */
  usage: 2,
} as const;
