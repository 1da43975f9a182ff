// What happens in each phase, in plain words, from the playbook in DESIGN.md.
import type { PhaseId } from './phase-schedule.ts';

export interface PhaseSummary {
  /** One sentence: why this phase exists. */
  purpose: string;
  /** The main things done in it, in order. */
  steps: readonly string[];
}

export const PHASE_SUMMARIES: Readonly<Record<PhaseId, PhaseSummary>> = {
  prepare: {
    purpose: 'Take stock of what you have and get DNS ready, so the switch later is quick.',
    steps: [
      'List the domains, mailboxes and aliases that will move.',
      'Note how people read their mail today: IMAP, POP3 or webmail.',
      'Record the current TTLs of the MX and mail host names, then lower them below one hour (300 seconds is best) at least two weeks before cutover.',
      'Tell everyone what will happen and when.',
      'Ask everyone to back up their address book (vCard) and calendar (.ics).',
      'Set the defaults on the new mail service.',
    ],
  },
  'pre-migrate': {
    purpose: 'Freeze the old system and create everyone on the new one.',
    steps: [
      'Stop creating accounts and changing passwords on the old system.',
      'Export address books and calendars.',
      'Create the same users on the new service, up to 1,000 at a time; existing encrypted passwords (Unix crypt, MD5-crypt, SHA, bcrypt) can be reused.',
      'Test that every new account can log in.',
    ],
  },
  cutover: {
    purpose: 'Point mail at the new service and copy everyone’s messages across.',
    steps: [
      'Point the MX record (and the mail host name) at the new service.',
      'Wait until the change has reached the public DNS servers.',
      'Add the SRV records that help mail apps find the new servers (RFC 6186).',
      'Once the old TTL has passed, close any IMAP sessions still open on the old server.',
      'Copy mail in batches of at most 500 accounts, then re-run any that failed; nothing is copied twice.',
    ],
  },
  'post-migrate': {
    purpose: 'Tidy up and help everyone settle in on the new service.',
    steps: [
      'Create any new accounts on the new service from now on.',
      'Remind everyone to import their address book and calendar files.',
      'Put the DNS TTLs back to their normal values.',
    ],
  },
};
