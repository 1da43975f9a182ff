import type { SkipEntry, Translation } from './job-input/folder-path.ts';
import type { SignIn } from './sign-in.ts';

/** Source protocols: `auto` reads INBOX over POP3 and every other folder over IMAP. */
export type SourceProtocol = 'imap' | 'imaps' | 'pop3' | 'pop3s' | 'auto';
export type DestinationProtocol = 'imap' | 'imaps';

/** Ports per protocol; 0 disables one (for `auto`, the POP3 side or the IMAP side). */
export interface ProtocolPorts {
  imap: number;
  imaps: number;
  pop3: number;
  pop3s: number;
}

export const DEFAULT_PORTS: ProtocolPorts = { imap: 143, imaps: 993, pop3: 110, pop3s: 995 };

export interface ServerSpec {
  host: string;
  /** Accept a server without STARTTLS/STLS on the plain ports (passwords then cross unencrypted). */
  allowPlaintext: boolean;
  /** SHA-256 fingerprint of a certificate the admin chose to trust, for this server only. */
  trustedFingerprint: string | null;
  /** How the mailboxes sign in; passwords when absent (jobs created before OAuth2). */
  signIn?: SignIn;
}

/**
 * Everything a job needs except passwords, stored as the job's spec: a retry or a resumed run
 * after a crash reads it back. Passwords live encrypted in the secrets table.
 */
export interface JobSpec {
  source: ServerSpec & { protocol: SourceProtocol; ports: ProtocolPorts };
  destination: ServerSpec & {
    protocol: DestinationProtocol;
    port: number;
    /** An admin who may log in as each user (SASL PLAIN authorization identity). */
    adminUser: string | null;
    adminSecretId: number | null;
    /**
     * Bytes the destination takes into one mailbox a day (Gmail's IMAP upload limit), or
     * null (or absent, in jobs created before) for no limit.
     */
    dailyUploadBytes?: number | null;
  };
  /** Folders to skip, parsed once when the job was created. */
  skip: SkipEntry[];
  /** Folder renames, parsed once when the job was created. */
  translations: Translation[];
  concurrency: number;
}
