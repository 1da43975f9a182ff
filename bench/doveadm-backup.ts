// Dovecot's own migration path as the yardstick: `doveadm backup -R` over imapc, run on the
// destination instance, pulling from the source over IMAPS (certificate verified, like ours).
import type { DovecotServer } from '../test/harness/dovecot.ts';

/** The imapc settings for one user: how the destination reaches the source. */
export function imapcOptions(source: DovecotServer, user: string, password: string): string[] {
  return [
    '-o',
    `imapc_host=${source.host}`,
    '-o',
    `imapc_port=${source.ports.imaps}`,
    '-o',
    'imapc_ssl=imaps',
    '-o',
    `ssl_client_ca_file=${source.certificate.certPath}`,
    '-o',
    `imapc_user=${user}`,
    '-o',
    `imapc_password=${password}`,
    '-o',
    'imapc_features=rfc822.size fetch-headers',
    '-o',
    'mail_prefetch_count=20',
  ];
}

/** The command line, for printing (password masked). */
export function backupCommand(source: DovecotServer, user: string): string {
  const options = imapcOptions(source, user, '***')
    .map((arg) => (arg === '-o' ? arg : `'${arg}'`))
    .join(' ');
  return `doveadm -c <destination>/dovecot.conf ${options} backup -R -u ${user} imapc:`;
}

/**
 * `backup` makes the destination an exact copy, so a destination INBOX whose GUID or UIDVALIDITY
 * differs from the source's is "wrong" and dsync tries to delete it, which fails ("INBOX can't
 * be deleted"): every Dovecot account has an INBOX from the start. So the destination INBOX is
 * first given the GUID and UIDVALIDITY that imapc reports for the source's INBOX (untimed).
 */
export async function prepareInbox(
  source: DovecotServer,
  destination: DovecotServer,
  user: string,
  password: string,
): Promise<void> {
  const out = await destination.doveadm([
    ...imapcOptions(source, user, password),
    '-o',
    'mail=imapc:',
    '-f',
    'tab',
    'mailbox',
    'status',
    '-u',
    user,
    'guid uidvalidity',
    'INBOX',
  ]);
  // Header "mailbox uidvalidity guid" (doveadm's own column order), then one row.
  const [header, row] = out.trim().split('\n');
  const columns = header!.split('\t');
  const values = row!.split('\t');
  const guid = values[columns.indexOf('guid')]!;
  const uidValidity = values[columns.indexOf('uidvalidity')]!;
  await destination.doveadm([
    'mailbox',
    'update',
    '-u',
    user,
    '--mailbox-guid',
    guid,
    '--uid-validity',
    uidValidity,
    'INBOX',
  ]);
}

/** Runs the backups of all users at once (our engine also copies 4 accounts at a time). */
export async function doveadmBackup(
  source: DovecotServer,
  destination: DovecotServer,
  users: Array<{ user: string; password: string }>,
): Promise<{ wallMs: number; perUserMs: number[] }> {
  await Promise.all(users.map(({ user, password }) => prepareInbox(source, destination, user, password)));
  const started = performance.now();
  const perUserMs = await Promise.all(
    users.map(async ({ user, password }) => {
      const t = performance.now();
      await destination.doveadm([
        ...imapcOptions(source, user, password),
        'backup',
        '-R',
        '-u',
        user,
        'imapc:',
      ]);
      return performance.now() - t;
    }),
  );
  return { wallMs: performance.now() - started, perUserMs };
}
