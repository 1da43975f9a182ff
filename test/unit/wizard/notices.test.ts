import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import libmime from 'libmime';
import { decode as decodeQp } from 'libqp';
import { createTestServices, fixedClock } from '../../support/test-services.ts';
import type { Services } from '../../../main/hosts/services.ts';
import type {
  Account,
  ExportedFile,
  NoticePreview,
  NoticeTemplates,
  Result,
} from '../../../preload/contract.ts';
import { DEFAULT_NOTICES } from '../../../main/features/notices/default-notices.ts';
import { unknownFields } from '../../../main/features/notices/merge-fields.ts';
import { mailbox } from '../../../main/features/notices/render-eml.ts';

let services: Services;
let projectId: number;

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

/** Splits an .eml into unfolded headers and the decoded UTF-8 body. */
function readEml(content: string) {
  const split = content.indexOf('\r\n\r\n');
  const head = content.slice(0, split);
  const body = content.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { head, headers, body: decodeQp(body).toString('utf8') };
}

beforeEach(async () => {
  services = createTestServices(':memory:', { clock: fixedClock('2026-02-09T08:00:00.000Z') });
  projectId = services.projects.create({
    name: 'Acme',
    customer: 'Acme Ltd',
    domains: ['acme.test'],
    cutoverDate: '2026-03-02',
  }).id;
  value(
    await services.dispatch('accounts.import', {
      projectId,
      text: 'ann.smith@acme.test,pw1\nzoe,pw2,zoe@new.test\n',
    }),
  );
});
afterEach(() => services.close());

async function saveProfiles() {
  value(
    await services.dispatch('profiles.save', {
      projectId,
      role: 'destination',
      host: 'mail.new.test',
      protocol: 'imaps',
    }),
  );
  value(
    await services.dispatch('profiles.save', {
      projectId,
      role: 'source',
      host: 'imap.old.test',
      protocol: 'auto',
    }),
  );
}

