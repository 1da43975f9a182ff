// Words for an account's state: the status names shown beside each colour, and for every error
// code a short reason (for a tile) and what to do about it (for the account's detail).
import type { AccountStatus, JobStatus, MigrationErrorCode } from '../../../../preload/contract.ts';

/** The status as a word, so the colour is never the only sign. */
export const ACCOUNT_STATUS_WORDS: Readonly<Record<AccountStatus, string>> = {
  queued: 'Waiting',
  running: 'Copying',
  done: 'Done',
  partial: 'Partly done',
  failed: 'Failed',
};

export const JOB_STATUS_WORDS: Readonly<Record<JobStatus, string>> = {
  queued: 'Waiting to start',
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  partial: 'Partly done',
  failed: 'Failed',
  cancelled: 'Stopped',
};

/** The tone (colour and icon) a job status is shown with. */
export function jobTone(status: JobStatus): AccountStatus {
  switch (status) {
    case 'paused':
    case 'cancelled':
      return 'queued';
    default:
      return status;
  }
}

interface ErrorAdvice {
  /** A few words for the tile. */
  reason: string;
  /** What to do next, one sentence. */
  action: string;
}

const ADVICE: Readonly<Record<MigrationErrorCode, ErrorAdvice>> = {
  'source-auth-failed': {
    reason: 'Wrong password (old server)',
    action: 'Type the account’s correct old-server password below, then press Save and retry.',
  },
  'destination-auth-failed': {
    reason: 'Login refused (new server)',
    action:
      'Create the account on the new server, or type its correct new-server password below; then press Save and retry.',
  },
  'sign-in-again': {
    reason: 'Sign in again',
    action: 'The account’s sign-in expired or was withdrawn: sign in for it again, then Retry.',
  },
  'over-quota': {
    reason: 'New mailbox is full',
    action: 'Raise the mailbox’s quota on the new server, then Retry.',
  },
  'certificate-untrusted': {
    reason: 'Certificate not trusted',
    action:
      'Check the server name, or trust the certificate: start the job again with its fingerprint under Advanced.',
  },
  'certificate-mismatch': {
    reason: 'Certificate is for another name',
    action: 'Use the server name the certificate is made out to, or trust the certificate under Advanced.',
  },
  timeout: {
    reason: 'Server stopped answering',
    action:
      'Cutover retried automatically; Retry to continue. If it keeps happening, run fewer accounts at once.',
  },
  'connection-dropped': {
    reason: 'Connection dropped',
    action: 'Cutover retried automatically; Retry to continue.',
  },
  'message-too-large': {
    reason: 'Messages too large',
    action:
      'These messages are larger than the new server accepts. Raise its message size limit, or move them by hand; the log names them.',
  },
  'daily-upload-limit': {
    reason: 'Waiting for tomorrow’s upload quota',
    action:
      'Nothing to do: the new server takes only so much a day, and Cutover continues by itself tomorrow.',
  },
  throttled: {
    reason: 'Server asked to slow down',
    action: 'Wait a few minutes, then Retry; start jobs with fewer accounts at once.',
  },
  'host-not-found': {
    reason: 'Server name not found',
    action: 'Check the server name and that this computer is online, then start a job with the right name.',
  },
  'connection-refused': {
    reason: 'Connection refused',
    action:
      'Check the port and protocol (IMAP 143 or 993, POP3 110 or 995), then start a job with the right ones.',
  },
  'starttls-unavailable': {
    reason: 'Server offers no encryption',
    action: 'Use the secure port (993 or 995), or allow an unencrypted connection if you accept the risk.',
  },
  'folder-failed': {
    reason: 'Some folders failed',
    action: 'The folders below say why; fix that, then Retry. Nothing already copied is copied again.',
  },
  cancelled: {
    reason: 'Stopped',
    action: 'The job was stopped before this account finished; Resume to carry on.',
  },
  'wrong-protocol': {
    reason: 'Wrong protocol for this port',
    action:
      'The message names the protocol this port speaks; start the job again with that protocol or port.',
  },
  'message-refused': {
    reason: 'Some messages refused',
    action: 'The new server refused these messages; the log names each one and the server’s reason.',
  },
  'job-busy': {
    reason: 'Running elsewhere',
    action: 'Another Cutover window or command runs this job; wait for it, or pause it there first.',
  },
  'mailbox-taken-over': {
    reason: 'Another run took over',
    action:
      'Another job copied into this mailbox while this one was not answering; Retry once it is done. Nothing is copied twice.',
  },
  'nothing-to-read': {
    reason: 'No folder could be read',
    action:
      'Every protocol or port of the old server is switched off for this job; start it again with IMAP or POP3 enabled.',
  },
  internal: {
    reason: 'Unexpected problem',
    action: 'Retry once; if it fails again, download the log and send it to whoever supports Cutover.',
  },
};

const UNKNOWN: ErrorAdvice = {
  reason: 'Problem',
  action: 'Download the log to see what happened, then Retry.',
};

/** A short reason and an action for an error code from main; unknown codes get general advice. */
export function adviceFor(errorCode: string | null): ErrorAdvice {
  if (errorCode === null) return UNKNOWN;
  return (ADVICE as Readonly<Record<string, ErrorAdvice>>)[errorCode] ?? UNKNOWN;
}
