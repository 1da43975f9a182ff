// The benchmark's deterministic mail corpus: 4 accounts × 2,500 messages in 8 folders, realistic
// MIME, a size mix with a median near 10 KB, ~5% of 100 KB–1 MB, four of 5–20 MB; flags and
// dates; messages without a Message-ID and exact duplicates inside one folder.
import { createCipheriv, createHash } from 'node:crypto';
import { mulberry32, seedOf } from './prng.ts';
import type { Random } from './prng.ts';

export const ACCOUNTS = ['ann', 'bob', 'cat', 'dan'] as const;
export const passwordOf = (user: string) => `${user}-Secret-42`;

/** Folder → messages per account (sums to 2,500). Names as IMAP shows them (separator "/"). */
export const FOLDERS: ReadonlyArray<readonly [string, number]> = [
  ['INBOX', 900],
  ['Sent', 400],
  ['Archive/2023', 350],
  ['Archive/2024', 350],
  ['Projekte/Größe', 150],
  ['Kunden/Müller & Co', 150],
  ['日本語', 100],
  ['Drafts', 100],
];
export const MESSAGES_PER_ACCOUNT = FOLDERS.reduce((sum, [, n]) => sum + n, 0);

/** The few very large messages: [account, folder, position in folder, bytes]. */
const BIG: ReadonlyArray<readonly [string, string, number, number]> = [
  ['ann', 'INBOX', 450, 20 * 1024 * 1024],
  ['bob', 'Archive/2024', 100, 12 * 1024 * 1024],
  ['cat', 'Sent', 200, 8 * 1024 * 1024],
  ['dan', 'Projekte/Größe', 70, 5 * 1024 * 1024 + 300 * 1024],
];

/** How many messages each folder holds, and which few are very large. */
export interface CorpusShape {
  name: string;
  folders: ReadonlyArray<readonly [string, number]>;
  big: ReadonlyArray<readonly [string, string, number, number]>;
}

/** 2,500 messages an account, 365 MB in all: the loopback benchmark of issue 3. */
export const FULL_CORPUS: CorpusShape = { name: 'full', folders: FOLDERS, big: BIG };

/**
 * 500 messages an account in the same folders and size mix, and one 20 MiB message: small
 * enough to cross the slowest link profile in well under a minute.
 */
export const WAN_CORPUS: CorpusShape = {
  name: 'wan',
  folders: FOLDERS.map(([folder, count]) => [folder, Math.round(count / 5)] as const),
  big: [['ann', 'INBOX', 90, 20 * 1024 * 1024]],
};

export const messagesPerAccount = (shape: CorpusShape) => shape.folders.reduce((sum, [, n]) => sum + n, 0);

/** One message as the corpus defines it: what must arrive, and how to make its bytes. */
export interface MessageSpec {
  account: string;
  folder: string;
  /** Unique within the corpus; duplicates share the `bodySeed` of their original. */
  id: string;
  bodySeed: number;
  targetSize: number;
  kind: 'text' | 'attachment';
  messageId: string | null;
  flags: string[];
  /** Whole seconds: Maildir mtimes and IMAP INTERNALDATE have no finer resolution. */
  internalDate: Date;
  /** When it was sent (Date and Received headers); a duplicate keeps its original's. */
  headerDate: Date;
  /** Exact copy (same bytes) of another message of the same folder. */
  duplicateOf: string | null;
  subjectHint: string;
}

/** What the verification compares: the bytes as IMAP serves them (CRLF), flags, date. */
export interface Expected {
  account: string;
  folder: string;
  id: string;
  sha256: string;
  size: number;
  flags: string[];
  internalDate: number; // epoch seconds
  hasMessageId: boolean;
  duplicateOf: string | null;
}

const START_2015 = Date.UTC(2015, 0, 1) / 1000;
const END_2025 = Date.UTC(2025, 11, 31) / 1000;