describe('user notices', () => {
  it('has the four default notices, and they say what the issue asks in plain words', async () => {
    const { templates, fields } = value<NoticeTemplates>(await services.dispatch('notices.templates', {}));
    expect(templates.map((t) => [t.key, t.offsetDays, t.edited])).toEqual([
      ['three-weeks-before', -21, false],
      ['one-week-before', -7, false],
      ['cutover-day', 0, false],
      ['after-cutover', 1, false],
    ]);
    const all = templates.map((t) => `${t.subject}\n${t.body}`).join('\n');
    for (const topic of [/signature/i, /auto-repl/i, /forwarding/i, /filters/i, /vCard/, /\.vcf/, /\.ics/]) {
      expect(all).toMatch(topic);
    }
    const settings = templates.find((t) => t.key === 'cutover-day')!.body;
    for (const field of ['{{newImapServer}}', '{{newImapPort}}', '{{newSmtpServer}}', '{{username}}']) {
      expect(settings).toContain(field);
    }
    // Every field the defaults use exists.
    for (const notice of DEFAULT_NOTICES)
      expect(unknownFields(`${notice.subject} ${notice.body}`)).toEqual([]);
    expect(fields.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'name',
        'email',
        'cutoverDate',
        'newImapServer',
        'newSmtpServer',
        'oldServer',
        'prepareDate',
      ]),
    );
  });

  it('renders one draft .eml per account with the fields filled in', async () => {
    await saveProfiles();
    const files = value<ExportedFile[]>(
      await services.dispatch('notices.render', {
        projectId,
        key: 'one-week-before',
        format: 'eml',
        from: 'it@acme.test',
      }),
    );
    expect(files.map((f) => f.fileName)).toEqual([
      'ann.smith@acme.test-one-week-before.eml',
      'zoe-one-week-before.eml',
    ]);
    const ann = readEml(files[0]!.content);
    expect(ann.headers.get('x-unsent')).toBe('1');
    expect(ann.headers.get('from')).toBe('it@acme.test');
    expect(ann.headers.get('to')).toBe('"Ann Smith" <ann.smith@acme.test>');
    expect(ann.headers.get('subject')).toBe('One week until your e-mail moves (Monday, March 2, 2026)');
    expect(ann.headers.get('date')).toBe('Mon, 09 Feb 2026 08:00:00 +0000');
    expect(ann.headers.get('mime-version')).toBe('1.0');
    expect(ann.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(ann.headers.get('content-transfer-encoding')).toBe('quoted-printable');
    expect(ann.body).toContain('Hello Ann Smith,');
    expect(ann.body).toContain('Incoming mail (IMAP): mail.new.test, port 993, SSL/TLS');
    expect(ann.body).toContain('Outgoing mail (SMTP): mail.new.test, port 465, SSL/TLS');
    expect(ann.body).toContain('User name: ann.smith@acme.test');
    expect(ann.body).not.toMatch(/\{\{/);
    // CRLF line ends, 7-bit clean, and no line longer than RFC 5322's 78.
    for (const file of files) {
      expect(file.content).not.toMatch(/[^\r]\n/);
      expect(file.content).toMatch(/^[ -~\t\r\n]*$/);
      for (const line of file.content.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    }
    // A username without a domain gets the project's; the destination user name is its own.
    const zoe = readEml(files[1]!.content);
    expect(zoe.headers.get('to')).toBe('"Zoe" <zoe@acme.test>');
    expect(zoe.body).toContain('Hello Zoe,');
    expect(zoe.body).toContain('User name: zoe@new.test');
  });

  it('encodes a reworded non-ASCII subject as RFC 2047 words and keeps the UTF-8 text', async () => {
    await saveProfiles();
    const subject = 'Déménagement de votre messagerie le {{cutoverDate}} — sauvegardez vos contacts';
    const saved = value<{ edited: boolean }>(
      await services.dispatch('notices.save', {
        projectId,
        key: 'cutover-day',
        subject,
        body: 'Bonjour {{name}},\n\nServeur : {{newImapServer}} (ancien : {{oldServer}}). À bientôt = merci.',
      }),
    );
    expect(saved.edited).toBe(true);
    const [file] = value<ExportedFile[]>(
      await services.dispatch('notices.render', { projectId, key: 'cutover-day', format: 'eml' }),
    );
    const eml = readEml(file!.content);
    expect(eml.headers.has('from')).toBe(false);
    expect(eml.head).toMatch(/^Subject: =\?UTF-8\?Q\?/m);
    expect(libmime.decodeWords(eml.headers.get('subject')!)).toBe(
      'Déménagement de votre messagerie le Monday, March 2, 2026 — sauvegardez vos contacts',
    );
    expect(eml.body).toBe(
      'Bonjour Ann Smith,\r\n\r\nServeur : mail.new.test (ancien : imap.old.test). À bientôt = merci.\r\n',
    );
    const reset = value<{ edited: boolean; subject: string }>(
      await services.dispatch('notices.reset', { projectId, key: 'cutover-day' }),
    );
    expect(reset).toMatchObject({ edited: false, subject: 'Your e-mail has moved: the new settings' });
  });

  it('fills a notice in as text for one person, or for everyone, to copy into a mail program', async () => {
    await saveProfiles();
    const accounts = value<Account[]>(await services.dispatch('accounts.list', { projectId }));
    const zoe = accounts.find((a) => a.username === 'zoe')!;
    const forZoe = value<NoticePreview>(
      await services.dispatch('notices.preview', { projectId, key: 'cutover-day', accountId: zoe.id }),
    );
    expect(forZoe).toMatchObject({
      accountId: zoe.id,
      to: 'zoe@acme.test',
      subject: 'Your e-mail has moved: the new settings',
    });
    expect(forZoe.body).toMatch(/^Hello Zoe,\n/);
    expect(forZoe.body).toContain('Incoming mail (IMAP): mail.new.test, port 993, SSL/TLS');
    expect(forZoe.body).toContain('User name: zoe@new.test');
    expect(forZoe.body).not.toMatch(/\{\{|\}\}/);

    const everyone = value<NoticePreview>(
      await services.dispatch('notices.preview', { projectId, key: 'cutover-day' }),
    );
    expect(everyone).toMatchObject({ accountId: null, to: null });
    expect(everyone.body).toMatch(/^Hello everyone,\n/);
    expect(everyone.body).toContain('User name: your user name');
    expect(everyone.body).not.toMatch(/\{\{|\}\}/);
  });

  it('refuses a preview that would leave a field empty, or names another project’s account', async () => {
    const missing = await services.dispatch('notices.preview', { projectId, key: 'cutover-day' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-arguments', field: 'key' } });
    expect(!missing.ok && missing.error.message).toContain('the new (destination) server');

    const other = services.projects.create({ name: 'Other', customer: '', domains: [], cutoverDate: null });
    const [ann] = value<Account[]>(await services.dispatch('accounts.list', { projectId }));
    expect(
      await services.dispatch('notices.preview', {
        projectId: other.id,
        key: 'after-cutover',
        accountId: ann!.id,
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found', field: 'accountId' } });
  });

  it('writes names as RFC 2047 encoded-words when they are not ASCII, and quotes the rest', () => {
    expect(mailbox('Zoë Dupré', 'zoe@acme.test')).toBe('=?UTF-8?Q?Zo=C3=AB_Dupr=C3=A9?= <zoe@acme.test>');
    expect(mailbox('Smith, "Ann"', 'ann@acme.test')).toBe('"Smith, \\"Ann\\"" <ann@acme.test>');
    expect(mailbox('', 'x@acme.test\r\nBcc: y@evil.test')).toBe('<x@acme.testBcc: y@evil.test>');
  });

  it('refuses a field that does not exist, and says what the project lacks for one that does', async () => {
    expect(
      await services.dispatch('notices.save', {
        projectId,
        key: 'cutover-day',
        subject: 'Hi {{nmae}}',
        body: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-arguments', field: 'subject' } });
    const missing = await services.dispatch('notices.render', {
      projectId,
      key: 'cutover-day',
      format: 'eml',
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(!missing.ok && missing.error.message).toContain('the new (destination) server');
  });
});
