// The playbook's tasks for the four phases of DESIGN.md, with their dates counted from the
// cutover day. Keys are stable: stored statuses, notes and check results are filed under them.
import type { PlaybookPhase, PlaybookTask } from '../../../preload/contract.ts';
import { PHASE_NAMES, PHASE_OFFSETS } from '../../../shared/phases.ts';

/** A task as the catalog defines it: the fixed part of a PlaybookTask, before any project's dates. */
export type CatalogTask = Pick<
  PlaybookTask,
  'key' | 'phase' | 'title' | 'description' | 'importance' | 'offsetDays' | 'check' | 'noticeKey'
>;

export { PHASE_NAMES, PHASE_OFFSETS };

const task = (
  phase: PlaybookPhase,
  key: string,
  importance: CatalogTask['importance'],
  title: string,
  description: string,
  extra: Partial<Pick<CatalogTask, 'offsetDays' | 'check' | 'noticeKey'>> = {},
): CatalogTask => ({
  key,
  phase,
  title,
  description,
  importance,
  offsetDays: extra.offsetDays ?? PHASE_OFFSETS[phase],
  check: extra.check ?? null,
  noticeKey: extra.noticeKey ?? null,
});

/** Every task, in the order they are done. */
export const PLAYBOOK: readonly CatalogTask[] = [
  task(
    'prepare',
    'inventory',
    'required',
    'List the domains, mailboxes and aliases',
    'Write down every domain that receives mail, every mailbox and every alias that will move, so nothing is left behind. Import the mailboxes into this project.',
  ),
  task(
    'prepare',
    'note-client-access',
    'recommended',
    'Note how people read their mail',
    'For each person, note whether they use IMAP, POP3 or webmail, and on which devices. People on POP3 keep mail only on their computer; plan to copy it from there too.',
  ),
  task(
    'prepare',
    'record-ttls',
    'required',
    'Record the current TTLs',
    'Note how long the internet may remember your MX record and mail server names (their TTL). You need the old value on cutover day: old answers can linger that long.',
    { check: { kind: 'dns-ttl-record', label: 'Read the TTLs from DNS' } },
  ),
  task(
    'prepare',
    'lower-mx-ttl',
    'required',
    'Lower the MX TTL below one hour',
    'At your DNS provider, set the TTL of the MX record and the mail server names to 300 seconds (at most 3600). Do it at least two weeks before cutover so the change itself has time to spread.',
    { offsetDays: -14, check: { kind: 'dns-ttl-lower', label: 'Check the MX TTL' } },
  ),
  task(
    'prepare',
    'notify-users',
    'required',
    'Tell everyone what will happen',
    'Send everyone the notice for three weeks before: what changes, when, and what they need to do.',
    { noticeKey: 'three-weeks-before' },
  ),
  task(
    'prepare',
    'backup-contacts-calendars',
    'recommended',
    'Ask everyone to back up contacts and calendars',
    'Address books and calendars are not copied with the mail. Ask everyone to export their contacts as a vCard file (.vcf) and their calendars as .ics files.',
  ),
  task(
    'prepare',
    'destination-defaults',
    'recommended',
    'Set up the new service',
    'On the new mail service, set the defaults before anyone arrives: mailbox sizes (quotas), spam filtering, and the domains it accepts mail for.',
  ),
  task(
    'pre-migrate',
    'freeze-provisioning',
    'required',
    'Stop changes on the old system',
    'From now on, create no new accounts and change no passwords on the old system, so the list you move stays the list you imported.',
  ),
  task(
    'pre-migrate',
    'export-contacts-calendars',
    'recommended',
    'Export address books and calendars',
    'Make sure every contact and calendar file has been saved. Keep a copy of each until everyone has imported theirs on the new service.',
  ),
  task(
    'pre-migrate',
    'create-destination-users',
    'required',
    'Create the same users on the new service',
    'Create every mailbox on the new service, up to 1,000 at a time. Existing encrypted passwords (Unix crypt, MD5-crypt, SHA, bcrypt) can often be reused, so nobody needs a new one. Then test that each one can log in.',
    { check: { kind: 'destination-logins', label: 'Test every login on the new server' } },
  ),
  task(
    'pre-migrate',
    'notify-users-week',
    'recommended',
    'Send the one-week reminder',
    'Send everyone the notice for one week before: the date, the last chance to back up contacts and calendars, and the new settings.',
    { noticeKey: 'one-week-before' },
  ),
  task(
    'cutover',
    'point-mx',
    'required',
    'Point MX at the new service',
    'At your DNS provider, change the MX record (and the mail host name, if you have one) to the new service. New mail starts arriving there as soon as the internet sees the change.',
    { check: { kind: 'dns-mx-points', label: 'Check the MX record' } },
  ),
  task(
    'cutover',
    'wait-propagation',
    'required',
    'Wait for the change to reach everyone',
    'Until the old TTL has passed, some senders still deliver to the old server. Check that the public DNS servers give the new MX before you copy mail for the last time.',
    { check: { kind: 'dns-propagation', label: 'Compare DNS servers' } },
  ),
  task(
    'cutover',
    'add-srv-records',
    'recommended',
    'Add the SRV records',
    'Publish the SRV records (RFC 6186 and RFC 8314) that let mail apps find the new servers by themselves. Cutover shows the exact records to add.',
    { check: { kind: 'dns-srv', label: 'Check the SRV records' } },
  ),
  task(
    'cutover',
    'disconnect-old-sessions',
    'recommended',
    'Close sessions on the old server',
    'Once the old TTL has passed, end the IMAP sessions still open on the old server, so nobody keeps working in the old mailbox by mistake.',
  ),
  task(
    'cutover',
    'migrate-mail',
    'required',
    'Copy the mail',
    'Copy everyone’s mail in batches of at most 500 accounts, then re-run any account that failed; nothing is copied twice.',
    { check: { kind: 'jobs-done', label: 'Check the migration jobs' } },
  ),
  task(
    'cutover',
    'notify-users-cutover',
    'recommended',
    'Tell everyone the switch is done',
    'Send the cutover-day notice: the new settings, and what to do if something looks wrong.',
    { noticeKey: 'cutover-day' },
  ),
  task(
    'post-migrate',
    'provision-new-accounts',
    'recommended',
    'Create new accounts on the new service',
    'From now on, create new mailboxes on the new service only.',
  ),
  task(
    'post-migrate',
    'remind-import',
    'recommended',
    'Remind everyone to import contacts and calendars',
    'Send the after-cutover notice: how to import the vCard (.vcf) and .ics files saved before the move.',
    { noticeKey: 'after-cutover' },
  ),
  task(
    'post-migrate',
    'restore-ttls',
    'recommended',
    'Put the TTLs back',
    'When all is well, set the TTLs of the MX record and mail server names back to their usual values (often 3600 seconds or more).',
    { offsetDays: 7 },
  ),
];

/** A task by key; a key the catalog does not have is the caller's mistake, said in words. */
export function catalogTask(key: string): CatalogTask | undefined {
  return PLAYBOOK.find((entry) => entry.key === key);
}
