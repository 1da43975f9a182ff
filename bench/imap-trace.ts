// Experiments (BENCH_IMAP_TRACE=1 in run-migration.ts): every IMAP command of the job on stderr
// with its connection, user, start and round-trip time, to see where a run's time goes.
import { ImapFlow } from 'imapflow';

interface Traced {
  options: { host?: string; port?: number; auth?: { user?: string } };
  id: string;
}

export function traceImapCommands(start: number): void {
  const proto = ImapFlow.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const line = (client: Traced, what: string, began: number) => {
    const at = ((began - start) / 1000).toFixed(3);
    const took = (performance.now() - began).toFixed(0);
    process.stderr.write(
      `imap t=${at}s +${took}ms ${client.options.auth?.user ?? '?'}@${client.options.port ?? '?'} ${client.id} ${what}\n`,
    );
  };
  const exec = proto['exec']!;
  proto['exec'] = async function (this: Traced, command: unknown, attributes: unknown, ...rest: unknown[]) {
    const began = performance.now();
    try {
      return await exec.call(this, command, attributes, ...rest);
    } finally {
      line(this, `${String(command)} ${describe(attributes)}`, began);
    }
  };
  const connect = proto['connect']!;
  proto['connect'] = async function (this: Traced, ...args: unknown[]) {
    const began = performance.now();
    try {
      return await connect.call(this, ...args);
    } finally {
      line(this, 'connect (TCP, TLS, greeting, login)', began);
    }
  };
}

function describe(attributes: unknown): string {
  if (!Array.isArray(attributes)) return '';
  return attributes
    .slice(0, 3)
    .map((a: { value?: unknown }) =>
      typeof a?.value === 'string' || typeof a?.value === 'number' ? String(a.value).slice(0, 40) : '…',
    )
    .join(' ');
}
