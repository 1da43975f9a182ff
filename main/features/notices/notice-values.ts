// The values of the merge fields for a project and one of its people, and what to fill in
// when a notice needs one the project does not have yet.
import type { Account, Project, ServerProfiles } from '../../../preload/contract.ts';
import { addDays, dayInWords } from '../playbook/calendar-day.ts';
import { PHASE_OFFSETS } from '../playbook/playbook-catalog.ts';

export type FieldValues = Record<string, string | null>;

/** Where each field's value comes from, to say what is missing. */
const SOURCE: Record<string, string> = {
  cutoverDate: 'the cutover date',
  prepareDate: 'the cutover date',
  preMigrateDate: 'the cutover date',
  postMigrateDate: 'the cutover date',
  newImapServer: 'the new (destination) server',
  newImapPort: 'the new (destination) server',
  newImapSecurity: 'the new (destination) server',
  newSmtpServer: 'the new (destination) server',
  newSmtpPort: 'the new (destination) server',
  oldServer: 'the old (source) server',
  customer: 'the customer name',
  domain: 'a mail domain',
  email: 'a mail domain (some user names are not e-mail addresses)',
};

export function projectValues(project: Project, profiles: ServerProfiles): FieldValues {
  const day = (offset: number) =>
    project.cutoverDate ? dayInWords(addDays(project.cutoverDate, offset)) : null;
  const destination = profiles.destination;
  const starttls = destination?.protocol === 'imap';
  return {
    customer: project.customer.trim() || null,
    domain: project.domains[0] ?? null,
    cutoverDate: day(0),
    prepareDate: day(PHASE_OFFSETS.prepare),
    preMigrateDate: day(PHASE_OFFSETS['pre-migrate']),
    postMigrateDate: day(PHASE_OFFSETS['post-migrate']),
    newImapServer: destination?.host ?? null,
    newImapPort: destination ? String(starttls ? destination.ports.imap : destination.ports.imaps) : null,
    newImapSecurity: destination ? (starttls ? 'STARTTLS' : 'SSL/TLS') : null,
    newSmtpServer: destination?.host ?? null,
    newSmtpPort: destination ? '465' : null,
    oldServer: profiles.source?.host ?? null,
  };
}

export function accountValues(account: Account, project: Project): FieldValues {
  const email = account.username.includes('@')
    ? account.username
    : project.domains[0]
      ? `${account.username}@${project.domains[0]}`
      : null;
  return { email, name: nameFrom(email ?? account.username), username: account.localUsername };
}

/** The person's fields in the general text for everyone ("Hello everyone,"). */
export function everyoneValues(): FieldValues {
  return { name: 'everyone', email: 'your e-mail address', username: 'your user name' };
}

/** "ann.smith@example.com" → "Ann Smith": the best guess without a directory. */
export function nameFrom(address: string): string {
  const local = address.split('@')[0] ?? address;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** "the cutover date and the new (destination) server", for the fields without a value. */
export function describeMissing(fields: string[]): string {
  const sources = [...new Set(fields.map((field) => SOURCE[field] ?? field))];
  return sources.length <= 1
    ? (sources[0] ?? '')
    : `${sources.slice(0, -1).join(', ')} and ${sources.at(-1)}`;
}
