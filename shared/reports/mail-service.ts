// The words the certificate report uses for services and TLS: plain types, for every side.

/** A mail service as the check names it (the SRV service names of RFC 6186 / RFC 8314). */
export type MailService = 'imap' | 'imaps' | 'pop3' | 'pop3s' | 'submission' | 'submissions';

/** STARTTLS upgrades a plain connection; implicit TLS starts with the handshake. */
export type TlsMode = 'starttls' | 'implicit';
