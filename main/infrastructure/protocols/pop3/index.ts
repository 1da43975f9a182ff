// The public surface of the POP3 client; everything else in this folder is internal.
export { connectPop3, Pop3Client } from './pop3-client.ts';
export type { Pop3ConnectOptions, Pop3Security, Pop3TlsInfo } from './pop3-client.ts';
export type { Capabilities } from './commands/capa.ts';
export type { LoginMechanism } from './commands/login.ts';
export type { MailboxStat } from './commands/stat.ts';
export type { TlsSettings } from './open-socket.ts';
export type { TranscriptEntry, TranscriptListener } from './pop3-connection.ts';
export { isPop3Error, Pop3Error } from './pop3-error.ts';
export type { PeerCertificateSummary, Pop3ErrorCode, Pop3ErrorDetails } from './pop3-error.ts';
