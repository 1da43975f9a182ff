// One notice as an .eml file (RFC 5322 with MIME): UTF-8 text in quoted-printable, the subject
// and names as RFC 2047 encoded-words when they need it, and `X-Unsent: 1` so Outlook opens
// it as a draft to send. The encoders are libmime and libqp (from the imapflow project).
import libmime from 'libmime';
import { encode as encodeQp, wrap as wrapQp } from 'libqp';

export interface EmlDraft {
  to: { name: string; address: string };
  from?: string | undefined;
  subject: string;
  body: string;
  date: Date;
}

export function renderEml(draft: EmlDraft): string {
  const headers = [
    header('X-Unsent', '1'),
    ...(draft.from ? [header('From', draft.from)] : []),
    header('To', mailbox(draft.to.name, draft.to.address)),
    header('Subject', libmime.encodeWords(draft.subject, 'Q', 52)),
    header('Date', rfc5322Date(draft.date)),
    header('MIME-Version', '1.0'),
    header('Content-Type', 'text/plain; charset=utf-8'),
    header('Content-Transfer-Encoding', 'quoted-printable'),
  ];
  const text = draft.body.replace(/\r\n|\r|\n/g, '\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${wrapQp(encodeQp(text), 76)}\r\n`;
}

function header(name: string, value: string): string {
  return libmime.foldLines(`${name}: ${value}`, 76);
}

/** `"Ann Smith" <ann@example.com>`, the name encoded when it is not plain ASCII. */
export function mailbox(name: string, address: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  const angle = `<${address.replace(/[\r\n<>]/g, '')}>`;
  if (!clean) return angle;
  const phrase = libmime.isPlainText(clean)
    ? `"${clean.replace(/(["\\])/g, '\\$1')}"`
    : libmime.encodeWord(clean, 'Q', 52);
  return `${phrase} ${angle}`;
}

/** e.g. `Tue, 24 Nov 2026 09:00:00 +0000` (RFC 5322 section 3.3). */
export function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}
