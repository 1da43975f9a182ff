// CPU time of a process tree from /proc (Linux): the process, the children it has reaped
// (cutime/cstime: Dovecot's master reaps its imap processes as they log out), and the live
// descendants. Differences of two readings say which side of a run burnt the CPU.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ; Linux reports /proc times in these on every common arch

function stat(pid: number): { own: number; reaped: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name in parentheses (which may contain spaces).
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
    return { own: utime! + stime!, reaped: cutime! + cstime! };
  } catch {
    return null;
  }
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds used so far by `pid` and everything below it (live or reaped). */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  const visit = (id: number) => {
    const s = stat(id);
    if (!s) return;
    ticks += s.own + s.reaped;
    for (const child of children(id)) visit(child);
  };
  visit(pid);
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds this process has spent waiting-for children (e.g. doveadm run by execFile). */
export function reapedChildrenCpuSeconds(): number {
  return (stat(process.pid)?.reaped ?? 0) / TICKS_PER_SECOND;
}

export interface CpuSplit {
  /** The migrating process: our child, or the doveadm processes. */
  client: number;
  source: number;
  destination: number;
}

/**
 * Runs `work` and says how many CPU seconds the client, the source and the destination used.
 * The client is a child process (ours, doveadm) unless `inProcess` (the floor copier).
 */
export async function withCpu<T>(
  servers: { source: { pid: number }; destination: { pid: number } },
  work: () => Promise<T>,
  inProcess = false,
): Promise<{ value: T; cpu: CpuSplit }> {
  const ownCpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1e6;
  };
  const read = (): CpuSplit => ({
    client: inProcess ? ownCpu() : reapedChildrenCpuSeconds(),
    source: treeCpuSeconds(servers.source.pid),
    destination: treeCpuSeconds(servers.destination.pid),
  });
  const before = read();
  const value = await work();
  await new Promise((resolve) => setTimeout(resolve, 300)); // let Dovecot reap its imap processes
  const after = read();
  const cpu: CpuSplit = {
    client: after.client - before.client,
    source: after.source - before.source,
    destination: after.destination - before.destination,
  };
  return { value, cpu };
}

export const cpuTotal = (cpu: CpuSplit) => cpu.client + cpu.source + cpu.destination;

export const cpuLine = (cpu: CpuSplit, client: string) =>
  `CPU seconds: ${client} ${cpu.client.toFixed(1)}, source Dovecot ${cpu.source.toFixed(1)}, ` +
  `destination Dovecot ${cpu.destination.toFixed(1)} (total ${cpuTotal(cpu).toFixed(1)})`;