/** The message specs of one account, folder by folder, oldest first within each folder. */
export function accountSpecs(account: string, shape: CorpusShape = FULL_CORPUS): MessageSpec[] {
  const specs: MessageSpec[] = [];
  for (const [folder, count] of shape.folders) {
    const r = mulberry32(seedOf(`${account}/${folder}`));
    const [from, to] = folder.startsWith('Archive/')
      ? [Date.UTC(Number(folder.slice(8)), 0, 1) / 1000, Date.UTC(Number(folder.slice(8)), 11, 31) / 1000]
      : [START_2015, END_2025];
    const dates = Array.from({ length: count }, () => r.int(from, to)).sort((a, b) => a - b);
    const folderSpecs: MessageSpec[] = [];
    for (let i = 0; i < count; i++) {
      const id = `${account}/${folder}/${i}`;
      const big = shape.big.find(([a, f, p]) => a === account && f === folder && p === i);
      const medium = !big && r.chance(0.05);
      const targetSize = big
        ? big[3]
        : medium
          ? Math.round(Math.exp(Math.log(100_000) + r.next() * Math.log(10)))
          : Math.round(Math.min(95_000, Math.max(1_200, Math.exp(Math.log(9_500) + 0.75 * r.normal()))));
      folderSpecs.push({
        account,
        folder,
        id,
        bodySeed: seedOf(id),
        targetSize,
        kind: big || medium ? 'attachment' : 'text',
        messageId: r.chance(0.02) ? null : `<${(seedOf(id) * 7919).toString(36)}.${i}@${account}.old.test>`,
        flags: flagsFor(folder, r),
        internalDate: new Date(dates[i]! * 1000),
        headerDate: new Date(dates[i]! * 1000),
        duplicateOf: null,
        subjectHint: folder,
      });
    }
    addSpecialCases(account, folder, folderSpecs);
    specs.push(...folderSpecs);
  }
  return specs;
}

/**
 * Exact duplicates (same bytes: a message delivered twice, or copied twice by a user), a
 * triplicate without a Message-ID, and two different messages sharing one Message-ID. They
 * replace ordinary messages, so the counts per folder stay as the shape says; a case whose
 * positions lie beyond a small folder's end is left out.
 */
function addSpecialCases(account: string, folder: string, specs: MessageSpec[]): void {
  const copy = (original: MessageSpec, at: number, flags: string[], laterSeconds: number) => {
    const slot = specs[at]!;
    specs[at] = {
      ...original,
      id: slot.id,
      flags,
      internalDate: new Date(original.internalDate.getTime() + laterSeconds * 1000),
      duplicateOf: original.id,
    };
  };
  if (folder === 'INBOX') {
    // Five duplicated messages (one with other flags than its original).
    for (const [k, at] of [
      [10, 11],
      [200, 201],
      [333, 600],
      [700, 701],
      [880, 890],
    ] as const) {
      const original = specs[k];
      if (!original || at >= specs.length || original.targetSize > 1_000_000) continue;
      copy(original, at, k === 333 ? ['\\Flagged'] : [...original.flags], 0);
    }
  }
  if (folder === 'Archive/2023') {
    // A message without a Message-ID, three times, identical bytes.
    const original = specs[50]!;
    original.messageId = null;
    original.kind = 'text';
    original.targetSize = Math.min(original.targetSize, 20_000);
    copy(original, 51, [...original.flags], 0);
    copy(original, 52, ['\\Seen'], 60);
  }
  if (folder === 'Sent') {
    // Two different messages that share a Message-ID (a broken client): both must arrive.
    const a = specs[20]!;
    const b = specs[21]!;
    if (a.messageId && b.targetSize < 1_000_000) {
      b.messageId = a.messageId;
      b.targetSize = a.targetSize + 317;
    }
  }
  if (folder === 'Drafts') {
    // An exact duplicate without a Message-ID in Drafts, as mail clients do make.
    const original = specs[5]!;
    original.messageId = null;
    copy(original, 6, [...original.flags], 0);
  }
  void account;
}

function flagsFor(folder: string, r: Random): string[] {
  if (folder === 'Drafts') return r.chance(0.5) ? ['\\Draft', '\\Seen'] : ['\\Draft'];
  if (folder === 'Sent') return r.chance(0.05) ? ['\\Flagged', '\\Seen'] : ['\\Seen'];
  const flags: string[] = [];
  if (r.chance(0.72)) {
    flags.push('\\Seen');
    if (r.chance(0.2)) flags.push('\\Answered');
  }
  if (r.chance(0.08)) flags.push('\\Flagged');
  return flags.sort();
}

// ---------------------------------------------------------------------------------------------
// Message bytes

