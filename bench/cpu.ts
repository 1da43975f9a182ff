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
