// The `{{field}}` placeholders of the user notices: which exist, and filling them in.
import type { MergeField } from '../../../preload/contract.ts';

export const MERGE_FIELDS: readonly MergeField[] = [
  { name: 'name', description: 'The person’s name, from their address (ann.smith@… gives Ann Smith)' },
  { name: 'email', description: 'Their e-mail address' },
  { name: 'username', description: 'Their user name on the new server' },
  { name: 'customer', description: 'The organisation (the project’s customer)' },
  { name: 'domain', description: 'The project’s first mail domain' },
  { name: 'cutoverDate', description: 'The cutover day, e.g. Monday, March 2, 2026' },
  { name: 'prepareDate', description: 'About 3 weeks before cutover' },
  { name: 'preMigrateDate', description: 'About 1 week before cutover' },
  { name: 'postMigrateDate', description: 'The day after cutover' },
  { name: 'newImapServer', description: 'The new incoming mail server' },
  { name: 'newImapPort', description: 'Its port (993 or 143)' },
  { name: 'newImapSecurity', description: 'SSL/TLS or STARTTLS' },
  { name: 'newSmtpServer', description: 'The new outgoing mail server (the same host)' },
  { name: 'newSmtpPort', description: 'Its port (465)' },
  { name: 'oldServer', description: 'The old mail server' },
];

const FIELD = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** The field names a text uses, in order of first use. */
export function fieldsUsed(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD)].map((match) => match[1]!))];
}

/** Fields a text uses that do not exist, so a typo is caught when the notice is saved. */
export function unknownFields(text: string): string[] {
  const known = new Set(MERGE_FIELDS.map((field) => field.name));
  return fieldsUsed(text).filter((name) => !known.has(name));
}

/** Fills every field in; a field without a value is the caller's to refuse first. */
export function fillFields(text: string, values: Readonly<Record<string, string | null>>): string {
  return text.replace(FIELD, (whole, name: string) => values[name] ?? whole);
}