const WORDS = (
  'the of and to in is you that it he was for on are as with his they at be this have from or one had ' +
  'by word but not what all were we when your can said there use an each which she do how their if will ' +
  'up other about out many then them these so some her would make like him into time has look two more ' +
  'Angebot Rechnung Lieferung Termin Besprechung Größe Straße Übersicht Änderung Prüfung Kunde Müller ' +
  'Projekt Freigabe Zeichnung Maße Bestellung schön für über natürlich Grüße Frühjahr Qualität ' +
  'quarterly invoice delivery schedule meeting review attached proposal budget contract draft ' +
  'résumé café naïve façade coöperate déjà Zürich København Ærø Łódź'
).split(' ');
const JAPANESE = [
  '会議',
  '資料',
  'よろしくお願いします',
  '確認',
  '見積書',
  '東京',
  '納期',
  'ありがとうございます',
];
const PEOPLE = [
  ['Jürgen Müller', 'j.mueller@kunde.example'],
  ['Anna Schmidt', 'anna.schmidt@partner.example'],
  ['Björn Ødegård', 'bjorn@nordic.example'],
  ['Chloé Durand', 'c.durand@fournisseur.example'],
  ['田中 太郎', 'tanaka@jp.example'],
  ['Priya Natarajan', 'priya@vendor.example'],
  ['Bob Jones', 'bob.jones@supplier.example'],
  ['Support Team', 'support@saas.example'],
] as const;
const SUBJECTS = [
  'Angebot für die Größe-Serie',
  'Re: Termin nächste Woche',
  'Invoice 2024-%n',
  'Fwd: Zeichnung Rev. %n',
  'Meeting notes',
  '見積書の件',
  'Re: Re: Lieferung Müller & Co',
  'Quarterly report Q%q',
  'Your order #%n has shipped',
  'Übersicht Projekte',
] as const;
const ZONES = ['+0000', '+0100', '+0200', '-0500', '-0800', '+0900', '+0530'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// A pool of body lines, made once, so text bodies are cheap to assemble.
const LINE_POOL: string[] = (() => {
  const r = mulberry32(424242);
  const lines: string[] = [];
  for (let i = 0; i < 4096; i++) {
    const target = r.int(30, 76);
    let line = '';
    while (line.length < target) {
      const word = r.chance(0.03) ? r.pick(JAPANESE) : r.pick(WORDS);
      line += (line ? ' ' : '') + word;
    }
    if (r.chance(0.3)) line += '.';
    lines.push(line);
  }
  return lines;
})();

function encodeWord(text: string): string {
  // RFC 2047 for non-ASCII header text; ASCII stays readable.
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
}

function address([name, email]: readonly [string, string]): string {
  return `${/[^\w .-]/.test(name) ? encodeWord(name) : name} <${email}>`;
}

function rfc5322Date(date: Date, zone: string): string {
  const sign = zone[0] === '-' ? -1 : 1;
  const offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} ${zone}`;
}

function textBlock(r: Random, bytes: number): string {
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = r.chance(0.08) ? '' : LINE_POOL[r.int(0, LINE_POOL.length - 1)]!;
    out.push(line);
    size += Buffer.byteLength(line) + 2;
  }
  return out.join('\n');
}

/** Base64 in 76-character lines joined by LF, built as bytes (strings of 20 MB are slow). */
function base64Lines(data: Buffer): Buffer {
  const flat = Buffer.from(data.toString('base64'), 'latin1');
  const lines = Math.ceil(flat.length / 76);
  const out = Buffer.allocUnsafe(flat.length + Math.max(0, lines - 1));
  let o = 0;
  for (let i = 0; i < flat.length; i += 76) {
    if (i > 0) out[o++] = 10;
    o += flat.copy(out, o, i, Math.min(i + 76, flat.length));
  }
  return out;
}

/** Incompressible attachment bytes, fast: an AES-128-CTR keystream keyed by the message's seed. */
function attachmentBytes(seed: number, count: number): Buffer {
  const key = createHash('sha256').update(`attachment:${seed}`).digest();
  const cipher = createCipheriv('aes-128-ctr', key.subarray(0, 16), key.subarray(16, 32));
  return cipher.update(Buffer.alloc(count));
}

/**
 * The message's bytes with LF line ends, as Dovecot keeps them in a Maildir; IMAP serves them
 * with CRLF (see `toCrlf`). Identical specs (duplicates) give identical bytes.
 */
export function messageBytes(spec: MessageSpec): Buffer {
  const r = mulberry32(spec.bodySeed ^ (spec.messageId === null ? 0x5a5a5a5a : 0));
  const sender = r.pick(PEOPLE);
  const outgoing = spec.folder === 'Sent' || spec.folder === 'Drafts';
  const owner = [
    `${spec.account[0]!.toUpperCase()}${spec.account.slice(1)} Example`,
    `${spec.account}@old.test`,
  ] as const;
  const [from, to] = outgoing ? [owner, sender] : [sender, owner];
  const zone = r.pick(ZONES);
  const sent = new Date(spec.headerDate.getTime() - r.int(5, 900) * 1000);
  const subject = r
    .pick(SUBJECTS)
    .replace('%n', String(r.int(100, 99_999)))
    .replace('%q', String(r.int(1, 4)));
  const headers: string[] = [];
  if (!outgoing) {
    headers.push(
      `Return-Path: <${from[1]}>`,
      `Received: from mx${r.int(1, 9)}.example.net (mx.example.net [192.0.2.${r.int(1, 254)}])`,
      `\tby mail.old.test (Postfix) with ESMTPS id ${r.int(0x10000000, 0x7fffffff).toString(16).toUpperCase()}`,
      `\tfor <${to[1]}>; ${rfc5322Date(spec.headerDate, '+0000')}`,
    );
  }
  headers.push(`Date: ${rfc5322Date(sent, zone)}`, `From: ${address(from)}`, `To: ${address(to)}`);
  if (r.chance(0.25)) headers.push(`Cc: ${address(r.pick(PEOPLE))}`);
  headers.push(`Subject: ${encodeWord(subject)}`);
  if (spec.messageId) headers.push(`Message-ID: ${spec.messageId}`);
  headers.push('MIME-Version: 1.0');
  if (r.chance(0.2))
    headers.push(
      `X-Mailer: ${r.pick(['Thunderbird 115.3.1', 'Microsoft Outlook 16.0', 'Apple Mail (2.3731)'])}`,
    );

  const boundary = `=_b${spec.bodySeed.toString(36)}_${r.int(1000, 9999)}`;
  const headerBytes = headers.join('\n').length + 200;
  let body: string;
  if (spec.kind === 'text') {
    const text = textBlock(r, Math.max(200, spec.targetSize - headerBytes));
    if (r.chance(0.3)) {
      // multipart/alternative: the text and a little HTML of it.
      const half = text.slice(0, Math.floor(text.length * 0.55));
      const html = `<html><body><p>${text
        .slice(0, Math.floor(text.length * 0.45))
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('\n', '<br>\n')}</p></body></html>`;
      headers.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
      body = [
        'This is a multi-part message in MIME format.',
        `--${boundary}`,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        half,
        `--${boundary}`,
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        html,
        `--${boundary}--`,
        '',
      ].join('\n');
    } else {
      headers.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
      body = `${text}\n`;
    }
  } else {
    const note = textBlock(r, 600);
    const [type, ext] = r.pick([
      ['application/pdf', 'pdf'],
      ['image/jpeg', 'jpg'],
      ['application/zip', 'zip'],
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ] as const);
    const name = `${r.pick(['Angebot', 'Zeichnung', 'report', 'Übersicht', 'scan'])}-${r.int(1, 999)}.${ext}`;
    const room = Math.max(1_000, spec.targetSize - headerBytes - note.length - 400);
    const raw = Math.floor(room / 78) * 57; // 76 base64 chars + CRLF carry 57 bytes
    headers.push(`Content-Type: multipart/mixed; boundary="${boundary}"`);
    const before = [
      'This is a multi-part message in MIME format.',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      note,
      `--${boundary}`,
      `Content-Type: ${type}; name="${encodeWord(name)}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${encodeWord(name)}"`,
      '',
      '',
    ].join('\n');
    return Buffer.concat([
      Buffer.from(`${headers.join('\n')}\n\n${before}`),
      base64Lines(attachmentBytes(r.int(0, 0x7fffffff), raw)),
      Buffer.from(`\n--${boundary}--\n`),
    ]);
  }
  return Buffer.from(`${headers.join('\n')}\n\n${body}`);
}

/** LF → CRLF: the bytes an IMAP FETCH BODY[] returns for a Maildir file with LF line ends. */
export function toCrlf(lf: Buffer): Buffer {
  let lines = 0;
  for (let i = lf.indexOf(10); i !== -1; i = lf.indexOf(10, i + 1)) lines++;
  const out = Buffer.allocUnsafe(lf.length + lines);
  let o = 0;
  let start = 0;
  for (let i = lf.indexOf(10); i !== -1; i = lf.indexOf(10, start)) {
    o += lf.copy(out, o, start, i);
    out[o++] = 13;
    out[o++] = 10;
    start = i + 1;
  }
  o += lf.copy(out, o, start);
  return out.subarray(0, o);
}

export function expectedOf(spec: MessageSpec, crlf: Buffer): Expected {
  return {
    account: spec.account,
    folder: spec.folder,
    id: spec.id,
    sha256: createHash('sha256').update(crlf).digest('hex'),
    size: crlf.length,
    flags: [...spec.flags].sort(),
    internalDate: Math.floor(spec.internalDate.getTime() / 1000),
    hasMessageId: spec.messageId !== null,
    duplicateOf: spec.duplicateOf,
  };
}

/**
 * The 100 messages that arrive after the first runs (25 an account): ordinary mail, two without
 * a Message-ID, and one re-delivered exact copy of a message already in the INBOX.
 */
export function laterSpecs(account: string, existing: MessageSpec[]): MessageSpec[] {
  const r = mulberry32(seedOf(`${account}/later`));
  const plan: Array<[string, number]> = [
    ['INBOX', 12],
    ['Sent', 4],
    ['Kunden/Müller & Co', 4],
    ['日本語', 3],
    ['Archive/2024', 2],
  ];
  const specs: MessageSpec[] = [];
  let n = 0;
  const base = Date.UTC(2026, 0, 5) / 1000;
  for (const [folder, count] of plan) {
    for (let i = 0; i < count; i++, n++) {
      const id = `${account}/${folder}/later-${i}`;
      specs.push({
        account,
        folder,
        id,
        bodySeed: seedOf(id),
        targetSize: Math.round(
          Math.min(95_000, Math.max(1_200, Math.exp(Math.log(9_500) + 0.75 * r.normal()))),
        ),
        kind: 'text',
        messageId: n === 3 || n === 17 ? null : `<later.${i}.${seedOf(id).toString(36)}@${account}.old.test>`,
        flags: n % 3 === 0 ? ['\\Seen'] : [],
        internalDate: new Date((base + n * 3_600 + r.int(0, 3_000)) * 1000),
        headerDate: new Date((base + n * 3_600) * 1000),
        duplicateOf: null,
        subjectHint: folder,
      });
    }
  }
  // The INBOX's first message arrives a second time, byte for byte.
  const original = existing.find(
    (s) => s.folder === 'INBOX' && s.targetSize < 100_000 && s.duplicateOf === null,
  )!;
  specs[0] = {
    ...original,
    id: `${account}/INBOX/later-0`,
    flags: [],
    internalDate: new Date((base + 1) * 1000),
    duplicateOf: original.id,
  };
  return specs;
}

/**
 * 25 flag changes an account, on messages of the first corpus (not the later ones) whose
 * Message-ID is unique among all of `everything`, so each can be found on the source by it.
 */
export function flagChangePlan(
  specs: MessageSpec[],
  everything: MessageSpec[] = specs,
): Array<{ spec: MessageSpec; flags: string[] }> {
  const r = mulberry32(seedOf(`${specs[0]!.account}/flag-changes`));
  const ids = new Map<string, number>();
  for (const s of everything) if (s.messageId) ids.set(s.messageId, (ids.get(s.messageId) ?? 0) + 1);
  const candidates = specs.filter(
    (s) => s.messageId && ids.get(s.messageId) === 1 && s.duplicateOf === null && s.folder !== 'Drafts',
  );
  const chosen = new Set<MessageSpec>();
  while (chosen.size < 25) chosen.add(candidates[r.int(0, candidates.length - 1)]!);
  return [...chosen].map((spec, i) => {
    const flags = new Set(spec.flags);
    // Read/unread, flagged, answered: what people change after a first pass.
    if (i % 3 === 0) {
      if (flags.has('\\Seen')) flags.delete('\\Seen');
      else flags.add('\\Seen');
    } else if (i % 3 === 1) {
      if (flags.has('\\Flagged')) flags.delete('\\Flagged');
      else flags.add('\\Flagged');
    } else {
      flags.add('\\Answered');
      flags.add('\\Seen');
      if (spec.flags.includes('\\Answered')) flags.delete('\\Answered');
    }
    return { spec, flags: [...flags].sort() };
  });
}
