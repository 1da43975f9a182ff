import type { Services } from '../services.ts';
import type { JobDetail } from '../../../preload/contract.ts';
import type { CliOutput } from './cli-context.ts';

/**
 * Shows a running job: with --json, progress and log events one JSON object per line; for a
 * person, each account's outcome and every warning as it happens. Events that arrive before
 * the job is known (it is created and started in one call) are held until `show(jobId)`.
 */
export function followJob(
  services: Services,
  output: CliOutput,
): { show(jobId: number): void; stop(): void } {
  let id: number | null = null;
  const early: Array<[string, unknown]> = [];
  const print = (event: string, payload: unknown) => {
    if (event === 'job.progress') {
      const p = payload as { jobId: number; kind: string };
      if (p.jobId === id && output.json) output.result({ type: 'progress', ...p }, () => '');
      return;
    }
    const line = payload as {
      jobId: number | null;
      level: string;
      account: string | null;
      folder: string | null;
      message: string;
      code: string | null;
    };
    if (line.jobId !== id) return;
    if (output.json) {
      output.result({ type: 'log', ...line }, () => '');
    } else if (line.level !== 'info' || line.folder === null) {
      const who = line.account ? `${line.account}: ` : '';
      const where = line.folder ? `[${line.folder}] ` : '';
      output.info(
        `${line.level === 'error' ? '✗ ' : line.level === 'warn' ? '! ' : ''}${who}${where}${line.message}`,
      );
    }
  };
  const stop = services.bus.subscribe((event, payload) => {
    if (id === null) early.push([event, payload]);
    else print(event, payload);
  });
  return {
    show(jobId) {
      id = jobId;
      for (const [event, payload] of early.splice(0)) print(event, payload);
    },
    stop,
  };
}

/**
 * The closing summary, from the same JobDetail the app shows (jobs.get): per account and per
 * folder counts, and what to do next.
 */
export function printSummary(output: CliOutput, detail: JobDetail): void {
  const name = quoteJobName(detail.name);
  const next =
    detail.status === 'done'
      ? 'Every account is done.'
      : detail.status === 'paused' || detail.status === 'cancelled'
        ? `${detail.status === 'paused' ? 'Paused' : 'Stopped'}: nothing is lost or copied twice. Carry on with: cutover retry ${name}`
        : `Fix what the log says (cutover log ${name}), then run: cutover retry ${name}`;
  const value = {
    type: 'summary',
    job: detail.name,
    status: detail.status,
    accounts: detail.accountResults.map((a) => ({
      username: a.username,
      localUsername: a.localUsername,
      status: a.status,
      error: a.errorCode ? { code: a.errorCode, message: a.errorMessage } : null,
      total: a.messagesTotal,
      copied: a.copied,
      skipped: a.skipped,
      failed: a.failed,
      bytes: a.bytes,
      folders: a.folders,
    })),
    next,
  };
  output.result(value, () => {
    const rows = detail.accountResults.map(
      (a) =>
        `  ${a.status.padEnd(8)} ${a.username.padEnd(28)} ${String(a.copied).padStart(7)} copied ${String(a.skipped).padStart(7)} already there ${String(a.failed).padStart(5)} not copied`,
    );
    return [`Job ${detail.name}: ${detail.status}`, ...rows, next].join('\n');
  });
}

/** A job name as typed on a command line. */
export function quoteJobName(name: string): string {
  return /^[\w.-]+$/.test(name) ? name : JSON.stringify(name);
}
