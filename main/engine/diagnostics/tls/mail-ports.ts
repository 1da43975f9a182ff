// The mail ports a client may use, how each starts TLS, and the --ports override.

import type { MailService, TlsMode } from '../../../../shared/reports/mail-service.ts';

export type { MailService, TlsMode };

/** The plain-text dialogue a STARTTLS port speaks before the handshake. */
export type MailProtocol = 'imap' | 'pop3' | 'smtp';

/** Which port each service is probed on; 0 skips it. */
export type PortPlan = Record<MailService, number>;

/** What each service is, for probing and for the words in a verdict. */
export interface ServiceInfo {
  protocol: MailProtocol;
  mode: TlsMode;
  /** Incoming (IMAP, POP3) or outgoing (SMTP submission) mail. */
  direction: 'incoming' | 'outgoing';
  label: string;
}

/** In the order a report lists them. */
export const MAIL_SERVICES: readonly MailService[] = [
  'imap',
  'imaps',
  'pop3',
  'pop3s',
  'submission',
  'submissions',
];

/** Protocol, TLS mode and direction of each service. */
export const SERVICE_INFO: Readonly<Record<MailService, ServiceInfo>> = {
  imap: { protocol: 'imap', mode: 'starttls', direction: 'incoming', label: 'IMAP with STARTTLS' },
  imaps: { protocol: 'imap', mode: 'implicit', direction: 'incoming', label: 'IMAP over TLS' },
  pop3: { protocol: 'pop3', mode: 'starttls', direction: 'incoming', label: 'POP3 with STLS' },
  pop3s: { protocol: 'pop3', mode: 'implicit', direction: 'incoming', label: 'POP3 over TLS' },
  submission: {
    protocol: 'smtp',
    mode: 'starttls',
    direction: 'outgoing',
    label: 'SMTP submission with STARTTLS',
  },
  submissions: {
    protocol: 'smtp',
    mode: 'implicit',
    direction: 'outgoing',
    label: 'SMTP submission over TLS',
  },
};

/** The standard ports: IMAP 143/993, POP3 110/995, SMTP submission 587/465. */
export const DEFAULT_PORTS: Readonly<PortPlan> = {
  imap: 143,
  imaps: 993,
  pop3: 110,
  pop3s: 995,
  submission: 587,
  submissions: 465,
};

/**
 * Reads "imap=143,imaps=0,..." on top of the defaults (0 skips a service); throws in words
 * a person can fix, so the CLI can turn it into a usage error.
 */
export function parsePortsOption(text: string, base: Readonly<PortPlan> = DEFAULT_PORTS): PortPlan {
  const plan: PortPlan = { ...base };
  for (const item of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([a-z0-9]+)=(\d+)$/i.exec(item);
    const service = match?.[1]?.toLowerCase();
    if (!match || !service || !isMailService(service)) {
      throw new Error(`"${item}" is not service=port (services: ${MAIL_SERVICES.join(', ')})`);
    }
    const port = Number(match[2]);
    if (port > 65535) throw new Error(`"${item}": a port is a number from 0 (skip) to 65535`);
    plan[service] = port;
  }
  return plan;
}

/** Whether a word names a mail service. */
export function isMailService(value: string): value is MailService {
  return (MAIL_SERVICES as readonly string[]).includes(value);
}
