import type { ConnectionOptions } from 'node:tls';
import type { ImapEndpoint } from '../../infrastructure/protocols/imap/open-imap.ts';
import type { JobSpec } from '../../../shared/job-spec.ts';

export interface Pop3Endpoint {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'plain';
}

/** Where each part of an account is read from: IMAP for folders, POP3 for a POP3 or Auto INBOX. */
export interface SourceEndpoints {
  imap: ImapEndpoint | null;
  pop3: Pop3Endpoint | null;
}

/**
 * Resolves the job's protocol and ports into connections. Implicit TLS is preferred where its
 * port is enabled; the plain ports require STARTTLS/STLS unless the job allows plain text.
 */
export function sourceEndpoints(spec: JobSpec['source'], tls?: ConnectionOptions): SourceEndpoints {
  const { host, ports, protocol, allowPlaintext } = spec;
  const upgrade = allowPlaintext ? 'plain' : 'starttls';
  const imap = (secure: boolean): ImapEndpoint | null => {
    const port = secure ? ports.imaps : ports.imap;
    return port > 0 ? { host, port, security: secure ? 'tls' : upgrade, ...(tls ? { tls } : {}) } : null;
  };
  const pop3 = (secure: boolean): Pop3Endpoint | null => {
    const port = secure ? ports.pop3s : ports.pop3;
    return port > 0 ? { host, port, security: secure ? 'tls' : upgrade } : null;
  };
  switch (protocol) {
    case 'imap':
      return { imap: imap(false), pop3: null };
    case 'imaps':
      return { imap: imap(true), pop3: null };
    case 'pop3':
      return { imap: null, pop3: pop3(false) };
    case 'pop3s':
      return { imap: null, pop3: pop3(true) };
    case 'auto':
      return { imap: imap(true) ?? imap(false), pop3: pop3(true) ?? pop3(false) };
  }
}

export function destinationEndpoint(spec: JobSpec['destination'], tls?: ConnectionOptions): ImapEndpoint {
  const security = spec.protocol === 'imaps' ? 'tls' : spec.allowPlaintext ? 'plain' : 'starttls';
  return { host: spec.host, port: spec.port, security, ...(tls ? { tls } : {}) };
}

/**
 * A mailbox's one name, for the ledger and for the one-run-per-mailbox claim alike: server and
 * login, case-insensitive, and not port or protocol, so 143 and 993 (or a changed port) are the
 * same mailbox.
 */
export function mailboxIdentity(host: string, login: string): string {
  return `${host.toLowerCase()}/${login.toLowerCase()}`;
}
