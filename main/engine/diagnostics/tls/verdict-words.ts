// The verdicts in plain words for non-engineers: what is wrong, the fix, and the dialog each
// mail client shows for it, so a user recognises their own screen.
import type { ClientMessage, Verdict, VerdictKind } from '../../../../shared/reports/certificate-report.ts';

/** What the words may mention. */
export interface VerdictContext {
  host: string;
  suggestedHost?: string | null;
  /** Which server setting to change: incoming, outgoing, or both at server level. */
  direction?: 'incoming' | 'outgoing' | 'incoming and outgoing';
  /** Names on the certificate, for a mismatch with no serving alternative. */
  certificateNames?: string[];
  validFrom?: string;
  validTo?: string;
  issuer?: string;
  fingerprint256?: string;
  protocol?: string;
  failureDetail?: string;
}

const VERIFY = 'The server you are connected to is using a security certificate that cannot be verified.';

/** The verdict of one kind, in words. */
export function verdictFor(kind: VerdictKind, context: VerdictContext): Verdict {
  const words = WORDS[kind](context);
  return {
    kind,
    suggestedHost: kind === 'name-mismatch' ? (context.suggestedHost ?? null) : null,
    ...words,
  };
}

type Words = Omit<Verdict, 'kind' | 'suggestedHost'>;

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : 'an unknown date');

const WORDS: Record<VerdictKind, (c: VerdictContext) => Words> = {
  healthy: (c) => ({
    title: 'The certificate is fine',
    explanation: `The certificate is made out to ${c.host}, issued by an authority this device trusts, and current; the connection uses ${c.protocol ?? 'modern TLS'}.`,
    fix: 'Nothing to fix on the server. If a device still warns, that device may be missing current root certificates; update it.',
    clientMessages: [],
  }),
  unreachable: (c) => ({
    title: 'The server could not be reached',
    explanation: `No mail port of ${c.host} answered${c.failureDetail ? `: ${c.failureDetail}` : ''}.`,
    fix: 'Check the server name for typing errors, then check that this network allows mail connections; if both are right, ask the mail provider whether the server is up.',
    clientMessages: [],
  }),
  'no-tls': () => ({
    title: 'This port offers no encryption',
    explanation: 'The server does not start TLS on this port, so a password would travel unencrypted.',
    fix: 'Use the port with TLS (IMAP 993, POP3 995, SMTP 465) or ask the provider to turn on STARTTLS.',
    clientMessages: [
      {
        client: 'Thunderbird',
        shows: 'a connection error, or the account setup refuses the encryption setting',
      },
      {
        client: 'Apple Mail and iOS',
        shows: '"Cannot connect using SSL" (offers to try without SSL: say no)',
      },
      {
        client: 'Outlook',
        shows: '"Your server does not support the connection encryption type you have specified."',
      },
    ],
  }),
  expired: (c) => ({
    title: 'The certificate has expired',
    explanation: `The server's certificate was valid until ${day(c.validTo)}.`,
    fix: "Only the mail provider can fix this: ask them to renew the certificate. Check this device's date first; if it is wrong, correct it.",
    clientMessages: dateMessages('has expired'),
  }),
  'not-yet-valid': (c) => ({
    title: 'The certificate is not valid yet',
    explanation: `The server's certificate is only valid from ${day(c.validFrom)}.`,
    fix: "Check this device's date and time first; if they are right, the provider installed the certificate too early and must fix it.",
    clientMessages: dateMessages('is not yet valid'),
  }),
  'self-signed': (c) => ({
    title: 'The server made its own certificate',
    explanation: 'The certificate is self-signed: no authority vouches for it, so no device trusts it.',
    fix: `Ask the provider to install a certificate from a public authority. If you confirm the fingerprint with them (SHA-256 ${c.fingerprint256 ?? 'shown in the details'}), you may trust this one certificate for this server only.`,
    clientMessages: untrustedMessages(),
  }),
  'untrusted-issuer': (c) => ({
    title: 'The certificate comes from an authority this device does not trust',
    explanation: `The certificate was issued by ${c.issuer ?? 'an unknown authority'}, which is not among the roots this device trusts.`,
    fix: 'If the server does not send its intermediate certificate, the provider must add it. Otherwise this device may be missing current root certificates; update it.',
    clientMessages: untrustedMessages(),
  }),
  'name-mismatch': (c) => ({
    title: 'The server name does not match the certificate',
    explanation: `The certificate is made out to ${listNames(c.certificateNames)}, not to ${c.host}.`,
    fix: c.suggestedHost
      ? `Use ${c.suggestedHost} (the name on the certificate) as your ${c.direction ?? 'incoming and outgoing'} server.`
      : `None of the certificate's names serves this port; ask the mail provider which server name to use.`,
    clientMessages: [
      {
        client: 'Thunderbird',
        shows: '"Add Security Exception": the certificate belongs to a different site',
      },
      {
        client: 'Apple Mail and iOS',
        shows: `"Cannot Verify Server Identity": the identity of "${c.host}" cannot be verified`,
      },
      { client: 'Outlook', shows: `"${VERIFY} The target principal name is incorrect."` },
    ],
  }),
  'old-tls': (c) => ({
    title: 'The server only speaks outdated encryption',
    explanation:
      c.protocol && /1\.[23]/.test(c.protocol)
        ? 'The server only accepts outdated ciphers, which current mail apps refuse.'
        : `The server only accepts ${c.protocol ?? 'an old TLS version'}, older than TLS 1.2, which current mail apps refuse.`,
    fix: 'The provider must enable TLS 1.2 or 1.3 on the server. Do not lower the security settings on your devices.',
    clientMessages: [
      {
        client: 'Thunderbird',
        shows: 'a failed connection ("secure connection failed") rather than a certificate dialog',
      },
      {
        client: 'Apple Mail and iOS',
        shows: '"Cannot Verify Server Identity" or "the server may not support SSL"',
      },
      {
        client: 'Outlook',
        shows: '"Your server does not support the connection encryption type you have specified."',
      },
    ],
  }),
};

function dateMessages(state: string): ClientMessage[] {
  return [
    { client: 'Thunderbird', shows: `"Add Security Exception": the certificate ${state}` },
    { client: 'Apple Mail and iOS', shows: '"Cannot Verify Server Identity"' },
    { client: 'Outlook', shows: `"${VERIFY} The security certificate has expired or is not yet valid."` },
  ];
}

function untrustedMessages(): ClientMessage[] {
  return [
    { client: 'Thunderbird', shows: '"Add Security Exception": the certificate is not trusted' },
    { client: 'Apple Mail and iOS', shows: '"Cannot Verify Server Identity"' },
    {
      client: 'Outlook',
      shows: `"${VERIFY} The certificate chain was issued by an authority that is not trusted."`,
    },
  ];
}

function listNames(names: string[] | undefined): string {
  if (!names || names.length === 0) return 'other names';
  return names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
}
