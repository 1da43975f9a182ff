// The four user notices of the playbook, in plain words for people who are not technical.
// Each project may reword them; `{{field}}` is filled in per person (merge-fields.ts).
import type { NoticeKey } from '../../../preload/contract.ts';

export interface DefaultNotice {
  key: NoticeKey;
  label: string;
  offsetDays: number;
  subject: string;
  body: string;
}

const SETTINGS = `  Incoming mail (IMAP): {{newImapServer}}, port {{newImapPort}}, {{newImapSecurity}}
  Outgoing mail (SMTP): {{newSmtpServer}}, port {{newSmtpPort}}, SSL/TLS
  User name: {{username}}`;

export const DEFAULT_NOTICES: readonly DefaultNotice[] = [
  {
    key: 'three-weeks-before',
    label: '3 weeks before cutover',
    offsetDays: -21,
    subject: 'Your e-mail is moving on {{cutoverDate}}',
    body: `Hello {{name}},

On {{cutoverDate}}, {{customer}} moves its e-mail to a new mail service. Your address stays the same: {{email}}. Your messages and folders will be copied across for you.

What changes
- Your mail app will connect to a new server: {{newImapServer}} instead of {{oldServer}}. We will send you the new settings before the day.
- Your contacts and calendars are not copied with your mail. You need to save them yourself (see below).
- Your signature, auto-replies (out-of-office), forwarding and filters (rules) do not move by themselves. You will set them up again after the move.

What to do before {{preMigrateDate}}
1. Save your contacts: export your address book as a vCard file (.vcf).
2. Save your calendars: export each calendar as an .ics file.
3. Copy your signature into a document, so you can paste it back later.
4. Write down your auto-reply text, any forwarding address, and your filters or rules.
Keep these files somewhere safe, not only in your mailbox.

If your mail is only on your computer (POP3), tell us, so we can move it too.

Questions? Reply to this message.`,
  },
  {
    key: 'one-week-before',
    label: '1 week before cutover',
    offsetDays: -7,
    subject: 'One week until your e-mail moves ({{cutoverDate}})',
    body: `Hello {{name}},

A reminder: your e-mail ({{email}}) moves to the new service on {{cutoverDate}}.

Before then, please:
- Check that your contacts are saved as a vCard file (.vcf) and your calendars as .ics files.
- Do not change your e-mail password until the move is done.
- Note your signature, auto-reply (out-of-office), forwarding and filters (rules), if you have not yet.

The new settings, for the day of the move:
${SETTINGS}
  Password: your current one, unless we tell you otherwise.

Questions? Reply to this message.`,
  },
  {
    key: 'cutover-day',
    label: 'Cutover day',
    offsetDays: 0,
    subject: 'Your e-mail has moved: the new settings',
    body: `Hello {{name}},

Today, {{cutoverDate}}, your e-mail moved to the new service. New mail now arrives there. Your older messages are being copied across; some folders may fill up over the next hours.

Set up your mail app with these settings (or remove the account and add it again):
${SETTINGS}
Many mail apps find these by themselves when you type your address, {{email}}.

Then:
- Set up your signature again.
- Turn your auto-reply (out-of-office) back on, if you use one.
- Set up forwarding and filters (rules) again.

If your mail app warns that it "cannot verify the server identity", check that the server name is exactly {{newImapServer}}. Do not accept the warning; tell us instead.`,
  },
  {
    key: 'after-cutover',
    label: 'After cutover',
    offsetDays: 1,
    subject: 'Last step: bring back your contacts and calendars',
    body: `Hello {{name}},

Your e-mail is now on the new service. One last step:
- Contacts: import the vCard file (.vcf) you saved into your address book.
- Calendars: import each .ics file you saved into your calendar.

Also check that your signature, auto-reply, forwarding and filters work as before.

The old server ({{oldServer}}) no longer receives your mail. If something is missing, reply to this message and tell us what.`,
  },
];

export function defaultNotice(key: NoticeKey): DefaultNotice {
  return DEFAULT_NOTICES.find((notice) => notice.key === key)!;
}
