// The choices of every server's fields (the start form, Servers and accounts): protocols with
// their default ports, which ports each one uses, and a forgiving reading of pasted fingerprints.
import type { CallArgs, ServerRole } from '../../../../preload/contract.ts';

type StartArgs = CallArgs<'jobs.start'>;
export type SourceProtocol = StartArgs['source']['protocol'];
export type DestinationProtocol = NonNullable<StartArgs['destination']['protocol']>;
export type PortName = 'imap' | 'imaps' | 'pop3' | 'pop3s';

export const DEFAULT_PORTS: Readonly<Record<PortName, number>> = {
  imap: 143,
  imaps: 993,
  pop3: 110,
  pop3s: 995,
};

export const PORT_LABELS: Readonly<Record<PortName, string>> = {
  imaps: 'IMAPS port',
  imap: 'IMAP port',
  pop3s: 'POP3S port',
  pop3: 'POP3 port',
};

export interface SourceProtocolOption {
  value: SourceProtocol;
  label: string;
  /** The ports this protocol connects to, in the order the form shows them. */
  ports: readonly PortName[];
}

export const SOURCE_PROTOCOLS: readonly SourceProtocolOption[] = [
  { value: 'imaps', label: 'IMAP, encrypted from the start (IMAPS)', ports: ['imaps'] },
  { value: 'imap', label: 'IMAP, encrypted with STARTTLS', ports: ['imap'] },
  { value: 'pop3s', label: 'POP3, encrypted from the start (POP3S) — Inbox only', ports: ['pop3s'] },
  { value: 'pop3', label: 'POP3, encrypted with STLS — Inbox only', ports: ['pop3'] },
  {
    value: 'auto',
    label: 'Auto: Inbox over POP3, the other folders over IMAP',
    ports: ['imaps', 'imap', 'pop3s', 'pop3'],
  },
];

export const DESTINATION_PROTOCOLS: ReadonlyArray<{
  value: DestinationProtocol;
  label: string;
  port: PortName;
}> = [
  { value: 'imaps', label: 'IMAPS (encrypted from the start)', port: 'imaps' },
  { value: 'imap', label: 'IMAP with STARTTLS', port: 'imap' },
];

/** What a server's fields hold, as typed. */
export interface ServerFieldValues {
  host: string;
  /** For the new server, one of DESTINATION_PROTOCOLS. */
  protocol: SourceProtocol;
  ports: Record<PortName, string>;
  /** Left out where the form does not offer an unencrypted connection. */
  allowPlaintext?: boolean;
  /** A pasted certificate fingerprint; left out where trust is given after a connection test. */
  trust?: string;
}

/** The port fields as typed, from ports as stored (or the defaults). */
export function portTexts(
  ports: Readonly<Record<PortName, number>> = DEFAULT_PORTS,
): Record<PortName, string> {
  return {
    imap: String(ports.imap),
    imaps: String(ports.imaps),
    pop3: String(ports.pop3),
    pop3s: String(ports.pop3s),
  };
}

/** Each role's heading and what it is for, the same in every form that asks for a server. */
export const SERVER_ROLE_WORDS: Readonly<
  Record<ServerRole, { title: string; hint: string; placeholder: string }>
> = {
  source: {
    title: 'Old server',
    hint: 'Where the mail is now. Cutover only reads from it and never marks mail as read.',
    placeholder: 'imap.old-provider.com',
  },
  destination: {
    title: 'New server',
    hint: 'Where the mail goes, over IMAP. Messages it already has are not copied again.',
    placeholder: 'imap.new-provider.com',
  },
};

/** The protocols a role may use: the new server is reached over IMAP only. */
export function protocolOptions(role: ServerRole): readonly SourceProtocolOption[] {
  return role === 'source'
    ? SOURCE_PROTOCOLS
    : DESTINATION_PROTOCOLS.map((p) => ({ value: p.value, label: p.label, ports: [p.port] }));
}

/** The ports a protocol connects to, in the order the form shows them. */
export function portsOf(role: ServerRole, protocol: SourceProtocol): readonly PortName[] {
  const options = protocolOptions(role);
  return (options.find((o) => o.value === protocol) ?? options[0]!).ports;
}

/** The new server's protocol entry (IMAPS when the value is not one of them). */
export function destinationProtocol(value: SourceProtocol): (typeof DESTINATION_PROTOCOLS)[number] {
  return DESTINATION_PROTOCOLS.find((p) => p.value === value) ?? DESTINATION_PROTOCOLS[0]!;
}

export function sourceProtocol(value: SourceProtocol): SourceProtocolOption {
  return SOURCE_PROTOCOLS.find((p) => p.value === value) ?? SOURCE_PROTOCOLS[0]!;
}

/** Protocols that may use a port without TLS from the start, where plain text is a choice. */
export function mayBePlaintext(protocol: SourceProtocol | DestinationProtocol): boolean {
  return protocol === 'imap' || protocol === 'pop3' || protocol === 'auto';
}

/**
 * A SHA-256 fingerprint as main stores it (AA:BB:…) from what people paste: with or without
 * colons or spaces, upper or lower case, or a whole `sha256 Fingerprint=…` line from openssl.
 * Anything else is returned trimmed, for main to explain.
 */
export function normaliseFingerprint(text: string): string {
  const value = text.trim().replace(/^[^=]*=/, '');
  const hex = value.replace(/[\s:-]/g, '');
  if (/^[0-9a-fA-F]{64}$/.test(hex)) return hex.toUpperCase().match(/../g)!.join(':');
  return text.trim();
}

/** A port typed into the form: a whole number 0–65535, or null when it is not one. */
export function readPort(text: string): number | null {
  if (!/^\s*\d{1,5}\s*$/.test(text)) return null;
  const port = Number(text);
  return port <= 65535 ? port : null;
}

/** The ports typed for `names`, and a sentence for each one that is not a port number. */
export function readPorts(
  names: readonly PortName[],
  texts: Readonly<Record<PortName, string>>,
): { ports: Partial<Record<PortName, number>>; problems: string[] } {
  const ports: Partial<Record<PortName, number>> = {};
  const problems: string[] = [];
  for (const name of names) {
    const port = readPort(texts[name]);
    if (port === null) problems.push(`The ${PORT_LABELS[name]} must be a whole number from 0 to 65535.`);
    else ports[name] = port;
  }
  return { ports, problems };
}
